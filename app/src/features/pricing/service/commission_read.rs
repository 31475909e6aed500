//! Commission statements out: a partner's months with their sums, a month's rows per sales
//! unit (paged), the month as CSV, and the operator's latest statements. Each costs the same
//! few queries whatever the number of rows.
use crate::error::AppError;
use crate::features::pricing::dto::{
    CommissionMonth, CommissionMonthPage, CommissionRowDto, CommissionView, Currency,
    OperatorCommission, PartnerRef, StatementRef, COMMISSION_PAGE_SIZE, MAX_MONTHS,
    MAX_STATEMENT_ROWS,
};
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::money::{totals, Money};
use crate::server::clock::local;
use crate::server::entities::{
    commission_row as row, commission_statement as statement, installation, organization,
};
use crate::server::scope::{require_member, require_operator, require_partner, Actor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The latest statements the operator's page lists.
const OPERATOR_LATEST: u64 = 50;

/// `SUM(column)` as a 64-bit integer on every database (PostgreSQL's is a numeric). The
/// column is one of ours, never input.
fn sum(column: &str) -> Expr {
    Expr::cust(format!(
        "CAST(SUM(\"commission_rows\".\"{column}\") AS BIGINT)"
    ))
}

/// The sums of these statements, in one query.
async fn months(
    db: &impl ConnectionTrait,
    statements: Vec<statement::Model>,
) -> Result<Vec<CommissionMonth>, AppError> {
    let ids: Vec<i32> = statements.iter().map(|s| s.id).collect();
    let sums: Vec<(i32, Currency, i64, i64, i64)> = row::Entity::find()
        .select_only()
        .column(row::Column::StatementId)
        .column(row::Column::Currency)
        .column_as(sum("volume_minor"), "volume")
        .column_as(sum("commission_minor"), "commission")
        .column_as(row::Column::Id.count(), "n")
        .filter(row::Column::StatementId.is_in(ids))
        .group_by(row::Column::StatementId)
        .group_by(row::Column::Currency)
        .into_tuple()
        .all(db)
        .await?;
    statements
        .into_iter()
        .map(|s| {
            let mine: Vec<_> = sums.iter().filter(|x| x.0 == s.id).collect();
            let money = |f: fn(&(i32, Currency, i64, i64, i64)) -> i64| {
                totals(mine.iter().map(|x| Money {
                    minor: f(x),
                    currency: x.1,
                }))
                .ok_or(AppError::Internal)
            };
            Ok(CommissionMonth {
                rows: mine.iter().map(|x| x.4 as u64).sum(),
                volume: money(|x| x.2)?,
                commission: money(|x| x.3)?,
                period: s.period,
                source: s.source,
                updated_at: local(s.updated_at),
            })
        })
        .collect()
}

/// Statement `id`, summed.
pub async fn month_of(db: &impl ConnectionTrait, id: i32) -> Result<CommissionMonth, AppError> {
    let s = statement::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    months(db, vec![s]).await?.pop().ok_or(AppError::NotFound)
}

/// The "Commission" page: a partner's months, the operator's latest statements; customers
/// have none.
pub async fn overview(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<CommissionView, AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    match org.kind {
        OrgKind::Partner => Ok(CommissionView::Partner(months_of(db, org_id).await?)),
        OrgKind::Operator => Ok(CommissionView::Operator(statements(db, role).await?)),
        OrgKind::Customer => Err(AppError::Forbidden),
    }
}

/// The partner's "Commission" page: its months, newest first.
pub async fn partner_months(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Vec<CommissionMonth>, AppError> {
    require_partner(db, actor, org_id).await?;
    months_of(db, org_id).await
}

/// Partner `partner_id`'s months, newest first (the caller authorizes).
async fn months_of(
    db: &impl ConnectionTrait,
    partner_id: i32,
) -> Result<Vec<CommissionMonth>, AppError> {
    let statements = statement::Entity::find()
        .filter(statement::Column::PartnerId.eq(partner_id))
        .order_by_desc(statement::Column::Period)
        .limit(MAX_MONTHS)
        .all(db)
        .await?;
    months(db, statements).await
}

/// Partner `partner_id`'s newest month, if any (for its dashboard; the caller authorizes).
pub async fn latest(
    db: &impl ConnectionTrait,
    partner_id: i32,
) -> Result<Option<CommissionMonth>, AppError> {
    let newest = statement::Entity::find()
        .filter(statement::Column::PartnerId.eq(partner_id))
        .order_by_desc(statement::Column::Period)
        .limit(1)
        .all(db)
        .await?;
    Ok(months(db, newest).await?.pop())
}

/// The partner's statement for `period`; `NotFound` when there is none.
async fn statement_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    period: &str,
) -> Result<statement::Model, AppError> {
    require_partner(db, actor, org_id).await?;
    statement::Entity::find()
        .filter(statement::Column::PartnerId.eq(org_id))
        .filter(statement::Column::Period.eq(period))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A month of the partner's: its sums and the page of (at most `limit`, at most
/// [`COMMISSION_PAGE_SIZE`]) rows after row `cursor` (0: the first).
pub async fn partner_month(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    period: &str,
    cursor: i32,
    limit: usize,
) -> Result<CommissionMonthPage, AppError> {
    let s = statement_of(db, actor, org_id, period).await?;
    let id = s.id;
    let size = limit.clamp(1, COMMISSION_PAGE_SIZE);
    let mut rows = row::Entity::find()
        .filter(row::Column::StatementId.eq(id))
        .filter(row::Column::Id.gt(cursor))
        .order_by_asc(row::Column::Id)
        .limit(size as u64 + 1)
        .all(db)
        .await?;
    let next_cursor = (rows.len() > size).then(|| rows[size - 1].id);
    rows.truncate(size);
    // Names only of sales units still active (a closed one is shown by its ID alone).
    let names: Vec<(String, String)> = installation::Entity::find()
        .select_only()
        .column(installation::Column::InstallationId)
        .column(installation::Column::Name)
        .filter(
            installation::Column::InstallationId
                .is_in(rows.iter().map(|r| r.installation_id.clone())),
        )
        .filter(installation::Column::Id.in_subquery(installation::visible_ids()))
        .into_tuple()
        .all(db)
        .await?;
    let month = months(db, vec![s]).await?.pop().ok_or(AppError::NotFound)?;
    Ok(CommissionMonthPage {
        month,
        rows: rows
            .into_iter()
            .map(|r| CommissionRowDto {
                sales_unit: names
                    .iter()
                    .find(|n| n.0 == r.installation_id)
                    .map(|n| n.1.clone()),
                volume: Money {
                    minor: r.volume_minor,
                    currency: r.currency,
                },
                commission: Money {
                    minor: r.commission_minor,
                    currency: r.currency,
                },
                installation_id: r.installation_id,
                price_package: r.price_package,
            })
            .collect(),
        next_cursor,
    })
}

/// The partner's month as a CSV file: `(file name, contents)`.
pub async fn partner_csv(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    period: &str,
) -> Result<(String, String), AppError> {
    let s = statement_of(db, actor, org_id, period).await?;
    let rows: Vec<(String, String, Money, Money)> = row::Entity::find()
        .filter(row::Column::StatementId.eq(s.id))
        .order_by_asc(row::Column::Id)
        .limit(MAX_STATEMENT_ROWS as u64)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let m = |minor| Money {
                minor,
                currency: r.currency,
            };
            (
                r.installation_id.clone(),
                r.price_package.clone(),
                m(r.volume_minor),
                m(r.commission_minor),
            )
        })
        .collect();
    let name = format!("commission-{}.csv", s.period);
    Ok((name, super::commission_csv::render(&rows)))
}

