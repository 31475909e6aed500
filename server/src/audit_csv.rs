//! "Download CSV" of the audit log: the filtered entries an organization's admins may see,
//! streamed in chunks of [`service::CSV_CHUNK`] entries, so a large export never sits in memory.
use crate::forms::FormActor;
use app::error::AppError;
use app::features::audit::dto::AuditQuery;
use app::features::audit::service;
use app::server::AppState;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Where the export is: the first chunk, the chunk below an entry, or done.
enum Next {
    First,
    Below(i32),
    Done,
}

/// `GET /o/{org}/audit-log.csv?person=...`: refused (403) for anyone but the organization's
/// admins, 422 for filters that cannot be read, before anything is streamed.
pub async fn download(
    axum::Extension(state): axum::Extension<AppState>,
    Path(org): Path<i32>,
    FormActor(actor): FormActor,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Response {
    // A query that cannot be read is refused, never taken for no filter at all.
    let Ok(Query(q)) = query else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let select = match service::visible(&state.db, &actor, org, &q).await {
        Ok((select, ..)) => select,
        Err(AppError::Forbidden | AppError::NotSignedIn) => {
            return StatusCode::FORBIDDEN.into_response()
        }
        Err(e @ AppError::Invalid(_)) => {
            return (StatusCode::UNPROCESSABLE_ENTITY, e.message(actor.lang)).into_response()
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let db = state.db.clone();
    let chunks = futures_util::stream::unfold(Next::First, move |next| {
        let (db, select) = (db.clone(), select.clone());
        async move {
            let after = match next {
                Next::First => None,
                Next::Below(id) => Some(id),
                Next::Done => return None,
            };
            match service::csv_chunk(&db, select, after).await {
                Ok((bytes, below)) => {
                    let next = below.map_or(Next::Done, Next::Below);
                    Some((Ok::<_, std::io::Error>(Bytes::from(bytes)), next))
                }
                // The headers are sent: end the body with an error, so the download fails
                // visibly instead of looking complete.
                Err(e) => Some((Err(std::io::Error::other(format!("{e:?}"))), Next::Done)),
            }
        }
    });
    let mut res = Body::from_stream(chunks).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"audit-log.csv\""),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}
