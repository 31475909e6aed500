//! The HTTP router: Leptos pages and server functions, health checks, the dev mailbox, and the
//! same-origin guard in front of every state-changing request.
use crate::config::ServerConfig;
use app::server::services::mail;
use app::server::AppState;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Redirect;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Form;
use axum::{Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;

/// Builds the whole application router.
pub fn router(state: AppState, leptos_options: LeptosOptions) -> Router {
    let routes = generate_route_list(app::App);
    let ctx_state = state.clone();
    let mut r = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .leptos_routes_with_context(
            &leptos_options,
            routes,
            move || provide_context(ctx_state.clone()),
            {
                let o = leptos_options.clone();
                move || app::shell(o.clone())
            },
        );
    r = r
        .route(
            "/o/{org}/products/{product}/functions/save",
            post(picker_form),
        )
        // Room for a clear "too large" message above the 256 KB limit.
        .route(
            "/o/{org}/products/{product}/logo",
            post(logo_upload).layer(DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/o/{org}/catalog/upload",
            post(catalog_upload).layer(DefaultBodyLimit::max(10 * 1024 * 1024)),
        )
        .route("/o/{org}/products/{product}/keys", post(create_key))
        .route("/logos/{product}", get(logo_file));
    if state.config.dev_mailbox {
        r = r
            .route("/dev/mailbox", get(mailbox_html))
            .route("/dev/mailbox.json", get(mailbox_json));
    }
    r.merge(crate::api_v1::routes())
        .fallback(leptos_axum::file_and_error_handler(app::shell))
        .layer(middleware::from_fn(crate::flash::guard))
        .layer(middleware::from_fn(same_origin_only))
        .layer(axum::Extension(state.clone()))
        .with_state(leptos_options)
}

/// Serves until interrupted.
pub async fn serve(db: DatabaseConnection, config: ServerConfig) -> Result<(), String> {
    let state = AppState::new(db.clone(), config.app.clone());
    tokio::spawn(notification_worker(state.clone()));
    tokio::spawn(crate::push_worker::run(
        state.clone(),
        chrono::Duration::days(config.push_retention_days),
    ));
    match config.smtp.clone() {
        Some(smtp) => {
            tokio::spawn(crate::mailer::run(db.clone(), smtp));
        }
        None if config.app.dev_mailbox => {}
        None => tracing::warn!(
            "no SMTP configured (PORTICO_SMTP_URL): e-mail, including sign-in links, stays queued"
        ),
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("portico")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    let app = router(state, leptos_options);
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.site_addr))?;
    tracing::info!(url = %config.app.public_url, env = ?config.app.env, dev_mailbox = config.app.dev_mailbox, "Portico is listening");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| e.to_string())
}

