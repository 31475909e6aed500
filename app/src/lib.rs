//! Portico's user interface, server functions and shared types. With `ssr` it also holds the
//! entities and domain services (module [`server`]); with `hydrate` it runs in the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod dto;
pub mod error;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <script src="/copy.js" defer></script>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: every page route. Pages render completely on the server (`SsrMode::Async`)
/// so they work before, and without, the WASM bundle.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser: this marks the page as hydrated (the end-to-end tests
    // wait for it before testing what needs the WASM bundle).
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    let ssr = SsrMode::Async;
    view! {
        <Stylesheet id="leptos" href="/pkg/portico.css"/>
        <Title formatter=|t: String| if t.is_empty() { "Portico".to_string() } else { format!("{t} · Portico") }/>
        <Router>
            <Routes fallback=pages::errors::NotFoundPage>
                <Route path=path!("/") view=pages::home::HomePage ssr=ssr.clone()/>
                <Route path=path!("/sign-in") view=pages::sign_in::SignInPage ssr=ssr.clone()/>
                <Route path=path!("/sign-in/confirm") view=pages::sign_in::ConfirmPage ssr=ssr.clone()/>
                <Route path=path!("/choose") view=pages::home::ChoosePage ssr=ssr.clone()/>
                <ParentRoute path=path!("/o/:org") view=components::shell::OrgShell ssr=ssr.clone()>
                    <Route path=path!("") view=pages::dashboard::DashboardPage ssr=ssr.clone()/>
                    <Route path=path!("users") view=pages::users::UsersPage ssr=ssr.clone()/>
                    <Route path=path!("organizations") view=pages::operator::OrganizationsPage ssr=ssr.clone()/>
                    <Route path=path!("organizations/:id") view=pages::operator::OrganizationPage ssr=ssr.clone()/>
                    <Route path=path!("catalog") view=pages::operator::CatalogPage ssr=ssr.clone()/>
                    <Route path=path!("suppliers") view=pages::suppliers::SuppliersPage ssr=ssr.clone()/>
                    <Route path=path!("notifications") view=pages::notifications::NotificationsPage ssr=ssr.clone()/>
                    <Route path=path!("legacy-access") view=pages::legacy::LegacyAccessPage ssr=ssr.clone()/>
                    <Route path=path!("products") view=pages::products::ProductsPage ssr=ssr.clone()/>
                    <Route path=path!("products/new") view=pages::products::NewProductPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id") view=pages::products::ProductPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id/edit") view=pages::products::EditProductPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id/functions") view=pages::picker::FunctionsPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id/access") view=pages::products::AccessPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id/subscriptions/new") view=pages::push::NewSubscriptionPage ssr=ssr.clone()/>
                    <Route path=path!("products/:id/subscriptions/:sid") view=pages::push::SubscriptionPage ssr=ssr.clone()/>
                    <Route path=path!("webhooks") view=pages::push::WebhooksPage ssr=ssr.clone()/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
