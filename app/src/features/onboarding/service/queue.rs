//! The operator's queue of access requests: its staff read it, its admins approve (creating the
//! partner and inviting its contact person as admin, or inviting the person into the
//! organization they choose, in one transaction) or decline with a message. The requester is told
//! by e-mail in the language they asked in; every decision is audited.
use crate::error::AppError;
use crate::features::accounts::service::members::{add_member_in, NewMember};
use crate::features::accounts::service::orgs::{create_organization, NewOrganization};
use crate::features::notifications::service::notify_admins;
use crate::features::onboarding::dto::{
    AccessQueuePage, AccessRequestKind, AccessRequestRow, AccessRequestStatus, JoinCandidate,
    MESSAGE_MAX, PAGE_SIZE,
};
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::server::clock::{local, now};
use crate::server::entities::{access_request as ar, organization};
use crate::server::scope::{require_operator, require_operator_admin, Actor};
use crate::server::{audit, db::write, mail, paging, validate, Config};
use crate::t;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use std::str::FromStr;

/// A page of the queue: requests in `status` (`new` when empty), newest first from `cursor`.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    status: &str,
    cursor: &str,
) -> Result<AccessQueuePage, AppError> {
    let role = require_operator(db, actor, operator_org_id).await?;
    let lang = actor.lang;
    let status = match status.trim() {
        "" => AccessRequestStatus::New,
        s => AccessRequestStatus::from_str(s)
            .ok()
            .filter(|s| *s != AccessRequestStatus::Unconfirmed)
            .ok_or_else(|| AppError::invalid(t!(lang, "access-request-bad-status")))?,
    };
    let after = paging::cursor(cursor, || {
        AppError::invalid(t!(lang, "access-requests-bad-cursor"))
    })?;
    let select = ar::Entity::find().filter(ar::Column::Status.eq(status));
    let (found, next_cursor) =
        paging::newest_first(db, select, ar::Column::Id, after, PAGE_SIZE, |r| r.id).await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Id.is_in(found.iter().filter_map(|r| r.organization_id)))
        .all(db)
        .await?;
    // One query finds the organizations every join request on the page may mean.
    let asked: Vec<&str> = found
        .iter()
        .filter(|r| r.kind == AccessRequestKind::Join && r.status == AccessRequestStatus::New)
        .map(|r| r.organization_name.as_str())
        .collect();
    let known = resembling(db, &asked).await?;
    let mut rows = Vec::with_capacity(found.len());
    for r in found {
        let candidates =
            if r.kind == AccessRequestKind::Join && r.status == AccessRequestStatus::New {
                candidates(&known, &r.organization_name)
            } else {
                Vec::new()
            };
        let organization = r.organization_id.and_then(|id| {
            let o = orgs.iter().find(|o| o.id == id)?;
            Some((
                o.name.clone(),
                crate::paths::organization(operator_org_id, id),
            ))
        });
        rows.push(AccessRequestRow {
            id: r.id,
            kind: r.kind,
            status: r.status,
            business_id: r
                .business_id_scheme
                .zip(r.business_id)
                .map(|(s, id)| format!("{s} {id}")),
            organization_name: r.organization_name,
            contact_name: r.contact_name,
            email: r.email,
            message: r.message,
            confirmed_at: r.confirmed_at.map(local),
            decided_at: r.decided_at.map(local),
            decided_by: r.decided_by,
            decision_message: r.decision_message,
            organization,
            candidates,
        });
    }
    let waiting = ar::Entity::find()
        .filter(ar::Column::Status.eq(AccessRequestStatus::New))
        .count(db)
        .await?;
    Ok(AccessQueuePage {
        rows,
        next_cursor,
        waiting,
        can_decide: role == Role::Admin,
    })
}

/// The words of a name an organization's name may share: 3 letters or more, lower case, at most
/// five.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .take(5)
        .collect()
}

