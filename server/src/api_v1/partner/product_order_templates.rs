//! The Partner API's product order templates: the links any customer can start an order from.
use super::{refused, PartnerCall};
use crate::api_v1::Problem;
use app::features::product_orders::service::templates;
use app::glossary::TemplateStatus;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// A product order template of yours.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrderTemplate {
    template_id: String,
    name: String,
    product_id: i32,
    price_package: Option<String>,
    status: TemplateStatus,
    /// The link any customer can start an order from.
    link: String,
    /// How many orders it started.
    orders: u64,
}

/// Your product order templates, newest first.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrderTemplates {
    items: Vec<ProductOrderTemplate>,
}

/// Your product order templates.
#[utoipa::path(
    get,
    path = "/api/v1/partner/product-order-templates",
    tag = "Partner API",
    responses(
        (status = 200, description = "Your templates, newest first", body = ProductOrderTemplates),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn list_templates(call: PartnerCall) -> Response {
    let state = &call.state;
    match templates::list(&state.db, &state.config, &call.actor, call.partner).await {
        Ok(v) => Json(ProductOrderTemplates {
            items: v
                .rows
                .into_iter()
                .map(|t| ProductOrderTemplate {
                    template_id: t.id,
                    name: t.name,
                    product_id: t.product_id,
                    price_package: t.price_package,
                    status: t.status,
                    link: t.link,
                    orders: t.orders,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => refused(e),
    }
}