/// The operator's "Commission" page: the latest statements of every partner, and the
/// partners a statement may be uploaded for.
pub async fn operator_overview(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
) -> Result<OperatorCommission, AppError> {
    let role = require_operator(db, actor, operator_org_id).await?;
    statements(db, role).await
}

/// The operator's commission page for a member in `role` (the caller authorizes).
async fn statements(db: &impl ConnectionTrait, role: Role) -> Result<OperatorCommission, AppError> {
    let latest = statement::Entity::find()
        .order_by_desc(statement::Column::UpdatedAt)
        .order_by_desc(statement::Column::Id)
        .limit(OPERATOR_LATEST)
        .all(db)
        .await?;
    let partner_ids: Vec<i32> = latest.iter().map(|s| s.partner_id).collect();
    let partners = organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Partner))
        .order_by_asc(organization::Column::Name)
        .limit(1000)
        .all(db)
        .await?;
    let named = organization::Entity::find()
        .filter(organization::Column::Id.is_in(partner_ids))
        .all(db)
        .await?;
    let refs = |o: &organization::Model| PartnerRef {
        id: o.id,
        name: o.name.clone(),
    };
    let statements = months(db, latest.clone())
        .await?
        .into_iter()
        .zip(latest)
        .filter_map(|(month, s)| {
            let partner = named.iter().find(|o| o.id == s.partner_id).map(refs)?;
            Some(StatementRef { partner, month })
        })
        .collect();
    Ok(OperatorCommission {
        statements,
        partners: partners
            .iter()
            .filter(|o| o.status == ActiveStatus::Active)
            .map(refs)
            .collect(),
        can_upload: role == Role::Admin,
    })
}