/// Active partners and customers whose name contains a word of any of `asked` (at most 200).
async fn resembling(
    db: &impl ConnectionTrait,
    asked: &[&str],
) -> Result<Vec<organization::Model>, AppError> {
    let mut any = Condition::any();
    let mut none = true;
    // Words hold letters and digits only: nothing in them means anything to LIKE.
    for w in asked.iter().flat_map(|a| words(a)) {
        none = false;
        any = any.add(
            Expr::expr(Func::lower(Expr::col(organization::Column::Name)))
                .like(LikeExpr::new(format!("%{w}%"))),
        );
    }
    if none {
        return Ok(Vec::new());
    }
    Ok(organization::Entity::find()
        .filter(organization::Column::Kind.ne(OrgKind::Operator))
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .filter(any)
        .order_by_asc(organization::Column::Name)
        .limit(200)
        .all(db)
        .await?)
}

/// Of `known`, the organizations a request to join `asked` may mean: at most 20, those sharing
/// the most words with it first ("fjord megling" puts Fjord Megling AS before Bergen
/// Boligmegling AS).
fn candidates(known: &[organization::Model], asked: &str) -> Vec<JoinCandidate> {
    let words = words(asked);
    let mut scored: Vec<(usize, &organization::Model)> = known
        .iter()
        .map(|o| {
            let name = o.name.to_lowercase();
            let shared = words.iter().filter(|w| name.contains(w.as_str())).count();
            (shared, o)
        })
        .filter(|(shared, _)| *shared > 0)
        .collect();
    scored.sort_by_key(|(shared, o)| (std::cmp::Reverse(*shared), o.name.to_lowercase()));
    scored
        .into_iter()
        .take(20)
        .map(|(_, o)| JoinCandidate {
            id: o.id,
            name: o.name.clone(),
            kind: o.kind,
        })
        .collect()
}

/// The request `id` while it waits for a decision, locked for this transaction (PostgreSQL), so
/// two admins cannot decide it twice.
async fn waiting(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> Result<ar::Model, AppError> {
    let r = ar::Entity::find_by_id(id)
        .filter(ar::Column::Status.ne(AccessRequestStatus::Unconfirmed))
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if r.status != AccessRequestStatus::New {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "access-request-decided",
            status = r.status.label(actor.lang).to_lowercase()
        )));
    }
    Ok(r)
}

/// What "Approve" decides for a request to join: which organization, with which role.
#[derive(Debug, Clone, Copy)]
pub struct JoinAs {
    pub organization_id: i32,
    pub role: Role,
}

