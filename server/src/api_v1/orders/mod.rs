//! Orders of order integration products (DESIGN "Machine-facing API", rule 12). The platform
//! posts an order when a person starts one from a sales object and may cancel it (service
//! token); the partner, with the product's credentials, lists its orders and accepts, completes
//! or declines them; both read one order. Every refusal is a problem document.
mod wire;

use super::{auth, internal_error, problem, unprocessable, ApiState, Problem};
use app::error::AppError;
use app::features::orders::dto::OrderQuery;
use app::features::orders::service::{create, list, status};
use app::glossary::{OrderParty, OrderStatus};
use app::server::entities::{installation, order, order_update};
use app::server::scope::Actor;
use app::server::AppState;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{ConnectInfo, Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::net::SocketAddr;
use std::sync::Arc;
use wire::{order_json, rfc3339};
pub(super) use wire::{
    CancelRequest, Order, OrderParams, OrderPatch, OrderRequest, OrderStep, OrderedBy, Orders,
};

/// The orders routes.
pub(super) fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/api/v1/orders", post(create_order).get(list_orders))
        .route(
            "/api/v1/orders/{order_id}",
            get(get_order).patch(patch_order),
        )
        .route("/api/v1/orders/{order_id}/cancel", post(cancel_order))
}

/// An order's problem for an [`AppError`].
fn refused(e: AppError) -> Response {
    super::refusal(
        e,
        "There is no such order.",
        "This credential may not do this.",
    )
}

fn not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "Not Found",
        "There is no such order.",
    )
}

/// Who calls: the platform (a service token) or a product (its credentials).
enum Caller {
    Platform(Actor),
    Product { product_id: i32, actor: Actor },
}

/// The caller of an orders endpoint: a service token when the request carries a bearer token,
/// else a product's credentials; or the response that refuses it.
async fn caller(
    state: &AppState,
    api: &ApiState,
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
) -> Result<Caller, Response> {
    if auth::is_bearer(headers) {
        let name = auth::service_token(state, headers).await?;
        return Ok(Caller::Platform(Actor::service(&name)));
    }
    let client = auth::client_address(peer, headers, state);
    let (_, p, client_id) = auth::authenticate(state, api, client, headers).await?;
    let mut actor = Actor::system();
    actor.label = client_id;
    Ok(Caller::Product {
        product_id: p.id,
        actor,
    })
}

/// The order `order_id` as the caller may see it, with its installation ID: a product sees its
/// own orders on installations partners may see; the platform sees every order.
async fn find(
    state: &AppState,
    caller: &Caller,
    order_id: &str,
) -> Result<(order::Model, String), Response> {
    let db = &state.db;
    let found = order::Entity::find()
        .filter(order::Column::PublicId.eq(order_id))
        .one(db)
        .await
        .map_err(|_| internal_error())?
        .ok_or_else(not_found)?;
    let mut inst =
        installation::Entity::find().filter(installation::Column::Id.eq(found.installation_id));
    if let Caller::Product { product_id, .. } = caller {
        if found.product_id != *product_id {
            return Err(not_found());
        }
        inst = inst.filter(installation::visible());
    }
    let inst = inst
        .one(db)
        .await
        .map_err(|_| internal_error())?
        .ok_or_else(not_found)?;
    Ok((found, inst.installation_id))
}

/// The order's path parameter, or `404` for one that cannot be an order ID.
fn order_path(path: Result<Path<String>, PathRejection>) -> Result<String, Response> {
    path.ok()
        .map(|p| p.0)
        .filter(|id| id.len() <= 40 && id.starts_with("ord_"))
        .ok_or_else(not_found)
}

