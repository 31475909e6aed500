//! Who acts, and what they may act as: the [`Actor`] and every `require_*` check. Every
//! organization-scoped service starts with one of these; a refusal is
//! [`AppError::Forbidden`] (or [`AppError::NotSignedIn`] without a user).
use crate::error::AppError;
use crate::glossary::{ActiveStatus, KeyAccess, Lang, OrgKind, Role};
use crate::server::entities::{membership, organization, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// A partner API key acting for its organization (the Partner API): it is a member of that
/// organization only, an admin when it may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyGrant {
    /// The key's row (`partner_api_keys.id`).
    pub key_id: i32,
    pub organization_id: i32,
    pub access: KeyAccess,
}

/// Who makes a change: a signed-in user, a partner API key, or a command-line tool. Used for
/// authorization and written to the audit log with the client address.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i32>,
    /// Set when a partner API key acts (never together with a user).
    pub key: Option<KeyGrant>,
    /// The user's e-mail, or `cli`.
    pub label: String,
    pub ip: Option<String>,
    /// The language the actor reads: services write their messages in it.
    pub lang: Lang,
}

impl Actor {
    /// A signed-in user.
    pub fn user(user_id: i32, email: &str, ip: Option<String>) -> Self {
        Self {
            user_id: Some(user_id),
            key: None,
            label: email.to_owned(),
            ip,
            lang: Lang::default(),
        }
    }
    /// The same actor, reading `lang`.
    pub fn speaking(self, lang: Lang) -> Self {
        Self { lang, ..self }
    }
    /// Portico itself (the push worker disabling a failing subscription).
    pub fn system() -> Self {
        Self {
            user_id: None,
            key: None,
            label: "portico".into(),
            ip: None,
            lang: Lang::default(),
        }
    }
    /// A platform service with a service token (`service:<name>` in the audit log).
    pub fn service(name: &str) -> Self {
        Self {
            label: format!("service:{name}"),
            ..Self::system()
        }
    }
    /// The operator's command-line tools (`server seed-demo`, `create-operator`, ...).
    pub fn cli() -> Self {
        Self {
            user_id: None,
            key: None,
            label: "cli".into(),
            ip: None,
            lang: Lang::default(),
        }
    }
    /// A partner API key, named `label` (such as `API key 1 (pk_...)`) in histories and the
    /// audit log.
    pub fn partner_key(grant: KeyGrant, label: String, ip: Option<String>) -> Self {
        Self {
            user_id: None,
            key: Some(grant),
            label,
            ip,
            lang: Lang::default(),
        }
    }
}

/// The signed-in person acting, or [`AppError::NotSignedIn`]: for what only people may do
/// (managing keys, members), never a key.
pub fn require_person(actor: &Actor) -> Result<i32, AppError> {
    actor.user_id.ok_or(AppError::NotSignedIn)
}

/// The organization and the actor's role in it, or [`AppError::Forbidden`] when the actor is not
/// a member of that (active) organization.
pub async fn require_member(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<(organization::Model, Role), AppError> {
    if let (None, Some(grant)) = (actor.user_id, actor.key) {
        return key_member(db, grant, org_id).await;
    }
    let user_id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    // A page render asks the same question from several server functions: once is enough.
    let key = format!("member {user_id} {org_id}");
    crate::server::lookups::shared(key, || find_member(db, user_id, org_id))
        .await?
        .ok_or(AppError::Forbidden)
}

/// The (active) organization and the user's role in it, or `None` when they are not a member.
async fn find_member(
    db: &impl ConnectionTrait,
    user_id: i32,
    org_id: i32,
) -> Result<Option<(organization::Model, Role)>, AppError> {
    let Some(m) = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::OrganizationId.eq(org_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let org = organization::Entity::find_by_id(org_id).one(db).await?;
    Ok(org
        .filter(|o| o.status == ActiveStatus::Active)
        .map(|o| (o, m.role)))
}

/// A partner API key is a member of its own (active, partner) organization only: an admin
/// when it may write, so the portal's rules decide what it may do.
async fn key_member(
    db: &impl ConnectionTrait,
    grant: KeyGrant,
    org_id: i32,
) -> Result<(organization::Model, Role), AppError> {
    if grant.organization_id != org_id {
        return Err(AppError::Forbidden);
    }
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .filter(|o| o.status == ActiveStatus::Active && o.kind == OrgKind::Partner)
        .ok_or(AppError::Forbidden)?;
    let role = match grant.access {
        KeyAccess::ReadWrite => Role::Admin,
        KeyAccess::Read => Role::Member,
    };
    Ok((org, role))
}

/// Like [`require_member`], but the actor must be an admin.
pub async fn require_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<organization::Model, AppError> {
    match require_member(db, actor, org_id).await? {
        (org, Role::Admin) => Ok(org),
        _ => Err(AppError::Forbidden),
    }
}

/// The actor must be a member of `org_id`, and it must be of `kind`.
pub async fn require_kind(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    kind: OrgKind,
) -> Result<(organization::Model, Role), AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    if org.kind != kind {
        return Err(AppError::Forbidden);
    }
    Ok((org, role))
}

/// Like [`require_kind`], but the actor must be an admin.
pub async fn require_kind_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    kind: OrgKind,
) -> Result<organization::Model, AppError> {
    match require_kind(db, actor, org_id, kind).await? {
        (org, Role::Admin) => Ok(org),
        _ => Err(AppError::Forbidden),
    }
}

/// The actor must be a member of the operator organization `operator_org_id` (any role may
/// read; changes need [`require_operator_admin`]).
pub async fn require_operator(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
) -> Result<Role, AppError> {
    Ok(require_kind(db, actor, operator_org_id, OrgKind::Operator)
        .await?
        .1)
}

/// The actor must be an admin of the operator organization.
pub async fn require_operator_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
) -> Result<(), AppError> {
    require_kind_admin(db, actor, operator_org_id, OrgKind::Operator)
        .await
        .map(|_| ())
}

/// The actor must be a member of `org_id`, and it must be a partner.
pub async fn require_partner(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<(organization::Model, Role), AppError> {
    require_kind(db, actor, org_id, OrgKind::Partner).await
}

/// Like [`require_partner`], but the actor must be a partner admin.
pub async fn require_partner_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<organization::Model, AppError> {
    require_kind_admin(db, actor, org_id, OrgKind::Partner).await
}

/// The actor must be a member of `org_id`, and it must be a customer.
pub async fn require_customer(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Role, AppError> {
    Ok(require_kind(db, actor, org_id, OrgKind::Customer).await?.1)
}

/// Like [`require_customer`], but the actor must be a customer admin.
pub async fn require_customer_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<(), AppError> {
    require_kind_admin(db, actor, org_id, OrgKind::Customer)
        .await
        .map(|_| ())
}

/// The administrators of an organization (whom notifications about it reach).
pub async fn admins_of(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<user::Model>, AppError> {
    let admins = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .filter(membership::Column::Role.eq(Role::Admin))
        .all(db)
        .await?;
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(admins.iter().map(|m| m.user_id)))
        .all(db)
        .await?)
}
