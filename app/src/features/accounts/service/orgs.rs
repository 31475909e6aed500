//! Organizations, memberships and installations: who may act as whom, and the operator's
//! onboarding of partners and customers.
use super::installations::installations_of;
use super::{bootstrap, members};
use crate::error::AppError;
use crate::features::accounts::dto::{
    MembershipDto, OrgKind, OrgOverview, OrganizationDetail, OrganizationDto, Role,
};
use crate::features::notifications::service::unread_counts;
use crate::glossary::ActiveStatus;
use crate::server::clock::now;
use crate::server::entities::{installation, membership, organization, user};
use crate::server::scope::{require_member, require_operator, require_operator_admin, Actor};
use crate::server::{audit, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use std::str::FromStr;

/// The active organizations a user may act as, operator first, then by kind and name.
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<MembershipDto>, AppError> {
    let ms = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ms.iter().map(|m| m.organization_id)))
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .all(db)
        .await?;
    let unread = unread_counts(db, user_id).await?;
    let mut out: Vec<MembershipDto> = ms
        .iter()
        .filter_map(|m| {
            let o = orgs.iter().find(|o| o.id == m.organization_id)?;
            Some(MembershipDto {
                organization_id: o.id,
                organization_name: o.name.clone(),
                kind: o.kind,
                role: m.role,
                unread: unread
                    .iter()
                    .find(|(id, _)| *id == o.id)
                    .map(|(_, n)| *n)
                    .unwrap_or(0),
            })
        })
        .collect();
    out.sort_by_key(|m| (kind_rank(m.kind), m.organization_name.to_lowercase()));
    Ok(out)
}

fn kind_rank(k: OrgKind) -> u8 {
    match k {
        OrgKind::Operator => 0,
        OrgKind::Partner => 1,
        OrgKind::Customer => 2,
    }
}

/// Input of the operator's "New organization" form.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub kind: String,
    pub name: String,
    pub business_id_scheme: Option<String>,
    pub business_id: Option<String>,
}

/// The operator creates a partner or customer organization.
pub async fn create_organization(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    input: NewOrganization,
) -> Result<i32, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let kind = match OrgKind::from_str(&input.kind) {
        Ok(k @ (OrgKind::Partner | OrgKind::Customer)) => k,
        _ => return Err(AppError::invalid(t!(actor.lang, "invalid-org-kind"))),
    };
    let lang = actor.lang;
    let name = validate::name(lang, &input.name, &t!(lang, "field-org-name"))?;
    let business_id = validate::business_identifier(
        lang,
        input.business_id_scheme.as_deref(),
        input.business_id.as_deref(),
    )?;
    let taken = organization::Entity::find()
        .filter(organization::Column::Kind.eq(kind))
        .filter(organization::Column::Name.eq(&name))
        .one(db)
        .await?;
    if taken.is_some() {
        return Err(AppError::Conflict(t!(
            lang,
            "org-name-taken",
            kind = kind.label(lang).to_lowercase(),
            name = name.clone(),
        )));
    }
    let (scheme, business_id) = match business_id {
        Some(b) => (Some(b.scheme.as_str().to_owned()), Some(b.id)),
        None => (None, None),
    };
    let org = bootstrap::insert_organization(db, kind, &name, scheme, business_id).await?;
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(org.id),
        "organization.created",
        &name,
        kind.as_str(),
    )
    .await?;
    Ok(org.id)
}