/// Record an order (the platform).
///
/// Only for an order integration product activated on the installation. The product's push
/// subscriptions for `order.created` receive it.
#[utoipa::path(
    post,
    path = "/api/v1/orders",
    tag = "Orders",
    request_body = OrderRequest,
    responses(
        (status = 201, description = "Recorded", body = Order),
        (status = 401, description = "Missing, unknown or revoked service token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body; an unknown or inactive installation; a product that is not an order integration product activated there; an object type the catalog does not name", body = Problem, content_type = "application/problem+json"),
    ),
    security(("service_token" = []))
)]
async fn create_order(
    Extension(state): Extension<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let service = match auth::service_token(&state, &headers).await {
        Ok(name) => name,
        Err(refused) => return refused,
    };
    let req: OrderRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"installation_id": "SOLOSL", "product_id": 1, "object": {{"type": "estate", "id": "42"}}, "ordered_by": {{"name": "Eva Megler", "email": "eva@solheim.example"}}, "data": {{}}}}: {e}."#
            ))
        }
    };
    let input = create::NewOrder {
        installation_id: req.installation_id,
        product_id: req.product_id,
        object_type: req.object.object_type,
        object_id: req.object.id,
        ordered_by_name: req.ordered_by.name,
        ordered_by_email: req.ordered_by.email,
        data: req.data,
    };
    match create::create(&state.db, &Actor::service(&service), input).await {
        Ok(created) => {
            if created.event.deliveries > 0 {
                state.push_wake.notify_one();
            }
            let iid = find(
                &state,
                &Caller::Platform(Actor::system()),
                &created.order.public_id,
            )
            .await
            .map(|f| f.1)
            .unwrap_or_default();
            (
                StatusCode::CREATED,
                Json(order_json(created.order, iid, None)),
            )
                .into_response()
        }
        Err(e) => refused(e),
    }
}

/// The product's orders (its credentials), newest first.
#[utoipa::path(
    get,
    path = "/api/v1/orders",
    tag = "Orders",
    params(OrderParams),
    responses(
        (status = 200, description = "A page of the product's orders", body = Orders),
        (status = 401, description = "Missing, unknown, wrong or revoked credentials", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed status, cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("basic" = []))
)]
async fn list_orders(
    Extension(state): Extension<AppState>,
    Extension(api): Extension<Arc<ApiState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    params: Result<Query<OrderParams>, QueryRejection>,
) -> Response {
    let client = auth::client_address(peer.map(|p| p.0 .0), &headers, &state);
    let (_, p, _) = match auth::authenticate(&state, &api, client, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let Ok(Query(params)) = params else {
        return unprocessable(
            "status must be open, accepted, completed, declined or cancelled; cursor a next_cursor; limit 1 to 100.",
        );
    };
    let params_cursor_given = params.cursor.is_some();
    let limit = params.limit.unwrap_or(50);
    if !(1..=100).contains(&limit) {
        return unprocessable("limit must be 1 to 100.");
    }
    let cursor = params.cursor.unwrap_or_default();
    if params_cursor_given
        && !(!cursor.is_empty() && cursor.len() <= 10 && cursor.bytes().all(|b| b.is_ascii_digit()))
    {
        return unprocessable("cursor must be the next_cursor of the page before.");
    }
    let q = OrderQuery {
        status: params
            .status
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        cursor,
        ..OrderQuery::default()
    };
    let scope = list::partner_scope([p.id]);
    let page = list::page(&state.db, app::i18n::Lang::En, scope, &q, limit as usize).await;
    let (orders, next_cursor) = match page {
        Ok(found) => found,
        Err(e) => return refused(e),
    };
    let ids = installation::Entity::find()
        .filter(installation::Column::Id.is_in(orders.iter().map(|o| o.installation_id)))
        .all(&state.db)
        .await;
    let Ok(insts) = ids else {
        return internal_error();
    };
    let items = orders
        .into_iter()
        .map(|o| {
            let iid = insts
                .iter()
                .find(|i| i.id == o.installation_id)
                .map(|i| i.installation_id.clone())
                .unwrap_or_default();
            order_json(o, iid, None)
        })
        .collect();
    Json(Orders { items, next_cursor }).into_response()
}

/// One order with its timeline: the product's own (its credentials), or any (service token).
#[utoipa::path(
    get,
    path = "/api/v1/orders/{order_id}",
    tag = "Orders",
    params(("order_id" = String, Path, description = "The order's ID (ord_...)", max_length = 40)),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "Missing or wrong credentials or service token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order of this product", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("basic" = []), ("service_token" = []))
)]
async fn get_order(
    Extension(state): Extension<AppState>,
    Extension(api): Extension<Arc<ApiState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let caller = match caller(&state, &api, peer.map(|p| p.0 .0), &headers).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let order_id = match order_path(path) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let (o, iid) = match find(&state, &caller, &order_id).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let steps = order_update::Entity::find()
        .filter(order_update::Column::OrderId.eq(o.id))
        .order_by_asc(order_update::Column::Id)
        .all(&state.db)
        .await;
    let Ok(steps) = steps else {
        return internal_error();
    };
    let steps = steps
        .into_iter()
        .map(|u| OrderStep {
            status: u.status,
            message: u.message,
            by: u.by_party,
            at: rfc3339(u.created_at),
        })
        .collect();
    Json(order_json(o, iid, Some(steps))).into_response()
}

