//! Outcome messages in URLs, made unforgeable. After a no-JavaScript form post, the page shows
//! what happened from its query string (`error`, `saved`, `imported`, and leptos' `__err`).
//! Left alone, a crafted link could make Portico display any text as its own alert. So every
//! redirect that carries such a message is signed (`_m`, an HMAC under `PORTICO_SECRET_KEY`
//! over the path and the messages), and a page request carrying a message without a valid
//! signature is redirected to the same page without it.
use app::server::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The query parameters whose text a page displays.
const MESSAGES: &[&str] = &["error", "saved", "imported", "__err"];
const MAC: &str = "_m";

fn pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The signature of the messages in `query` for `path`, or `None` when there are none.
fn mac(state: &AppState, path: &str, query: &str) -> Option<String> {
    let mut messages: Vec<(String, String)> = pairs(query)
        .into_iter()
        .filter(|(k, _)| MESSAGES.contains(&k.as_str()))
        .collect();
    if messages.is_empty() {
        return None;
    }
    messages.sort();
    let text: Vec<String> = messages.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let hash = state
        .config
        .secret_key
        .hash(&format!("flash:{path}?{}", text.join("&")));
    Some(hash[..32].to_owned())
}

/// The query without the messages and their signature.
fn without_messages(query: &str) -> String {
    let kept: Vec<(String, String)> = pairs(query)
        .into_iter()
        .filter(|(k, _)| k != MAC && !MESSAGES.contains(&k.as_str()))
        .collect();
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish()
}

/// Signs the messages of outgoing redirects; turns away unsigned messages on page requests.
pub async fn guard(req: Request, next: Next) -> Response {
    let Some(state) = req.extensions().get::<AppState>().cloned() else {
        return next.run(req).await;
    };
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        let path = req.uri().path().to_owned();
        let query = req.uri().query().unwrap_or("").to_owned();
        if let Some(expected) = mac(&state, &path, &query) {
            let given = pairs(&query)
                .into_iter()
                .find(|(k, _)| k == MAC)
                .map(|(_, v)| v);
            let valid =
                given.is_some_and(|g| app::server::secrets::constant_time_eq(&g, &expected));
            if !valid {
                let rest = without_messages(&query);
                let to = if rest.is_empty() {
                    path
                } else {
                    format!("{path}?{rest}")
                };
                return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
            }
        }
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned);
    let mut res = next.run(req).await;
    if res.status().is_redirection() {
        let signed = res
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(|location| sign_location(&state, location, host.as_deref()));
        if let Some(v) = signed.and_then(|s| HeaderValue::from_str(&s).ok()) {
            res.headers_mut().insert(header::LOCATION, v);
        }
    }
    res
}

/// The location with its messages signed, when it is ours: path-absolute, or absolute on this
/// request's host (leptos sends a failed no-JavaScript form back to its `Referer`).
fn sign_location(state: &AppState, location: &str, host: Option<&str>) -> Option<String> {
    let path_and_query = if location.starts_with('/') && !location.starts_with("//") {
        location.to_owned()
    } else {
        let url = url::Url::parse(location).ok()?;
        let authority = match url.port() {
            Some(p) => format!("{}:{p}", url.host_str()?),
            None => url.host_str()?.to_owned(),
        };
        if Some(authority.as_str()) != host {
            return None;
        }
        format!("{}?{}", url.path(), url.query()?)
    };
    let (path, query) = path_and_query.split_once('?')?;
    let m = mac(state, path, query)?;
    // A form posted from a page that showed a message comes back with that page's old
    // signature in its `Referer`: replace it.
    let (base, old_query) = location.split_once('?')?;
    let kept: Vec<&str> = old_query
        .split('&')
        .filter(|p| !p.starts_with(&format!("{MAC}=")))
        .collect();
    Some(format!("{base}?{}&{MAC}={m}", kept.join("&")))
}

#[cfg(test)]
mod tests {
    use super::without_messages;

    #[test]
    fn only_messages_and_their_signature_are_dropped() {
        assert_eq!(
            without_messages("error=Hi%20there&installation=SOLOSL&_m=abc&__err=x"),
            "installation=SOLOSL"
        );
        assert_eq!(without_messages("saved=1"), "");
    }
}