/// Member and installation counts of organizations, in two queries whatever their number.
async fn counts(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(Vec<i32>, Vec<i32>), AppError> {
    let members: Vec<i32> = membership::Entity::find()
        .select_only()
        .column(membership::Column::OrganizationId)
        .filter(membership::Column::OrganizationId.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    let installations: Vec<i32> = installation::Entity::find()
        .select_only()
        .column(installation::Column::CustomerId)
        .filter(installation::Column::CustomerId.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    Ok((members, installations))
}

fn org_dto(
    o: organization::Model,
    (members, installations): &(Vec<i32>, Vec<i32>),
) -> OrganizationDto {
    OrganizationDto {
        id: o.id,
        kind: o.kind,
        member_count: members.iter().filter(|id| **id == o.id).count() as u64,
        installation_count: installations.iter().filter(|id| **id == o.id).count() as u64,
        name: o.name,
        business_id_scheme: o.business_id_scheme,
        business_id: o.business_id,
        status: o.status,
    }
}

/// Every partner and customer, for the operator, by kind and name.
pub async fn list_organizations(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
) -> Result<Vec<OrganizationDto>, AppError> {
    require_operator(db, actor, operator_org_id).await?;
    let orgs = organization::Entity::find()
        .filter(organization::Column::Kind.ne(OrgKind::Operator))
        .order_by_asc(organization::Column::Kind)
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?;
    let counted = counts(db, &orgs.iter().map(|o| o.id).collect::<Vec<_>>()).await?;
    Ok(orgs.into_iter().map(|o| org_dto(o, &counted)).collect())
}

/// One organization with its installations and admins, for the operator.
pub async fn organization_detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    org_id: i32,
) -> Result<OrganizationDetail, AppError> {
    require_operator(db, actor, operator_org_id).await?;
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let installations = installations_of(db, org_id).await?;
    let admins = members::member_rows(db, org_id)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Admin)
        .collect();
    Ok(OrganizationDetail {
        organization: org_dto(org, &counts(db, &[org_id]).await?),
        installations,
        admins,
    })
}

/// The operator names a partner's (or customer's) contact person: an admin, invited by e-mail.
pub async fn set_contact_person<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator_org_id: i32,
    org_id: i32,
    raw_email: &str,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if org.kind == OrgKind::Operator {
        return Err(AppError::invalid(t!(actor.lang, "invalid-operator-staff")));
    }
    members::add_member(db, config, actor, &org, raw_email, Role::Admin).await?;
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(org.id),
        "organization.contact_person_set",
        &org.name,
        "",
    )
    .await
}

/// A user by e-mail, created if new.
pub async fn find_or_create_user(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<user::Model, AppError> {
    if let Some(u) = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
    {
        return Ok(u);
    }
    Ok(user::ActiveModel {
        email: Set(email.to_owned()),
        name: Set(String::new()),
        created_at: Set(now()),
        public_id: Set(crate::server::secrets::new_uuid()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The dashboard of an organization the actor is a member of.
pub async fn overview(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<OrgOverview, AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    let kind = org.kind;
    let count_kind = |k: OrgKind| {
        organization::Entity::find()
            .filter(organization::Column::Kind.eq(k))
            .count(db)
    };
    let (partner_count, customer_count) = if kind == OrgKind::Operator {
        (
            count_kind(OrgKind::Partner).await?,
            count_kind(OrgKind::Customer).await?,
        )
    } else {
        (0, 0)
    };
    let installations = installations_of(db, org_id).await?;
    Ok(OrgOverview {
        organization_id: org.id,
        name: org.name,
        kind,
        role,
        member_count: membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(org_id))
            .count(db)
            .await?,
        installations,
        partner_count,
        customer_count,
    })
}

/// The operator deactivates (or reactivates) a partner or customer. Its members can no longer
/// act as it; a customer's installations answer "installation unknown" and disappear from
/// partner views; a partner's credentials are refused. The operator itself cannot be
/// deactivated.
pub async fn set_organization_active(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    org_id: i32,
    active: bool,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if org.kind == OrgKind::Operator {
        return Err(AppError::invalid(t!(
            actor.lang,
            "invalid-deactivate-operator"
        )));
    }
    let status = if active {
        ActiveStatus::Active
    } else {
        ActiveStatus::Deactivated
    };
    let name = org.name.clone();
    let mut m: organization::ActiveModel = org.into();
    m.status = Set(status);
    m.update(db).await?;
    let action = if active {
        "organization.reactivated"
    } else {
        "organization.deactivated"
    };
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(org_id),
        action,
        &name,
        "",
    )
    .await
}
