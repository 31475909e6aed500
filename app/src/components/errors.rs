//! What a page shows instead of its content: sign-in, 403, 404 or a general message.
use crate::error::AppError;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// To the sign-in page, which comes back to this page (path and query) once signed in.
#[component]
pub fn SignInFirst() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let search = location.search.get_untracked();
    let query = match search.as_str() {
        "" | "?" => String::new(),
        q if q.starts_with('?') => q.to_owned(),
        q => format!("?{q}"),
    };
    let here = format!("{}{query}", location.pathname.get_untracked());
    view! { <Redirect path=crate::paths::sign_in_then(&here)/> }
}

/// What a page shows when loading its data failed: sign-in, 403, 404 or a general message.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use crate::server::request::set_status;
        use http::StatusCode;
        match &error {
            AppError::Forbidden => set_status(StatusCode::FORBIDDEN),
            AppError::NotFound => set_status(StatusCode::NOT_FOUND),
            AppError::Internal => set_status(StatusCode::INTERNAL_SERVER_ERROR),
            _ => {}
        }
    }
    match error {
        AppError::NotSignedIn => view! { <SignInFirst/> }.into_any(),
        AppError::Forbidden => view! {
            <section class="page-message" aria-labelledby="err-title">
                <Title text=tr!("error-403-title")/>
                <p class="status-code">"403"</p>
                <h1 id="err-title">{tr!("error-403-title")}</h1>
                <p>{tr!("error-403-text")}</p>
                <p><a href="/choose">{tr!("error-403-choose")}</a></p>
            </section>
        }
        .into_any(),
        AppError::NotFound => view! {
            <section class="page-message" aria-labelledby="err-title">
                <Title text=tr!("error-404-title")/>
                <p class="status-code">"404"</p>
                <h1 id="err-title">{tr!("error-404-title")}</h1>
                <p>{tr!("error-404-text")}</p>
                <p><a href="/">{tr!("error-404-home")}</a></p>
            </section>
        }
        .into_any(),
        other => view! {
            <section class="page-message" aria-labelledby="err-title">
                <Title text=tr!("error-title")/>
                <h1 id="err-title">{tr!("error-title")}</h1>
                <p>{other.message(lang())}</p>
                {(other == AppError::Internal).then(request_reference).flatten().map(|r| view! {
                    <p class="muted">{tr!("error-reference")}" "<code>{r}</code></p>
                })}
            </section>
        }
        .into_any(),
    }
}

/// Any URL that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <main id="main" class="content narrow"><ErrorView error=AppError::NotFound/></main> }
}

/// The page request's ID (what the server's log calls it), for the operator to find a failure
/// by. The server reads it from the request; the browser from the page's `request-id` meta tag,
/// which the server wrote, so both render the same.
pub fn request_reference() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| p.headers.get("x-request-id").cloned())
            .and_then(|v| v.to_str().ok().map(str::to_owned))
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .query_selector("meta[name=request-id]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    }
}
