//! Orders customers start themselves: from a partner's template link (`TEMPLATE`), or on
//! their own from the suppliers page (`MANUAL`, naming the product's partner). Each opens for
//! the person's review at once (`MERCHANT_VIEWED`).
use super::create::{insert, offered_package, NewOrder};
use super::customer_with;
use crate::error::AppError;
use crate::features::sales_units::service::edit::valid_name;
use crate::glossary::{ProductOrderStatus, ProductOrderType, ProductStatus};
use crate::server::entities::product;
use crate::server::scope::Actor;
use crate::server::validate;
use crate::server::{db::write, Config};
use crate::t;
use sea_orm::{ConnectionTrait, EntityTrait, TransactionTrait};

/// A customer admin orders a product on its own (`MANUAL`), naming the product's partner; the
/// order opens for its review at once. Returns the review link's token.
pub async fn manual<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    customer_id: i32,
    product_id: i32,
) -> Result<String, AppError> {
    let lang = actor.lang;
    crate::server::scope::require_customer_admin(db, actor, customer_id).await?;
    let customer = crate::server::entities::organization::Entity::find_by_id(customer_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (Some(scheme), Some(id)) = (customer.business_id_scheme, customer.business_id) else {
        return Err(AppError::invalid(t!(
            lang,
            "product-order-customer-no-business-id"
        )));
    };
    let p = product::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .filter(|p| p.status == ProductStatus::Active)
        .filter(|p| p.access_mode == crate::glossary::AccessMode::All)
        .ok_or_else(|| AppError::invalid(t!(lang, "product-order-product-unknown")))?;
    let new = NewOrder {
        order_type: ProductOrderType::Manual,
        partner_id: p.partner_id,
        product_id: p.id,
        price_package_id: None,
        package_locked: false,
        business_id_scheme: scheme,
        business_id: id,
        customer_id: Some(customer_id),
        customer_name: None,
        sales_unit_name: customer.name.chars().take(40).collect::<String>(),
        contact_email: None,
        note: String::new(),
        template_id: None,
        idempotency: None,
        expires_in: None,
    };
    start_for_customer(db, config, actor, new).await
}

/// Inserts an order a customer starts itself and marks it viewed: the person is looking at it.
async fn start_for_customer<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    mut new: NewOrder,
) -> Result<String, AppError> {
    // A name the sales units' rule refuses becomes one it accepts; the customer may change it.
    if valid_name(actor.lang, &new.sales_unit_name).is_err() {
        new.sales_unit_name = new
            .sales_unit_name
            .chars()
            .filter(|c| c.is_alphanumeric() || " ()-_+.".contains(*c))
            .collect::<String>()
            .trim()
            .to_owned();
        if new.sales_unit_name.is_empty() {
            new.sales_unit_name = "Sales unit".into();
        }
    }
    let (config, actor) = (config.clone(), actor.clone());
    write(db, move |txn| {
        Box::pin(async move {
            let (o, token) = insert(txn, &config, &actor, new, None).await?;
            super::advance(
                txn,
                &actor,
                o.customer_id,
                &o,
                ProductOrderStatus::MerchantViewed,
                "",
            )
            .await?;
            Ok(token)
        })
    })
    .await
}

/// A signed-in person starts a `TEMPLATE` order from a template's link, for the customer
/// `customer_id` they administer, or for a company new to Portico (`new_customer`: scheme, ID
/// and name). Returns the review link's token.
pub async fn from_template<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    template: &crate::server::entities::product_order_template::Model,
    customer_id: Option<i32>,
    new_customer: Option<(String, String, String)>,
) -> Result<String, AppError> {
    let lang = actor.lang;
    let (scheme, id, customer, name) = match (customer_id, new_customer) {
        (Some(cid), _) => {
            crate::server::scope::require_customer_admin(db, actor, cid).await?;
            let c = crate::server::entities::organization::Entity::find_by_id(cid)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            let (Some(s), Some(i)) = (c.business_id_scheme.clone(), c.business_id.clone()) else {
                return Err(AppError::invalid(t!(
                    lang,
                    "product-order-customer-no-business-id"
                )));
            };
            (s, i, Some(c.id), c.name)
        }
        (None, Some((scheme, id, name))) => {
            crate::server::scope::require_person(actor)?;
            let bid = validate::business_identifier(lang, Some(&scheme), Some(&id))?
                .ok_or_else(|| AppError::invalid(t!(lang, "product-order-business-id-required")))?;
            let name = validate::name(lang, &name, &t!(lang, "product-order-company-name"))?;
            let scheme = bid.scheme.as_str().to_owned();
            // A company already on Portico is ordered for by its own administrators.
            if customer_with(db, &scheme, &bid.id).await?.is_some() {
                return Err(AppError::invalid(t!(lang, "product-order-customer-exists")));
            }
            (scheme, bid.id, None, name)
        }
        (None, None) => return Err(AppError::invalid(t!(lang, "product-order-choose-customer"))),
    };
    if let Some(package) = template.price_package_id {
        let market = crate::business_id::Scheme::parse(&scheme)
            .ok_or_else(|| AppError::invalid(t!(lang, "invalid-business-id-scheme")))?;
        offered_package(db, lang, template.partner_id, package, market).await?;
    }
    let new = NewOrder {
        order_type: ProductOrderType::Template,
        partner_id: template.partner_id,
        product_id: template.product_id,
        price_package_id: template.price_package_id,
        package_locked: template.price_package_id.is_some(),
        business_id_scheme: scheme,
        business_id: id,
        customer_id: customer,
        customer_name: customer.is_none().then(|| name.clone()),
        sales_unit_name: name.chars().take(40).collect(),
        contact_email: None,
        note: String::new(),
        template_id: Some(template.id),
        idempotency: None,
        expires_in: None,
    };
    start_for_customer(db, config, actor, new).await
}

/// The products a customer's admins may order on their own: active products open to every
/// installation, with their partners' names, by name.
pub async fn orderable_products(
    db: &impl ConnectionTrait,
    actor: &Actor,
    customer_id: i32,
) -> Result<Vec<(i32, String, String)>, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    crate::server::scope::require_customer(db, actor, customer_id).await?;
    let products = product::Entity::find()
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .filter(product::Column::AccessMode.eq(crate::glossary::AccessMode::All))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?;
    let partners = crate::server::entities::organization::Entity::find()
        .filter(
            crate::server::entities::organization::Column::Id
                .is_in(products.iter().map(|p| p.partner_id)),
        )
        .all(db)
        .await?;
    Ok(products
        .into_iter()
        .map(|p| {
            let partner = partners
                .iter()
                .find(|o| o.id == p.partner_id)
                .map(|o| o.name.clone())
                .unwrap_or_default();
            (p.id, p.name, partner)
        })
        .collect())
}
