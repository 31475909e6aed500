//! The commission pages' plain routes: the operator's "Upload statement" (a multipart form,
//! with or without JavaScript) and a partner's "Download CSV".
use crate::forms::FormActor;
use app::error::AppError;
use app::paths::encode;
use app::server::AppState;
use axum::extract::{FromRequest, Multipart, Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The fields of a multipart form by name (a later field of the same name wins), or `None`
/// when the form cannot be read (malformed, or over the route's body limit).
async fn fields(req: Request) -> Option<Vec<(String, Vec<u8>)>> {
    let mut form = Multipart::from_request(req, &()).await.ok()?;
    let mut out = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        let name = field.name().unwrap_or_default().to_owned();
        out.push((name, field.bytes().await.ok()?.to_vec()));
    }
    Some(out)
}

/// "Upload statement": stores a partner's month from a CSV file, all or nothing, and returns
/// to the commission page with the outcome.
pub async fn upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path(org): Path<i32>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let lang = actor.lang;
    let back = |query: String| {
        Redirect::to(&format!("{}?{query}", app::paths::commission(org))).into_response()
    };
    let error = |text: String| back(format!("error={}", encode(&text)));
    let Some(form) = fields(req).await else {
        return error(app::t!(lang, "commission-choose-file"));
    };
    let get = |name: &str| {
        form.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
    };
    let text = |name: &str| {
        String::from_utf8_lossy(get(name).unwrap_or_default())
            .trim()
            .to_owned()
    };
    let partner = text("partner_id").parse::<i32>().unwrap_or(0);
    let period = text("period");
    let file = get("statement").unwrap_or_default();
    if file.is_empty() {
        return error(app::t!(lang, "commission-choose-file"));
    }
    let Ok(csv) = std::str::from_utf8(file) else {
        return error(app::t!(lang, "commission-not-utf8"));
    };
    let stored = app::features::pricing::service::commission::upload(
        &state.db, &actor, org, partner, &period, csv,
    )
    .await;
    match stored {
        Ok(m) => {
            let month = app::i18n::month_of_year(
                lang,
                m.period[..4].parse().unwrap_or(0),
                m.period[5..].parse().unwrap_or(1),
            );
            back(format!(
                "imported={}",
                encode(&app::t!(
                    lang,
                    "commission-uploaded",
                    month = month,
                    rows = m.rows
                ))
            ))
        }
        Err(e) => error(e.message(lang)),
    }
}

/// "Download CSV": a partner's month as a file, only for that partner's members.
pub async fn download(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, period)): Path<(i32, String)>,
    FormActor(actor): FormActor,
) -> Response {
    let file = app::features::pricing::service::commission_read::partner_csv(
        &state.db, &actor, org, &period,
    )
    .await;
    match file {
        Ok((name, body)) => {
            let mut res = body.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            res
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(AppError::Forbidden | AppError::NotSignedIn) => StatusCode::FORBIDDEN.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
