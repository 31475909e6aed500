//! The Partner API's product orders: prefill one (with an `Idempotency-Key`: the same key and
//! body answer the same order), list those naming you, read one, delete one before it is
//! submitted (templates: `product_order_templates.rs`). Each calls the portal's services.
use super::{refused, PartnerCall};
use crate::api_v1::{problem, unprocessable, Problem};
use app::features::product_orders::dto::{ProductOrderQuery, ProductOrderRow};
use app::features::product_orders::service::{create, link_of, list};
use app::glossary::{ProductOrderStatus, ProductOrderType};
use app::server::clock::rfc3339;
use app::server::secrets::hash_token;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A customer's legal ID.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::api_v1) struct BusinessIdentifier {
    #[schema(
        pattern = "^business:(NO:ORG|DK:CVR|FI:Y-tunnus)$",
        example = "business:NO:ORG"
    )]
    scheme: String,
    /// Checked by the scheme's rule (Norway's mod-11 check digit, ...).
    #[schema(min_length = 1, max_length = 20, example = "923609016")]
    id: String,
}

/// A product order to prefill.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::api_v1) struct ProductOrderRequest {
    business_identifier: BusinessIdentifier,
    /// One of your active products.
    #[schema(minimum = 1)]
    product_id: i32,
    /// A price package offered to you, of the customer's market; the customer cannot change it.
    #[schema(minimum = 1)]
    price_package_id: Option<i32>,
    /// 1 to 40 letters, digits, spaces and `()-_+.`.
    #[schema(min_length = 1, max_length = 40)]
    sales_unit_name: String,
    /// A PNG or JPEG, base64: square or near, 100 to 1000 px, at most 256 KB.
    #[schema(max_length = 350000, format = Byte)]
    logo: Option<String>,
    /// Whom to send the link to.
    #[schema(min_length = 3, max_length = 254)]
    contact_email: Option<String>,
    #[schema(max_length = 1000)]
    note: Option<String>,
    /// E-mail the link to `contact_email`.
    send_email: Option<bool>,
}

/// A prefilled order's link.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrderCreated {
    product_order_id: String,
    /// The link to send the customer.
    prefill_url: String,
    /// RFC 3339: 14 days after the order was made.
    expires_at: Option<String>,
    status: ProductOrderStatus,
}

/// A product order naming you.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrder {
    product_order_id: String,
    r#type: ProductOrderType,
    status: ProductOrderStatus,
    product_id: i32,
    /// Such as `business:NO:ORG 923609016`.
    business_identifier: String,
    /// The customer's name, once known.
    customer_name: String,
    sales_unit_name: String,
    /// The sales unit a completed order created or connected.
    installation_id: Option<String>,
    /// RFC 3339.
    created_at: String,
    /// RFC 3339.
    updated_at: String,
}

impl From<ProductOrderRow> for ProductOrder {
    fn from(r: ProductOrderRow) -> Self {
        Self {
            product_order_id: r.id,
            r#type: r.order_type,
            status: r.status,
            product_id: r.product_id,
            business_identifier: r.business_identifier,
            customer_name: r.customer_name,
            sales_unit_name: r.sales_unit_name,
            installation_id: r.installation_id,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
        }
    }
}

/// A page of product orders, newest first.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrders {
    items: Vec<ProductOrder>,
    next_cursor: Option<String>,
}

/// One step of a product order's timeline.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrderStep {
    status: ProductOrderStatus,
    /// RFC 3339.
    at: String,
}

/// A product order with its timeline.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct ProductOrderDetail {
    #[serde(flatten)]
    order: ProductOrder,
    /// The link, while the customer may still use it.
    prefill_url: Option<String>,
    /// RFC 3339.
    expires_at: Option<String>,
    /// Such as `Standard (2.99%)`.
    price_package: Option<String>,
    note: String,
    steps: Vec<ProductOrderStep>,
}