/// Accept, complete or decline an order (the product's credentials).
///
/// An order moves only forward: `open` → `accepted` → `completed`, or `declined`. A move the
/// order's status does not allow (such as completing a cancelled order) is `409`.
#[utoipa::path(
    patch,
    path = "/api/v1/orders/{order_id}",
    tag = "Orders",
    params(("order_id" = String, Path, description = "The order's ID (ord_...)", max_length = 40)),
    request_body = OrderPatch,
    responses(
        (status = 200, description = "The order as it is now", body = Order),
        (status = 401, description = "Missing, unknown, wrong or revoked credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order of this product", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order's status does not allow this move", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body, a status the partner may not set, or a decline without a message", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("basic" = []))
)]
async fn patch_order(
    Extension(state): Extension<AppState>,
    Extension(api): Extension<Arc<ApiState>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    let client = auth::client_address(peer.map(|p| p.0 .0), &headers, &state);
    let (_, p, client_id) = match auth::authenticate(&state, &api, client, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let mut actor = Actor::system();
    actor.label = client_id;
    let caller = Caller::Product {
        product_id: p.id,
        actor,
    };
    moved(&state, caller, path, &body, |req: OrderPatch| {
        (req.status, req.message)
    })
    .await
}

/// Cancel an order (the platform): a person withdrew it in the platform.
#[utoipa::path(
    post,
    path = "/api/v1/orders/{order_id}/cancel",
    tag = "Orders",
    params(("order_id" = String, Path, description = "The order's ID (ord_...)", max_length = 40)),
    request_body(content = Option<CancelRequest>, description = "An optional message to the partner; the body may be left out"),
    responses(
        (status = 200, description = "The order as it is now", body = Order),
        (status = 401, description = "Missing, unknown or revoked service token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is already completed, declined or cancelled", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body", body = Problem, content_type = "application/problem+json"),
    ),
    security(("service_token" = []))
)]
async fn cancel_order(
    Extension(state): Extension<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    let service = match auth::service_token(&state, &headers).await {
        Ok(name) => name,
        Err(refused) => return refused,
    };
    // An empty body is a cancellation without a message.
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        Bytes::from_static(b"{}")
    } else {
        body
    };
    let caller = Caller::Platform(Actor::service(&service));
    moved(&state, caller, path, &body, |req: CancelRequest| {
        (OrderStatus::Cancelled, req.message)
    })
    .await
}

/// Reads the move from `body` with `read`, finds the caller's order and applies the move.
async fn moved<T: serde::de::DeserializeOwned>(
    state: &AppState,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: &[u8],
    read: impl FnOnce(T) -> (OrderStatus, String),
) -> Response {
    let order_id = match order_path(path) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let (to, message) = match serde_json::from_slice::<T>(body) {
        Ok(req) => read(req),
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"status": "accepted", "message": "..."}}: {e}."#
            ))
        }
    };
    let (o, iid) = match find(state, &caller, &order_id).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let (actor, party) = match &caller {
        Caller::Platform(a) => (a, OrderParty::Platform),
        Caller::Product { actor, .. } => (actor, OrderParty::Partner),
    };
    match status::apply(&state.db, actor, party, o, to, &message).await {
        Ok(now) => {
            // A cancellation queued an `order.cancelled` delivery.
            state.push_wake.notify_one();
            Json(order_json(now, iid, None)).into_response()
        }
        Err(e) => refused(e),
    }
}
