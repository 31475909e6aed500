//! The REST API's problem documents (RFC 7807): one shape for every refusal, with what to fix
//! and never a database error's text.
use super::auth;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa::ToSchema;

/// An RFC 7807 problem document.
#[derive(ToSchema)]
#[allow(dead_code)]
pub(super) struct Problem {
    r#type: String,
    title: String,
    status: u16,
    detail: String,
    /// The request, as the server's log names it (`urn:portico:request:<id>`).
    instance: Option<String>,
}

/// An RFC 7807 problem document.
pub(super) fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    let body = serde_json::json!({ "type": "about:blank", "title": title, "status": status.as_u16(), "detail": detail });
    let mut res = (status, Json(body)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

/// The problem document of a service's refusal, never a database error's text: `not_found`
/// says what is missing, `forbidden` what the caller may not do.
pub(super) fn refusal(e: app::error::AppError, not_found: &str, forbidden: &str) -> Response {
    use app::error::AppError;
    match e {
        AppError::NotFound => problem(StatusCode::NOT_FOUND, "Not Found", not_found),
        AppError::Forbidden | AppError::NotSignedIn => {
            problem(StatusCode::FORBIDDEN, "Forbidden", forbidden)
        }
        AppError::Invalid(m) => unprocessable(&m),
        AppError::Conflict(m) => problem(StatusCode::CONFLICT, "Conflict", &m),
        AppError::RateLimited => auth::too_many(60, &AppError::RateLimited.to_string()),
        AppError::LinkExpired | AppError::Internal => internal_error(),
    }
}

/// `422` with what to fix.
pub(super) fn unprocessable(detail: &str) -> Response {
    problem(
        StatusCode::UNPROCESSABLE_ENTITY,
        "Unprocessable Entity",
        detail,
    )
}

pub(super) fn unauthorized(detail: &str) -> Response {
    let mut res = problem(StatusCode::UNAUTHORIZED, "Unauthorized", detail);
    res.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(r#"Basic realm="Portico", charset="UTF-8""#),
    );
    res
}

pub(super) fn internal_error() -> Response {
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Internal Server Error",
        "Try again in a moment.",
    )
}
