//! The application: the HTML shell, and every feature's route group in one router. This is
//! the one place that knows all the features, so it also wires their pages together (the
//! product page's push section, the operator's legacy grants on a partner's page).
use crate::components::errors::NotFoundPage;
use crate::features::accounts::pages::{
    AccountRoutes, DashboardSections, OrgShell, OrganizationRoutes, OrganizationSections,
};
use crate::features::{
    access, activations, audit, catalog, notifications, onboarding, orders, partner_api, pricing,
    product_orders, products, push, sales_units,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{ParentRoute, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::request::content_security_policy();
    let css = stylesheet(&options);
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::page_lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" id="leptos" href=css/>
                <meta name="request-id" content=crate::components::errors::request_reference().unwrap_or_default()/>
                <script src="/copy.js" defer></script>
                // Only under `cargo leptos watch` (it sets LEPTOS_WATCH): reloads on rebuilds.
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The stylesheet's address (hashed in built sites); the shell renders only on the server.
fn stylesheet(options: &LeptosOptions) -> &'static str {
    #[cfg(feature = "ssr")]
    return crate::server::assets::stylesheet(options);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
        "/pkg/portico.css"
    }
}

/// The push subscriptions section of the product page.
fn product_subscriptions(org: i32, product_id: i32) -> AnyView {
    view! { <push::pages::ProductSubscriptions org=org product_id=product_id/> }.into_any()
}

/// The operator's legacy grants section of a partner's organization page.
fn partner_legacy_grants(org: i32, partner_id: i32) -> AnyView {
    view! { <access::pages::OperatorLegacySection org=org partner_id=partner_id/> }.into_any()
}

/// The price packages of a customer's installations, on the operator's customer page.
fn customer_price_packages(org: i32, customer_id: i32) -> AnyView {
    view! { <pricing::pages::CustomerPackagesSection org=org customer_id=customer_id/> }.into_any()
}

/// An order integration product's latest orders on an installation, in its supplier panel.
fn supplier_orders(
    org: Signal<i32>,
    installation: Signal<String>,
    product: Signal<String>,
) -> activations::pages::SectionView {
    orders::pages::recent_orders(org, installation, product)
}

/// The dashboard's figures.
fn dashboard_figures(org: Signal<i32>) -> AnyView {
    view! { <sales_units::pages::FiguresSection org=org/> }.into_any()
}

/// The application: every page route. Pages render completely on the server (`SsrMode::Async`)
/// so they work before, and without, the WASM bundle.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide(crate::i18n::page_lang());
    provide_context(products::pages::ProductSections {
        subscriptions: product_subscriptions,
    });
    provide_context(OrganizationSections {
        partner: partner_legacy_grants,
        customer: customer_price_packages,
    });
    provide_context(activations::pages::SupplierSections {
        orders: supplier_orders,
    });
    provide_context(DashboardSections {
        figures: dashboard_figures,
    });
    // Effects run only in the browser: this marks the page as hydrated (the end-to-end tests
    // wait for it before testing what needs the WASM bundle).
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=|t: String| if t.is_empty() { "Portico".to_string() } else { format!("{t} · Portico") }/>
        <Router>
            <Routes fallback=NotFoundPage>
                <AccountRoutes/>
                <product_orders::pages::SignUpRoutes/>
                <onboarding::pages::RequestAccessRoutes/>
                <ParentRoute path=path!("/o/:org") view=OrgShell ssr=SsrMode::Async>
                    <OrganizationRoutes/>
                    <catalog::pages::CatalogRoutes/>
                    <activations::pages::ActivationRoutes/>
                    <notifications::pages::NotificationRoutes/>
                    <access::pages::AccessRoutes/>
                    <products::pages::ProductRoutes/>
                    <push::pages::PushRoutes/>
                    <sales_units::pages::SalesUnitRoutes/>
                    <pricing::pages::PricingRoutes/>
                    <partner_api::pages::PartnerApiRoutes/>
                    <orders::pages::OrderRoutes/>
                    <product_orders::pages::ProductOrderRoutes/>
                    <audit::pages::AuditRoutes/>
                    <onboarding::pages::AccessRequestQueueRoutes/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
