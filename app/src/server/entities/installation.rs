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
