//! The HTTP router: Leptos pages and server functions, the plain-form handlers ([`forms`]), the
//! REST API, health checks, the dev mailbox, and the same-origin guard in front of every
//! state-changing request; and `serve`, which starts the workers too.
use crate::api_v1::ApiState;
use crate::config::ServerConfig;
use crate::{dev_mailbox, forms, workers};
use app::server::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

/// Builds the whole application router, with this instance's REST API state.
pub fn router(state: AppState, leptos_options: LeptosOptions) -> Router {
    let api = ApiState::new(
        state.config.api_rate_limit,
        crate::api_v1::FAILURES_PER_MINUTE,
    );
    router_with(state, leptos_options, api)
}

/// [`router`] with a given REST API state (to set its limits, or to look into it in tests).
pub fn router_with(state: AppState, leptos_options: LeptosOptions, api: Arc<ApiState>) -> Router {
    let routes = generate_route_list(app::App);
    // The bundle, precompressed at build time (brotli and gzip beside each file).
    let pkg_dir = std::path::Path::new(leptos_options.site_root.as_ref())
        .join(leptos_options.site_pkg_dir.as_ref());
    let pkg = tower_http::services::ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    let hashed = leptos_options.hash_files;
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
            post(forms::picker_form),
        )
        // Room for a clear "too large" message above the 256 KB limit.
        .route(
            "/o/{org}/products/{product}/logo",
            post(forms::logo_upload).layer(DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/o/{org}/catalog/upload",
            post(forms::catalog_upload).layer(DefaultBodyLimit::max(10 * 1024 * 1024)),
        )
        .route("/o/{org}/products/{id}/keys", post(forms::create_key))
        .route(
            "/o/{org}/api-keys/new",
            post(crate::partner_key_form::create),
        )
        .route(
            "/o/{org}/sales-units/{installation}/logo",
            get(forms::unit_logo_file)
                .post(forms::unit_logo_upload)
                .layer(DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/o/{org}/installations/{installation}/logo",
            get(forms::unit_logo_file)
                .post(forms::unit_logo_upload)
                .layer(DefaultBodyLimit::max(1024 * 1024)),
        )
        // 20,000 rows of CSV fit well within 4 MB.
        .route(
            "/o/{org}/commission/upload",
            post(crate::commission_forms::upload).layer(DefaultBodyLimit::max(4 * 1024 * 1024)),
        )
        .route(
            "/o/{org}/commission/{period}/csv",
            get(crate::commission_forms::download),
        )
        .route("/o/{org}/audit-log.csv", get(crate::audit_csv::download))
        .route(
            "/sign-up/{token}/logo",
            get(crate::sign_up_forms::logo_file)
                .post(crate::sign_up_forms::logo_upload)
                .layer(DefaultBodyLimit::max(1024 * 1024)),
        )
        .route("/logos/{product}", get(forms::logo_file))
        .route("/api/docs", get(crate::api_docs::page))
        .route("/language", post(forms::set_language))
        .nest_service(&format!("/{}", leptos_options.site_pkg_dir), pkg);
    if state.config.dev_mailbox {
        r = r
            .route("/dev/mailbox", get(dev_mailbox::mailbox_html))
            .route("/dev/mailbox.json", get(dev_mailbox::mailbox_json));
    }
    r.merge(crate::api_v1::routes())
        .fallback(leptos_axum::file_and_error_handler(app::shell))
        .layer(middleware::from_fn(crate::flash::guard))
        .layer(middleware::from_fn(crate::middleware::choose_language))
        .layer(middleware::from_fn(crate::middleware::request_lookups))
        .layer(middleware::from_fn(crate::middleware::server_fn_status))
        .layer(middleware::from_fn(crate::middleware::redirects_redirect))
        .layer(middleware::from_fn(crate::middleware::same_origin_only))
        .layer(middleware::from_fn(crate::middleware::security_headers))
        .layer(middleware::from_fn_with_state(
            hashed,
            crate::middleware::cache_policy,
        ))
        .layer(PropagateRequestIdLayer::new(HeaderName::from_static(
            crate::middleware::REQUEST_ID,
        )))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(crate::middleware::request_span)
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(LatencyUnit::Millis),
                )
                .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
        )
        .layer(SetRequestIdLayer::new(
            HeaderName::from_static(crate::middleware::REQUEST_ID),
            crate::middleware::NewRequestId,
        ))
        .layer(middleware::from_fn(
            crate::middleware::forget_client_request_id,
        ))
        .layer(axum::Extension(state.clone()))
        // The plain-form handlers that answer with an app page render it with these.
        .layer(axum::Extension(leptos_options.clone()))
        // This instance's cache of access decisions and its limits, for `/api/v1`.
        .layer(axum::Extension(api))
        .with_state(leptos_options)
}

/// Serves until interrupted.
pub async fn serve(db: DatabaseConnection, config: ServerConfig) -> Result<(), String> {
    let state = AppState::new(db.clone(), config.app.clone());
    tokio::spawn(workers::notifications::run(state.clone()));
    tokio::spawn(workers::product_orders::run(state.clone()));
    tokio::spawn(workers::push::run(
        state.clone(),
        chrono::Duration::days(config.push_retention_days),
        config.instance_id.clone(),
    ));
    if config.smtp.is_none() && !config.app.dev_mailbox {
        tracing::warn!(
            "no SMTP configured (PORTICO_SMTP_URL): e-mail, including sign-in links, stays queued"
        );
    }
    tokio::spawn(workers::mail::run(
        state.clone(),
        config.smtp.clone(),
        chrono::Duration::days(config.mail_retention_days),
    ));
    let leptos_options = leptos_options(&config);
    match app::server::assets::hash_file() {
        Some(file) => {
            tracing::info!(hash_file = %file.display(), "serving the site with hashed file names")
        }
        None => {
            tracing::info!("no hash file beside the server binary: serving unhashed file names")
        }
    }
    let api = ApiState::new(config.app.api_rate_limit, config.api_failure_limit);
    // Idle keys of the REST API's limiters are forgotten every minute.
    let idle = api.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            idle.forget_idle();
        }
    });
    let app = router_with(state, leptos_options, api);
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.site_addr))?;
    tracing::info!(url = %config.app.public_url, env = ?config.app.env, dev_mailbox = config.app.dev_mailbox, "Portico is listening");
    listen(listener, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Serves `app` on `listener` until `shutdown` completes, with each client's address known to
/// the handlers.
pub async fn listen(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    // A response's last segment goes out at once instead of waiting for the client's delayed
    // ACK (Nagle's algorithm), which cost kept-alive connections ~40 ms.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| e.to_string())
}

/// The site's options: where the built site is, and whether its files have hashed names (they
/// do when cargo-leptos left a hash file beside this binary).
pub fn leptos_options(config: &ServerConfig) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("portico")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .hash_files(app::server::assets::hash_file().is_some())
        .build()
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
