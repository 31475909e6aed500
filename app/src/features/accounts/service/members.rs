//! The Users page: members of an organization, invitations, roles, removal.
//! An organization always keeps at least one admin.
use super::{auth, orgs};
use crate::error::AppError;
use crate::features::accounts::dto::{MemberDto, MembersPage, Role};
use crate::server::clock::{local, now};
use crate::server::entities::sign_in_token::LinkPurpose;
use crate::server::entities::{invitation, membership, organization, user};
use crate::server::scope::{require_admin, require_member, Actor};
use crate::server::{audit, mail, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set, TransactionTrait,
};

/// Members of an organization, admins first, then by e-mail.
pub async fn member_rows(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<MemberDto>, AppError> {
    let ms = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ms.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let pending: Vec<i32> = invitation::Entity::find()
        .filter(invitation::Column::OrganizationId.eq(org_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.user_id)
        .collect();
    let mut out: Vec<MemberDto> = ms
        .iter()
        .filter_map(|m| {
            let u = users.iter().find(|u| u.id == m.user_id)?;
            Some(MemberDto {
                user_id: u.id,
                email: u.email.clone(),
                name: u.name.clone(),
                role: m.role,
                last_sign_in_at: u.last_sign_in_at.map(local),
                invitation_pending: pending.contains(&u.id),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.role != Role::Admin, &a.email).cmp(&(b.role != Role::Admin, &b.email)));
    Ok(out)
}

/// The Users page of an organization; any member may read it.
pub async fn list_members(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<MembersPage, AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    Ok(MembersPage {
        organization_name: org.name,
        can_manage: role == Role::Admin,
        members: member_rows(db, org_id).await?,
    })
}

/// An admin adds a user by e-mail with a role; the user gets an invitation mail.
pub async fn invite<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    raw_email: &str,
    role: Role,
) -> Result<(), AppError> {
    let org = require_admin(db, actor, org_id).await?;
    add_member(db, config, actor, &org, raw_email, role).await
}

/// Adds (or invites) a member and sends the invitation mail, in one transaction. Callers have
/// authorized the actor.
pub async fn add_member<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org: &organization::Model,
    raw_email: &str,
    role: Role,
) -> Result<(), AppError> {
    let email = validate::email(actor.lang, raw_email)?;
    let (config, actor, org) = (config.clone(), actor.clone(), org.clone());
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let who = NewMember {
                email: &email,
                role,
                name: "",
                lang: None,
            };
            add_member_in(txn, &config, &actor, &org, who).await
        })
    })
    .await
}

/// Whom [`add_member_in`] adds.
pub struct NewMember<'a> {
    /// An e-mail address as typed (validated here).
    pub email: &'a str,
    pub role: Role,
    /// The user's name, kept only when the user has none yet ("" for none).
    pub name: &'a str,
    /// The language the invitation is written in when the user has chosen none; the inviter's
    /// when `None`.
    pub lang: Option<crate::i18n::Lang>,
}

/// [`add_member`] inside the caller's transaction, for a caller that does more in it (approving
/// an access request). Callers have authorized the actor.
pub async fn add_member_in(
    txn: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org: &organization::Model,
    who: NewMember<'_>,
) -> Result<(), AppError> {
    let email = validate::email(actor.lang, who.email)?;
    let (role, name) = (who.role, who.name.trim());
    let mut user = orgs::find_or_create_user(txn, &email).await?;
    if user.name.is_empty() && !name.is_empty() {
        let mut u: user::ActiveModel = user.into();
        u.name = Set(name.chars().take(200).collect());
        user = u.update(txn).await?;
    }
    let existing = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org.id))
        .filter(membership::Column::UserId.eq(user.id))
        .one(txn)
        .await?;
    if existing.is_some() {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "member-exists",
            email = email.clone(),
            org = org.name.clone(),
        )));
    }
    membership::ActiveModel {
        user_id: Set(user.id),
        organization_id: Set(org.id),
        role: Set(role),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    invitation::ActiveModel {
        organization_id: Set(org.id),
        user_id: Set(user.id),
        role: Set(role),
        invited_by: Set(actor.user_id),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let token = auth::issue_link_token(
        txn,
        user.id,
        LinkPurpose::Invitation,
        Some(org.id),
        auth::INVITATION_TTL,
    )
    .await?;
    let link = format!(
        "{}/sign-in/confirm?token={}",
        config.public_url,
        mail::SECRET
    );
    // The invitee's language if they chose one, else the one they asked in, else the
    // inviter's.
    let lang = user.locale.or(who.lang).unwrap_or(actor.lang);
    let body = crate::t!(
        lang,
        "mail-invitation-text",
        inviter = actor.label.clone(),
        org = org.name.clone(),
        role = role.label(lang).to_lowercase(),
        link = link,
        sign_in = format!("{}/sign-in", config.public_url),
    );
    let subject = crate::t!(lang, "mail-invitation-subject", org = org.name.clone());
    mail::enqueue_with_secret(txn, &config.secret_key, &email, &subject, &body, &token).await?;
    audit::record(
        txn,
        actor,
        Some(org.id),
        "member.invited",
        &email,
        role.as_str(),
    )
    .await
}

/// Locks the organization's row (PostgreSQL) so concurrent admin changes are serialized; SQLite
/// serializes writers by itself. Then checks that changing `user_id` keeps one admin.
async fn ensure_other_admin(
    lang: crate::i18n::Lang,
    txn: &impl ConnectionTrait,
    org_id: i32,
    user_id: i32,
) -> Result<(), AppError> {
    organization::Entity::find_by_id(org_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let other_admins = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .filter(membership::Column::Role.eq(Role::Admin))
        .filter(membership::Column::UserId.ne(user_id))
        .count(txn)
        .await?;
    if other_admins == 0 {
        return Err(AppError::Conflict(t!(lang, "last-admin")));
    }
    Ok(())
}

async fn find_membership(
    txn: &impl ConnectionTrait,
    org_id: i32,
    user_id: i32,
) -> Result<membership::Model, AppError> {
    membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .filter(membership::Column::UserId.eq(user_id))
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)
}

/// An admin changes a member's role. The last admin cannot be made a member.
pub async fn change_role<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    user_id: i32,
    role: Role,
) -> Result<(), AppError> {
    require_admin(db, actor, org_id).await?;
    let actor = actor.clone();
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let m = find_membership(txn, org_id, user_id).await?;
            if m.role == role {
                return Ok(());
            }
            if role == Role::Member {
                ensure_other_admin(actor.lang, txn, org_id, user_id).await?;
            }
            let mut am: membership::ActiveModel = m.into();
            am.role = Set(role);
            am.update(txn).await?;
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "member.role_changed",
                &format!("user {user_id}"),
                role.as_str(),
            )
            .await
        })
    })
    .await
}

/// An admin removes a member. The last admin cannot be removed.
pub async fn remove_member<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    user_id: i32,
) -> Result<(), AppError> {
    require_admin(db, actor, org_id).await?;
    let actor = actor.clone();
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let m = find_membership(txn, org_id, user_id).await?;
            if m.role == Role::Admin {
                ensure_other_admin(actor.lang, txn, org_id, user_id).await?;
            }
            membership::Entity::delete_by_id(m.id).exec(txn).await?;
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "member.removed",
                &format!("user {user_id}"),
                "",
            )
            .await
        })
    })
    .await
}
