//! Reading the audit log: who may see which entries, the filters, cursor pages, and the CSV
//! export in chunks.
use crate::error::AppError;
use crate::features::audit::dto::{AuditPage, AuditQuery, AuditRow, PAGE_SIZE};
use crate::glossary::OrgKind;
use crate::i18n::Lang;
use crate::server::clock::{day_start, local, rfc3339};
use crate::server::entities::audit_entry as ae;
use crate::server::names::Names;
use crate::server::paging;
use crate::server::scope::{require_admin, Actor};
use crate::t;
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select};

/// Entries in one chunk of the CSV export (the export never holds more in memory).
pub const CSV_CHUNK: usize = 500;

/// The entries `org_id`'s admins may see, filtered by `q`: every entry for the operator's
/// admins, else those made as the organization or about it. Refuses anyone else, and filters
/// that cannot be read.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &AuditQuery,
) -> Result<(Select<ae::Entity>, String, bool), AppError> {
    let org = require_admin(db, actor, org_id).await?;
    let everything = org.kind == OrgKind::Operator;
    let mut select = ae::Entity::find().filter(filters(actor.lang, q)?);
    if !everything {
        select = select.filter(
            Condition::any()
                .add(ae::Column::OrganizationId.eq(org_id))
                .add(ae::Column::AboutOrganizationId.eq(org_id)),
        );
    }
    Ok((select, org.name, everything))
}

/// A `LIKE` pattern matching `text` literally, anywhere (`contains`) or at the start.
fn like(text: &str, contains: bool) -> LikeExpr {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let lead = if contains { "%" } else { "" };
    LikeExpr::new(format!("{lead}{escaped}%")).escape('\\')
}

/// A day as the form sends it, or why it cannot be read.
fn day(lang: Lang, raw: &str) -> Result<Option<NaiveDate>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::invalid(t!(lang, "audit-bad-date", value = s))),
    }
}

/// The query's filters as a condition, or why one cannot be read.
pub fn filters(lang: Lang, q: &AuditQuery) -> Result<Condition, AppError> {
    let mut all = Condition::all();
    let too_long = |s: &str| s.chars().count() > 200;
    if [&q.person, &q.action, &q.object]
        .iter()
        .any(|s| too_long(s))
    {
        return Err(AppError::invalid(t!(lang, "audit-filter-too-long")));
    }
    let person = q.person.trim().to_lowercase();
    if !person.is_empty() {
        all = all
            .add(Expr::expr(Func::lower(Expr::col(ae::Column::Actor))).like(like(&person, true)));
    }
    let action = q.action.trim();
    if !action.is_empty() {
        all = all.add(Expr::col(ae::Column::Action).like(like(action, false)));
    }
    let object = q.object.trim().to_lowercase();
    if !object.is_empty() {
        all = all
            .add(Expr::expr(Func::lower(Expr::col(ae::Column::Target))).like(like(&object, true)));
    }
    let (from, to) = (day(lang, &q.from)?, day(lang, &q.to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(AppError::invalid(t!(lang, "audit-dates-reversed")));
        }
    }
    if let Some(f) = from {
        all = all.add(ae::Column::At.gte(day_start(f)));
    }
    if let Some(t) = to.and_then(|t| t.succ_opt()) {
        all = all.add(ae::Column::At.lt(day_start(t)));
    }
    Ok(all)
}

/// These entries as rows, with the organizations' names in one query.
pub async fn describe(
    db: &impl ConnectionTrait,
    entries: Vec<ae::Model>,
    operator: Option<i32>,
) -> Result<Vec<AuditRow>, AppError> {
    let orgs = entries
        .iter()
        .flat_map(|e| [e.organization_id, e.about_organization_id])
        .flatten()
        .collect::<Vec<_>>();
    let names = Names::load(db, [], [], orgs).await?;
    Ok(entries
        .into_iter()
        .map(|e| AuditRow {
            at: local(e.at),
            actor: e.actor,
            acting_as: e.organization_id.and_then(|o| names.organization_name(o)),
            about: e
                .about_organization_id
                .and_then(|o| names.organization_name(o)),
            about_link: operator
                .zip(e.about_organization_id)
                .map(|(op, about)| crate::paths::organization(op, about)),
            action: e.action,
            target: e.target,
            details: e.details,
            ip: e.ip,
        })
        .collect())
}

/// A page of the audit log of `org_id`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &AuditQuery,
) -> Result<AuditPage, AppError> {
    let (select, organization_name, everything) = visible(db, actor, org_id, q).await?;
    let lang = actor.lang;
    let after = paging::cursor(&q.cursor, || {
        AppError::invalid(t!(lang, "audit-bad-cursor"))
    })?;
    let (entries, next_cursor) =
        paging::newest_first(db, select, ae::Column::Id, after, PAGE_SIZE, |e| e.id).await?;
    Ok(AuditPage {
        organization_name,
        everything,
        rows: describe(db, entries, everything.then_some(org_id)).await?,
        next_cursor,
    })
}

/// One chunk of the CSV export below the entry `after` (the header with the first chunk), and
/// where the next chunk starts (`None` after the last).
pub async fn csv_chunk(
    db: &impl ConnectionTrait,
    select: Select<ae::Entity>,
    after: Option<i32>,
) -> Result<(Vec<u8>, Option<i32>), AppError> {
    let (entries, next) =
        paging::newest_first(db, select, ae::Column::Id, after, CSV_CHUNK, |e| e.id).await?;
    let next = next.and_then(|n| n.parse().ok());
    let rows = describe(db, entries, None).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |_| AppError::Internal;
    if after.is_none() {
        w.write_record([
            "time",
            "person",
            "acting_as",
            "about",
            "action",
            "object",
            "details",
            "address",
        ])
        .map_err(fail)?;
    }
    for r in rows {
        let cells = [
            rfc3339(r.at),
            r.actor,
            r.acting_as.unwrap_or_default(),
            r.about.unwrap_or_default(),
            r.action,
            r.target,
            r.details,
            r.ip.unwrap_or_default(),
        ];
        w.write_record(cells.iter().map(|c| cell(c)))
            .map_err(fail)?;
    }
    Ok((w.into_inner().map_err(|_| AppError::Internal)?, next))
}

/// A cell a spreadsheet will not run as a formula: text that starts like one gets a leading `'`.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
