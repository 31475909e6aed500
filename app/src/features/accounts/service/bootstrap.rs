//! Unchecked building blocks for the command-line tools (`create-operator`, `seed-demo`) and
//! for the checked services above them. Idempotent where the CLI needs it.
use super::orgs;
use crate::error::AppError;
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::{installation, membership, organization, user};
use crate::server::scope::Actor;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A new, active organization (callers have authorized the actor).
pub async fn insert_organization(
    db: &impl ConnectionTrait,
    kind: OrgKind,
    name: &str,
    business_id_scheme: Option<String>,
    business_id: Option<String>,
) -> Result<organization::Model, AppError> {
    Ok(organization::ActiveModel {
        kind: Set(kind),
        name: Set(name.to_owned()),
        business_id_scheme: Set(business_id_scheme),
        business_id: Set(business_id),
        status: Set(ActiveStatus::Active),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A new, active installation (callers have authorized the actor).
pub async fn insert_installation(
    db: &impl ConnectionTrait,
    customer_id: i32,
    installation_id: &str,
    name: &str,
    is_sandbox: bool,
) -> Result<installation::Model, AppError> {
    Ok(installation::ActiveModel {
        installation_id: Set(installation_id.to_owned()),
        name: Set(name.to_owned()),
        customer_id: Set(customer_id),
        status: Set(ActiveStatus::Active),
        is_sandbox: Set(is_sandbox),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The organization of that kind and name, created when missing.
pub async fn ensure_organization(
    db: &impl ConnectionTrait,
    kind: OrgKind,
    name: &str,
    business_id: Option<(&str, &str)>,
) -> Result<organization::Model, AppError> {
    let found = organization::Entity::find()
        .filter(organization::Column::Kind.eq(kind))
        .filter(organization::Column::Name.eq(name))
        .one(db)
        .await?;
    if let Some(o) = found {
        return Ok(o);
    }
    let org = insert_organization(
        db,
        kind,
        name,
        business_id.map(|b| b.0.to_owned()),
        business_id.map(|b| b.1.to_owned()),
    )
    .await?;
    audit::record(
        db,
        &Actor::cli(),
        None,
        "organization.created",
        name,
        kind.as_str(),
    )
    .await?;
    Ok(org)
}

/// The installation with that ID, created for the customer when missing.
pub async fn ensure_installation(
    db: &impl ConnectionTrait,
    customer_id: i32,
    installation_id: &str,
    name: &str,
    is_sandbox: bool,
) -> Result<installation::Model, AppError> {
    let found = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id))
        .one(db)
        .await?;
    match found {
        Some(i) => Ok(i),
        None => insert_installation(db, customer_id, installation_id, name, is_sandbox).await,
    }
}

/// Makes the user with this e-mail a member with `role` (creating the user when new); an
/// existing membership keeps its role. Sends no mail.
pub async fn ensure_member(
    db: &impl ConnectionTrait,
    org_id: i32,
    email: &str,
    name: &str,
    role: Role,
) -> Result<(), AppError> {
    let user = orgs::find_or_create_user(db, email).await?;
    if user.name.is_empty() && !name.is_empty() {
        let mut u: user::ActiveModel = user.clone().into();
        u.name = Set(name.to_owned());
        u.update(db).await?;
    }
    let exists = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .filter(membership::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .is_some();
    if !exists {
        membership::ActiveModel {
            user_id: Set(user.id),
            organization_id: Set(org_id),
            role: Set(role),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        audit::record(
            db,
            &Actor::cli(),
            Some(org_id),
            "member.added",
            email,
            role.as_str(),
        )
        .await?;
    }
    Ok(())
}

/// `create-operator`: the operator organization (created when missing) gets this admin.
pub async fn create_operator(
    db: &impl ConnectionTrait,
    operator_name: &str,
    email: &str,
) -> Result<(), AppError> {
    let email = crate::server::validate::email(crate::i18n::Lang::En, email)?;
    let org = ensure_organization(db, OrgKind::Operator, operator_name, None).await?;
    ensure_member(db, org.id, &email, "", Role::Admin).await
}
