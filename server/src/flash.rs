//! Outcome messages in URLs, made unforgeable. After a no-JavaScript form post, the page shows
//! what happened from its query string (`error`, `saved`, `imported`, and leptos' `__err`).
//! Left alone, a crafted link could make Portico display any text as its own alert. So:
//!
//! - a redirect is signed (`_m`: an expiry and an HMAC under `PORTICO_SECRET_KEY` over the
//!   path, the messages and the expiry) only for the messages the server produced: a message
//!   that was already in the request's `Referer` (leptos sends a failed form back there) is
//!   dropped, unless the Referer carried it under a valid signature of ours;
//! - a page request carrying messages without a valid, unexpired signature is redirected to
//!   the same page without them.
use app::server::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The query parameters whose text a page displays.
const MESSAGES: &[&str] = &["error", "saved", "imported", "__err"];
const MAC: &str = "_m";
/// How long a signed message stays showable (a reload soon after is fine; a link kept for
/// later is not).
const VALID_FOR_SECS: i64 = 15 * 60;

type Pairs = Vec<(String, String)>;

fn pairs(query: &str) -> Pairs {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn is_message(key: &str) -> bool {
    MESSAGES.contains(&key)
}

fn now_secs() -> i64 {
    app::server::clock::now().timestamp()
}

/// The MAC of `messages` on `path` until `expires` (unix seconds).
fn mac(state: &AppState, path: &str, messages: &Pairs, expires: i64) -> String {
    let mut sorted = messages.clone();
    sorted.sort();
    let text: Vec<String> = sorted.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let hash = state
        .config
        .secret_key
        .hash(&format!("flash:{expires}:{path}?{}", text.join("&")));
    hash[..32].to_owned()
}

/// `<expires>-<mac>` for the messages, valid from now.
fn signature(state: &AppState, path: &str, messages: &Pairs) -> String {
    let expires = now_secs() + VALID_FOR_SECS;
    format!("{expires}-{}", mac(state, path, messages, expires))
}

/// Whether `given` is a valid, unexpired signature of these messages on `path`.
fn verify(state: &AppState, path: &str, messages: &Pairs, given: Option<&str>, now: i64) -> bool {
    let Some((expires, given_mac)) = given.and_then(|g| g.split_once('-')) else {
        return false;
    };
    let Ok(expires) = expires.parse::<i64>() else {
        return false;
    };
    expires >= now
        && expires <= now + VALID_FOR_SECS
        && app::server::secrets::constant_time_eq(given_mac, &mac(state, path, messages, expires))
}

/// The messages of a query, and its signature.
fn messages_of(query: &Pairs) -> (Pairs, Option<String>) {
    let messages = query
        .iter()
        .filter(|(k, _)| is_message(k))
        .cloned()
        .collect();
    let mac = query.iter().find(|(k, _)| k == MAC).map(|(_, v)| v.clone());
    (messages, mac)
}

/// The query without the messages and their signature.
fn without_messages(query: &str) -> String {
    let kept: Pairs = pairs(query)
        .into_iter()
        .filter(|(k, _)| k != MAC && !is_message(k))
        .collect();
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish()
}

/// Signs the server's messages of outgoing redirects; turns away unsigned messages on page
/// requests.
pub async fn guard(req: Request, next: Next) -> Response {
    let Some(state) = req.extensions().get::<AppState>().cloned() else {
        return next.run(req).await;
    };
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        let path = req.uri().path().to_owned();
        let query = req.uri().query().unwrap_or("").to_owned();
        let (messages, given) = messages_of(&pairs(&query));
        if !messages.is_empty() && !verify(&state, &path, &messages, given.as_deref(), now_secs()) {
            let rest = without_messages(&query);
            let to = if rest.is_empty() {
                path
            } else {
                format!("{path}?{rest}")
            };
            return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        }
    }
    let host = header_text(&req, header::HOST);
    let referer = header_text(&req, header::REFERER);
    let change = req.method() == Method::POST;
    let mut res = next.run(req).await;
    if change && res.status().is_redirection() {
        // A confirmed action was carried out: back to the page, not to its confirmation step.
        let plain = res
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(without_confirmation)
            .and_then(|l| HeaderValue::from_str(&l).ok());
        if let Some(v) = plain {
            res.headers_mut().insert(header::LOCATION, v);
        }
    }
    if res.status().is_redirection() {
        let signed = res
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(|location| {
                sign_location(&state, location, host.as_deref(), referer.as_deref())
            });
        if let Some(v) = signed.and_then(|s| HeaderValue::from_str(&s).ok()) {
            res.headers_mut().insert(header::LOCATION, v);
        }
    }
    res
}

/// `location` without its `confirm` step (`app::components::Confirmed`), when it has one.
fn without_confirmation(location: &str) -> Option<String> {
    let (path, query) = location.split_once('?')?;
    let is_step = |s: &&str| *s == "confirm" || s.starts_with("confirm=");
    if !query.split('&').any(|s| is_step(&s)) {
        return None;
    }
    let rest: Vec<&str> = query.split('&').filter(|s| !is_step(s)).collect();
    Some(if rest.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", rest.join("&"))
    })
}

fn header_text(req: &Request, name: header::HeaderName) -> Option<String> {
    req.headers()
        .get(name)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
}

