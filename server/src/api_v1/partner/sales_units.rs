//! The Partner API's sales units: the list (field filters, cursor pages), one sales unit, its
//! history, and changing its name and logo (read and write keys).
use super::{refused, PageParams, PartnerCall};
use crate::api_v1::{unprocessable, Problem};
use app::features::sales_units::dto as su;
use app::features::sales_units::service::{detail, edit, list, picture};
use app::server::clock::rfc3339;
use app::server::validate::is_installation_id;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The list's filters; each given one must match.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::api_v1) struct ListParams {
    /// A part of the sales unit's name.
    #[param(max_length = 200)]
    name: Option<String>,
    /// The installation ID, exactly (any case).
    #[param(max_length = 200)]
    installation_id: Option<String>,
    /// A part of the customer's name.
    #[param(max_length = 200)]
    customer: Option<String>,
    /// The customer's business identifier: `business:NO:ORG 923609016` or the number.
    #[param(max_length = 200)]
    business_identifier: Option<String>,
    /// Only sales units with this product of yours.
    product_id: Option<i32>,
    /// Only sales units where an upgrade of one of your products is pending.
    upgrade_pending: Option<bool>,
}

/// One of your products on a sales unit.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnitProduct {
    product_id: i32,
    name: String,
    /// The version it runs.
    version: i32,
    /// Since when a newer version has been waiting (RFC 3339), if one is.
    upgrade_pending_since: Option<String>,
}

/// A sales unit connected to you.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnit {
    installation_id: String,
    name: String,
    customer: String,
    /// Such as `business:NO:ORG 923609016`.
    business_identifier: Option<String>,
    /// Such as `Standard (2.99%)`.
    price_package: Option<String>,
    products: Vec<SalesUnitProduct>,
}

impl From<su::SalesUnitRow> for SalesUnit {
    fn from(r: su::SalesUnitRow) -> Self {
        SalesUnit {
            installation_id: r.installation_id,
            name: r.name,
            customer: r.customer,
            business_identifier: r.business_identifier,
            price_package: r.price_package,
            products: r
                .products
                .into_iter()
                .map(|p| SalesUnitProduct {
                    product_id: p.product_id,
                    name: p.name,
                    version: p.version,
                    upgrade_pending_since: p.upgrade_pending_since.map(rfc3339),
                })
                .collect(),
        }
    }
}

/// A page of sales units.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnits {
    items: Vec<SalesUnit>,
    /// Pass as `cursor` for the next page; none on the last.
    next_cursor: Option<String>,
}

/// A push subscription of yours that reaches the sales unit.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnitSubscription {
    /// `sub_...`.
    id: String,
    product_id: i32,
    product: String,
    url: String,
    enabled: bool,
}

/// A sales unit with the push subscriptions that reach it.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnitDetail {
    #[serde(flatten)]
    unit: SalesUnit,
    has_logo: bool,
    subscriptions: Vec<SalesUnitSubscription>,
}

/// One entry of a sales unit's history.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct HistoryItem {
    id: i32,
    /// RFC 3339.
    at: String,
    /// The person's e-mail, an API key, `cli` or `portico`.
    who: String,
    /// The organization they acted as.
    acting_as: Option<String>,
    /// `activated`, `upgraded`, `renamed`, `logo_changed`, `price_package_changed`, ...
    kind: String,
    product: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
}

/// A page of a sales unit's history, newest first.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct SalesUnitHistory {
    items: Vec<HistoryItem>,
    next_cursor: Option<String>,
}

/// What to change; at least one of the two.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(in crate::api_v1) struct SalesUnitPatch {
    /// 1 to 40 letters, digits, spaces and `()-_+.`.
    #[schema(min_length = 1, max_length = 40)]
    name: Option<String>,
    /// A PNG or JPEG, base64: square or near, 100 to 1000 px, at most 256 KB.
    #[schema(max_length = 350000, format = Byte)]
    logo: Option<String>,
}

