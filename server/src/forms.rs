//! Plain-form handlers: what the browser posts without server functions (file uploads, the
//! picker's no-JavaScript form, creating access keys, answered by the app's one-time key page),
//! and the logo files.
use app::error::AppError;
use app::paths::encode;
use app::server::AppState;
use axum::extract::{FromRequest, Multipart, Path, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

/// The function picker's plain form (browsers without JavaScript): saves one function's
/// "Require access to function" and filters, then returns to the picker with the outcome.
pub async fn picker_form(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, product)): Path<(i32, i32)>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    use app::features::products::dto::{GrantChange, GrantFilters};
    let Ok(Form(pairs)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            "The form could not be read.",
        )
            .into_response();
    };
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let key = get("function_key").unwrap_or_default();
    let version = get("version").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut filters = GrantFilters::new();
    for (k, v) in &pairs {
        if k == "filter" {
            if let Some((dim, value)) = v.split_once('=') {
                filters
                    .entry(dim.to_owned())
                    .or_default()
                    .push(value.to_owned());
            }
        } else if let Some(dim) = k.strip_prefix("text:") {
            let values: Vec<String> = v
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            if !values.is_empty() {
                filters.insert(dim.to_owned(), values);
            }
        }
    }
    let change = GrantChange {
        function_key: key.clone(),
        required: get("required").is_some(),
        filters,
    };
    let outcome = app::features::products::service::grants::save_grants(
        &state.db,
        &state.config,
        &actor,
        org,
        product,
        version,
        vec![change],
    )
    .await;
    let message = match outcome {
        Ok(report) => format!("saved={}", encode(&report.summary(actor.lang))),
        Err(e) => format!("error={}", encode(&e.message(actor.lang))),
    };
    Redirect::to(&format!(
        "/o/{org}/products/{product}/functions?f={}&{message}",
        encode(&key)
    ))
    .into_response()
}

/// "Upload logo" on the product's settings (a plain multipart form, with or without
/// JavaScript): back there with the outcome.
pub async fn logo_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, product)): Path<(i32, i32)>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let back = |query: String| {
        Redirect::to(&format!("/o/{org}/products/{product}/settings?{query}")).into_response()
    };
    let too_large = || {
        back(format!(
            "error={}",
            encode(&app::t!(actor.lang, "product-logo-too-large"))
        ))
    };
    let Some(data) = file_field(req, "logo").await else {
        return too_large();
    };
    match app::features::products::service::logo::set_logo(&state.db, &actor, org, product, data)
        .await
    {
        Ok(()) => back("logo=saved".into()),
        Err(e) => back(format!("error={}", encode(&e.message(actor.lang)))),
    }
}

/// `/logos/{product}`: a product's logo. SVGs are served with a policy that forbids scripts,
/// so an uploaded file cannot run code even when opened directly.
pub async fn logo_file(
    axum::Extension(state): axum::Extension<AppState>,
    Path(product): Path<i32>,
) -> Response {
    match app::features::products::service::logo::logo(&state.db, product).await {
        Ok(Some((content_type, data))) => {
            let mut res = data.into_response();
            let h = res.headers_mut();
            if let Ok(v) = content_type.parse() {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                header::HeaderValue::from_static("nosniff"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                header::HeaderValue::from_static(
                    "default-src 'none'; style-src 'unsafe-inline'; sandbox",
                ),
            );
            res
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// "Upload catalog" on the operator's catalog page: imports a catalog file, all or nothing.
pub async fn catalog_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path(org): Path<i32>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let back = |query: String| Redirect::to(&format!("/o/{org}/catalog?{query}")).into_response();
    let unreadable = || {
        back(format!(
            "error={}",
            encode(&app::t!(actor.lang, "catalog-choose-file"))
        ))
    };
    let Some(data) = file_field(req, "catalog").await else {
        return unreadable();
    };
    let Ok(json) = String::from_utf8(data) else {
        return back(format!(
            "error={}",
            encode(&app::t!(actor.lang, "catalog-not-utf8"))
        ));
    };
    match app::features::catalog::service::import_as(&state.db, &actor, org, &json).await {
        Ok(r) => back(format!("imported={}", encode(&r.summary(actor.lang)))),
        Err(e) => back(format!("error={}", encode(&e.message(actor.lang)))),
    }
}

/// "Create access key": answers with the app's own page for `/o/:org/products/:id/keys`, which
/// shows the new secret once (or why no key was made).
pub async fn create_key(
    axum::Extension(state): axum::Extension<AppState>,
    axum::Extension(options): axum::Extension<leptos::prelude::LeptosOptions>,
    Path((org, product)): Path<(i32, i32)>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let created = app::features::products::service::credentials::create_key(
        &state.db,
        &state.config,
        &actor,
        org,
        product,
    )
    .await;
    let shown = app::features::products::api::NewKeyShown(created);
    one_time_page(state, options, req, actor.lang, shown).await
}

/// Renders the app's page for `req`'s path with `shown` (what a form just made, such as a new
/// secret) in its context, in the actor's language: the answer to the form's POST, not a
/// redirect, so a secret never appears in a URL; and `no-store`, so no cache keeps it.
pub async fn one_time_page<T: Clone + Send + Sync + 'static>(
    state: AppState,
    options: leptos::prelude::LeptosOptions,
    mut req: Request,
    lang: app::i18n::Lang,
    shown: T,
) -> Response {
    // The page is written in the actor's language, as a page they opened would be.
    req.extensions_mut().insert(lang);
    let render = leptos_axum::render_app_async_with_context(
        move || {
            leptos::prelude::provide_context(state.clone());
            leptos::prelude::provide_context(shown.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut res = render(req).await.into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}

/// The language switch's form (the header and the sign-in page).
#[derive(serde::Deserialize)]
pub struct LanguageForm {
    lang: String,
    /// The page to return to (a path of this site).
    #[serde(default)]
    back: String,
}

/// The language switch: keeps the choice in a cookie and, for a signed-in user, on the user,
/// then returns to the page it was on, now in that language. A plain form, so it works without
/// JavaScript and the next page is rendered in the new language from its first byte.
pub async fn set_language(
    axum::Extension(state): axum::Extension<AppState>,
    req: Request,
) -> Response {
    use app::i18n::Lang;
    let (parts, body) = req.into_parts();
    let reading = app::server::locale::of_request(&parts);
    let Ok(Form(form)) =
        Form::<LanguageForm>::from_request(Request::from_parts(parts.clone(), body), &()).await
    else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            app::t!(reading, "language-form-unreadable"),
        )
            .into_response();
    };
    let Some(lang) = Lang::parse(&form.lang) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            app::t!(reading, "language-unknown"),
        )
            .into_response();
    };
    if let Ok(actor) = app::server::request::actor_for(&state, &parts).await {
        let saved =
            app::features::accounts::service::language::set_language(&state.db, &actor, lang).await;
        if let Err(e) = saved {
            return (StatusCode::INTERNAL_SERVER_ERROR, e.message(reading)).into_response();
        }
    }
    let cookie = app::server::locale::cookie_header(&state.config, lang);
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(app::paths::local(&form.back).unwrap_or("/")),
    )
        .into_response()
}

