//! Building blocks shared by the pages.
pub mod shell;

use crate::dto::{InstallationDto, SessionDto};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;

/// The organization ID in the URL (`/o/:org/...`); 0 when it is not a number (then every
/// server function refuses it).
pub fn org_param() -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("org")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    })
}

/// A numeric URL parameter by name, 0 when absent or not a number.
pub fn id_param(name: &'static str) -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get(name)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    })
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
        AppError::NotSignedIn => view! { <Redirect path="/sign-in"/> }.into_any(),
        AppError::Forbidden => view! {
            <section class="page-message" aria-labelledby="err-title">
                <p class="status-code">"403"</p>
                <h1 id="err-title">"Access denied"</h1>
                <p>"You do not have access to this page as the organization you act as."</p>
                <p><a href="/choose">"Choose another organization"</a></p>
            </section>
        }
        .into_any(),
        AppError::NotFound => view! {
            <section class="page-message" aria-labelledby="err-title">
                <p class="status-code">"404"</p>
                <h1 id="err-title">"Not found"</h1>
                <p>"It may have been removed, or the link is wrong."</p>
                <p><a href="/">"Go to the start page"</a></p>
            </section>
        }
        .into_any(),
        other => view! {
            <section class="page-message" aria-labelledby="err-title">
                <h1 id="err-title">"Something went wrong"</h1>
                <p>{other.to_string()}</p>
            </section>
        }
        .into_any(),
    }
}

/// The outcome of a form's last submission: the error in an alert, or a success note.
#[component]
pub fn FormResult<T: Clone + Send + Sync + 'static>(
    #[prop(into)] value: Signal<Option<Result<T, AppError>>>,
    /// The message on success (`None`: say nothing).
    #[prop(into, optional)]
    success: Option<Callback<T, String>>,
) -> impl IntoView {
    move || match value.get() {
        Some(Err(e)) => {
            Some(view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any())
        }
        Some(Ok(v)) => success
            .map(|f| view! { <p class="form-success" role="status">{f.run(v)}</p> }.into_any()),
        None => None,
    }
}

/// A customer's installations, or what to do when there are none.
#[component]
pub fn InstallationsTable(
    installations: Vec<InstallationDto>,
    empty: &'static str,
) -> impl IntoView {
    if installations.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table aria-label="Installations">
            <thead><tr><th scope="col">"Installation ID"</th><th scope="col">"Name"</th><th scope="col">"Status"</th></tr></thead>
            <tbody>
                {installations.into_iter().map(|i| view! {
                    <tr>
                        <td><code>{i.installation_id}</code>{i.is_sandbox.then(|| view! { " " <Badge text="Partner sandbox" tone="sandbox"/> })}</td>
                        <td>{i.name}</td>
                        <td>{i.status}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The signed-in session, or the view to show instead: a redirect to sign-in, or the error.
pub fn signed_in(loaded: Result<Option<SessionDto>, AppError>) -> Result<SessionDto, AnyView> {
    match loaded {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(view! { <Redirect path="/sign-in"/> }.into_any()),
        Err(e) => Err(view! { <ErrorView error=e/> }.into_any()),
    }
}

/// A small coloured label, such as an organization kind or a role.
#[component]
pub fn Badge(#[prop(into)] text: String, #[prop(into, optional)] tone: String) -> impl IntoView {
    view! { <span class=format!("badge {tone}")>{text}</span> }
}

/// `?a=1&b=x%20y` from name/value pairs, leaving out empty values (so links stay short and a
/// filter that is not set is not in the URL). Values are percent-encoded.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let encode = |v: &str| {
        v.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::query_string;

    #[test]
    fn query_strings_leave_out_empty_values_and_encode_the_rest() {
        assert_eq!(query_string(&[]), "");
        assert_eq!(query_string(&[("status", ""), ("q", "")]), "");
        assert_eq!(
            query_string(&[("status", "failed"), ("q", "evt_a b&c=d/é")]),
            "?status=failed&q=evt_a%20b%26c%3Dd%2F%C3%A9"
        );
    }
}
