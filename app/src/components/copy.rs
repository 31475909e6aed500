//! A read-only value with a "Copy" button (the button works through `/copy.js`).
use leptos::prelude::*;
use leptos_fluent::tr;

/// A read-only text field showing `value`, labelled `label`, with a "Copy" button.
#[component]
pub fn CopyField(
    /// The input's ID, which the button copies from.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
) -> impl IntoView {
    // "Copy client ID", "Kopier klient-ID": the label's first letter in lower case.
    let mut chars = label.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    let button_label = tr!("copy-what", { "what" => lowered });
    view! {
        <div class="copy-row">
            <input id=id.clone() type="text" readonly class="copy-link" value=value aria-label=label/>
            <button type="button" class="secondary copy-button" data-copy=id aria-label=button_label
                data-copied=tr!("copy-done") data-manual=tr!("copy-manual")>{tr!("copy")}</button>
        </div>
    }
}
