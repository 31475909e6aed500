//! Commission statements in: the platform puts a partner's month through the API (service
//! token), or the operator's admins upload it as CSV. Either way all rows are checked first,
//! each bad one named, and the month is replaced whole or not at all.
use super::commission_read::month_of;
use crate::error::AppError;
use crate::features::pricing::dto::{
    CommissionMonth, CommissionRowInput, Currency, StatementSource, MAX_NAME, MAX_STATEMENT_ROWS,
};
use crate::glossary::OrgKind;
use crate::i18n::Lang;
use crate::money::{Money, MAX_MINOR};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::db::write;
use crate::server::entities::{
    commission_row as row, commission_statement as statement, installation, organization,
};
use crate::server::scope::{require_operator_admin, Actor};
use crate::server::validate::is_installation_id;
use crate::t;
use chrono::Datelike;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// The most bad rows one error message lists.
const LISTED: usize = 10;

/// A month as `YYYY-MM`, from 2000-01 up to this month (a month not yet begun owes nothing).
pub fn valid_period(lang: Lang, raw: &str) -> Result<String, AppError> {
    let bad = || AppError::invalid(t!(lang, "commission-period-invalid"));
    let (y, m) = raw.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let today = now();
    if !(1..=12).contains(&m) || y < 2000 || (y, m) > (today.year(), today.month()) {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}"))
}

/// A row, checked: the installation ID upper-cased and the amounts as money.
struct Checked {
    installation_id: String,
    price_package: String,
    volume: Money,
    commission: Money,
}

/// Checks every row; `line(i)` names row `i` in messages ("Line 3", "rows[2]"). Installation
/// IDs must be known to Portico, and each sales unit appears once per currency.
async fn check(
    db: &impl ConnectionTrait,
    lang: Lang,
    rows: &[CommissionRowInput],
    line: &(dyn Fn(usize) -> String + Sync),
) -> Result<Vec<Checked>, AppError> {
    if rows.len() > MAX_STATEMENT_ROWS {
        return Err(AppError::invalid(t!(
            lang,
            "commission-too-many-rows",
            max = MAX_STATEMENT_ROWS,
            count = rows.len()
        )));
    }
    // Exactly as written (the OpenAPI document's patterns); the CSV reader trims its cells.
    let ids: Vec<String> = rows
        .iter()
        .map(|r| r.installation_id.to_uppercase())
        .collect();
    let mut known = HashSet::new();
    for chunk in ids.chunks(500) {
        let found: Vec<String> = installation::Entity::find()
            .select_only()
            .column(installation::Column::InstallationId)
            .filter(installation::Column::InstallationId.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        known.extend(found);
    }
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, Currency), usize> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for (i, (r, id)) in rows.iter().zip(ids).enumerate() {
        let reason = if !is_installation_id(&r.installation_id) {
            Some(t!(
                lang,
                "commission-row-not-an-id",
                id = r.installation_id.clone()
            ))
        } else if !known.contains(&id) {
            Some(t!(lang, "commission-row-unknown-unit", id = id.clone()))
        } else if r.price_package.chars().count() > MAX_NAME {
            Some(t!(lang, "commission-row-package", max = MAX_NAME))
        } else {
            match r.currency.parse::<Currency>() {
                Err(_) => Some(t!(
                    lang,
                    "commission-row-currency",
                    currency = r.currency.clone()
                )),
                Ok(c) if !(0..=MAX_MINOR).contains(&r.volume) => Some(t!(
                    lang,
                    "commission-row-volume",
                    max = Money {
                        minor: MAX_MINOR,
                        currency: c
                    }
                    .decimal()
                )),
                Ok(c) if r.commission.abs() > MAX_MINOR => Some(t!(
                    lang,
                    "commission-row-commission",
                    max = Money {
                        minor: MAX_MINOR,
                        currency: c
                    }
                    .decimal()
                )),
                Ok(c) => match seen.insert((id.clone(), c), i) {
                    Some(first) => Some(t!(
                        lang,
                        "commission-row-twice",
                        id = id.clone(),
                        currency = c.as_str(),
                        first = line(first)
                    )),
                    None => {
                        out.push(Checked {
                            installation_id: id,
                            price_package: r.price_package.clone(),
                            volume: Money {
                                minor: r.volume,
                                currency: c,
                            },
                            commission: Money {
                                minor: r.commission,
                                currency: c,
                            },
                        });
                        None
                    }
                },
            }
        };
        if let Some(reason) = reason {
            errors.push(format!("{}: {reason}", line(i)));
        }
    }
    if errors.is_empty() {
        return Ok(out);
    }
    let more = errors.len().saturating_sub(LISTED);
    errors.truncate(LISTED);
    let mut text = t!(lang, "commission-rows-invalid", count = errors.len() + more);
    text.push(' ');
    text.push_str(&errors.join("; "));
    if more > 0 {
        text.push_str(&format!(
            "; {}",
            t!(lang, "commission-rows-more", count = more)
        ));
    }
    Err(AppError::invalid(text))
}