/// The signed-in actor of a plain form post (an extractor), or the redirect to sign-in: every
/// plain-form handler starts from it.
pub struct FormActor(pub app::server::scope::Actor);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for FormActor {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Response> {
        let Some(state) = parts.extensions.get::<AppState>().cloned() else {
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        };
        app::server::request::actor_for(&state, parts)
            .await
            .map(FormActor)
            .map_err(|_| Redirect::to("/sign-in").into_response())
    }
}

/// The bytes of one file field of a multipart form (empty when the field is absent), or `None`
/// when the form cannot be read (malformed, or over the route's body limit).
pub(crate) async fn file_field(req: Request, name: &str) -> Option<Vec<u8>> {
    let mut form = Multipart::from_request(req, &()).await.ok()?;
    let mut data = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        if field.name() == Some(name) {
            data = field.bytes().await.ok()?.to_vec();
        }
    }
    Some(data)
}

/// "Upload logo" of a sales unit, from the partner's sales unit page or the customer's
/// installation page (a plain multipart form, with or without JavaScript): back to that page.
pub async fn unit_logo_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, installation)): Path<(i32, String)>,
    FormActor(actor): FormActor,
    req: Request,
) -> Response {
    let page = if req.uri().path().contains("/sales-units/") {
        app::paths::sales_unit(org, &installation)
    } else {
        app::paths::installation(org, &installation)
    };
    let back = |query: String| Redirect::to(&format!("{page}?{query}")).into_response();
    let Some(data) = file_field(req, "logo").await else {
        let max = app::features::sales_units::service::picture::MAX_BYTES / 1024;
        let message = app::t!(actor.lang, "logo-too-large", size = 1024, max = max);
        return back(format!("logo_error={}", encode(&message)));
    };
    let edit = app::features::sales_units::service::edit::set_logo(
        &state.db,
        &state.config,
        &actor,
        org,
        &installation,
        &data,
    );
    match edit.await {
        Ok(()) => back("logo=saved".into()),
        Err(e) => back(format!("logo_error={}", encode(&e.message(actor.lang)))),
    }
}

/// A sales unit's logo, for a member of an organization that may read the sales unit (its
/// customer, a connected partner); 404 for anyone else, as if it had none.
pub async fn unit_logo_file(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, installation)): Path<(i32, String)>,
    FormActor(actor): FormActor,
) -> Response {
    let found =
        app::features::sales_units::service::edit::logo(&state.db, &actor, org, &installation)
            .await;
    match found {
        Ok(Some(png)) => {
            let mut res = png.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static("image/png"),
            );
            // The address changes with the logo (`?v=`), and only members may see it.
            h.insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("private, max-age=31536000, immutable"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                header::HeaderValue::from_static("nosniff"),
            );
            res
        }
        Ok(None) | Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(AppError::Forbidden | AppError::NotSignedIn) => StatusCode::FORBIDDEN.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
