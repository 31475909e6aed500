//! "Create API key" on a partner's API keys page: a plain form answered by the app's page that
//! shows the new secret once (`/o/:org/api-keys/new`, like a product's new access key).
use crate::forms::{one_time_page, FormActor};
use app::features::partner_api::{api::NewPartnerKeyShown, service::keys};
use app::server::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Path, Request};
use axum::response::Response;
use axum::Form;

/// The form's one field.
#[derive(serde::Deserialize)]
struct CreateForm {
    #[serde(default)]
    access: String,
}

/// `POST /o/{org}/api-keys/new`.
pub async fn create(
    axum::Extension(state): axum::Extension<AppState>,
    axum::Extension(options): axum::Extension<leptos::prelude::LeptosOptions>,
    Path(org): Path<i32>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    // The body is the form; the head renders the page that answers it.
    let (head, body) = req.into_parts();
    // An unreadable form is a key of no known access: the service names what to choose.
    let access = Form::<CreateForm>::from_request(Request::from_parts(head.clone(), body), &())
        .await
        .map(|f| f.0.access)
        .unwrap_or_default();
    let created = keys::create(&state.db, &state.config, &actor, org, &access).await;
    let page = Request::from_parts(head, Body::empty());
    one_time_page(
        state,
        options,
        page,
        actor.lang,
        NewPartnerKeyShown(created),
    )
    .await
}
