//! Destructive actions behind a confirmation that names what will happen.
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::{use_location, use_query_map};

/// A destructive action behind a confirmation. At first a link to this page with
/// `?confirm=<key>`; there, a notice that says what will happen, the action's own form
/// (`children`, whose submit button does it) and "Cancel". Being a URL, the step works the same
/// without JavaScript (a page load) and with it (the router swaps it in place, focus moves to
/// the notice). Once the action is done (`done` changes) the page returns to its plain URL, as
/// the server's redirect does after a form post without JavaScript.
#[component]
pub fn Confirmed(
    /// Names this confirmation among the page's (the `confirm` query value): unique per row.
    key: String,
    /// The first link's text ("Retire product").
    label: String,
    /// What will happen, as a sentence that names the thing.
    warning: String,
    /// The first link's accessible name when `label` alone is ambiguous ("Revoke Access key 1").
    #[prop(optional)]
    describe: Option<String>,
    /// The action's version (`ServerAction::version`): it changes when the action completes.
    #[prop(into)]
    done: Signal<usize>,
    /// The action's form; its submit button carries out the action.
    children: ChildrenFn,
) -> impl IntoView {
    let query = use_query_map();
    let location = use_location();
    let id = format!("confirm-{key}");
    let key = StoredValue::new(key);
    let asked = move || key.with_value(|k| query.read().get("confirm").as_deref() == Some(k));
    let ask = move || format!("{}?confirm={}", location.pathname.get(), key.get_value());
    let back = move || location.pathname.get();
    // The action's version when last looked at: a change while the confirmation is open means
    // the action was carried out.
    let seen = StoredValue::new(done.get_untracked());
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        let version = done.get();
        if asked() && version != seen.get_value() {
            let options = leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&location.pathname.get_untracked(), options);
        }
        seen.set_value(version);
    });
    view! {
        <Show
            when=asked
            fallback=move || view! { <a class="button danger-outline" href=ask aria-label=describe.clone()>{label.clone()}</a> }
        >
            <div class="notice warn confirm" role="group" aria-labelledby=id.clone()>
                <p id=id.clone()><strong>{warning.clone()}</strong></p>
                {children()}
                " "<a href=back>{tr!("cancel")}</a>
            </div>
        </Show>
    }
}
