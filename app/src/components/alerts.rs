//! Outcome messages: an error in an alert, a success note, and a form's last result.
use crate::error::AppError;
use crate::i18n::lang;
use leptos::prelude::*;

/// An error message, announced at once.
#[component]
pub fn Alert(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="form-error" role="alert">{text}</p> }
}

/// A success message, announced politely.
#[component]
pub fn Success(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="form-success" role="status">{text}</p> }
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
        Some(Err(e)) => Some(view! { <Alert text=e.message(lang())/> }.into_any()),
        Some(Ok(v)) => success.map(|f| view! { <Success text=f.run(v)/> }.into_any()),
        None => None,
    }
}

/// The outcome a no-JavaScript form post brought back in the page's URL: `error=` as an alert,
/// and each of `successes` (such as `saved=`) as a success note.
#[component]
pub fn QueryMessages(#[prop(optional)] successes: &'static [&'static str]) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    view! {
        {move || query.read().get("error").map(|e| view! { <Alert text=e/> })}
        {move || successes.iter().filter_map(|k| query.read().get(k)).map(|m| view! { <Success text=m/> }).collect_view()}
    }
}
