//! The language switch: one button per language, in that language's own name. A plain form
//! (see the server's `/language`), so it works without JavaScript and the next page comes in
//! the new language from its first byte.
use crate::i18n::{lang, Lang};
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_location;

/// The switch, for the header and the sign-in page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    let current = lang();
    view! {
        <form method="post" action="/language" class="language-switch" aria-label=tr!("language-switch")>
            <input type="hidden" name="back" value=back/>
            {Lang::ALL.iter().map(|&l| view! {
                <button type="submit" name="lang" value=l.code() class="link-button"
                    lang=l.code() aria-pressed=if l == current { "true" } else { "false" }
                    disabled=l == current>{l.name()}</button>
            }).collect_view()}
        </form>
    }
}
