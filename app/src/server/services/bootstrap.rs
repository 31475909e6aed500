//! Unchecked building blocks for the command-line tools (`create-operator`, `seed-demo`) and
//! for the checked services above them. Idempotent where the CLI needs it.
use super::{audit, now, orgs, Actor};
use crate::dto::{OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{installation, membership, organization, service_token};
use crate::server::secrets::{hash_token, new_token};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

pub(crate) async fn insert_organization(
    db: &impl ConnectionTrait,
    kind: OrgKind,
    name: &str,
    business_id_scheme: Option<String>,
    business_id: Option<String>,
) -> Result<organization::Model, AppError> {
    Ok(organization::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        name: Set(name.to_owned()),
        business_id_scheme: Set(business_id_scheme),
        business_id: Set(business_id),
        status: Set(orgs::STATUS_ACTIVE.to_owned()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub(crate) async fn insert_installation(
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
        status: Set(orgs::STATUS_ACTIVE.to_owned()),
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
        .filter(organization::Column::Kind.eq(kind.as_str()))
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
        let mut u: crate::server::entities::user::ActiveModel = user.clone().into();
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
            role: Set(role.as_str().to_owned()),
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
    let email = super::validate::email(email)?;
    let org = ensure_organization(db, OrgKind::Operator, operator_name, None).await?;
    ensure_member(db, org.id, &email, "", Role::Admin).await
}

/// `issue-service-token`: a new platform service token, returned once and stored as a hash.
pub async fn issue_service_token(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(AppError::invalid(
            "The token name must be 1 to 100 characters.",
        ));
    }
    let token = format!("pst_{}", new_token());
    service_token::ActiveModel {
        name: Set(name.to_owned()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(db, &Actor::cli(), None, "service_token.issued", name, "").await?;
    Ok(token)
}
