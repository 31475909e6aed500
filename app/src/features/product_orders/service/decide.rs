//! The operator decides a submitted product order. Approving does it all in one transaction: the
//! customer organization (created for a company new to Portico, with the submitter as its
//! admin), the sales unit (a new installation, or one of the customer's own), its name, logo and
//! price package, the product's activation at its active version on behalf of the submitter who
//! consented, and `COMPLETED`; any failure leaves nothing half made. Rejecting records an
//! internal reason. `COMPLETED` tells the partner and the customer; `REJECTED` only the customer.
use super::{advance, already};
use crate::error::AppError;
use crate::features::accounts::service::bootstrap::{
    ensure_member, insert_installation, insert_organization,
};
use crate::features::activations::service::activation;
use crate::features::notifications::service::notify_admins;
use crate::features::pricing::service::assign::put_package;
use crate::features::product_orders::service::review::logo;
use crate::features::sales_units::service::edit::store_logo;
use crate::glossary::{ActiveStatus, OrgKind, ProductOrderStatus, VersionState};
use crate::server::entities::{
    activation as act, installation, organization, product, product_order as po, product_version,
    user,
};
use crate::server::scope::{require_operator, require_operator_admin, Actor};
use crate::server::{db::write, mail, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// Where an approved order's sales unit comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new installation with a generated six-digit ID (a Vipps-style MSN).
    New,
    /// One of the customer's own active installations, by installation ID.
    Existing(String),
}

/// An operator admin approves a submitted order.
pub async fn approve<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator: i32,
    order_id: &str,
    target: Target,
) -> Result<po::Model, AppError> {
    require_operator_admin(db, actor, operator).await?;
    approve_as(db, config, actor, operator, order_id, target).await
}

/// A six-digit installation ID no installation has (a Vipps-style MSN).
async fn new_installation_id(db: &impl ConnectionTrait) -> Result<String, AppError> {
    for _ in 0..20 {
        let mut b = [0u8; 4];
        getrandom::fill(&mut b).map_err(|_| AppError::Internal)?;
        let id = format!("{:06}", 100_000 + u32::from_le_bytes(b) % 900_000);
        let taken = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq(&id))
            .count(db)
            .await?
            > 0;
        if !taken {
            return Ok(id);
        }
    }
    Err(AppError::Internal)
}

/// The approval, once the actor is known to decide for `operator` (an operator admin, or
/// Portico itself for auto-approval).
pub(super) async fn approve_as<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator: i32,
    order_id: &str,
    target: Target,
) -> Result<po::Model, AppError> {
    let lang = actor.lang;
    let o = submitted(db, lang, order_id).await?;
    let submitter = match o.submitted_by {
        Some(id) => user::Entity::find_by_id(id).one(db).await?,
        None => None,
    }
    .ok_or(AppError::Internal)?;
    let logo = logo(db, o.id).await?;
    let (actor2, o2) = (actor.clone(), o.clone());
    let done = write(db, move |txn| {
        Box::pin(async move {
            let consented = Actor::user(submitter.id, &submitter.email, None).speaking(lang);
            // The customer: known, or new (its name as given, the submitter its admin).
            let customer = match o2.customer_id {
                Some(id) => organization::Entity::find_by_id(id)
                    .one(txn)
                    .await?
                    .filter(|c| c.status == ActiveStatus::Active)
                    .ok_or_else(|| {
                        AppError::invalid(t!(lang, "product-order-customer-inactive"))
                    })?,
                None => {
                    if super::customer_with(txn, &o2.business_id_scheme, &o2.business_id)
                        .await?
                        .is_some()
                    {
                        return Err(AppError::Conflict(t!(
                            lang,
                            "product-order-customer-appeared"
                        )));
                    }
                    let name = o2
                        .customer_name
                        .clone()
                        .unwrap_or_else(|| o2.sales_unit_name.clone());
                    let c = insert_organization(
                        txn,
                        OrgKind::Customer,
                        &name,
                        Some(o2.business_id_scheme.clone()),
                        Some(o2.business_id.clone()),
                    )
                    .await?;
                    ensure_member(
                        txn,
                        c.id,
                        &submitter.email,
                        &submitter.name,
                        crate::glossary::Role::Admin,
                    )
                    .await?;
                    c
                }
            };
            // The sales unit: a new installation, or one of the customer's own.
            let inst = match &target {
                Target::New => {
                    let id = new_installation_id(txn).await?;
                    let inst =
                        insert_installation(txn, customer.id, &id, &o2.sales_unit_name, false)
                            .await?;
                    if let Some(png) = logo {
                        store_logo(txn, inst.id, png).await?;
                    }
                    inst
                }
                Target::Existing(iid) => installation::Entity::find()
                    .filter(installation::Column::InstallationId.eq(iid.trim().to_uppercase()))
                    .filter(installation::Column::CustomerId.eq(customer.id))
                    .filter(installation::Column::Status.eq(ActiveStatus::Active))
                    .one(txn)
                    .await?
                    .ok_or_else(|| {
                        AppError::invalid(t!(lang, "product-order-installation-unknown"))
                    })?,
            };
            if o2.price_package_id.is_some() {
                put_package(txn, &actor2, Some(operator), inst.id, o2.price_package_id).await?;
            }
            // The product, at its active version, on behalf of the person who consented.
            let version = product_version::Entity::find()
                .filter(product_version::Column::ProductId.eq(o2.product_id))
                .filter(product_version::Column::State.eq(VersionState::Active))
                .one(txn)
                .await?
                .ok_or_else(|| AppError::invalid(t!(lang, "product-order-product-gone")))?;
            let running = act::Entity::find()
                .filter(act::Column::InstallationId.eq(inst.id))
                .filter(act::Column::ProductId.eq(o2.product_id))
                .filter(act::Column::Status.eq(ActiveStatus::Active))
                .count(txn)
                .await?
                > 0;
            if !running {
                activation::activate(
                    txn,
                    &consented,
                    customer.id,
                    &inst.installation_id,
                    o2.product_id,
                    version.number,
                )
                .await?;
            }
            let details = format!("sales unit {}", inst.installation_id);
            advance(
                txn,
                &actor2,
                Some(operator),
                &o2,
                ProductOrderStatus::Completed,
                &details,
            )
            .await?;
            let mut m: po::ActiveModel = o2.into();
            m.status = Set(ProductOrderStatus::Completed);
            m.customer_id = Set(Some(customer.id));
            m.installation_id = Set(Some(inst.id));
            Ok((m.update(txn).await?, customer, inst))
        })
    })
    .await;
    let (done, customer, inst) = match done {
        Ok(x) => x,
        // The version the order would activate is not available to this installation (the
        // product's access rules), or someone decided first: the operator is told plainly.
        Err(AppError::NotFound) => {
            return Err(AppError::invalid(t!(lang, "product-order-not-available")))
        }
        Err(e) => return Err(e),
    };
    tell_completed(db, config, &done, &customer, &inst).await?;
    Ok(done)
}

