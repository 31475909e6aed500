//! The Partner API's read-only lists: price packages offered to you, commission statements
//! and your webhooks (push subscriptions).
use super::{page_of, refused, PageParams, PartnerCall};
use crate::api_v1::{unprocessable, Problem};
use app::features::pricing::dto::{CommissionMonth, COMMISSION_PAGE_SIZE};
use app::features::pricing::service::{commission::valid_period, commission_read, packages};
use app::features::push::service::subscriptions;
use app::money::Money;
use app::server::clock::rfc3339;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A price package offered to you.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct PricePackage {
    id: i32,
    name: String,
    /// Such as `2.99%`.
    description: String,
    /// `NO`, `DK` or `FI`.
    market: String,
    /// Your commission, such as `30 %`; none when it pays none.
    commission: Option<String>,
}

/// A page of price packages.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct PricePackages {
    items: Vec<PricePackage>,
    next_cursor: Option<String>,
}

/// The price packages the operator offers you.
#[utoipa::path(
    get,
    path = "/api/v1/partner/price-packages",
    tag = "Partner API",
    params(PageParams),
    responses(
        (status = 200, description = "A page of price packages, by market and name", body = PricePackages),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn price_packages(
    call: PartnerCall,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let Ok(Query(page)) = page else {
        return unprocessable("limit must be 1 to 100.");
    };
    let view = match packages::list(&call.state.db, &call.actor, call.partner).await {
        Ok(v) => v,
        Err(e) => return refused(e),
    };
    let all = view
        .packages
        .into_iter()
        .map(|p| PricePackage {
            id: p.id,
            name: p.name,
            description: p.description,
            market: p.market.as_str().to_owned(),
            commission: p.commission,
        })
        .collect();
    match page_of(all, &page) {
        Ok((items, next_cursor)) => Json(PricePackages { items, next_cursor }).into_response(),
        Err(res) => res,
    }
}

/// A sum in one currency, in minor units (øre, cents).
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Sum {
    /// `NOK`, `DKK`, `EUR` or `SEK`.
    currency: String,
    amount: i64,
}

fn sums(m: &[Money]) -> Vec<Sum> {
    m.iter()
        .map(|m| Sum {
            currency: m.currency.as_str().to_owned(),
            amount: m.minor,
        })
        .collect()
}

/// A month's commission statement, summed.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct CommissionStatement {
    /// `YYYY-MM`.
    period: String,
    rows: u64,
    volume: Vec<Sum>,
    commission: Vec<Sum>,
    /// `api` (sent by the platform) or `upload` (uploaded by the operator).
    source: String,
    /// RFC 3339.
    updated_at: String,
}

fn statement(m: CommissionMonth) -> CommissionStatement {
    CommissionStatement {
        rows: m.rows,
        volume: sums(&m.volume),
        commission: sums(&m.commission),
        source: m.source.as_str().to_owned(),
        updated_at: rfc3339(m.updated_at),
        period: m.period,
    }
}

/// Your statements, newest first.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct CommissionStatements {
    items: Vec<CommissionStatement>,
    next_cursor: Option<String>,
}

/// Which month.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::api_v1) struct PeriodParam {
    /// Only this month, `YYYY-MM`.
    #[param(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")]
    period: Option<String>,
}

/// Your commission statements: one a month, newest first (at most 36).
#[utoipa::path(
    get,
    path = "/api/v1/partner/commission-statements",
    tag = "Partner API",
    params(PeriodParam, PageParams),
    responses(
        (status = 200, description = "Your months, summed", body = CommissionStatements),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed period, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn commission_statements(
    call: PartnerCall,
    period: Result<Query<PeriodParam>, QueryRejection>,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let (Ok(Query(period)), Ok(Query(page))) = (period, page) else {
        return unprocessable("period is YYYY-MM; limit 1 to 100.");
    };
    let wanted = match period
        .period
        .as_deref()
        .map(|p| valid_period(call.actor.lang, p))
    {
        None => None,
        Some(Ok(p)) => Some(p),
        Some(Err(e)) => return refused(e),
    };
    let months = commission_read::partner_months(&call.state.db, &call.actor, call.partner).await;
    let months = match months {
        Ok(m) => m,
        Err(e) => return refused(e),
    };
    let all = months
        .into_iter()
        .filter(|m| wanted.as_ref().is_none_or(|p| *p == m.period))
        .map(statement)
        .collect();
    match page_of(all, &page) {
        Ok((items, next_cursor)) => {
            Json(CommissionStatements { items, next_cursor }).into_response()
        }
        Err(res) => res,
    }
}

/// One sales unit's row of a month.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct CommissionRow {
    installation_id: String,
    /// The sales unit's name, while it is active.
    sales_unit: Option<String>,
    price_package: String,
    /// Minor units.
    volume: i64,
    /// Minor units; negative for a correction.
    commission: i64,
    currency: String,
}

