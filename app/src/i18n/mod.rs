//! Languages: every text a person reads exists in English (`en`) and Norwegian bokmål (`nb`),
//! in `app/locales/<lang>/*.ftl` (Fluent). Pages translate with leptos-fluent's `tr!` and
//! `move_tr!` inside the context [`provide`] sets up; the server (e-mails, validation messages,
//! notifications) with [`text`] and [`text_with`] in a given language.
//!
//! The language of a request is chosen on the server (see `server::locale`): the signed-in
//! user's saved language, else the `portico_lang` cookie, else `Accept-Language`, else
//! `PORTICO_DEFAULT_LOCALE`. The page is rendered in it (`<html lang>` says which) and the
//! browser reads it back from there when it hydrates, so no page flashes another language.
mod format;
#[cfg(test)]
mod tests;

pub use crate::glossary::Lang;
pub use format::{count, decimal, month_of_year, LocalTime};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use leptos::prelude::*;
use leptos_fluent::{I18n, Language, WritingDirection};
use std::borrow::Cow;
use std::collections::HashMap;

// Both languages' messages, built into the binary from `app/locales`.
fluent_templates::static_loader! {
    pub static TRANSLATIONS = {
        locales: "./locales",
        fallback_language: "en",
        // Plain text: no Unicode isolation marks around the values put into a message.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name of the cookie that keeps a visitor's choice of language.
pub const COOKIE: &str = "portico_lang";

static EN: Language = Language {
    id: "en",
    name: "English",
    dir: &WritingDirection::Ltr,
    flag: None,
    script: None,
};
static NB: Language = Language {
    id: "nb",
    name: "Norsk",
    dir: &WritingDirection::Ltr,
    flag: None,
    script: None,
};
static LANGUAGES: [&Language; 2] = [&EN, &NB];

impl Default for Lang {
    fn default() -> Self {
        Lang::En
    }
}

impl Lang {
    /// The language's code (`en`, `nb`): in `<html lang>`, the cookie and the users table.
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// The language's own name, as the switch shows it ("English", "Norsk").
    pub fn name(self) -> &'static str {
        self.language().name
    }

    fn language(self) -> &'static Language {
        match self {
            Lang::En => &EN,
            Lang::Nb => &NB,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => fluent_templates::langid!("en"),
            Lang::Nb => fluent_templates::langid!("nb"),
        }
    }

    /// A language tag as browsers and people write it: `en`, `en-GB`, `nb`, `nb-NO`, and `no`
    /// (Norwegian, which for Portico is bokmål). Anything else is not ours.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nb" | "no" => Some(Lang::Nb),
            _ => None,
        }
    }

    /// The most wanted of our languages in an `Accept-Language` header (`nb-NO,nb;q=0.9,en;q=0.8`),
    /// if it names one. Bad parts are skipped; at most the first 20 parts are read.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',').take(20) {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .filter(|q| q.is_finite() && *q > 0.0);
            if let Some(q) = q {
                if best.is_none_or(|(b, _)| q > b) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l)
    }
}

/// The language of the page being rendered, as [`provide`] set it.
#[derive(Clone, Copy)]
struct Current(Lang);

/// Sets up translation for the page: leptos-fluent's context (for `tr!`) and [`lang`].
pub fn provide(lang: Lang) {
    provide_context(Current(lang));
    provide_context(I18n::new(
        RwSignal::new(lang.language()),
        &LANGUAGES,
        Signal::stored(vec![&TRANSLATIONS]),
    ));
}

/// The language of the page being rendered; in a server function, the request's.
pub fn lang() -> Lang {
    if let Some(Current(lang)) = use_context::<Current>() {
        return lang;
    }
    #[cfg(feature = "ssr")]
    return crate::server::request::lang();
    #[cfg(not(feature = "ssr"))]
    Lang::default()
}

/// The language the server rendered the page in: on the server, the request's; in the
/// browser, `<html lang>`, which the server wrote.
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    return crate::server::request::lang();
    #[cfg(not(feature = "ssr"))]
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| code.parse().ok())
        .unwrap_or_default()
}

/// The message `key` in `lang` (the key itself if it is missing, which a test prevents).
pub fn text(lang: Lang, key: &str) -> String {
    TRANSLATIONS
        .try_lookup(&lang.id(), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in `lang` with its values (`{ $name }` in the message).
pub fn text_with(lang: Lang, key: &str, args: &[(&'static str, Value)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.fluent()))
        .collect();
    TRANSLATIONS
        .try_lookup_with_args(&lang.id(), key, &args)
        .unwrap_or_else(|| key.to_owned())
}

/// A value put into a message: text, or a number (which also chooses the plural form).
#[derive(Clone, Debug)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl Value {
    fn fluent(&self) -> FluentValue<'static> {
        match self {
            Value::Text(s) => FluentValue::from(s.clone()),
            Value::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

macro_rules! number_value {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_value!(i32, i64, u32, u64, usize);

/// `t!(lang, "key")` or `t!(lang, "key", name = value, ...)`: the message in `lang`, on the
/// server or in a page (where `lang` is usually [`lang()`]).
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:literal) => {
        $crate::i18n::text($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::Value::from($value))),+],
        )
    };
}