/// The submitted order `order_id`, or what it is instead.
async fn submitted(
    db: &impl ConnectionTrait,
    lang: crate::i18n::Lang,
    order_id: &str,
) -> Result<po::Model, AppError> {
    let o = po::Entity::find()
        .filter(po::Column::PublicId.eq(order_id.trim()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    match o.status {
        ProductOrderStatus::OrderSubmitted => Ok(o),
        s if s.rank() > ProductOrderStatus::OrderSubmitted.rank() => Err(already(lang, s)),
        _ => Err(AppError::invalid(t!(lang, "product-order-not-submitted"))),
    }
}

/// `COMPLETED`: the partner's admins and the customer's, each in their language, with the new
/// sales unit's installation ID.
async fn tell_completed(
    db: &impl ConnectionTrait,
    config: &Config,
    o: &po::Model,
    customer: &organization::Model,
    inst: &installation::Model,
) -> Result<(), AppError> {
    let p = product::Entity::find_by_id(o.product_id)
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let key = format!("po-completed:{}", o.id);
    let (iid, cname) = (inst.installation_id.clone(), customer.name.clone());
    notify_admins(
        db,
        config,
        o.partner_id,
        &key,
        |lang| {
            (
                t!(lang, "product-order-completed-title"),
                t!(
                    lang,
                    "product-order-completed-partner",
                    customer = cname.clone(),
                    product = p.clone(),
                    installation = iid.clone()
                ),
            )
        },
        &crate::paths::sales_unit(o.partner_id, &inst.installation_id),
    )
    .await?;
    notify_admins(
        db,
        config,
        customer.id,
        &key,
        |lang| {
            (
                t!(lang, "product-order-completed-title"),
                t!(
                    lang,
                    "product-order-completed-customer",
                    product = p.clone(),
                    installation = iid.clone()
                ),
            )
        },
        &crate::paths::installation(customer.id, &inst.installation_id),
    )
    .await
}

/// An operator admin rejects a submitted order, with a reason for the operator's records only.
pub async fn reject<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    operator: i32,
    order_id: &str,
    reason: &str,
) -> Result<po::Model, AppError> {
    require_operator_admin(db, actor, operator).await?;
    let lang = actor.lang;
    let reason = reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::invalid(t!(lang, "product-order-reason-needed")));
    }
    let o = submitted(db, lang, order_id).await?;
    let (actor2, o2) = (actor.clone(), o.clone());
    let done = write(db, move |txn| {
        Box::pin(async move {
            advance(
                txn,
                &actor2,
                Some(operator),
                &o2,
                ProductOrderStatus::Rejected,
                "",
            )
            .await?;
            let mut m: po::ActiveModel = o2.into();
            m.status = Set(ProductOrderStatus::Rejected);
            m.rejection_reason = Set(Some(reason));
            Ok(m.update(txn).await?)
        })
    })
    .await?;
    // Only the customer is told (the partner sees the status, not the reason).
    let p = product::Entity::find_by_id(done.product_id)
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let key = format!("po-rejected:{}", done.id);
    match done.customer_id {
        Some(c) => {
            let link = crate::paths::product_orders(c);
            notify_admins(
                db,
                config,
                c,
                &key,
                |lang| {
                    (
                        t!(lang, "product-order-rejected-title"),
                        t!(lang, "product-order-rejected-body", product = p.clone()),
                    )
                },
                &link,
            )
            .await?
        }
        None => {
            if let Some(u) = match done.submitted_by {
                Some(id) => user::Entity::find_by_id(id).one(db).await?,
                None => None,
            } {
                let lang = u.locale.unwrap_or(config.default_lang);
                let text = t!(lang, "product-order-rejected-body", product = p.clone());
                mail::enqueue(
                    db,
                    &u.email,
                    &t!(lang, "product-order-rejected-title"),
                    &text,
                )
                .await?;
            }
        }
    }
    Ok(done)
}

/// Whether the actor is one of the operator's staff (who see the queue).
pub async fn is_staff(db: &impl ConnectionTrait, actor: &Actor, operator: i32) -> bool {
    require_operator(db, actor, operator).await.is_ok()
}
