//! `PUT /api/v1/commission-statements/{partner_id}/{period}`: the platform sends a partner's
//! commission statement for a month (operator service token). Idempotent: the month is
//! replaced whole, all rows checked first.
use super::{internal_error, problem, unprocessable, Problem};
use app::features::pricing::dto::{CommissionRowInput, StatementSource, MAX_STATEMENT_ROWS};
use app::features::pricing::service::commission::{api_line, store, Sender};
use app::server::AppState;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use utoipa::ToSchema;

/// A month's statement for one partner.
#[derive(Deserialize, ToSchema)]
pub(super) struct StatementRequest {
    /// One row per sales unit and currency.
    #[schema(max_items = 20000)]
    rows: Vec<StatementRow>,
}

/// A currency commission is paid in.
#[derive(Deserialize, ToSchema)]
#[allow(clippy::upper_case_acronyms)]
pub(super) enum CurrencyCode {
    NOK,
    DKK,
    EUR,
    SEK,
}

/// One sales unit's row. Amounts are integers of minor units (øre, cents).
#[derive(Deserialize, ToSchema)]
pub(super) struct StatementRow {
    /// The sales unit's installation ID (Portico must know it), in any case.
    #[schema(
        pattern = "^[A-Za-z0-9_-]{2,32}$",
        min_length = 2,
        max_length = 32,
        example = "HAV01"
    )]
    installation_id: String,
    /// The price package's name that month.
    #[serde(default)]
    #[schema(max_length = 30, example = "Standard")]
    price_package: String,
    /// The month's volume.
    #[schema(minimum = 0, maximum = 10000000000000_i64, example = 12500000)]
    volume: i64,
    /// The commission owed; negative for a correction.
    #[schema(minimum = -10000000000000_i64, maximum = 10000000000000_i64, example = 112500)]
    commission: i64,
    #[schema(value_type = CurrencyCode)]
    currency: String,
}

/// A sum in one currency.
#[derive(ToSchema)]
#[allow(dead_code)]
pub(super) struct Amount {
    currency: CurrencyCode,
    /// Minor units.
    amount: i64,
}

/// The stored statement, summed.
#[derive(ToSchema)]
#[allow(dead_code)]
pub(super) struct StatementStored {
    partner_id: i32,
    period: String,
    rows: u64,
    volume: Vec<Amount>,
    commission: Vec<Amount>,
}

/// Store a partner's commission statement for a month.
///
/// Replaces the month's statement, if there is one, all or nothing: every row is checked first
/// and each bad one named in the problem's `detail`. Sending the same body again changes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/commission-statements/{partner_id}/{period}",
    params(
        ("partner_id" = i32, Path, description = "The partner organization's ID", minimum = 1),
        ("period" = String, Path, description = "The month, not in the future", pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-11"),
    ),
    request_body = StatementRequest,
    responses(
        (status = 200, description = "Stored", body = StatementStored),
        (status = 401, description = "Missing, unknown or revoked service token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A malformed body or month, an unknown sales unit, a row twice", body = Problem, content_type = "application/problem+json"),
    ),
    security(("service_token" = []))
)]
pub(super) async fn put_statement(
    Extension(state): Extension<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let service = match super::auth::service_token(&state, &headers).await {
        Ok(name) => name,
        Err(refused) => return refused,
    };
    let (partner, period) = path.map(|p| p.0).unwrap_or_default();
    let not_found = || {
        problem(
            StatusCode::NOT_FOUND,
            "Not Found",
            "There is no such partner.",
        )
    };
    let Some(partner_id) = partner.parse::<i32>().ok().filter(|id| *id > 0) else {
        return not_found();
    };
    let req: StatementRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return unprocessable(&format!(
                r#"The body must be JSON like {{"rows": [{{"installation_id": "HAV01", "price_package": "Standard", "volume": 12500000, "commission": 112500, "currency": "NOK"}}]}}: {e}."#
            ))
        }
    };
    if req.rows.len() > MAX_STATEMENT_ROWS {
        return unprocessable(&format!(
            "A statement has at most {MAX_STATEMENT_ROWS} rows."
        ));
    }
    let rows: Vec<CommissionRowInput> = req
        .rows
        .into_iter()
        .map(|r| CommissionRowInput {
            installation_id: r.installation_id,
            price_package: r.price_package,
            volume: r.volume,
            commission: r.commission,
            currency: r.currency,
        })
        .collect();
    let actor = app::server::scope::Actor::service(&service);
    let sender = Sender {
        actor: &actor,
        acting_as: None,
        source: StatementSource::Api,
        line: &api_line,
    };
    match store(&state.db, &sender, partner_id, &period, &rows).await {
        Ok(m) => {
            let amounts = |sums: &[app::money::Money]| {
                sums.iter()
                    .map(|s| serde_json::json!({"currency": s.currency, "amount": s.minor}))
                    .collect::<Vec<_>>()
            };
            Json(serde_json::json!({
                "partner_id": partner_id,
                "period": m.period,
                "rows": m.rows,
                "volume": amounts(&m.volume),
                "commission": amounts(&m.commission),
            }))
            .into_response()
        }
        Err(app::error::AppError::NotFound) => not_found(),
        Err(app::error::AppError::Invalid(msg)) => unprocessable(&msg),
        Err(_) => internal_error(),
    }
}
