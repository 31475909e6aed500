//! One customer environment (a sales unit).
pub use crate::glossary::ActiveStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "installations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The platform's ID, such as `MSVPAR` (unique, upper case).
    pub installation_id: String,
    pub name: String,
    /// The customer organization (`organizations.id`).
    pub customer_id: i32,
    /// A deactivated installation is unknown to every access check.
    pub status: ActiveStatus,
    /// The one partner sandbox installation.
    pub is_sandbox: bool,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();

/// The row IDs of the installations partners may see: active ones of active customers (the
/// glossary's sales units, before the connection to a partner). Deactivated ones vanish from
/// every partner view, so every partner-facing query filters through this one sub-select.
pub fn visible_ids() -> sea_orm::sea_query::SelectStatement {
    use super::organization;
    use sea_orm::{QuerySelect, QueryTrait};
    let active_customers = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .into_query();
    Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::Status.eq(ActiveStatus::Active))
        .filter(Column::CustomerId.in_subquery(active_customers))
        .into_query()
}

/// [`visible_ids`] as a condition on the installation row itself (active, of an active
/// customer): the database checks it row by row instead of listing every visible installation,
/// which costs a page of a partner with many sales units its whole table. The customer is
/// checked by a correlated `EXISTS`, so that a page keeps walking installations in the order it
/// shows them rather than collecting every installation of the active customers to sort them.
pub fn visible() -> sea_orm::Condition {
    use super::organization;
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{QuerySelect, QueryTrait};
    let active_customer = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .filter(
            Expr::col((organization::Entity, organization::Column::Id))
                .equals((Entity, Column::CustomerId)),
        )
        .into_query();
    sea_orm::Condition::all()
        .add(Column::Status.eq(ActiveStatus::Active))
        .add(Expr::exists(active_customer))
}

/// The installation `installation_id` (in any case) when it is active and so is its customer,
/// in one query: what access decisions, events and orders act on. `None` for an unknown or a
/// deactivated one alike.
pub async fn find_visible(
    db: &impl sea_orm::ConnectionTrait,
    installation_id: &str,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::InstallationId.eq(installation_id.trim().to_uppercase()))
        .filter(visible())
        .one(db)
        .await
}
