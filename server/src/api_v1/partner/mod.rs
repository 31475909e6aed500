//! The Partner API (`/api/v1/partner/...`, DESIGN "Machine-facing API"): what a partner sees and
//! does in its portal, from code. HTTP Basic with a partner API key; `read` keys may only GET.
//! Each handler calls the service the portal's page calls, as the key's actor, so the portal's
//! rules (the connection rule, deactivation hiding, admins-only changes) hold here unchanged.
pub(super) mod listings;
pub(super) mod product_order_templates;
pub(super) mod product_orders;
pub(super) mod products;
pub(super) mod sales_units;

use super::{auth, internal_error, problem, unprocessable, ApiState};
use app::error::AppError;
use app::features::partner_api::dto::KeyAccess;
use app::features::partner_api::service::keys;
use app::server::scope::Actor;
use app::server::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

pub(super) use listings::{
    CommissionMonthResponse, CommissionRow, CommissionStatement, CommissionStatements,
    PricePackage, PricePackages, Sum, Webhook, Webhooks,
};
pub(super) use product_order_templates::{ProductOrderTemplate, ProductOrderTemplates};
pub(super) use product_orders::{
    BusinessIdentifier, ProductOrder, ProductOrderCreated, ProductOrderDetail, ProductOrderRequest,
    ProductOrderStep, ProductOrders,
};
pub(super) use products::{Product, ProductDetail, ProductFunction, ProductVersion, Products};
pub(super) use sales_units::{
    HistoryItem, SalesUnit, SalesUnitDetail, SalesUnitHistory, SalesUnitPatch, SalesUnitProduct,
    SalesUnitSubscription, SalesUnits,
};

/// Rows a list page holds unless `limit` says otherwise.
const DEFAULT_LIMIT: usize = 50;
/// The most rows a list page may hold.
const MAX_LIMIT: usize = 100;

/// The Partner API's routes.
pub(super) fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/api/v1/partner/whoami", get(whoami))
        .route("/api/v1/partner/sales-units", get(sales_units::list))
        // A 256 KB logo is about 350 KB as base64.
        .route(
            "/api/v1/partner/sales-units/{installation_id}",
            get(sales_units::detail)
                .patch(sales_units::patch)
                .layer(axum::extract::DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/api/v1/partner/sales-units/{installation_id}/history",
            get(sales_units::history),
        )
        .route(
            "/api/v1/partner/price-packages",
            get(listings::price_packages),
        )
        .route(
            "/api/v1/partner/commission-statements",
            get(listings::commission_statements),
        )
        .route(
            "/api/v1/partner/commission-statements/{period}",
            get(listings::commission_month),
        )
        .route("/api/v1/partner/webhooks", get(listings::webhooks))
        .route(
            "/api/v1/partner/product-orders",
            get(product_orders::list_orders)
                .post(product_orders::create_order)
                .layer(axum::extract::DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/api/v1/partner/product-orders/{product_order_id}",
            get(product_orders::get_order).delete(product_orders::delete_order),
        )
        .route(
            "/api/v1/partner/product-order-templates",
            get(product_order_templates::list_templates),
        )
        .route("/api/v1/partner/products", get(products::products))
        .route(
            "/api/v1/partner/products/{product_id}",
            get(products::product),
        )
}

/// An authenticated Partner API call: the key's actor, its partner and the instance's state.
pub(super) struct PartnerCall {
    pub actor: Actor,
    pub partner: i32,
    pub state: AppState,
}

impl<S: Send + Sync> FromRequestParts<S> for PartnerCall {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let state = parts
            .extensions
            .get::<AppState>()
            .cloned()
            .ok_or_else(internal_error)?;
        let api = parts
            .extensions
            .get::<Arc<ApiState>>()
            .cloned()
            .ok_or_else(internal_error)?;
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        let client = auth::client_address(peer, &parts.headers, &state);
        let actor = auth::authenticate_partner(&state, &api, client, &parts.headers).await?;
        let grant = actor.key.ok_or_else(internal_error)?;
        let reads = parts.method == Method::GET || parts.method == Method::HEAD;
        if !reads && grant.access == KeyAccess::Read {
            return Err(problem(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "This API key may only read (GET). Create a read and write key to make changes.",
            ));
        }
        Ok(PartnerCall {
            actor,
            partner: grant.organization_id,
            state,
        })
    }
}

/// The problem document of a service's refusal to a partner API key.
pub(super) fn refused(e: AppError) -> Response {
    super::refusal(e, "Not found.", "This API key may not do this.")
}

/// `limit` and `cursor` of a list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct PageParams {
    /// The `next_cursor` of the page before; none for the first page.
    #[param(max_length = 100)]
    cursor: Option<String>,
    /// Rows on the page (50 unless given).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

impl PageParams {
    /// The page size asked for, or the `422` that says what is allowed (a cursor is at most
    /// 100 characters, as the document says).
    fn size(&self) -> Result<usize, Response> {
        if self
            .cursor
            .as_ref()
            .is_some_and(|c| c.chars().count() > 100)
        {
            return Err(unprocessable("cursor is at most 100 characters."));
        }
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(l) if (1..=MAX_LIMIT as u32).contains(&l) => Ok(l as usize),
            Some(_) => Err(unprocessable("limit must be 1 to 100.")),
        }
    }
}

/// One page of a short list that is read whole (a partner's price packages, webhooks,
/// products): the cursor is the number of rows before the page.
pub(super) fn page_of<T>(
    items: Vec<T>,
    page: &PageParams,
) -> Result<(Vec<T>, Option<String>), Response> {
    let size = page.size()?;
    let from = match page.cursor.as_deref() {
        None | Some("") => 0,
        Some(c) => c
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= items.len() && c.len() <= 10)
            .ok_or_else(|| unprocessable("cursor must be a next_cursor this list returned."))?,
    };
    let next = (items.len() > from + size).then(|| (from + size).to_string());
    Ok((items.into_iter().skip(from).take(size).collect(), next))
}

/// Who is calling.
#[derive(Serialize, ToSchema)]
pub(super) struct WhoamiResponse {
    partner_id: i32,
    partner_name: String,
    /// `pk_...`.
    key_id: String,
    #[schema(value_type = String, pattern = "^(read|read_write)$")]
    access: KeyAccess,
}

/// The partner and API key this call is made as.
#[utoipa::path(
    get,
    path = "/api/v1/partner/whoami",
    tag = "Partner API",
    responses(
        (status = 200, description = "The partner and the key", body = WhoamiResponse),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = super::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests for this key, or too many failed authentications from this address", body = super::Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn whoami(call: PartnerCall) -> Response {
    match keys::whoami(&call.state.db, &call.actor).await {
        Ok(w) => Json(WhoamiResponse {
            partner_id: w.partner_id,
            partner_name: w.partner_name,
            key_id: w.key_id,
            access: w.access,
        })
        .into_response(),
        Err(e) => refused(e),
    }
}