/// The filters of the list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::api_v1) struct ListParams {
    status: Option<ProductOrderStatus>,
    r#type: Option<ProductOrderType>,
    /// Include expired orders (left out unless asked for or filtered by status).
    include_expired: Option<bool>,
    /// The `next_cursor` of the page before.
    #[param(pattern = "^[0-9]{1,10}$")]
    cursor: Option<String>,
    /// Orders on the page (50 unless given).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// The `Idempotency-Key` header, or the `422` that asks for one.
fn idempotency_key(headers: &HeaderMap) -> Result<String, Response> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let ok = (1..=50).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(key.to_owned())
    } else {
        Err(unprocessable(
            "Send an Idempotency-Key header of 1 to 50 letters, digits or '-': the same key and body answer the same order.",
        ))
    }
}

/// Prefill a product order.
///
/// Answers its link (valid 14 days), e-mailed to `contact_email` when `send_email` is true.
/// The same `Idempotency-Key` with the same body answers the same order (with the header
/// `Idempotent-Replayed: true`); with another body it is `422`.
#[utoipa::path(
    post,
    path = "/api/v1/partner/product-orders",
    tag = "Partner API",
    params(("Idempotency-Key" = String, Header, description = "Your key for this order", pattern = "^[A-Za-z0-9-]{1,50}$", min_length = 1, max_length = 50)),
    request_body = ProductOrderRequest,
    responses(
        (status = 201, description = "The order and its link", body = ProductOrderCreated),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body or key, a business identifier that fails its check, a product or package not yours, a reused key", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn create_order(call: PartnerCall, headers: HeaderMap, body: Bytes) -> Response {
    let key = match idempotency_key(&headers) {
        Ok(k) => k,
        Err(res) => return res,
    };
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return unprocessable(&format!("The body must be JSON: {e}.")),
    };
    // The request as Portico reads it (keys sorted), so spacing and key order do not matter.
    let request_hash = hash_token(&value.to_string());
    let req: ProductOrderRequest = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"business_identifier": {{"scheme": "business:NO:ORG", "id": "923609016"}}, "product_id": 1, "sales_unit_name": "Havnegata Sentrum"}}: {e}."#
            ))
        }
    };
    // The lengths as sent (the services trim what they keep).
    let too_long = req.sales_unit_name.chars().count() > 40
        || req
            .contact_email
            .as_ref()
            .is_some_and(|e| e.chars().count() > 254)
        || req.note.as_ref().is_some_and(|n| n.chars().count() > 1000);
    if too_long {
        return unprocessable(
            "sales_unit_name is at most 40 characters, contact_email 254 and note 1000.",
        );
    }
    let logo = match req.logo.as_deref() {
        None => None,
        Some(text) => match base64::engine::general_purpose::STANDARD.decode(text.trim()) {
            Ok(bytes) => Some(bytes),
            Err(_) => return unprocessable("logo must be the image's bytes in base64."),
        },
    };
    let input = create::PrefillInput {
        business_id_scheme: req.business_identifier.scheme,
        business_id: req.business_identifier.id,
        product_id: req.product_id,
        price_package_id: req.price_package_id,
        sales_unit_name: req.sales_unit_name,
        logo,
        contact_email: req.contact_email,
        note: req.note.unwrap_or_default(),
        send_email: req.send_email.unwrap_or(false),
    };
    let state = &call.state;
    let made = create::prefill(
        &state.db,
        &state.config,
        &call.actor,
        call.partner,
        input,
        Some((key, request_hash)),
    )
    .await;
    match made {
        Ok(made) => {
            if !made.replayed {
                state.mail_wake.notify_one();
            }
            let body = ProductOrderCreated {
                product_order_id: made.order.public_id,
                prefill_url: made.link,
                expires_at: made
                    .expires_at
                    .map(|t| rfc3339(app::server::clock::local(t))),
                status: made.order.status,
            };
            let mut res = (StatusCode::CREATED, Json(body)).into_response();
            if made.replayed {
                res.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
            }
            res
        }
        Err(e) => refused(e),
    }
}