/// How a statement sent through the API names its row `i` in messages: `rows[2]`.
pub fn api_line(i: usize) -> String {
    format!("rows[{i}]")
}

/// Who sends a statement: `actor` names the sender in the statement and the audit log (an
/// e-mail, `service:<name>`), acting as the operator organization `acting_as` (none for the
/// platform), and `line(i)` names row `i` in messages ("Line 3", "rows[2]").
pub struct Sender<'a> {
    pub actor: &'a Actor,
    pub acting_as: Option<i32>,
    pub source: StatementSource,
    pub line: &'a (dyn Fn(usize) -> String + Sync),
}

/// Replaces partner `partner_id`'s statement for `period` by `rows`, all or nothing. The
/// partner must exist (`NotFound` otherwise); callers authorize.
pub async fn store<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    sender: &Sender<'_>,
    partner_id: i32,
    period: &str,
    rows: &[CommissionRowInput],
) -> Result<CommissionMonth, AppError> {
    let (by, source, acting_as) = (sender.actor, sender.source, sender.acting_as);
    let lang = by.lang;
    let period = valid_period(lang, period)?;
    organization::Entity::find_by_id(partner_id)
        .one(db)
        .await?
        .filter(|o| o.kind == OrgKind::Partner)
        .ok_or(AppError::NotFound)?;
    let checked = check(db, lang, rows, sender.line).await?;
    let (by, p) = (by.clone(), period.clone());
    let id = write(db, |txn| {
        Box::pin(async move {
            let existing = statement::Entity::find()
                .filter(statement::Column::PartnerId.eq(partner_id))
                .filter(statement::Column::Period.eq(&p))
                .one(txn)
                .await?;
            let fields = |m: &mut statement::ActiveModel| {
                m.source = Set(source);
                m.updated_by = Set(by.label.chars().take(320).collect());
                m.updated_at = Set(now());
            };
            let id = match existing {
                Some(s) => {
                    row::Entity::delete_many()
                        .filter(row::Column::StatementId.eq(s.id))
                        .exec(txn)
                        .await?;
                    let mut m: statement::ActiveModel = s.into();
                    fields(&mut m);
                    m.update(txn).await?.id
                }
                None => {
                    let mut m = statement::ActiveModel {
                        partner_id: Set(partner_id),
                        period: Set(p.clone()),
                        ..Default::default()
                    };
                    fields(&mut m);
                    m.insert(txn).await?.id
                }
            };
            for chunk in checked.chunks(500) {
                let models = chunk.iter().map(|c| row::ActiveModel {
                    statement_id: Set(id),
                    installation_id: Set(c.installation_id.clone()),
                    price_package: Set(c.price_package.clone()),
                    volume_minor: Set(c.volume.minor),
                    commission_minor: Set(c.commission.minor),
                    currency: Set(c.volume.currency),
                    ..Default::default()
                });
                row::Entity::insert_many(models).exec(txn).await?;
            }
            let target = format!("partner {partner_id} {p}");
            let details = format!("{} rows, {}", checked.len(), source.as_str());
            let action = "commission_statement.stored";
            audit::record(txn, &by, acting_as, action, &target, &details).await?;
            Ok(id)
        })
    })
    .await?;
    month_of(db, id).await
}

/// "Upload statement" on the operator's commission page: a CSV file for one partner and month.
pub async fn upload<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    partner_id: i32,
    period: &str,
    csv: &str,
) -> Result<CommissionMonth, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let rows = super::commission_csv::parse(actor.lang, csv)?;
    let lang = actor.lang;
    let line = move |i: usize| t!(lang, "commission-line", n = i + 2);
    let sender = Sender {
        actor,
        acting_as: Some(operator_org_id),
        source: StatementSource::Upload,
        line: &line,
    };
    store(db, &sender, partner_id, period, &rows)
        .await
        .map_err(|e| match e {
            AppError::NotFound => AppError::invalid(t!(actor.lang, "commission-partner-unknown")),
            e => e,
        })
}
