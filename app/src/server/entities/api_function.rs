//! One function of the operator's API catalog.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_functions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Unique: lower-case words joined by dots, like `estates.read`.
    pub key: String,
    pub name: String,
    /// The catalog area the picker groups it under.
    pub area: String,
    pub description: String,
    pub http_method: String,
    pub path: String,
    /// JSON array of event types; `[]` when the function does not support push.
    pub push_event_types: String,
    /// JSON array of [`crate::features::catalog::dto::FilterDimension`].
    pub filter_dimensions: String,
    /// The sales object kind (such as `estate`) the function acts on, when it acts on one
    /// object's data: an order integration product may then call it only for objects it has an
    /// order for (rule 12). `None`: installation-wide.
    pub object_type: Option<String>,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