async fn readyz(axum::Extension(state): axum::Extension<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

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
async fn same_origin_only(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The machine API authenticates every request with its own credentials, never cookies.
    let machine = req.uri().path().starts_with("/api/v1/");
    if safe || machine || is_same_origin(req.headers()) {
        next.run(req).await
    } else {
        (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response()
    }
}

#[derive(serde::Serialize)]
struct MailboxEntry {
    to: String,
    subject: String,
    text: String,
    links: Vec<String>,
    created_at: String,
}

async fn mailbox_entries(state: &AppState) -> Result<Vec<MailboxEntry>, StatusCode> {
    let rows = mail::recent(&state.db, 100)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(rows
        .into_iter()
        .map(|m| MailboxEntry {
            links: mail::links_in(&m.text_body),
            to: m.to_address,
            subject: m.subject,
            text: m.text_body,
            created_at: m.created_at.to_rfc3339(),
        })
        .collect())
}

/// `/dev/mailbox.json`: the newest mail first.
async fn mailbox_json(
    axum::Extension(state): axum::Extension<AppState>,
) -> Result<Json<Vec<MailboxEntry>>, StatusCode> {
    Ok(Json(mailbox_entries(&state).await?))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `/dev/mailbox`: the same as a page, with clickable links.
async fn mailbox_html(
    axum::Extension(state): axum::Extension<AppState>,
) -> Result<Html<String>, StatusCode> {
    let entries = mailbox_entries(&state).await?;
    let mut body = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dev mailbox · Portico</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portico.css\"><script src=\"/copy.js\" defer></script></head><body><main class=\"content narrow\">\
         <h1>Dev mailbox</h1><p class=\"muted\">Mail Portico would have sent, newest first. Not available in production.</p>",
    );
    if entries.is_empty() {
        body.push_str(
            "<p class=\"empty\">No mail yet. Ask for a sign-in link and it appears here.</p>",
        );
    }
    for e in entries {
        body.push_str(&format!(
            "<article class=\"card mail\"><h2>{}</h2><p class=\"muted\">To {} · {}</p><pre>{}</pre><ul>",
            escape(&e.subject),
            escape(&e.to),
            escape(&e.created_at),
            escape(&e.text)
        ));
        for l in e.links {
            body.push_str(&format!("<li><a href=\"{0}\">{0}</a></li>", escape(&l)));
        }
        body.push_str("</ul></article>");
    }
    body.push_str("</main></body></html>");
    Ok(Html(body))
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The function picker's plain form (browsers without JavaScript): saves one function's
/// "Require access to function" and filters, then returns to the picker with the outcome.
async fn picker_form(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, product)): Path<(i32, i32)>,
    req: Request,
) -> Response {
    use app::dto::{GrantChange, GrantFilters};
    let (parts, body) = req.into_parts();
    let actor = match form_actor(&state, &parts).await {
        Ok(a) => a,
        Err(to_sign_in) => return to_sign_in,
    };
    let Ok(Form(pairs)) =
        Form::<Vec<(String, String)>>::from_request(Request::from_parts(parts, body), &()).await
    else {
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
    let outcome = app::server::services::versions::save_grants(
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
        Ok(report) => format!("saved={}", encode(&report.summary())),
        Err(e) => format!("error={}", encode(&e.to_string())),
    };
    Redirect::to(&format!(
        "/o/{org}/products/{product}/functions?f={}&{message}",
        encode(&key)
    ))
    .into_response()
}

/// "Upload logo" on the product page (a plain multipart form, with or without JavaScript).
async fn logo_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, product)): Path<(i32, i32)>,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let actor = match form_actor(&state, &parts).await {
        Ok(a) => a,
        Err(to_sign_in) => return to_sign_in,
    };
    let back = |query: String| {
        Redirect::to(&format!("/o/{org}/products/{product}?{query}")).into_response()
    };
    let too_large = || {
        back(format!(
            "error={}",
            encode("The logo is larger than 1 MB; the largest allowed is 256 KB.")
        ))
    };
    let Some(data) = file_field(Request::from_parts(parts, body), "logo").await else {
        return too_large();
    };
    match app::server::services::products::set_logo(&state.db, &actor, org, product, data).await {
        Ok(()) => back("logo=saved".into()),
        Err(e) => back(format!("error={}", encode(&e.to_string()))),
    }
}

