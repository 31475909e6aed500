//! The machine-facing REST API under `/api/v1` (DESIGN.md, "Machine-facing API"): the platform
//! gateway asks whether a product's credential may call a function for an installation, and
//! which functions it may call there. HTTP Basic with the product's client ID and secret;
//! errors are RFC 7807 problem documents; responses never carry secrets.
mod auth;
mod commission;
mod orders;
mod partner;
mod problems;

pub use auth::ApiState;
use problems::{internal_error, problem, refusal, unauthorized, unprocessable, Problem};

use app::features::access::dto::{AccessDecision, AccessReason, MethodDto, ObjectRef};
use app::features::push::service::publish;
use app::server::validate::{is_installation_id, is_key, is_object_id, is_object_type};
use app::server::AppState;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::ConnectInfo;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// Requests allowed per credential per second before `429`, unless `PORTICO_API_RATE_LIMIT`
/// says otherwise.
pub const RATE_LIMIT_PER_SECOND: u32 = 10_000;

/// Failed authentications allowed per client address and minute before `429`, unless
/// `PORTICO_API_FAILURE_LIMIT` says otherwise.
pub const FAILURES_PER_MINUTE: u32 = 600;

/// The `/api/v1` routes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/api/v1/access-checks", post(access_check))
        .route(
            "/api/v1/installations/{installation_id}/methods",
            get(methods),
        )
        .route("/api/v1/events", post(publish_event))
        // 20,000 rows of JSON fit well within 8 MB.
        .route(
            "/api/v1/commission-statements/{partner_id}/{period}",
            put(commission::put_statement)
                .layer(axum::extract::DefaultBodyLimit::max(8 * 1024 * 1024)),
        )
        .route(
            "/api/v1/openapi.json",
            get(|| async { Json(ApiDoc::openapi()) }),
        )
        .merge(orders::routes())
        .merge(partner::routes())
        .layer(axum::middleware::from_fn(problem_instance))
}

/// Names the request in every problem document (`instance`), so an operator can find the
/// request in the log from what a partner reports.
async fn problem_instance(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let id = req
        .headers()
        .get(crate::middleware::REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.run(req).await;
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == b"application/problem+json");
    let Some(id) = id.filter(|_| is_problem) else {
        return res;
    };
    let (mut parts, body) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return internal_error();
    };
    let mut doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    if let Some(map) = doc.as_object_mut() {
        map.insert(
            "instance".into(),
            format!("urn:portico:request:{id}").into(),
        );
    }
    Response::from_parts(parts, axum::body::Body::from(doc.to_string()))
}

/// The OpenAPI 3 document of `/api/v1`, generated from the handlers and types below.
#[derive(OpenApi)]
#[openapi(
    info(title = "Portico API", description = "What the platform's services ask Portico, and the Partner API: what a partner sees and does in its portal, from code.", license(name = "MIT")),
    paths(access_check, methods, publish_event, commission::put_statement,
        orders::create_order, orders::list_orders, orders::get_order, orders::patch_order, orders::cancel_order,
        partner::whoami, partner::sales_units::list, partner::sales_units::detail, partner::sales_units::patch, partner::sales_units::history,
        partner::listings::price_packages, partner::listings::commission_statements, partner::listings::commission_month,
        partner::listings::webhooks, partner::products::products, partner::products::product,
        partner::product_orders::create_order, partner::product_orders::list_orders, partner::product_orders::get_order,
        partner::product_orders::delete_order, partner::product_order_templates::list_templates),
    components(schemas(CheckRequest, ObjectRef, Problem, MethodsResponse, AccessDecision, AccessReason, MethodDto, EventRequest, EventAccepted,
        orders::OrderRequest, orders::OrderedBy, orders::Order, orders::OrderStep, orders::Orders, orders::OrderPatch, orders::CancelRequest,
        app::glossary::OrderStatus, app::glossary::OrderParty,
        commission::StatementRequest, commission::StatementRow, commission::CurrencyCode, commission::Amount, commission::StatementStored,
        partner::WhoamiResponse, partner::SalesUnit, partner::SalesUnits, partner::SalesUnitDetail, partner::SalesUnitProduct,
        partner::SalesUnitSubscription, partner::SalesUnitHistory, partner::HistoryItem, partner::SalesUnitPatch,
        partner::PricePackage, partner::PricePackages, partner::Sum, partner::CommissionStatement, partner::CommissionStatements,
        partner::CommissionRow, partner::CommissionMonthResponse, partner::Webhook, partner::Webhooks,
        partner::Product, partner::Products, partner::ProductDetail, partner::ProductVersion, partner::ProductFunction,
        partner::BusinessIdentifier, partner::ProductOrderRequest, partner::ProductOrderCreated, partner::ProductOrder,
        partner::ProductOrders, partner::ProductOrderStep, partner::ProductOrderDetail, partner::ProductOrderTemplate,
        partner::ProductOrderTemplates, app::glossary::ProductOrderStatus, app::glossary::ProductOrderType,
        app::glossary::TemplateStatus)),
    modifiers(&SecuritySchemes)
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "basic",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Basic)),
            );
            components.add_security_scheme(
                "partner_key",
                SecurityScheme::Http(
                    Http::builder()
                        .scheme(HttpAuthScheme::Basic)
                        .description(Some(
                            "A partner API key: its key ID (pk_...) and secret (pks_...).",
                        ))
                        .build(),
                ),
            );
            components.add_security_scheme(
                "service_token",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
    }
}

