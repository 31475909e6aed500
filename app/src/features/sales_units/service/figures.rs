//! The dashboards' figures, in a handful of counting queries whatever the numbers: a partner's
//! products (active, draft), sales units, upgrades pending, failing push subscriptions and the
//! latest month's commission; a customer's installations, products in use and upgrades
//! available; the operator's partners, customers, sales units and price packages.
use super::connection::connected_ids;
use crate::error::AppError;
use crate::features::pricing::service::commission_read;
use crate::features::sales_units::dto::{
    CustomerFigures, OperatorFigures, OrgFigures, PartnerFigures,
};
use crate::glossary::{ActiveStatus, OrgKind, ProductStatus, SubscriptionStatus};
use crate::server::entities::{
    activation, installation, organization, price_package, product, push_subscription,
};
use crate::server::scope::{require_member, require_partner, Actor};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, QueryTrait,
};

/// The partner's figures.
pub async fn partner_figures(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<PartnerFigures, AppError> {
    require_partner(db, actor, org_id).await?;
    partner_counts(db, org_id).await
}

/// Partner `org_id`'s figures (the caller authorizes).
async fn partner_counts(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<PartnerFigures, AppError> {
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
    let latest_commission = commission_read::latest(db, org_id).await?;
    Ok(PartnerFigures {
        latest_commission,
        active_products: count(ProductStatus::Active),
        draft_products: count(ProductStatus::Draft),
        sales_units: units(false).await?,
        upgrades_pending: units(true).await?,
        failing_subscriptions: failing,
    })
}

/// A customer's figures: its active installations, the products they run, and how many have
/// an upgrade available.
pub async fn customer_figures(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<CustomerFigures, AppError> {
    let own = || {
        installation::Entity::find()
            .filter(installation::Column::CustomerId.eq(org_id))
            .filter(installation::Column::Id.in_subquery(installation::visible_ids()))
    };
    let own_ids = own()
        .select_only()
        .column(installation::Column::Id)
        .into_query();
    let mut products: Vec<i32> = activation::Entity::find()
        .select_only()
        .column(activation::Column::ProductId)
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .filter(activation::Column::InstallationId.in_subquery(own_ids))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    products.sort_unstable();
    products.dedup();
    Ok(CustomerFigures {
        installations: own().count(db).await?,
        products: products.len() as u64,
        upgrades_available: own()
            .filter(installation::Column::Id.in_subquery(connected_ids(&products, true)))
            .count(db)
            .await?,
    })
}

/// The operator's figures: active partners and customers, sales units and price packages.
pub async fn operator_figures(db: &impl ConnectionTrait) -> Result<OperatorFigures, AppError> {
    let orgs = |kind: OrgKind| {
        organization::Entity::find()
            .filter(organization::Column::Kind.eq(kind))
            .filter(organization::Column::Status.eq(ActiveStatus::Active))
            .count(db)
    };
    Ok(OperatorFigures {
        partners: orgs(OrgKind::Partner).await?,
        customers: orgs(OrgKind::Customer).await?,
        sales_units: installation::Entity::find()
            .filter(installation::Column::Id.in_subquery(installation::visible_ids()))
            .count(db)
            .await?,
        price_packages: price_package::Entity::find().count(db).await?,
    })
}

/// The dashboard's figures of organization `org_id`, for whatever kind it is.
pub async fn figures(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<OrgFigures, AppError> {
    let (org, _) = require_member(db, actor, org_id).await?;
    Ok(match org.kind {
        OrgKind::Partner => OrgFigures::Partner(partner_counts(db, org_id).await?),
        OrgKind::Customer => OrgFigures::Customer(customer_figures(db, org_id).await?),
        OrgKind::Operator => OrgFigures::Operator(operator_figures(db).await?),
    })
}