/// The installation ID of a path, or the `422` that says what one looks like.
fn installation_path(id: Result<Path<String>, PathRejection>) -> Result<String, Response> {
    let id = id.map(|p| p.0).unwrap_or_default();
    if !is_installation_id(&id) {
        return Err(unprocessable(
            "The installation ID must be 2 to 32 letters, digits, '-' or '_' (for example MSVPAR).",
        ));
    }
    Ok(id.to_uppercase())
}

/// Your sales units.
///
/// Every sales unit where one of your products is active, across all your products; never a
/// deactivated one or one of a deactivated customer.
#[utoipa::path(
    get,
    path = "/api/v1/partner/sales-units",
    tag = "Partner API",
    params(ListParams, PageParams),
    responses(
        (status = 200, description = "A page of sales units, by installation ID", body = SalesUnits),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed filter, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn list(
    call: PartnerCall,
    filters: Result<Query<ListParams>, QueryRejection>,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let (Ok(Query(f)), Ok(Query(page))) = (filters, page) else {
        return unprocessable("The query has a value of the wrong type (product_id is a number, upgrade_pending true or false, limit 1 to 100).");
    };
    let size = match page.size() {
        Ok(s) => s,
        Err(res) => return res,
    };
    let too_long = [
        &f.name,
        &f.installation_id,
        &f.customer,
        &f.business_identifier,
    ]
    .iter()
    .any(|v| v.as_ref().is_some_and(|v| v.chars().count() > 200));
    if too_long
        || page
            .cursor
            .as_ref()
            .is_some_and(|c| c.chars().count() > 100)
    {
        return unprocessable("Filters are at most 200 characters, a cursor at most 100.");
    }
    let query = su::SalesUnitQuery {
        product_id: f.product_id,
        upgrade_pending: f.upgrade_pending.unwrap_or(false),
        cursor: page.cursor.unwrap_or_default(),
        fields: su::SalesUnitFields {
            name: f.name,
            installation_id: f.installation_id,
            customer: f.customer,
            business_identifier: f.business_identifier,
        },
        limit: Some(size),
        ..su::SalesUnitQuery::default()
    };
    match list::list(&call.state.db, &call.actor, call.partner, &query).await {
        Ok(p) => Json(SalesUnits {
            items: p.rows.into_iter().map(SalesUnit::from).collect(),
            next_cursor: p.next_cursor,
        })
        .into_response(),
        Err(e) => refused(e),
    }
}

fn detail_of(d: su::SalesUnitDetail) -> SalesUnitDetail {
    SalesUnitDetail {
        unit: d.unit.into(),
        has_logo: d.logo_url.is_some(),
        subscriptions: d
            .subscriptions
            .into_iter()
            .map(|s| SalesUnitSubscription {
                id: s.id,
                product_id: s.product_id,
                product: s.product,
                url: s.url,
                enabled: s.enabled,
            })
            .collect(),
    }
}

/// One of your sales units.
#[utoipa::path(
    get,
    path = "/api/v1/partner/sales-units/{installation_id}",
    tag = "Partner API",
    params(("installation_id" = String, Path, description = "An installation ID such as HAV01, in any case", pattern = "^[A-Za-z0-9_-]{2,32}$", min_length = 2, max_length = 32)),
    responses(
        (status = 200, description = "The sales unit", body = SalesUnitDetail),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of your sales units, or deactivated", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed installation ID", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn detail(call: PartnerCall, id: Result<Path<String>, PathRejection>) -> Response {
    let id = match installation_path(id) {
        Ok(id) => id,
        Err(res) => return res,
    };
    match detail::detail(&call.state.db, &call.actor, call.partner, &id).await {
        Ok(d) => Json(detail_of(d)).into_response(),
        Err(e) => refused(e),
    }
}

/// Changes a sales unit's name or logo (read and write keys).
///
/// Both are checked before either is changed. The customer's administrators are told, and
/// the change shows in the sales unit's history on both sides.
#[utoipa::path(
    patch,
    path = "/api/v1/partner/sales-units/{installation_id}",
    tag = "Partner API",
    params(("installation_id" = String, Path, description = "An installation ID such as HAV01, in any case", pattern = "^[A-Za-z0-9_-]{2,32}$", min_length = 2, max_length = 32)),
    request_body = SalesUnitPatch,
    responses(
        (status = 200, description = "The sales unit as changed", body = SalesUnitDetail),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of your sales units, or deactivated", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body, name or image", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn patch(
    call: PartnerCall,
    id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    let id = match installation_path(id) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let req: SalesUnitPatch = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"name": "Havnegata 1", "logo": "<base64 PNG>"}}: {e}."#
            ))
        }
    };
    let lang = call.actor.lang;
    if req.name.is_none() && req.logo.is_none() {
        return unprocessable("Send a name, a logo or both.");
    }
    // Everything is checked before anything changes.
    if let Some(name) = &req.name {
        if let Err(e) = edit::valid_name(lang, name) {
            return refused(e);
        }
    }
    let logo = match req.logo.as_deref().map(decode_logo) {
        None => None,
        Some(Ok(bytes)) => match picture::normalize(lang, &bytes) {
            Ok(_) => Some(bytes),
            Err(e) => return refused(e),
        },
        Some(Err(res)) => return res,
    };
    let (db, cfg, actor, org) = (
        &call.state.db,
        &call.state.config,
        &call.actor,
        call.partner,
    );
    if let Some(name) = &req.name {
        if let Err(e) = edit::rename(db, cfg, actor, org, &id, name).await {
            return refused(e);
        }
    }
    if let Some(bytes) = logo {
        if let Err(e) = edit::set_logo(db, cfg, actor, org, &id, &bytes).await {
            return refused(e);
        }
    }
    match detail::detail(db, actor, org, &id).await {
        Ok(d) => Json(detail_of(d)).into_response(),
        Err(e) => refused(e),
    }
}

