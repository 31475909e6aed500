//! The customer's side of a product order, behind its link: the signed-in person sees what the
//! product will access, may correct the sales unit's name and logo and choose a price package
//! (where the partner left it open), and submits with explicit consent. Only a person who
//! administers the customer with the order's business identifier may submit, or, when no
//! customer has it yet, anyone who gives the company's name: the operator confirms it then.
use super::{advance, business_identifier, by_link, customer_with, package_label};
use crate::error::AppError;
use crate::features::activations::service::cards::version_access;
use crate::features::product_orders::dto::{PackageOption, SignUpCustomer, SignUpView};
use crate::features::sales_units::service::{edit::valid_name, picture};
use crate::glossary::{ProductOrderStatus, Role, VersionState};
use crate::server::clock::{local, now};
use crate::server::entities::{
    membership, organization, price_package, price_package_offer, product, product_order as po,
    product_order_logo, product_version,
};
use crate::server::scope::{require_person, Actor};
use crate::server::{db::write, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// The order a link opens for a signed-in person: an unknown link, or a prefill whose 14 days
/// have passed (it is marked expired then, if the job has not yet), is "expired".
pub async fn open_link<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    token: &str,
) -> Result<po::Model, AppError> {
    require_person(actor)?;
    let o = by_link(db, token).await?.ok_or(AppError::LinkExpired)?;
    if o.status == ProductOrderStatus::Expired {
        return Err(AppError::LinkExpired);
    }
    if o.status.is_open() && o.expires_at.is_some_and(|t| t <= now()) {
        let system = Actor::system();
        let _ = write(db, |txn| {
            Box::pin(async move {
                advance(
                    txn,
                    &system,
                    Some(o.partner_id),
                    &o,
                    ProductOrderStatus::Expired,
                    "",
                )
                .await
            })
        })
        .await;
        return Err(AppError::LinkExpired);
    }
    Ok(o)
}

/// Who the person is for the order's business identifier.
async fn who(
    db: &impl ConnectionTrait,
    actor: &Actor,
    o: &po::Model,
) -> Result<(SignUpCustomer, Option<organization::Model>), AppError> {
    let Some(org) = customer_with(db, &o.business_id_scheme, &o.business_id).await? else {
        return Ok((SignUpCustomer::New, None));
    };
    let role = membership::Entity::find()
        .filter(membership::Column::UserId.eq(require_person(actor)?))
        .filter(membership::Column::OrganizationId.eq(org.id))
        .one(db)
        .await?
        .map(|m| m.role);
    let c = match role {
        Some(Role::Admin) => SignUpCustomer::Admin {
            org_id: org.id,
            name: org.name.clone(),
        },
        Some(Role::Member) => SignUpCustomer::Member {
            name: org.name.clone(),
        },
        None => SignUpCustomer::Outsider,
    };
    Ok((c, Some(org)))
}