/// "Approve": a partner request creates the partner (its name and business identifier as
/// asked) and invites the contact person as its admin; a join request invites the person into
/// `join` (an active partner or customer) with its role. Then the requester is told. One
/// transaction: a refusal (the name is taken, already a member) changes nothing.
pub async fn approve<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator_org_id: i32,
    id: i32,
    join: Option<JoinAs>,
) -> Result<i32, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let (config, actor) = (config.clone(), actor.clone());
    write(db, move |txn| {
        Box::pin(async move {
            let r = waiting(txn, &actor, id).await?;
            let lang = r.locale.unwrap_or(config.default_lang);
            let (org, role) = match r.kind {
                AccessRequestKind::Partner => {
                    let input = NewOrganization {
                        kind: OrgKind::Partner.as_str().to_owned(),
                        name: r.organization_name.clone(),
                        business_id_scheme: r.business_id_scheme.clone(),
                        business_id: r.business_id.clone(),
                    };
                    let org_id = create_organization(txn, &actor, operator_org_id, input).await?;
                    (find_org(txn, org_id).await?, Role::Admin)
                }
                AccessRequestKind::Join => {
                    let join = join.ok_or_else(|| {
                        AppError::invalid(t!(actor.lang, "access-request-choose-org"))
                    })?;
                    let org = find_org(txn, join.organization_id)
                        .await
                        .ok()
                        .filter(|o| o.kind != OrgKind::Operator && o.status == ActiveStatus::Active)
                        .ok_or_else(|| {
                            AppError::invalid(t!(actor.lang, "access-request-choose-org"))
                        })?;
                    (org, join.role)
                }
            };
            let who = NewMember {
                email: &r.email,
                role,
                name: &r.contact_name,
                lang: Some(lang),
            };
            add_member_in(txn, &config, &actor, &org, who).await?;
            let (subject, body) = match r.kind {
                AccessRequestKind::Partner => (
                    t!(lang, "mail-access-approved-subject"),
                    t!(lang, "mail-access-approved-partner", org = org.name.clone()),
                ),
                AccessRequestKind::Join => (
                    t!(lang, "mail-access-approved-subject"),
                    t!(
                        lang,
                        "mail-access-approved-join",
                        org = org.name.clone(),
                        role = role.label(lang).to_lowercase()
                    ),
                ),
            };
            mail::enqueue(txn, &r.email, &subject, &body).await?;
            if r.kind == AccessRequestKind::Join {
                // The organization's admins learn who joined, and on whose word.
                let (who, email) = (r.contact_name.clone(), r.email.clone());
                notify_admins(
                    txn,
                    &config,
                    org.id,
                    &format!("access-request-joined:{id}"),
                    |l| {
                        (
                            t!(l, "access-request-joined-title", name = who.clone()),
                            t!(l, "access-request-joined-body", email = email.clone()),
                        )
                    },
                    &format!("/o/{}/users", org.id),
                )
                .await?;
            }
            let what = format!("{} {}", r.kind.as_str(), r.email);
            let mut m: ar::ActiveModel = r.into();
            m.status = Set(AccessRequestStatus::Approved);
            m.decided_at = Set(Some(now()));
            m.decided_by = Set(Some(actor.label.clone()));
            m.organization_id = Set(Some(org.id));
            m.update(txn).await?;
            audit::record_about(
                txn,
                &actor,
                Some(operator_org_id),
                Some(org.id),
                "access_request.approved",
                &org.name,
                &what,
            )
            .await?;
            Ok(org.id)
        })
    })
    .await
}

async fn find_org(db: &impl ConnectionTrait, id: i32) -> Result<organization::Model, AppError> {
    organization::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// "Decline": the request leaves the queue and the requester gets the operator's message (at
/// most [`MESSAGE_MAX`] characters; none is allowed, and the mail then says only the outcome).
pub async fn decline<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator_org_id: i32,
    id: i32,
    message: &str,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let what = t!(actor.lang, "access-request-decline-message");
    let message = validate::optional(actor.lang, Some(message), MESSAGE_MAX, &what)?;
    let (config, actor) = (config.clone(), actor.clone());
    write(db, move |txn| {
        Box::pin(async move {
            let r = waiting(txn, &actor, id).await?;
            let lang = r.locale.unwrap_or(config.default_lang);
            let said = match &message {
                Some(m) => t!(lang, "mail-access-declined-message", message = m.clone()),
                None => String::new(),
            };
            let body = t!(
                lang,
                "mail-access-declined-text",
                name = r.organization_name.clone(),
                message = said
            );
            mail::enqueue(
                txn,
                &r.email,
                &t!(lang, "mail-access-declined-subject"),
                &body,
            )
            .await?;
            let (name, email) = (r.organization_name.clone(), r.email.clone());
            let mut m: ar::ActiveModel = r.into();
            m.status = Set(AccessRequestStatus::Declined);
            m.decided_at = Set(Some(now()));
            m.decided_by = Set(Some(actor.label.clone()));
            m.decision_message = Set(message);
            m.update(txn).await?;
            audit::record(
                txn,
                &actor,
                Some(operator_org_id),
                "access_request.declined",
                &name,
                &email,
            )
            .await
        })
    })
    .await
}
