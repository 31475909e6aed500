//! The Partner API's products: yours, and one with its versions and the functions it requires.
use super::{page_of, refused, PageParams, PartnerCall};
use crate::api_v1::{unprocessable, Problem};
use app::features::products::service::{detail as product_detail, products};
use app::server::clock::rfc3339;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// One of your products, as the list shows it.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Product {
    id: i32,
    name: String,
    /// `rights` or `order_integration`.
    kind: String,
    /// `draft`, `active` or `retired`.
    status: String,
    active_version: Option<i32>,
    draft_version: Option<i32>,
    /// Active sales units with it, on any version.
    installations: u64,
}

/// Your products.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Products {
    items: Vec<Product>,
    next_cursor: Option<String>,
}

/// Your products, by name.
#[utoipa::path(
    get,
    path = "/api/v1/partner/products",
    tag = "Partner API",
    params(PageParams),
    responses(
        (status = 200, description = "A page of products", body = Products),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn products(
    call: PartnerCall,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let Ok(Query(page)) = page else {
        return unprocessable("limit must be 1 to 100.");
    };
    let found = products::list_products(&call.state.db, &call.actor, call.partner, "", "").await;
    let all = match found {
        Ok(p) => p
            .into_iter()
            .map(|p| Product {
                id: p.id,
                name: p.name,
                kind: p.kind.as_str().to_owned(),
                status: p.status.as_str().to_owned(),
                active_version: p.active_version,
                draft_version: p.draft_version,
                installations: p.installations,
            })
            .collect(),
        Err(e) => return refused(e),
    };
    match page_of(all, &page) {
        Ok((items, next_cursor)) => Json(Products { items, next_cursor }).into_response(),
        Err(res) => res,
    }
}

/// A version of a product.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductVersion {
    number: i32,
    /// `draft`, `active` or `superseded`.
    state: String,
    note: Option<String>,
    /// Active sales units on this version.
    installations: u64,
    /// RFC 3339.
    activated_at: Option<String>,
}

/// A function the product's current version requires.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductFunction {
    /// Such as `estates.read`.
    key: String,
    name: String,
    area: String,
    /// Its filters, as people read them.
    filters: Vec<String>,
}

/// One of your products with its versions and functions.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductDetail {
    id: i32,
    name: String,
    kind: String,
    description: String,
    status: String,
    support_email: Option<String>,
    support_url: Option<String>,
    versions: Vec<ProductVersion>,
    /// The version the functions are of (the draft, else the active one).
    current_version: i32,
    functions: Vec<ProductFunction>,
}

/// One of your products.
#[utoipa::path(
    get,
    path = "/api/v1/partner/products/{product_id}",
    tag = "Partner API",
    params(("product_id" = i32, Path, description = "The product's ID", minimum = 1)),
    responses(
        (status = 200, description = "The product", body = ProductDetail),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of your products", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed product ID", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn product(call: PartnerCall, id: Result<Path<i32>, PathRejection>) -> Response {
    let Ok(Path(id)) = id else {
        return unprocessable("The product ID is a number.");
    };
    let (db, cfg) = (&call.state.db, &call.state.config);
    match product_detail::product_detail(db, cfg, &call.actor, call.partner, id).await {
        Ok(d) => Json(ProductDetail {
            id: d.product.id,
            name: d.product.name,
            kind: d.product.kind.as_str().to_owned(),
            description: d.product.description,
            status: d.product.status.as_str().to_owned(),
            support_email: d.product.support_email,
            support_url: d.product.support_url,
            versions: d
                .versions
                .into_iter()
                .map(|v| ProductVersion {
                    number: v.number,
                    state: v.state.as_str().to_owned(),
                    note: v.note,
                    installations: v.installations,
                    activated_at: v.activated_at.map(rfc3339),
                })
                .collect(),
            current_version: d.current_version,
            functions: d
                .grants
                .into_iter()
                .map(|g| ProductFunction {
                    key: g.key,
                    name: g.name,
                    area: g.area,
                    filters: g.filters,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => refused(e),
    }
}
