//! Each sales unit's price package: the operator sets it on the customer's page (later, product
//! orders will); partners read it on their sales units. Every change is in the sales unit's
//! history (rule 10).
use crate::business_id::Scheme;
use crate::error::AppError;
use crate::features::pricing::dto::{
    CustomerPackages, Market, PackageLabel, UnitPackage, MAX_PACKAGES,
};
use crate::glossary::{HistoryKind, OrgKind, Role};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::db::write;
use crate::server::entities::{
    installation, installation_price_package as ipp, organization, price_package as pp,
};
use crate::server::history::{self, Change};
use crate::server::scope::{require_operator, require_operator_admin, Actor};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// The most installations the operator's customer page lists with their packages.
const MAX_UNITS: u64 = 1000;

/// The join from a sales unit's package row to the package.
fn to_package() -> sea_orm::RelationDef {
    ipp::Entity::belongs_to(pp::Entity)
        .from(ipp::Column::PricePackageId)
        .to(pp::Column::Id)
        .into()
}

/// The price packages of these installations (by row ID), in one query: `(installation, label)`.
pub async fn labels_of(
    db: &impl ConnectionTrait,
    installations: &[i32],
) -> Result<Vec<(i32, PackageLabel)>, AppError> {
    let rows: Vec<(i32, i32, String, String)> = ipp::Entity::find()
        .select_only()
        .column(ipp::Column::InstallationId)
        .column(pp::Column::Id)
        .column(pp::Column::Name)
        .column(pp::Column::Description)
        .join(JoinType::InnerJoin, to_package())
        .filter(ipp::Column::InstallationId.is_in(installations.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(inst, id, name, description)| {
            (
                inst,
                PackageLabel {
                    id,
                    name,
                    description,
                },
            )
        })
        .collect())
}

/// The market of a customer's business identifier, if it has one.
fn market_of(customer: &organization::Model) -> Option<Market> {
    customer
        .business_id_scheme
        .as_deref()
        .and_then(Scheme::parse)
        .map(Scheme::market)
}

/// The operator's view of a customer's installations and their packages.
pub async fn customer_packages(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    customer_id: i32,
) -> Result<CustomerPackages, AppError> {
    let role = require_operator(db, actor, operator_org_id).await?;
    let customer = organization::Entity::find_by_id(customer_id)
        .one(db)
        .await?
        .filter(|c| c.kind == OrgKind::Customer)
        .ok_or(AppError::NotFound)?;
    let market = market_of(&customer);
    let insts = installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(customer_id))
        .order_by_asc(installation::Column::InstallationId)
        .limit(MAX_UNITS)
        .all(db)
        .await?;
    let ids: Vec<i32> = insts.iter().map(|i| i.id).collect();
    let labels = labels_of(db, &ids).await?;
    let mut choices = pp::Entity::find()
        .order_by_asc(pp::Column::Name)
        .limit(MAX_PACKAGES);
    if let Some(m) = market {
        choices = choices.filter(pp::Column::Market.eq(m));
    }
    Ok(CustomerPackages {
        market,
        units: insts
            .into_iter()
            .map(|i| UnitPackage {
                package: labels.iter().find(|l| l.0 == i.id).map(|l| l.1.clone()),
                installation: i.id,
                installation_id: i.installation_id,
                name: i.name,
            })
            .collect(),
        choices: choices
            .all(db)
            .await?
            .into_iter()
            .map(|p| PackageLabel {
                id: p.id,
                name: p.name,
                description: p.description,
            })
            .collect(),
        can_edit: role == Role::Admin,
    })
}

/// The operator sets installation `installation`'s price package (`None`: no package). The
/// package must be of the customer's market; the change is recorded in the sales unit's history.
pub async fn set_package<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    installation: i32,
    package_id: Option<i32>,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    put_package(db, actor, Some(operator_org_id), installation, package_id).await
}

/// [`set_package`] once the caller has authorized the actor (a product order's approval, which
/// may be Portico's own): `acting_as` is the organization the change is recorded for.
pub async fn put_package<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    acting_as: Option<i32>,
    installation: i32,
    package_id: Option<i32>,
) -> Result<(), AppError> {
    let operator_org_id = acting_as;
    let lang = actor.lang;
    let inst = installation::Entity::find_by_id(installation)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let customer = organization::Entity::find_by_id(inst.customer_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let package = match package_id {
        None => None,
        Some(id) => Some(
            pp::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| AppError::invalid(t!(lang, "price-package-unknown")))?,
        ),
    };
    if let (Some(p), Some(m)) = (&package, market_of(&customer)) {
        if p.market != m {
            return Err(AppError::invalid(t!(
                lang,
                "price-package-wrong-market",
                installation = inst.installation_id.clone(),
                customer_market = m.label(lang),
                market = p.market.label(lang)
            )));
        }
    }
    let actor = actor.clone();
    write(db, |txn| {
        Box::pin(async move {
            let current = ipp::Entity::find()
                .filter(ipp::Column::InstallationId.eq(inst.id))
                .one(txn)
                .await?;
            let old = match &current {
                Some(c) => pp::Entity::find_by_id(c.price_package_id).one(txn).await?,
                None => None,
            };
            if old.as_ref().map(|p| p.id) == package.as_ref().map(|p| p.id) {
                return Ok(());
            }
            match (current, &package) {
                (Some(c), Some(p)) => {
                    let mut m: ipp::ActiveModel = c.into();
                    m.price_package_id = Set(p.id);
                    m.updated_at = Set(now());
                    m.update(txn).await?;
                }
                (None, Some(p)) => {
                    ipp::ActiveModel {
                        installation_id: Set(inst.id),
                        price_package_id: Set(p.id),
                        updated_at: Set(now()),
                        ..Default::default()
                    }
                    .insert(txn)
                    .await?;
                }
                (Some(c), None) => {
                    ipp::Entity::delete_by_id(c.id).exec(txn).await?;
                }
                (None, None) => {}
            }
            let label = |p: &pp::Model| format!("{} ({})", p.name, p.description);
            let change = Change {
                product_id: None,
                old: old.as_ref().map(label),
                new: package.as_ref().map(label),
            };
            let details = format!(
                "{} -> {}",
                change.old.as_deref().unwrap_or("none"),
                change.new.as_deref().unwrap_or("none")
            );
            let kind = HistoryKind::PricePackageChanged;
            history::record(txn, &actor, operator_org_id, inst.id, kind, change).await?;
            let action = "installation.price_package_changed";
            let target = &inst.installation_id;
            audit::record(txn, &actor, operator_org_id, action, target, &details).await
        })
    })
    .await
}