/// The bytes of a base64 logo, or the `422` that says it is not base64.
fn decode_logo(text: &str) -> Result<Vec<u8>, Response> {
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|_| unprocessable("logo must be the image's bytes in base64."))
}

/// A sales unit's history, newest first.
///
/// What the customer and you did to it: activations, upgrades, name and logo changes, price
/// package changes; who, acting as which organization, and when. Another partner's products
/// are left out.
#[utoipa::path(
    get,
    path = "/api/v1/partner/sales-units/{installation_id}/history",
    tag = "Partner API",
    params(("installation_id" = String, Path, description = "An installation ID such as HAV01, in any case", pattern = "^[A-Za-z0-9_-]{2,32}$", min_length = 2, max_length = 32), PageParams),
    responses(
        (status = 200, description = "A page of the history", body = SalesUnitHistory),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of your sales units, or deactivated", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed installation ID, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn history(
    call: PartnerCall,
    id: Result<Path<String>, PathRejection>,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let id = match installation_path(id) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let Ok(Query(page)) = page else {
        return unprocessable("limit must be 1 to 100.");
    };
    let size = match page.size() {
        Ok(s) => s,
        Err(res) => return res,
    };
    let before = match page.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => match c.parse::<i32>() {
            Ok(n) if n > 0 => Some(n),
            _ => return unprocessable("cursor must be a next_cursor this list returned."),
        },
    };
    let found = detail::partner_history(
        &call.state.db,
        &call.actor,
        call.partner,
        &id,
        before,
        size as u64 + 1,
    )
    .await;
    let mut entries = match found {
        Ok(e) => e,
        Err(e) => return refused(e),
    };
    let next_cursor = (entries.len() > size).then(|| entries[size - 1].id.to_string());
    entries.truncate(size);
    Json(SalesUnitHistory {
        items: entries
            .into_iter()
            .map(|e| HistoryItem {
                id: e.id,
                at: rfc3339(e.at),
                who: e.who,
                acting_as: e.acting_as,
                kind: e.kind.as_str().to_owned(),
                product: e.product,
                old_value: e.old_value,
                new_value: e.new_value,
            })
            .collect(),
        next_cursor,
    })
    .into_response()
}
