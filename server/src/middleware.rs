//! Layers in front of every request: the same-origin guard, the HTTP status of server function
//! errors, and the security headers every response carries.
use app::error::AppError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Whether a request comes from a page of this site: `Sec-Fetch-Site`, else `Origin` vs `Host`.
pub fn is_same_origin(headers: &axum::http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin" || site == "none";
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(o), Some(h)) => o.split_once("://").map(|(_, rest)| rest) == Some(h),
        _ => false,
    }
}

/// Refuses state-changing requests from other sites (CSRF), server functions included.
pub async fn same_origin_only(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The machine API authenticates every request with its own credentials, never cookies.
    let machine = req.uri().path().starts_with("/api/v1/");
    if safe || machine || is_same_origin(req.headers()) {
        next.run(req).await
    } else {
        (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response()
    }
}

/// The header server functions put on an error response (their status is always 500).
const SERVER_FN_ERROR: &str = "serverfnerror";
/// The largest error body read to find its status (errors are a few hundred bytes).
const MAX_ERROR_BODY: usize = 64 * 1024;

/// The HTTP status an error of a server function answers with: a refusal or a validation
/// error is not a fault, so monitoring can tell them apart.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotSignedIn => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::LinkExpired => StatusCode::GONE,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Gives server function errors their real status (server functions answer every error with
/// 500; the browser's client decodes any 4xx or 5xx the same way).
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// What every response may load and who may frame it, unless the response says otherwise
/// (pages add a nonce for their scripts; logos forbid everything).
const DEFAULT_CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// `nosniff`, a same-origin `Referer` (no-JavaScript form posts return to it), and a
/// Content-Security-Policy on every response that has none of its own.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        );
    }
    res
}

/// Gives each read (GET, HEAD) a fresh request-scoped [`app::server::lookups::Lookups`], so the
/// server functions one page render calls look up the session and memberships once.
pub async fn request_lookups(mut req: Request, next: Next) -> Response {
    if app::server::lookups::wanted(req.method()) {
        req.extensions_mut()
            .insert(app::server::lookups::Lookups::default());
    }
    next.run(req).await
}

/// Chooses the language the request is answered in (`app::server::locale`) and puts it into
/// the request. A page (a GET asking for HTML) of a signed-in user is in their saved language:
/// the user is looked up through the request's [`Lookups`](app::server::lookups::Lookups), so
/// the page's own lookup shares it. Other requests (assets, server functions, the REST API)
/// use the cookie and `Accept-Language` only; services take a signed-in user's language from
/// the actor. A signed-out page request for a signed-in page is sent to sign in instead.
pub async fn choose_language(req: Request, next: Next) -> Response {
    let Some(state) = req.extensions().get::<app::server::AppState>().cloned() else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let page = parts.method == Method::GET
        && parts
            .headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    let user = if page {
        app::server::request::user_of_request(&state, &parts).await
    } else {
        Ok(None)
    };
    if page && matches!(user, Ok(None)) && signed_in_only(parts.uri.path()) {
        // A deep link opened signed out (an e-mailed "upgrade available" link, a bookmark):
        // to the sign-in page, which continues there once signed in.
        let here = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        return Redirect::to(&app::paths::sign_in_then(here)).into_response();
    }
    // A failed lookup only means no saved language here; the page reports it itself.
    let saved = user.ok().flatten().and_then(|u| u.locale);
    let lang = app::server::locale::choose(&parts.headers, &state.config, saved);
    parts.extensions.insert(lang);
    next.run(Request::from_parts(parts, body)).await
}

/// The pages only a signed-in user sees: the start page, the chooser and everything of an
/// organization.
fn signed_in_only(path: &str) -> bool {
    matches!(path, "/" | "/choose") || path.starts_with("/o/")
}

/// A page that redirected while it rendered (Leptos' `<Redirect>` sets `Location` after the
/// status went out as 200) becomes a real `303 See Other`: browsers ignore `Location` on a 200,
/// so without JavaScript the page would stay blank.
/// Server functions called from the browser keep their 200 (their client follows the
/// `serverfnredirect` header itself).
pub async fn redirects_redirect(req: Request, next: Next) -> Response {
    let get = req.method() == Method::GET;
    let res = next.run(req).await;
    if !get
        || res.status() != StatusCode::OK
        || !res.headers().contains_key(header::LOCATION)
        || res.headers().contains_key("serverfnredirect")
    {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    parts.status = StatusCode::SEE_OTHER;
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::empty())
}

/// How long browsers may keep a response. Bundle files with hashed names are kept a year
/// without asking again (a new build has new names); everything else is revalidated each
/// time, and pages, which differ per user, stay out of shared caches. Bundle responses vary by
/// `Accept-Encoding` (they are served precompressed). A response that chose
/// its own policy (such as `no-store` where a secret is shown) keeps it.
pub async fn cache_policy(State(hashed): State<bool>, req: Request, next: Next) -> Response {
    let bundle = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    if bundle {
        // The same address answers brotli, gzip or plain bytes: caches must key on the ask.
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let policy = if bundle && hashed && res.status() == StatusCode::OK {
        "public, max-age=31536000, immutable"
    } else if bundle {
        "no-cache"
    } else {
        "private, no-cache"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    res
}

/// The header that carries a request's ID, in the request and in its response.
pub const REQUEST_ID: &str = "x-request-id";

/// Request IDs: 16 random URL-safe characters (a client's own `x-request-id` is replaced, so
/// a log line's ID is always ours).
#[derive(Clone, Copy, Default)]
pub struct NewRequestId;

impl tower_http::request_id::MakeRequestId for NewRequestId {
    fn make_request_id<B>(
        &mut self,
        _: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        let id = app::server::secrets::new_token()[..16].to_owned();
        HeaderValue::from_str(&id)
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}

/// The request log's span: method, path (never the query, which may carry a link's token)
/// and the request ID, which every log line written while serving the request then carries.
pub fn request_span(req: &axum::http::Request<Body>) -> tracing::Span {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
}

/// Drops any `x-request-id` a client sent, so that the one set next is ours.
pub async fn forget_client_request_id(mut req: Request, next: Next) -> Response {
    req.headers_mut().remove(REQUEST_ID);
    next.run(req).await
}
