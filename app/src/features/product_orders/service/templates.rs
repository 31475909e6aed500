//! Product order templates: a partner admin makes a reusable sign-up link for one product (and
//! optionally one price package); any customer can start a `TEMPLATE` order from it. The
//! template's page counts the orders it started by status; a retired template starts none.
use super::create::{offered_package, orderable};
use super::list::{active_products, offered_to};
use super::package_label;
use crate::error::AppError;
use crate::features::product_orders::dto::{TemplateRow, TemplateStart, TemplatesView};
use crate::glossary::{OrgKind, ProductOrderStatus, Role, TemplateStatus};
use crate::server::clock::{local, now};
use crate::server::entities::{
    membership, organization, price_package, product, product_order as po,
    product_order_template as pot,
};
use crate::server::scope::{require_partner, require_partner_admin, require_person, Actor};
use crate::server::secrets::new_token;
use crate::server::{audit, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// The longest template name.
pub const MAX_NAME: usize = 100;

/// The link a template's customers open.
pub fn link(config: &Config, t: &pot::Model) -> String {
    format!(
        "{}{}",
        config.public_url,
        crate::paths::sign_up_template(&t.token)
    )
}

/// The partner's templates (any member; admins manage them).
pub async fn list(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
) -> Result<TemplatesView, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let templates = pot::Entity::find()
        .filter(pot::Column::PartnerId.eq(org_id))
        .order_by_desc(pot::Column::Id)
        .all(db)
        .await?;
    let products = product::Entity::find()
        .filter(product::Column::Id.is_in(templates.iter().map(|t| t.product_id)))
        .all(db)
        .await?;
    let packages = price_package::Entity::find()
        .filter(
            price_package::Column::Id.is_in(templates.iter().filter_map(|t| t.price_package_id)),
        )
        .all(db)
        .await?;
    let orders = po::Entity::find()
        .filter(po::Column::TemplateId.is_in(templates.iter().map(|t| t.id)))
        .all(db)
        .await?;
    let rows = templates
        .iter()
        .map(|t| {
            let mine: Vec<&po::Model> = orders
                .iter()
                .filter(|o| o.template_id == Some(t.id))
                .collect();
            let by_status = ProductOrderStatus::ALL
                .iter()
                .map(|s| (*s, mine.iter().filter(|o| o.status == *s).count() as u64))
                .filter(|(_, n)| *n > 0)
                .collect();
            TemplateRow {
                id: t.public_id.clone(),
                name: t.name.clone(),
                product_id: t.product_id,
                product_name: products
                    .iter()
                    .find(|p| p.id == t.product_id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                price_package: t
                    .price_package_id
                    .and_then(|id| packages.iter().find(|p| p.id == id))
                    .map(package_label),
                status: t.status,
                link: link(config, t),
                orders: mine.len() as u64,
                by_status,
                created_at: local(t.created_at),
            }
        })
        .collect();
    Ok(TemplatesView {
        rows,
        can_manage: role == Role::Admin,
        products: active_products(db, org_id).await?,
        packages: offered_to(db, org_id).await?,
    })
}

/// A partner admin makes a template; returns its ID.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    name: &str,
    product_id: i32,
    price_package_id: Option<i32>,
) -> Result<String, AppError> {
    let lang = actor.lang;
    require_partner_admin(db, actor, org_id).await?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::invalid(t!(
            lang,
            "template-name-invalid",
            max = MAX_NAME
        )));
    }
    let p = orderable(db, lang, org_id, product_id).await?;
    if let Some(id) = price_package_id {
        // Any market: the customer's business identifier decides whether it fits.
        let pkg = price_package::Entity::find_by_id(id).one(db).await?;
        let market = pkg.map(|p| p.market);
        let scheme = crate::business_id::Scheme::ALL
            .into_iter()
            .find(|s| Some(s.market()) == market)
            .ok_or_else(|| AppError::invalid(t!(lang, "product-order-package-unknown")))?;
        offered_package(db, lang, org_id, id, scheme).await?;
    }
    let t = pot::ActiveModel {
        public_id: Set(crate::features::push::service::subscriptions::public_id(
            "pot",
        )),
        partner_id: Set(org_id),
        product_id: Set(p.id),
        price_package_id: Set(price_package_id),
        name: Set(name.to_owned()),
        token: Set(new_token()),
        status: Set(TemplateStatus::Active),
        created_by: Set(actor.label.chars().take(320).collect()),
        created_at: Set(now()),
        retired_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "product_order_template.created",
        &t.public_id,
        name,
    )
    .await?;
    Ok(t.public_id)
}

/// A partner admin retires a template: its link starts no more orders.
pub async fn retire(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    id: &str,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let t = pot::Entity::find()
        .filter(pot::Column::PublicId.eq(id.trim()))
        .filter(pot::Column::PartnerId.eq(org_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if t.status == TemplateStatus::Retired {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "template-already-retired"
        )));
    }
    let public_id = t.public_id.clone();
    let mut m: pot::ActiveModel = t.into();
    m.status = Set(TemplateStatus::Retired);
    m.retired_at = Set(Some(now()));
    m.update(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "product_order_template.retired",
        &public_id,
        "",
    )
    .await
}

/// The template behind a link token (`None`: no such link).
pub async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<pot::Model>, AppError> {
    if token.len() != 43 {
        return Ok(None);
    }
    Ok(pot::Entity::find()
        .filter(pot::Column::Token.eq(token))
        .one(db)
        .await?)
}

/// What a template's link shows the signed-in person: the product, and the customers they may
/// order for.
pub async fn start_view(
    db: &impl ConnectionTrait,
    actor: &Actor,
    token: &str,
) -> Result<TemplateStart, AppError> {
    let user = require_person(actor)?;
    let t = by_token(db, token).await?.ok_or(AppError::LinkExpired)?;
    let p = product::Entity::find_by_id(t.product_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let partner = organization::Entity::find_by_id(t.partner_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let admin_of: Vec<i32> = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user))
        .filter(membership::Column::Role.eq(Role::Admin))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.organization_id)
        .collect();
    let customers = organization::Entity::find()
        .filter(organization::Column::Id.is_in(admin_of))
        .filter(organization::Column::Kind.eq(OrgKind::Customer))
        .filter(organization::Column::Status.eq(crate::glossary::ActiveStatus::Active))
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|o| {
            let bid = format!(
                "{} {}",
                o.business_id_scheme.as_deref()?,
                o.business_id.as_deref()?
            );
            Some((o.id, o.name, bid))
        })
        .collect();
    Ok(TemplateStart {
        name: t.name,
        product_name: p.name,
        partner_name: partner,
        active: t.status == TemplateStatus::Active
            && p.status == crate::glossary::ProductStatus::Active,
        customers,
    })
}