/// The packages a customer may choose for the order: offered to its partner, of the business
/// identifier's market, shown in sign-up.
async fn choosable(
    db: &impl ConnectionTrait,
    o: &po::Model,
) -> Result<Vec<PackageOption>, AppError> {
    let Some(scheme) = crate::business_id::Scheme::parse(&o.business_id_scheme) else {
        return Ok(Vec::new());
    };
    let offered: Vec<i32> = price_package_offer::Entity::find()
        .filter(price_package_offer::Column::PartnerId.eq(o.partner_id))
        .all(db)
        .await?
        .into_iter()
        .map(|x| x.price_package_id)
        .collect();
    let mut out: Vec<PackageOption> = price_package::Entity::find()
        .filter(price_package::Column::Id.is_in(offered))
        .filter(price_package::Column::Market.eq(scheme.market()))
        .filter(price_package::Column::VisibleInSignup.eq(true))
        .all(db)
        .await?
        .iter()
        .map(|p| PackageOption {
            id: p.id,
            label: package_label(p),
            market: p.market.as_str().to_owned(),
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(out)
}

/// The review page of the order behind `token`. The first look by someone who may submit it
/// marks it `MERCHANT_VIEWED`.
pub async fn view<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    token: &str,
) -> Result<SignUpView, AppError> {
    let mut o = open_link(db, actor, token).await?;
    let (customer, org) = who(db, actor, &o).await?;
    // Another company's order is none of this person's business.
    if customer == SignUpCustomer::Outsider {
        return Err(AppError::Forbidden);
    }
    let may_submit = matches!(customer, SignUpCustomer::Admin { .. } | SignUpCustomer::New);
    if may_submit && o.status == ProductOrderStatus::Received {
        let (actor2, o2) = (actor.clone(), o.clone());
        let viewed = write(db, move |txn| {
            Box::pin(async move {
                let org = o2.customer_id;
                advance(
                    txn,
                    &actor2,
                    org,
                    &o2,
                    ProductOrderStatus::MerchantViewed,
                    "",
                )
                .await
            })
        })
        .await;
        // Someone else's first look may have come first: either way it is viewed now.
        if viewed.is_ok() || matches!(viewed, Err(AppError::Conflict(_))) {
            o.status = po::Entity::find_by_id(o.id)
                .one(db)
                .await?
                .map_or(ProductOrderStatus::MerchantViewed, |n| n.status);
        }
    }
    let p = product::Entity::find_by_id(o.product_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let partner = organization::Entity::find_by_id(o.partner_id)
        .one(db)
        .await?
        .map(|x| x.name)
        .unwrap_or_default();
    let active = product_version::Entity::find()
        .filter(product_version::Column::ProductId.eq(p.id))
        .filter(product_version::Column::State.eq(VersionState::Active))
        .one(db)
        .await?;
    let (functions, event_types) = match active {
        Some(v) => version_access(db, v.id).await?,
        None => (Vec::new(), Vec::new()),
    };
    let has_logo = product_order_logo::Entity::find()
        .filter(product_order_logo::Column::ProductOrderId.eq(o.id))
        .count(db)
        .await?
        > 0;
    let packages = if o.package_locked {
        let locked = match o.price_package_id {
            Some(id) => price_package::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        locked
            .iter()
            .map(|p| PackageOption {
                id: p.id,
                label: package_label(p),
                market: p.market.as_str().to_owned(),
            })
            .collect()
    } else {
        choosable(db, &o).await?
    };
    let follow_org = match (&customer, org) {
        (SignUpCustomer::Admin { org_id, .. }, _) => Some(*org_id),
        (SignUpCustomer::Member { .. }, Some(org)) => Some(org.id),
        _ => None,
    };
    Ok(SignUpView {
        order_id: o.public_id.clone(),
        order_type: o.order_type,
        status: o.status,
        product_name: p.name,
        product_description: p.description,
        partner_name: partner,
        functions,
        event_types,
        business_identifier: business_identifier(&o),
        customer,
        customer_name: o.customer_name.clone().unwrap_or_default(),
        sales_unit_name: o.sales_unit_name.clone(),
        has_logo,
        price_package: o.price_package_id,
        package_locked: o.package_locked,
        packages,
        note: o.note.clone(),
        expires_at: o.expires_at.map(local),
        follow_org,
    })
}

/// What the customer sends with "Submit".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubmitInput {
    pub sales_unit_name: String,
    /// The company's name, for a customer new to Portico.
    pub customer_name: String,
    pub price_package_id: Option<i32>,
    /// The explicit consent to what the product will access.
    pub consent: bool,
}

/// "Submit": the order goes to the operator's review (`ORDER_SUBMITTED`), or, when the operator
/// approves known customers' orders at once, is completed (see [`super::decide`]).
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    token: &str,
    input: SubmitInput,
) -> Result<po::Model, AppError> {
    let lang = actor.lang;
    let o = open_link(db, actor, token).await?;
    if !o.status.is_open() {
        return Err(super::already(lang, o.status));
    }
    let (customer, _) = who(db, actor, &o).await?;
    let customer_id = match customer {
        SignUpCustomer::Admin { org_id, .. } => Some(org_id),
        SignUpCustomer::New => None,
        SignUpCustomer::Member { name } => {
            return Err(AppError::invalid(t!(
                lang,
                "product-order-only-admins",
                customer = name
            )))
        }
        SignUpCustomer::Outsider => {
            return Err(AppError::invalid(t!(lang, "product-order-outsider")))
        }
    };
    if !input.consent {
        return Err(AppError::invalid(t!(lang, "product-order-consent-needed")));
    }
    let sales_unit_name = valid_name(lang, &input.sales_unit_name)?;
    let customer_name = match customer_id {
        Some(_) => o.customer_name.clone(),
        None => Some(validate::name(
            lang,
            &input.customer_name,
            &t!(lang, "product-order-company-name"),
        )?),
    };
    let package = if o.package_locked {
        o.price_package_id
    } else {
        match input.price_package_id {
            None => None,
            Some(id) if choosable(db, &o).await?.iter().any(|p| p.id == id) => Some(id),
            Some(_) => return Err(AppError::invalid(t!(lang, "product-order-package-unknown"))),
        }
    };
    let (actor2, o2) = (actor.clone(), o.clone());
    let submitted = write(db, move |txn| {
        Box::pin(async move {
            advance(
                txn,
                &actor2,
                customer_id,
                &o2,
                ProductOrderStatus::OrderSubmitted,
                "",
            )
            .await?;
            let mut m: po::ActiveModel = o2.into();
            m.status = Set(ProductOrderStatus::OrderSubmitted);
            m.sales_unit_name = Set(sales_unit_name);
            m.customer_name = Set(customer_name);
            m.customer_id = Set(customer_id);
            m.price_package_id = Set(package);
            m.submitted_by = Set(actor2.user_id);
            m.submitted_at = Set(Some(now()));
            m.updated_at = Set(now());
            Ok(m.update(txn).await?)
        })
    })
    .await?;
    super::auto_approve::after_submit(db, config, actor, submitted).await
}

/// Replaces the logo the order brings for its new sales unit (the person who may submit it,
/// while it is open).
pub async fn set_logo<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    token: &str,
    data: &[u8],
) -> Result<(), AppError> {
    let o = open_link(db, actor, token).await?;
    if !o.status.is_open() {
        return Err(super::already(actor.lang, o.status));
    }
    if !matches!(
        who(db, actor, &o).await?.0,
        SignUpCustomer::Admin { .. } | SignUpCustomer::New
    ) {
        return Err(AppError::Forbidden);
    }
    let png = picture::normalize(actor.lang, data)?;
    write(db, move |txn| {
        Box::pin(async move {
            product_order_logo::Entity::delete_many()
                .filter(product_order_logo::Column::ProductOrderId.eq(o.id))
                .exec(txn)
                .await?;
            product_order_logo::ActiveModel {
                product_order_id: Set(o.id),
                data: Set(png),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(())
        })
    })
    .await
}

/// The logo the order brings, for anyone who may open its link or see the order.
pub async fn logo(db: &impl ConnectionTrait, order_id: i32) -> Result<Option<Vec<u8>>, AppError> {
    Ok(product_order_logo::Entity::find()
        .filter(product_order_logo::Column::ProductOrderId.eq(order_id))
        .one(db)
        .await?
        .map(|l| l.data))
}
