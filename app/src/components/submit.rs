//! A form's submit button that says when it is working.
use leptos::prelude::*;

/// The submit button of an action's form: while the action runs (`pending`) it is disabled,
/// marked busy and says `busy` ("Checking the receiver…"), so a slow action is neither sent
/// twice nor taken for a stuck page. Without JavaScript it is a plain submit button (the
/// browser shows the page loading).
#[component]
pub fn Submit(
    /// The button's text.
    label: String,
    /// Its text while the action runs.
    busy: String,
    /// The action's `pending()`.
    #[prop(into)]
    pending: Signal<bool>,
    /// The button's class: `primary` unless given.
    #[prop(optional, into)]
    class: Option<String>,
) -> impl IntoView {
    let class = class.unwrap_or_else(|| "primary".to_owned());
    view! {
        <button type="submit" class=class disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")>
            {move || if pending.get() { busy.clone() } else { label.clone() }}
        </button>
    }
}
