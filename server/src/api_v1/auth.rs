//! Authenticating `/api/v1` calls without letting strangers grow this instance's memory:
//! credentials have a known shape and anything else is refused before any state is kept; the
//! access cache keeps only real credentials; a credential's calls are limited per second and
//! failed authentications per client address (IPv6 by /64), both by `governor`'s keyed
//! limiters, which are lock-free and whose idle keys are dropped every minute.
use super::{internal_error, problem, unauthorized};
use app::features::access::service::cache::{AccessCache, Epoch};
use app::features::partner_api::service::keys as partner_keys;
use app::server::entities::product;
use app::server::scope::Actor;
use app::server::AppState;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

/// A client ID: `pc_` and 24 URL-safe characters.
const CLIENT_PREFIX: &str = "pc_";
const CLIENT_LEN: usize = 27;
/// A secret: `psk_` and 43 URL-safe characters.
const SECRET_PREFIX: &str = "psk_";
const SECRET_LEN: usize = 47;
/// A partner API key ID: `pk_` and 24 URL-safe characters.
const PARTNER_KEY_PREFIX: &str = "pk_";
const PARTNER_KEY_LEN: usize = 27;
/// A partner API key's secret: `pks_` and 43 URL-safe characters.
const PARTNER_SECRET_PREFIX: &str = "pks_";
const PARTNER_SECRET_LEN: usize = 47;
/// The longest `Authorization` header worth decoding (well-formed ones are about 110 bytes).
const MAX_AUTHORIZATION: usize = 256;

/// Whose calls a limiter counts: a product's credential or a partner API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    Product(i32),
    PartnerKey(i32),
}

/// This instance's state of the REST API: the access-decision cache and the limiters.
pub struct ApiState {
    pub cache: AccessCache,
    per_credential: DefaultKeyedRateLimiter<Caller>,
    failures: DefaultKeyedRateLimiter<IpAddr>,
}

impl ApiState {
    /// `per_second` calls per credential; `failures_per_minute` failed authentications per
    /// client address.
    pub fn new(per_second: u32, failures_per_minute: u32) -> Arc<Self> {
        let one = NonZeroU32::MIN;
        Arc::new(Self {
            cache: AccessCache::default(),
            per_credential: RateLimiter::keyed(Quota::per_second(
                NonZeroU32::new(per_second).unwrap_or(one),
            )),
            failures: RateLimiter::keyed(Quota::per_minute(
                NonZeroU32::new(failures_per_minute).unwrap_or(one),
            )),
        })
    }

    /// How many keys the limiters track (credentials, client addresses).
    pub fn limiter_keys(&self) -> (usize, usize) {
        (self.per_credential.len(), self.failures.len())
    }

    /// Forgets the keys whose limits are full again (called every minute).
    pub fn forget_idle(&self) {
        self.per_credential.retain_recent();
        self.failures.retain_recent();
        self.per_credential.shrink_to_fit();
        self.failures.shrink_to_fit();
    }

    /// The refusal of a failed authentication: 401, or 429 once the address failed too often.
    fn refuse(&self, client: IpAddr, detail: &str) -> Response {
        match self.failures.check_key(&client) {
            Ok(()) => unauthorized(detail),
            Err(not_until) => {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                too_many(
                    wait.as_secs().max(1),
                    "Too many failed authentications from this address.",
                )
            }
        }
    }
}

