//! The product order link's plain forms: the customer uploads the new sales unit's logo (a
//! multipart form, with or without JavaScript), and the review page shows it. Only a signed-in
//! person holding the link reaches either.
use crate::forms::{file_field, FormActor};
use app::error::AppError;
use app::features::product_orders::service::{by_link, review};
use app::paths::encode;
use app::server::AppState;
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// "Upload logo" on the review page: back to it, with the outcome.
pub async fn logo_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path(token): Path<String>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let page = app::paths::sign_up(&token);
    let back = |query: String| Redirect::to(&format!("{page}?{query}")).into_response();
    let Some(data) = file_field(req, "logo").await else {
        let max = app::features::sales_units::service::picture::MAX_BYTES / 1024;
        let message = app::t!(actor.lang, "logo-too-large", size = 1024, max = max);
        return back(format!("logo_error={}", encode(&message)));
    };
    match review::set_logo(&state.db, &actor, &token, &data).await {
        Ok(()) => back("logo=saved".into()),
        Err(e) => back(format!("logo_error={}", encode(&e.message(actor.lang)))),
    }
}

/// The logo an order brings, for a signed-in person holding its link.
pub async fn logo_file(
    axum::Extension(state): axum::Extension<AppState>,
    Path(token): Path<String>,
    FormActor(_): FormActor,
) -> Response {
    let found = match by_link(&state.db, &token).await {
        Ok(Some(o)) => review::logo(&state.db, o.id).await,
        Ok(None) => Err(AppError::NotFound),
        Err(e) => Err(e),
    };
    match found {
        Ok(Some(png)) => {
            let mut res = png.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            res
        }
        Ok(None) | Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
