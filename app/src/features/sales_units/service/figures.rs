//! The partner dashboard's figures: products (active, draft), sales units, upgrades pending and
//! failing push subscriptions, in a handful of counting queries whatever the numbers.
use super::connection::connected_ids;
use crate::error::AppError;
use crate::features::sales_units::dto::PartnerFigures;
use crate::glossary::{ProductStatus, SubscriptionStatus};
use crate::server::entities::{installation, product, push_subscription};
use crate::server::scope::{require_partner, Actor};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

/// The partner's figures.
pub async fn partner_figures(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<PartnerFigures, AppError> {
    require_partner(db, actor, org_id).await?;
    let products: Vec<(i32, ProductStatus)> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::Status)
        .filter(product::Column::PartnerId.eq(org_id))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i32> = products.iter().map(|p| p.0).collect();
    let count = |status: ProductStatus| products.iter().filter(|p| p.1 == status).count() as u64;
    let units = |pending: bool| {
        installation::Entity::find()
            .filter(installation::Column::Id.in_subquery(installation::visible_ids()))
            .filter(installation::Column::Id.in_subquery(connected_ids(&ids, pending)))
            .count(db)
    };
    let failing = push_subscription::Entity::find()
        .filter(push_subscription::Column::ProductId.is_in(ids.clone()))
        .filter(push_subscription::Column::Status.eq(SubscriptionStatus::Enabled))
        .filter(push_subscription::Column::FailingSince.is_not_null())
        .count(db)
        .await?;
    Ok(PartnerFigures {
        active_products: count(ProductStatus::Active),
        draft_products: count(ProductStatus::Draft),
        sales_units: units(false).await?,
        upgrades_pending: units(true).await?,
        failing_subscriptions: failing,
    })
}