pub(super) fn too_many(retry_after: u64, detail: &str) -> Response {
    let mut res = problem(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests", detail);
    if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

/// Whether `value` is `prefix` and then `len` URL-safe base64 characters in all.
fn well_formed(value: &str, prefix: &str, len: usize) -> bool {
    value.len() == len
        && value.starts_with(prefix)
        && value[prefix.len()..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The user name and password of an `Authorization: Basic` header, if they have the shape
/// (prefix, length) of a user name `id` and a password `secret`.
fn basic_credentials(
    headers: &HeaderMap,
    id: (&str, usize),
    secret: (&str, usize),
) -> Option<(String, String)> {
    let (id_prefix, id_len) = id;
    let (secret_prefix, secret_len) = secret;
    let value = headers.get(header::AUTHORIZATION)?.as_bytes();
    if value.len() > MAX_AUTHORIZATION {
        return None;
    }
    let value = std::str::from_utf8(value).ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    (well_formed(user, id_prefix, id_len) && well_formed(password, secret_prefix, secret_len))
        .then(|| (user.to_owned(), password.to_owned()))
}

/// The client's address (behind trusted proxies, the one they saw); IPv6 by its /64, which is
/// what one client holds.
pub fn client_address(peer: Option<SocketAddr>, headers: &HeaderMap, state: &AppState) -> IpAddr {
    let peer = peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.ip());
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    match app::server::request::through_proxies(peer, &forwarded, &state.config.trusted_proxies) {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// The epochs, the product and the client ID of a request's credentials, or the response that
/// refuses it.
pub async fn authenticate(
    state: &AppState,
    api: &ApiState,
    client: IpAddr,
    headers: &HeaderMap,
) -> Result<(Epoch, product::Model, String), Response> {
    let shape = ((CLIENT_PREFIX, CLIENT_LEN), (SECRET_PREFIX, SECRET_LEN));
    let Some((client_id, secret)) = basic_credentials(headers, shape.0, shape.1) else {
        return Err(api.refuse(
            client,
            "Send the product's client ID and secret with HTTP Basic authentication.",
        ));
    };
    let epoch = api
        .cache
        .epoch(&state.db)
        .await
        .map_err(|_| internal_error())?;
    let product = match api
        .cache
        .authenticate(&state.db, &state.config, epoch, &client_id, &secret)
        .await
    {
        Ok(Some(p)) => p,
        Ok(None) => return Err(api.refuse(client, "Unknown, wrong or revoked credentials.")),
        Err(_) => return Err(internal_error()),
    };
    if api
        .per_credential
        .check_key(&Caller::Product(product.id))
        .is_err()
    {
        return Err(too_many(
            1,
            "Slow down: too many requests for this credential.",
        ));
    }
    Ok((epoch, product, client_id))
}

/// The actor of a Partner API call (its key, acting for its partner), or the response that
/// refuses it.
pub async fn authenticate_partner(
    state: &AppState,
    api: &ApiState,
    client: IpAddr,
    headers: &HeaderMap,
) -> Result<Actor, Response> {
    let shape = (
        (PARTNER_KEY_PREFIX, PARTNER_KEY_LEN),
        (PARTNER_SECRET_PREFIX, PARTNER_SECRET_LEN),
    );
    let Some((key_id, secret)) = basic_credentials(headers, shape.0, shape.1) else {
        return Err(api.refuse(
            client,
            "Send a partner API key's ID and secret with HTTP Basic authentication.",
        ));
    };
    let found = partner_keys::authenticate(
        &state.db,
        &state.config,
        &key_id,
        &secret,
        Some(client.to_string()),
    )
    .await;
    let actor = match found {
        Ok(Some(actor)) => actor,
        Ok(None) => return Err(api.refuse(client, "Unknown, wrong or revoked API key.")),
        Err(_) => return Err(internal_error()),
    };
    let key = actor.key.map_or(0, |k| k.key_id);
    if api
        .per_credential
        .check_key(&Caller::PartnerKey(key))
        .is_err()
    {
        return Err(too_many(
            1,
            "Slow down: too many requests for this API key.",
        ));
    }
    Ok(actor)
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn only_the_shape_of_real_credentials_passes() {
        assert!(well_formed("pc_abcdefghijklmnopqrstuvwx", "pc_", 27));
        assert!(
            !well_formed("pc_abcdefghijklmnopqrstuvw", "pc_", 27),
            "short"
        );
        assert!(
            !well_formed("pc_abcdefghijklmnopqrstuv/x", "pc_", 27),
            "not URL-safe"
        );
        assert!(!well_formed(&"pc_x".repeat(10_000), "pc_", 27), "long");
        assert!(
            !well_formed("xx_abcdefghijklmnopqrstuvwx", "pc_", 27),
            "prefix"
        );
    }
}

/// The name of the operator service whose token (`Authorization: Bearer pst_...`) the request
/// carries, or the `401` to answer.
/// Whether the request carries a bearer token (a platform service) rather than Basic
/// credentials.
pub(super) fn is_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().get(..7))
        .is_some_and(|p| p.eq_ignore_ascii_case(b"bearer "))
}

pub(super) async fn service_token(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<String, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim().to_owned());
    let refused = || {
        let mut res = problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Send an operator service token: Authorization: Bearer pst_...",
        );
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="Portico""#),
        );
        res
    };
    let Some(token) = token.filter(|t| t.len() <= MAX_AUTHORIZATION) else {
        return Err(refused());
    };
    match app::server::service_tokens::service_for_token(&state.db, &token).await {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(refused()),
        Err(_) => Err(internal_error()),
    }
}
