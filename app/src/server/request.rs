//! The request context of server functions: application state, the session cookie, the acting
//! user and the client address.
use super::entities::user;
use super::lookups::Lookups;
use super::scope::Actor;
use super::session;
use super::{AppState, Config};
use crate::error::AppError;
use axum::extract::ConnectInfo;
use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use http::request::Parts;
use http::HeaderValue;
use leptos::prelude::*;
use std::net::SocketAddr;

/// The session cookie's name over plain http (development, tests).
pub const COOKIE_NAME: &str = "portico_session";
/// Over https the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain.
pub const SECURE_COOKIE_NAME: &str = "__Host-portico_session";

pub fn cookie_name(config: &Config) -> &'static str {
    if config.https() {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// The application state provided to every server function and page render.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal
    })
}

/// The value of the session cookie in a request, if any.
pub fn session_cookie(parts: &Parts, config: &Config) -> Option<String> {
    let name = cookie_name(config);
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The client's address: the connection's peer, or, behind trusted proxies, the address they
/// saw (`PORTICO_TRUSTED_PROXIES`).
pub fn client_ip(parts: &Parts, config: &Config) -> Option<String> {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>()?.0.ip();
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    Some(through_proxies(peer, &forwarded, &config.trusted_proxies).to_string())
}

/// The client behind trusted proxies: from the connection's peer, walk `X-Forwarded-For` from
/// the right while the hop is a trusted proxy. The header's left part is written by the client
/// and is never believed beyond the last trusted hop.
pub fn through_proxies(
    peer: std::net::IpAddr,
    forwarded_for: &str,
    trusted: &super::net::address::AllowList,
) -> std::net::IpAddr {
    let mut client = peer;
    for hop in forwarded_for.rsplit(',').map(str::trim) {
        if !trusted.allows_ip(client) {
            break;
        }
        match hop.parse() {
            Ok(ip) => client = ip,
            Err(_) => break,
        }
    }
    client
}

/// The request's user agent, for the session list.
pub fn user_agent(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The language of this request (see [`super::locale`]).
pub fn lang() -> crate::i18n::Lang {
    use_context::<Parts>()
        .map(|p| super::locale::of_request(&p))
        .unwrap_or_default()
}

pub fn parts() -> Result<Parts, AppError> {
    use_context::<Parts>().ok_or(AppError::Internal)
}

/// The signed-in user of this request, if any (looked up once per page render).
pub async fn current_user(st: &AppState) -> Result<Option<user::Model>, AppError> {
    user_of_request(st, &parts()?).await
}

/// The session's user for `parts`: from the request's [`Lookups`] when a page render already
/// found it, else from the database.
pub async fn user_of_request(
    st: &AppState,
    parts: &Parts,
) -> Result<Option<user::Model>, AppError> {
    let Some(token) = session_cookie(parts, &st.config) else {
        return Ok(None);
    };
    let find = || session::user_of(&st.db, &token, st.config.session_max_age);
    match parts.extensions.get::<Lookups>() {
        Some(lookups) => lookups.user(find).await,
        None => find().await,
    }
}

/// The acting user of a request, or [`AppError::NotSignedIn`] (for plain axum handlers too).
pub async fn actor_for(st: &AppState, parts: &Parts) -> Result<Actor, AppError> {
    let user = user_of_request(st, parts)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let lang = user
        .locale
        .unwrap_or_else(|| super::locale::of_request(parts));
    Ok(Actor::user(user.id, &user.email, client_ip(parts, &st.config)).speaking(lang))
}

/// The state and the acting user, or [`AppError::NotSignedIn`].
pub async fn actor() -> Result<(AppState, Actor), AppError> {
    let st = state()?;
    let actor = actor_for(&st, &parts()?).await?;
    Ok((st, actor))
}

/// Adds a `Set-Cookie` header to the response being rendered.
pub fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&value),
    ) {
        res.append_header(SET_COOKIE, v);
    }
}

/// Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https.
pub fn set_session_cookie(config: &Config, token: &str) {
    let secure = if config.https() { "; Secure" } else { "" };
    let max_age = session::SESSION_TTL.num_seconds();
    set_cookie(format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(config)
    ));
}

/// Tells the browser to forget the session cookie.
pub fn clear_session_cookie(config: &Config) {
    let secure = if config.https() { "; Secure" } else { "" };
    set_cookie(format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        cookie_name(config)
    ));
}

/// The page's Content-Security-Policy: scripts only from this site or inline with this
/// render's nonce (Leptos puts it on its hydration scripts), WebAssembly allowed, no framing.
pub fn content_security_policy() {
    let (Some(nonce), Some(res)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(v) = HeaderValue::from_str(&policy) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
    }
}

/// Tells browsers and proxies not to store this response (it may show a secret).
pub fn no_store() {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
    }
}

/// Sets the HTTP status of the page being rendered (403, 404).
pub fn set_status(code: http::StatusCode) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(code);
    }
}

#[cfg(test)]
mod proxy_tests {
    use super::through_proxies;
    use crate::server::net::address::AllowList;

    #[test]
    fn only_trusted_proxies_are_believed() {
        let none = AllowList::default();
        let proxy = AllowList::parse("10.0.0.0/8").unwrap();
        let ip = |s: &str| s.parse().unwrap();
        // No trusted proxy: the peer, whatever the header says.
        assert_eq!(
            through_proxies(ip("203.0.113.9"), "1.2.3.4", &none),
            ip("203.0.113.9")
        );
        // Behind the proxy: the hop it saw.
        assert_eq!(
            through_proxies(ip("10.0.0.5"), "198.51.100.7", &proxy),
            ip("198.51.100.7")
        );
        // A client-written prefix is ignored beyond the first untrusted hop.
        assert_eq!(
            through_proxies(ip("10.0.0.5"), "6.6.6.6, 198.51.100.7", &proxy),
            ip("198.51.100.7")
        );
        // Two proxies in a row.
        assert_eq!(
            through_proxies(ip("10.0.0.5"), "198.51.100.7, 10.0.0.9", &proxy),
            ip("198.51.100.7")
        );
        // A direct client cannot pretend to be behind the proxy.
        assert_eq!(
            through_proxies(ip("198.51.100.7"), "10.0.0.1", &proxy),
            ip("198.51.100.7")
        );
        // Garbage stops the walk at the last good hop.
        assert_eq!(
            through_proxies(ip("10.0.0.5"), "nonsense", &proxy),
            ip("10.0.0.5")
        );
    }
}