/// The path and query of a URL when it is ours: path-absolute, or absolute on this request's
/// host.
fn local(url: &str, host: Option<&str>) -> Option<(String, String)> {
    if url.starts_with('/') && !url.starts_with("//") {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        return Some((path.to_owned(), query.to_owned()));
    }
    let parsed = url::Url::parse(url).ok()?;
    let authority = match parsed.port() {
        Some(p) => format!("{}:{p}", parsed.host_str()?),
        None => parsed.host_str()?.to_owned(),
    };
    (Some(authority.as_str()) == host).then(|| {
        (
            parsed.path().to_owned(),
            parsed.query().unwrap_or("").to_owned(),
        )
    })
}

/// The location with only the server's own messages, signed; `None` to leave it as it is.
fn sign_location(
    state: &AppState,
    location: &str,
    host: Option<&str>,
    referer: Option<&str>,
) -> Option<String> {
    let (path, query) = local(location, host)?;
    let query = pairs(&query);
    let (mut messages, _) = messages_of(&query);
    if messages.is_empty() && !query.iter().any(|(k, _)| k == MAC) {
        return None;
    }
    // What the Referer carried came from whoever wrote that URL, unless we signed it.
    if let Some((ref_path, ref_query)) = referer.and_then(|r| local(r, host)) {
        let (ref_messages, ref_mac) = messages_of(&pairs(&ref_query));
        if !verify(
            state,
            &ref_path,
            &ref_messages,
            ref_mac.as_deref(),
            now_secs(),
        ) {
            for m in &ref_messages {
                if let Some(i) = messages.iter().position(|x| x == m) {
                    messages.remove(i);
                }
            }
        }
    }
    // The query as written, less the signature and the messages that are not ours.
    let raw = location.split_once('?').map_or("", |(_, q)| q);
    let mut ours = messages.clone();
    let mut kept: Vec<&str> = Vec::new();
    for segment in raw.split('&').filter(|s| !s.is_empty()) {
        let Some((key, value)) = pairs(segment).into_iter().next() else {
            continue;
        };
        if key == MAC {
            continue;
        }
        if is_message(&key) {
            match ours.iter().position(|m| *m == (key.clone(), value.clone())) {
                Some(i) => {
                    ours.remove(i);
                }
                None => continue,
            }
        }
        kept.push(segment);
    }
    let mac =
        (!messages.is_empty()).then(|| format!("{MAC}={}", signature(state, &path, &messages)));
    kept.extend(mac.as_deref());
    let base = location.split_once('?').map_or(location, |(b, _)| b);
    if kept.is_empty() {
        return Some(base.to_owned());
    }
    Some(format!("{base}?{}", kept.join("&")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        let db = sea_orm::DatabaseConnection::default();
        AppState::new(db, app::server::testing::config())
    }

    #[test]
    fn a_confirmed_action_returns_to_the_page_not_its_confirmation() {
        use super::without_confirmation as plain;
        assert_eq!(
            plain("/o/2/users?confirm=remove-7").as_deref(),
            Some("/o/2/users")
        );
        assert_eq!(
            plain("/o/2/users?confirm=remove-7&error=No").as_deref(),
            Some("/o/2/users?error=No")
        );
        assert_eq!(plain("/o/2/users?q=confirmed"), None);
        assert_eq!(plain("/o/2/users"), None);
    }

    #[test]
    fn only_messages_and_their_signature_are_dropped() {
        assert_eq!(
            without_messages("error=Hi%20there&installation=SOLOSL&_m=abc&__err=x"),
            "installation=SOLOSL"
        );
        assert_eq!(without_messages("saved=1"), "");
    }

    #[test]
    fn signatures_cover_path_and_messages_and_expire() {
        let st = state();
        let msgs: Pairs = vec![("error".into(), "Bad".into())];
        let sig = signature(&st, "/p", &msgs);
        let now = now_secs();
        assert!(verify(&st, "/p", &msgs, Some(&sig), now));
        assert!(!verify(&st, "/q", &msgs, Some(&sig), now), "another page");
        let other: Pairs = vec![("error".into(), "Worse".into())];
        assert!(!verify(&st, "/p", &other, Some(&sig), now), "other text");
        assert!(
            !verify(&st, "/p", &msgs, Some(&sig), now + VALID_FOR_SECS + 1),
            "expired"
        );
        assert!(
            !verify(&st, "/p", &msgs, Some("99999999999-00"), now),
            "too far ahead"
        );
    }

    #[test]
    fn a_crafted_referer_message_is_not_signed() {
        let st = state();
        let host = Some("127.0.0.1:3000");
        // Leptos sends the failed post back to the Referer, with its own error appended.
        let referer = "http://127.0.0.1:3000/sign-in?error=Your%20account%20is%20suspended";
        let location = format!("{referer}&__path=%2Fapi%2Fx&__err=e30");
        let signed = sign_location(&st, &location, host, Some(referer)).unwrap();
        assert!(!signed.contains("suspended"), "{signed}");
        assert!(
            signed.contains("__err=e30") && signed.contains("_m="),
            "{signed}"
        );
        // Nothing of ours: no signature, and the crafted text is gone.
        let only = sign_location(&st, referer, host, Some(referer)).unwrap();
        assert_eq!(only, "http://127.0.0.1:3000/sign-in");
    }
}