/// The functions a credential may call on an installation.
#[derive(ToSchema)]
#[allow(dead_code)]
struct MethodsResponse {
    installation_id: String,
    product_id: i32,
    /// Why the list is empty, when it is.
    reason: Option<AccessReason>,
    methods: Vec<MethodDto>,
}

/// Why an installation ID or catalog key as sent is refused, if it is: the same rules as the
/// patterns in the OpenAPI document, applied to the value exactly as written (nothing trimmed).
fn malformed(installation_id: &str, key: (&str, &str)) -> Option<Response> {
    if !is_installation_id(installation_id) {
        return Some(unprocessable(
            "installation_id must be 2 to 32 letters, digits, '-' or '_' (for example MSVPAR).",
        ));
    }
    let (field, value) = key;
    (!is_key(value)).then(|| {
        unprocessable(&format!(
            "{field} must be lower-case words of letters, digits and '_' joined by dots, at most 100 characters (for example estates.read)."
        ))
    })
}

/// "May this credential call this function for this installation?"
#[derive(Deserialize, ToSchema)]
struct CheckRequest {
    /// The installation, in any case.
    #[schema(
        pattern = "^[A-Za-z0-9_-]{2,32}$",
        min_length = 2,
        max_length = 32,
        example = "MSVPAR"
    )]
    installation_id: String,
    /// A catalog function's key.
    #[schema(
        pattern = "^[a-z0-9_]+(\\.[a-z0-9_]+)*$",
        min_length = 1,
        max_length = 100,
        example = "estates.read"
    )]
    function: String,
    /// The sales object the call is about. An order integration product's object-scoped
    /// functions need it: they are allowed only for objects the installation has an open or
    /// accepted order of the product for (or one completed within the grace period).
    #[serde(default)]
    object: Option<ObjectRef>,
}

/// Why a named object as sent is refused, if it is.
fn malformed_object(object: Option<&ObjectRef>) -> Option<Response> {
    let o = object?;
    if !is_object_type(&o.object_type) {
        return Some(unprocessable(
            "object.type must be a lower-case word such as estate (letters, digits and '_', at most 32).",
        ));
    }
    (!is_object_id(&o.id))
        .then(|| unprocessable("object.id must be 1 to 64 letters, digits, '-', '_', '.' or ':'."))
}

/// May this credential call this function for this installation?
///
/// The platform gateway asks before serving a partner's call. Decisions use the version the
/// installation has activated. For an order integration product's object-scoped functions the
/// check must name the object: `object_required` without it, `no_order` when the installation
/// has no open or accepted order of the product for it.
#[utoipa::path(
    post,
    path = "/api/v1/access-checks",
    request_body = CheckRequest,
    responses(
        (status = 200, description = "The decision", body = AccessDecision),
        (status = 401, description = "Missing, unknown, wrong or revoked credentials", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests for this credential, or too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(("basic" = []))
)]
async fn access_check(
    Extension(state): Extension<AppState>,
    Extension(api): Extension<Arc<ApiState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let client = auth::client_address(peer.map(|p| p.0 .0), &headers, &state);
    let (epoch, p, _) = match auth::authenticate(&state, &api, client, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let req: CheckRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"installation_id": "MSVPAR", "function": "estates.read"}}: {e}."#
            ))
        }
    };
    if let Some(refused) = malformed(&req.installation_id, ("function", &req.function))
        .or_else(|| malformed_object(req.object.as_ref()))
    {
        return refused;
    }
    let decision = api
        .cache
        .decide(
            &state.db,
            &state.config,
            epoch,
            &p,
            &req.installation_id,
            &req.function,
            req.object.as_ref(),
        )
        .await;
    match decision {
        Ok(d) => Json(d).into_response(),
        Err(_) => internal_error(),
    }
}