/// The product orders naming you, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/partner/product-orders",
    tag = "Partner API",
    params(ListParams),
    responses(
        (status = 200, description = "A page of product orders", body = ProductOrders),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed filter, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn list_orders(
    call: PartnerCall,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Response {
    let Ok(Query(p)) = params else {
        return unprocessable("status, type, include_expired, cursor (a next_cursor) or limit (1 to 100) is malformed.");
    };
    let limit = p.limit.unwrap_or(50);
    let cursor_ok = p
        .cursor
        .as_deref()
        .is_none_or(|c| (1..=10).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()));
    if !(1..=100).contains(&limit) || !cursor_ok {
        return unprocessable("limit must be 1 to 100, and cursor a next_cursor of this list.");
    }
    let q = ProductOrderQuery {
        status: p.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        order_type: p.r#type.map(|t| t.as_str().to_owned()).unwrap_or_default(),
        include_expired: p.include_expired.unwrap_or(false),
        cursor: p.cursor.unwrap_or_default(),
        ..ProductOrderQuery::default()
    };
    let db = &call.state.db;
    let scope = app::server::entities::product_order::Column::PartnerId;
    let scope = sea_orm::Condition::all().add(sea_orm::ColumnTrait::eq(&scope, call.partner));
    let page = list::page(db, call.actor.lang, scope, &q, limit as usize).await;
    let (orders, next_cursor) = match page {
        Ok(p) => p,
        Err(e) => return refused(e),
    };
    match list::describe(db, orders).await {
        Ok(rows) => Json(ProductOrders {
            items: rows.into_iter().map(Into::into).collect(),
            next_cursor,
        })
        .into_response(),
        Err(e) => refused(e),
    }
}

/// The path's order ID, or `404` for one that cannot be an order's.
fn order_path(path: Result<Path<String>, PathRejection>) -> Result<String, Response> {
    path.ok()
        .map(|p| p.0)
        .filter(|id| id.len() <= 40 && id.starts_with("po_"))
        .ok_or_else(|| problem(StatusCode::NOT_FOUND, "Not Found", "Not found."))
}

/// One product order naming you, with its timeline.
#[utoipa::path(
    get,
    path = "/api/v1/partner/product-orders/{product_order_id}",
    tag = "Partner API",
    params(("product_order_id" = String, Path, description = "The order's ID (po_...)", max_length = 40)),
    responses(
        (status = 200, description = "The product order", body = ProductOrderDetail),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order naming you", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn get_order(
    call: PartnerCall,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let id = match order_path(path) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let state = &call.state;
    let d = match list::detail(&state.db, &state.config, &call.actor, call.partner, &id).await {
        Ok(d) => d,
        Err(e) => return refused(e),
    };
    let o = match list::visible(&state.db, &call.actor, call.partner, &id).await {
        Ok((o, ..)) => o,
        Err(e) => return refused(e),
    };
    let detail = ProductOrderDetail {
        prefill_url: link_of(&state.config, o.link_sealed.as_deref())
            .filter(|_| o.status.is_open()),
        expires_at: d.expires_at.map(rfc3339),
        price_package: d.price_package,
        note: d.note,
        steps: d
            .steps
            .into_iter()
            .map(|s| ProductOrderStep {
                status: s.status,
                at: rfc3339(s.at),
            })
            .collect(),
        order: d.order.into(),
    };
    Json(detail).into_response()
}

/// Delete a product order before the customer submits it (`409` after).
#[utoipa::path(
    delete,
    path = "/api/v1/partner/product-orders/{product_order_id}",
    tag = "Partner API",
    params(("product_order_id" = String, Path, description = "The order's ID (po_...)", max_length = 40)),
    responses(
        (status = 204, description = "Deleted: its link opens nothing any more"),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order naming you", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, decided or expired", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn delete_order(
    call: PartnerCall,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let id = match order_path(path) {
        Ok(id) => id,
        Err(res) => return res,
    };
    match list::delete(&call.state.db, &call.actor, call.partner, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(e),
    }
}
