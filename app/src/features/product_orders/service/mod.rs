//! Product orders' services: the partner starts them ([`create`], [`templates`]), the customer
//! reviews and submits them ([`review`]), the operator decides ([`decide`]), everyone reads
//! what is theirs ([`list`]), and unsubmitted prefills expire ([`expiry`]). What they share:
//! links, the timeline, forward-only moves.
pub mod auto_approve;
pub mod create;
pub mod decide;
pub mod expiry;
pub mod list;
pub mod review;
pub mod start;
pub mod templates;

use crate::error::AppError;
use crate::glossary::ProductOrderStatus;
use crate::server::clock::now;
use crate::server::entities::{
    organization, price_package, product_order as po, product_order_step,
};
use crate::server::secrets::{hash_token, new_token};
use crate::server::{audit, Config};
use crate::t;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A new link token: (the token for the URL, its hash to store, the token sealed for the
/// partner to read again).
pub fn new_link(config: &Config) -> (String, String, String) {
    let token = new_token();
    let hash = hash_token(&token);
    let sealed = config.secret_key.seal(&token);
    (token, hash, sealed)
}

/// The link of an order whose token is sealed in `sealed`.
pub fn link_of(config: &Config, sealed: Option<&str>) -> Option<String> {
    let token = config.secret_key.open(sealed?)?;
    Some(format!(
        "{}{}",
        config.public_url,
        crate::paths::sign_up(&token)
    ))
}

/// The order a link token opens, if any.
pub async fn by_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<po::Model>, AppError> {
    // A token Portico made is 43 URL-safe characters: anything else opens nothing.
    if token.len() != 43 {
        return Ok(None);
    }
    Ok(po::Entity::find()
        .filter(po::Column::LinkHash.eq(hash_token(token)))
        .one(db)
        .await?)
}

/// Appends a step to the order's timeline.
pub async fn record_step(
    db: &impl ConnectionTrait,
    order_id: i32,
    status: ProductOrderStatus,
    by: &str,
) -> Result<(), AppError> {
    product_order_step::ActiveModel {
        product_order_id: Set(order_id),
        status: Set(status),
        by_label: Set(by.chars().take(320).collect()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Moves `o` from the status it was read in to `to` (which must follow it): a compare-and-set,
/// so of two moves at once one wins and the other gets [`already`]. Records the step and the
/// audit entry (`action`, on behalf of the organization `acting_as`).
pub async fn advance(
    db: &impl ConnectionTrait,
    actor: &crate::server::scope::Actor,
    acting_as: Option<i32>,
    o: &po::Model,
    to: ProductOrderStatus,
    details: &str,
) -> Result<(), AppError> {
    if !o.status.may_become(to) {
        return Err(already(actor.lang, o.status));
    }
    let moved = po::Entity::update_many()
        .col_expr(po::Column::Status, Expr::value(to))
        .col_expr(po::Column::UpdatedAt, Expr::value(now()))
        .filter(po::Column::Id.eq(o.id))
        .filter(po::Column::Status.eq(o.status))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        let current = po::Entity::find_by_id(o.id)
            .one(db)
            .await?
            .map_or(o.status, |n| n.status);
        return Err(already(actor.lang, current));
    }
    record_step(db, o.id, to, &actor.label).await?;
    let action = format!("product_order.{}", to.as_str().to_lowercase());
    audit::record(db, actor, acting_as, &action, &o.public_id, details).await
}

/// "The order is already submitted": what a move that came too late is told.
pub fn already(lang: crate::i18n::Lang, status: ProductOrderStatus) -> AppError {
    AppError::Conflict(t!(
        lang,
        "product-order-already",
        status = status.label(lang).to_lowercase()
    ))
}

/// A price package as forms and lists show it: `Standard (2.99%)`.
pub fn package_label(p: &price_package::Model) -> String {
    format!("{} ({})", p.name, p.description)
}

/// The business identifier as people read it: `business:NO:ORG 923609016`.
pub fn business_identifier(o: &po::Model) -> String {
    format!("{} {}", o.business_id_scheme, o.business_id)
}

/// The customer organization with this business identifier, if one exists.
pub async fn customer_with(
    db: &impl ConnectionTrait,
    scheme: &str,
    id: &str,
) -> Result<Option<organization::Model>, AppError> {
    Ok(organization::Entity::find()
        .filter(organization::Column::Kind.eq(crate::glossary::OrgKind::Customer))
        .filter(organization::Column::BusinessIdScheme.eq(scheme))
        .filter(organization::Column::BusinessId.eq(id))
        .one(db)
        .await?)
}