/// The functions (with filters) this credential may call on an installation.
#[utoipa::path(
    get,
    path = "/api/v1/installations/{installation_id}/methods",
    params(("installation_id" = String, Path, description = "An installation ID such as MSVPAR, in any case", pattern = "^[A-Za-z0-9_-]{2,32}$", min_length = 2, max_length = 32)),
    responses(
        (status = 200, description = "The functions and filters this credential may call there", body = MethodsResponse),
        (status = 401, description = "Missing, unknown, wrong or revoked credentials", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed installation ID", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests for this credential, or too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(("basic" = []))
)]
async fn methods(
    Extension(state): Extension<AppState>,
    Extension(api): Extension<Arc<ApiState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    installation_id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let client = auth::client_address(peer.map(|p| p.0 .0), &headers, &state);
    let (epoch, p, _) = match auth::authenticate(&state, &api, client, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    // A path that is not UTF-8 once decoded is as malformed as any other ID.
    let installation_id = installation_id.map(|p| p.0).unwrap_or_default();
    if !is_installation_id(&installation_id) {
        return unprocessable(
            "The installation ID must be 2 to 32 letters, digits, '-' or '_' (for example MSVPAR).",
        );
    }
    let installation_id = installation_id.to_uppercase();
    let access = api
        .cache
        .installation_access(&state.db, epoch, &p, &installation_id)
        .await
        .map(|a| a.methods());
    match access {
        Ok(Ok(methods)) => Json(serde_json::json!({
            "installation_id": installation_id,
            "product_id": p.id,
            "methods": methods,
        }))
        .into_response(),
        Ok(Err(reason)) => Json(serde_json::json!({
            "installation_id": installation_id,
            "product_id": p.id,
            "reason": reason,
            "methods": [],
        }))
        .into_response(),
        Err(_) => internal_error(),
    }
}

/// An event of the platform to push to the partners' receivers.
#[derive(Deserialize, ToSchema)]
struct EventRequest {
    /// The installation, in any case.
    #[schema(
        pattern = "^[A-Za-z0-9_-]{2,32}$",
        min_length = 2,
        max_length = 32,
        example = "MSVPAR"
    )]
    installation_id: String,
    /// An event type of a push-capable catalog function.
    #[schema(
        pattern = "^[a-z0-9_]+(\\.[a-z0-9_]+)*$",
        min_length = 1,
        max_length = 100,
        example = "estate.changed"
    )]
    r#type: String,
    /// The event's payload, a JSON object, sent as is in the delivery's `data`.
    #[schema(value_type = Object)]
    data: serde_json::Value,
}

/// The recorded event.
#[derive(ToSchema)]
#[allow(dead_code)]
struct EventAccepted {
    event_id: String,
}

/// Publish an event: it is recorded, and one delivery per matching subscription is queued in
/// the same transaction.
///
/// Fans out to every enabled subscription of the type whose product the installation has
/// activated at a version that grants the event's function.
#[utoipa::path(
    post,
    path = "/api/v1/events",
    request_body = EventRequest,
    responses(
        (status = 202, description = "Recorded; deliveries follow", body = EventAccepted),
        (status = 401, description = "Missing, unknown or revoked service token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body, an unknown installation or event type", body = Problem, content_type = "application/problem+json"),
    ),
    security(("service_token" = []))
)]
async fn publish_event(
    Extension(state): Extension<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = auth::service_token(&state, &headers).await {
        return refused;
    }
    let req: EventRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"installation_id": "MSVPAR", "type": "estate.changed", "data": {{}}}}: {e}."#
            ))
        }
    };
    if let Some(refused) = malformed(&req.installation_id, ("type", &req.r#type)) {
        return refused;
    }
    match publish::publish(&state.db, &req.installation_id, &req.r#type, req.data).await {
        Ok(published) => {
            if published.deliveries > 0 {
                state.push_wake.notify_one();
            }
            (
                StatusCode::ACCEPTED,
                Json(serde_json::json!({ "event_id": published.event_id })),
            )
                .into_response()
        }
        Err(app::error::AppError::Invalid(msg)) => unprocessable(&msg),
        Err(_) => internal_error(),
    }
}
