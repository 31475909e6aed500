//! Which language a request is answered in, and times on Portico's wall clock.
//!
//! A page is rendered in the signed-in user's saved language; a visitor's in the language their
//! `portico_lang` cookie names, else the first of ours their browser asks for
//! (`Accept-Language`), else `PORTICO_DEFAULT_LOCALE`. The server puts the choice into every
//! request ([`choose`], by the server's middleware) and server functions read it back
//! ([`of_request`]). Times are shown on `PORTICO_TIME_ZONE`'s wall clock ([`super::clock::local`]).
use super::Config;
use crate::i18n::{Lang, COOKIE};
use http::header::{ACCEPT_LANGUAGE, COOKIE as COOKIE_HEADER};
use http::request::Parts;
use http::HeaderMap;

/// The language a visitor's cookie names, if it names one of ours.
pub fn from_cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(COOKIE_HEADER)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| v.parse().ok())
}

/// The language of a request: `saved` (the signed-in user's), else the cookie's, else the
/// browser's, else the configured default.
pub fn choose(headers: &HeaderMap, config: &Config, saved: Option<Lang>) -> Lang {
    saved
        .or_else(|| from_cookie(headers))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(config.default_lang)
}

/// The language the server chose for this request (the default where none was chosen, as in
/// tests that call services directly).
pub fn of_request(parts: &Parts) -> Lang {
    parts.extensions.get::<Lang>().copied().unwrap_or_default()
}

/// The `Set-Cookie` value that keeps `lang` for a year.
pub fn cookie_header(config: &Config, lang: Lang) -> String {
    let secure = if config.https() { "; Secure" } else { "" };
    format!(
        "{COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}",
        lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Environment;
    use crate::server::testing::config_for;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_saved_language_wins_then_the_cookie_then_the_browser_then_the_default() {
        let mut config = config_for(Environment::Test);
        let both = headers(&[
            ("cookie", "a=b; portico_lang=nb"),
            ("accept-language", "en"),
        ]);
        assert_eq!(choose(&both, &config, Some(Lang::En)), Lang::En);
        assert_eq!(choose(&both, &config, None), Lang::Nb);
        let browser = headers(&[
            ("cookie", "portico_lang=klingon"),
            ("accept-language", "nb-NO,en;q=0.5"),
        ]);
        assert_eq!(choose(&browser, &config, None), Lang::Nb);
        assert_eq!(choose(&headers(&[]), &config, None), Lang::En);
        config.default_lang = Lang::Nb;
        assert_eq!(
            choose(&headers(&[("accept-language", "de")]), &config, None),
            Lang::Nb
        );
    }

    #[test]
    fn times_are_shown_on_the_oslo_wall_clock() {
        use crate::server::clock::local;
        // 13:05 UTC on 1 December is 14:05 in Oslo (winter time), and 12:05 UTC in June too.
        let winter = "2026-12-01T13:05:00Z".parse().unwrap();
        let summer = "2026-06-01T12:05:00Z".parse().unwrap();
        assert_eq!(
            local(winter).date_time(Lang::Nb),
            "1. desember 2026 kl. 14:05"
        );
        assert_eq!(local(summer).date_time(Lang::En), "1 June 2026, 14:05");
    }
}