/// `/logos/{product}`: a product's logo. SVGs are served with a policy that forbids scripts,
/// so an uploaded file cannot run code even when opened directly.
async fn logo_file(
    axum::Extension(state): axum::Extension<AppState>,
    Path(product): Path<i32>,
) -> Response {
    match app::server::services::products::logo(&state.db, product).await {
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

/// Turns the upgrade queue into notifications and e-mails, every two seconds.
async fn notification_worker(state: AppState) {
    loop {
        if let Err(e) =
            app::server::services::notifications::process_upgrade_queue(&state.db, &state.config)
                .await
        {
            tracing::warn!(error = %e, "processing the upgrade-notification queue failed");
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
}

/// "Upload catalog" on the operator's catalog page: imports a catalog file, all or nothing.
async fn catalog_upload(
    axum::Extension(state): axum::Extension<AppState>,
    Path(org): Path<i32>,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let actor = match form_actor(&state, &parts).await {
        Ok(a) => a,
        Err(to_sign_in) => return to_sign_in,
    };
    let back = |query: String| Redirect::to(&format!("/o/{org}/catalog?{query}")).into_response();
    let unreadable = || {
        back(format!(
            "error={}",
            encode("Choose a catalog file (JSON, at most 10 MB).")
        ))
    };
    let Some(data) = file_field(Request::from_parts(parts, body), "catalog").await else {
        return unreadable();
    };
    let Ok(json) = String::from_utf8(data) else {
        return back(format!(
            "error={}",
            encode("The catalog file must be UTF-8 JSON.")
        ));
    };
    match app::server::services::catalog::import_as(&state.db, &actor, org, &json).await {
        Ok(r) => back(format!(
            "imported={}",
            encode(&format!(
                "Imported: {} created, {} updated, {} unchanged.",
                r.created, r.updated, r.unchanged
            ))
        )),
        Err(e) => back(format!("error={}", encode(&e.to_string()))),
    }
}

/// "Create access key": answers with a page that shows the new secret once. It is not a
/// redirect, so the secret never appears in a URL, and the page is not stored.
async fn create_key(
    axum::Extension(state): axum::Extension<AppState>,
    Path((org, product)): Path<(i32, i32)>,
    req: Request,
) -> Response {
    let (parts, _) = req.into_parts();
    let actor = match form_actor(&state, &parts).await {
        Ok(a) => a,
        Err(to_sign_in) => return to_sign_in,
    };
    let back = format!("/o/{org}/products/{product}");
    let (title, body) = match app::server::services::credentials::create_key(&state.db, &state.config, &actor, org, product).await {
        Ok(k) => (
            format!("Access key {}", k.slot),
            format!(
                "<p role=\"status\" class=\"form-success\">Access key {slot} is created.</p>\
                 <div class=\"notice warn\" role=\"alert\"><strong>Copy the secret now.</strong> It is shown only once and \
                 Portico keeps only a hash of it. If you lose it, create a new key and revoke this one.</div>\
                 <div class=\"field\"><label for=\"client-id\">Client ID</label><div class=\"copy-row\">\
                 <input id=\"client-id\" type=\"text\" readonly class=\"copy-link\" value=\"{client}\">\
                 <button type=\"button\" class=\"secondary copy-button\" data-copy=\"client-id\" aria-label=\"Copy client ID\">Copy</button></div></div>\
                 <div class=\"field\"><label for=\"secret\">Secret of access key {slot}</label><div class=\"copy-row\">\
                 <input id=\"secret\" type=\"text\" readonly class=\"copy-link\" value=\"{secret}\">\
                 <button type=\"button\" class=\"secondary copy-button\" data-copy=\"secret\" aria-label=\"Copy secret\">Copy</button></div></div>",
                slot = k.slot,
                client = escape(&k.client_id),
                secret = escape(&k.secret)
            ),
        ),
        Err(e) => ("Access key not created".to_string(), format!("<p role=\"alert\" class=\"form-error\">{}</p>", escape(&e.to_string()))),
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · Portico</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portico.css\"><script src=\"/copy.js\" defer></script></head><body><main id=\"main\" class=\"content narrow\">\
         <h1>{title}</h1>{body}<p><a href=\"{back}\">Back to the product</a></p></main></body></html>"
    );
    let mut res = Html(html).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}

/// The signed-in actor of a plain form post, or the redirect to sign-in.
async fn form_actor(
    state: &AppState,
    parts: &axum::http::request::Parts,
) -> Result<app::server::services::Actor, Response> {
    app::server::request::actor_for(state, parts)
        .await
        .map_err(|_| Redirect::to("/sign-in").into_response())
}

/// The bytes of one file field of a multipart form (empty when the field is absent), or `None`
/// when the form cannot be read (malformed, or over the route's body limit).
async fn file_field(req: Request, name: &str) -> Option<Vec<u8>> {
    let mut form = Multipart::from_request(req, &()).await.ok()?;
    let mut data = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        if field.name() == Some(name) {
            data = field.bytes().await.ok()?.to_vec();
        }
    }
    Some(data)
}