/// A month's statement with a page of its rows.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct CommissionMonthResponse {
    statement: CommissionStatement,
    items: Vec<CommissionRow>,
    next_cursor: Option<String>,
}

/// A month's commission statement, row by row.
#[utoipa::path(
    get,
    path = "/api/v1/partner/commission-statements/{period}",
    tag = "Partner API",
    params(("period" = String, Path, description = "The month, YYYY-MM", pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"), PageParams),
    responses(
        (status = 200, description = "The month and a page of its rows", body = CommissionMonthResponse),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No statement for that month", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed period, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn commission_month(
    call: PartnerCall,
    period: Result<Path<String>, PathRejection>,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let period = match valid_period(call.actor.lang, &period.map(|p| p.0).unwrap_or_default()) {
        Ok(p) => p,
        Err(e) => return refused(e),
    };
    let Ok(Query(page)) = page else {
        return unprocessable("limit must be 1 to 100.");
    };
    let size = match page.size() {
        Ok(s) => s.min(COMMISSION_PAGE_SIZE),
        Err(res) => return res,
    };
    let cursor = match page.cursor.as_deref() {
        None | Some("") => 0,
        Some(c) => match c.parse::<i32>() {
            Ok(n) if n >= 0 => n,
            _ => return unprocessable("cursor must be a next_cursor this list returned."),
        },
    };
    let found = commission_read::partner_month(
        &call.state.db,
        &call.actor,
        call.partner,
        &period,
        cursor,
        size,
    )
    .await;
    match found {
        Ok(m) => Json(CommissionMonthResponse {
            statement: statement(m.month),
            items: m
                .rows
                .into_iter()
                .map(|r| CommissionRow {
                    installation_id: r.installation_id,
                    sales_unit: r.sales_unit,
                    price_package: r.price_package,
                    volume: r.volume.minor,
                    commission: r.commission.minor,
                    currency: r.volume.currency.as_str().to_owned(),
                })
                .collect(),
            next_cursor: m.next_cursor.map(|c| c.to_string()),
        })
        .into_response(),
        Err(e) => refused(e),
    }
}

/// One of your push subscriptions.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Webhook {
    /// `sub_...`.
    id: String,
    product_id: i32,
    product: String,
    url: String,
    event_types: Vec<String>,
    description: String,
    enabled: bool,
    /// Why Portico disabled it, if it did.
    disabled_reason: Option<String>,
    /// RFC 3339.
    created_at: String,
    /// Since when every delivery has failed (RFC 3339).
    failing_since: Option<String>,
}

/// Your webhooks.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Webhooks {
    items: Vec<Webhook>,
    next_cursor: Option<String>,
}

/// Which webhooks.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::api_v1) struct WebhookFilter {
    /// A part of the receiver's URL.
    #[param(max_length = 2000)]
    url: Option<String>,
    /// A subscription's ID (`sub_...`), exactly.
    #[param(max_length = 100)]
    id: Option<String>,
}

/// Your webhooks (push subscriptions), across your products.
#[utoipa::path(
    get,
    path = "/api/v1/partner/webhooks",
    tag = "Partner API",
    params(WebhookFilter, PageParams),
    responses(
        (status = 200, description = "A page of webhooks, by product", body = Webhooks),
        (status = 401, description = "Missing, unknown, wrong or revoked API key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed filter, limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
    security(("partner_key" = []))
)]
pub(super) async fn webhooks(
    call: PartnerCall,
    filter: Result<Query<WebhookFilter>, QueryRejection>,
    page: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let (Ok(Query(filter)), Ok(Query(page))) = (filter, page) else {
        return unprocessable("limit must be 1 to 100.");
    };
    if filter
        .url
        .as_ref()
        .is_some_and(|u| u.chars().count() > 2000)
        || filter.id.as_ref().is_some_and(|i| i.chars().count() > 100)
    {
        return unprocessable("url is at most 2000 characters, id at most 100.");
    }
    let found = subscriptions::list(
        &call.state.db,
        &call.actor,
        call.partner,
        None,
        filter.url.as_deref().unwrap_or(""),
    )
    .await;
    let subs = match found {
        Ok(s) => s,
        Err(e) => return refused(e),
    };
    let all = subs
        .into_iter()
        .filter(|s| filter.id.as_ref().is_none_or(|id| id.trim() == s.id))
        .map(|s| Webhook {
            id: s.id,
            product_id: s.product_id,
            product: s.product_name,
            url: s.url,
            event_types: s.event_types,
            description: s.description,
            enabled: s.enabled,
            disabled_reason: s.disabled_reason,
            created_at: rfc3339(s.created_at),
            failing_since: s.failing_since.map(rfc3339),
        })
        .collect();
    match page_of(all, &page) {
        Ok((items, next_cursor)) => Json(Webhooks { items, next_cursor }).into_response(),
        Err(res) => res,
    }
}
