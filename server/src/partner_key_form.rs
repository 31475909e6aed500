//! "Create API key" on a partner's API keys page: a plain form whose answer shows the new
//! secret once (the same page as a product's new access key).
use crate::forms::FormActor;
use crate::html::{secret_error, secret_fields, secret_page, Shown};
use app::features::partner_api::service::keys;
use app::server::AppState;
use axum::extract::{FromRequest, Path, Request};
use axum::response::Response;
use axum::Form;

/// The form's one field.
#[derive(serde::Deserialize)]
struct CreateForm {
    #[serde(default)]
    access: String,
}

/// `POST /o/{org}/api-keys`.
pub async fn create(
    axum::Extension(state): axum::Extension<AppState>,
    Path(org): Path<i32>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let lang = actor.lang;
    // An unreadable form is a key of no known access: the service names what to choose.
    let access = Form::<CreateForm>::from_request(req, &())
        .await
        .map(|f| f.0.access)
        .unwrap_or_default();
    let created = keys::create(&state.db, &state.config, &actor, org, &access).await;
    let (title, body) = match created {
        Ok(k) => (
            app::t!(lang, "api-keys-key-n", n = k.slot),
            secret_fields(
                lang,
                &app::t!(lang, "api-keys-created-n", n = k.slot),
                &[
                    Shown {
                        id: "key-id",
                        label: app::t!(lang, "api-keys-key-id"),
                        copy_label: app::t!(lang, "api-keys-copy-key-id"),
                        value: &k.key_id,
                    },
                    Shown {
                        id: "secret",
                        label: app::t!(lang, "api-keys-secret-of", n = k.slot),
                        copy_label: app::t!(lang, "credentials-copy-secret"),
                        value: &k.secret,
                    },
                ],
            ),
        ),
        Err(e) => (
            app::t!(lang, "api-keys-not-created"),
            secret_error(&e.message(lang)),
        ),
    };
    let back = format!("/o/{org}/api-keys");
    secret_page(lang, &title, &body, &back, &app::t!(lang, "api-keys-back"))
}
