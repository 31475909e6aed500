//! Reading the catalog, and importing catalog files ([`import`]).
pub mod import;

pub use import::{import, import_as};

use super::dto::{ApiFunctionDto, FilterDimension};
use crate::error::AppError;
use crate::server::entities::{api_function as af, json};
use crate::server::scope::{require_member, Actor};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The event types of a push-capable function (empty when it has none); unreadable stored
/// values refuse.
pub fn event_types(f: &af::Model) -> Result<Vec<String>, AppError> {
    json(&f.push_event_types, "api_functions.push_event_types")
}

/// The filter dimensions of a function; unreadable stored values refuse.
pub fn dimensions(f: &af::Model) -> Result<Vec<FilterDimension>, AppError> {
    json(&f.filter_dimensions, "api_functions.filter_dimensions")
}

/// A function as the pages show it.
pub fn to_dto(f: &af::Model) -> Result<ApiFunctionDto, AppError> {
    Ok(ApiFunctionDto {
        key: f.key.clone(),
        name: f.name.clone(),
        area: f.area.clone(),
        description: f.description.clone(),
        method: f.http_method.clone(),
        path: f.path.clone(),
        push_event_types: event_types(f)?,
        filters: dimensions(f)?,
        object_type: f.object_type.clone(),
    })
}

/// Every function, by area and key.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<af::Model>, AppError> {
    ordered(db, Condition::all()).await
}

/// The functions with these IDs (those a version grants), by area and key: a page about one
/// product reads its own functions, not the whole catalog, which may hold thousands.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<af::Model>, AppError> {
    ordered(db, Condition::all().add(af::Column::Id.is_in(ids))).await
}

/// The functions with these keys (those a save names), by area and key.
pub async fn by_keys(
    db: &impl ConnectionTrait,
    keys: impl IntoIterator<Item = String>,
) -> Result<Vec<af::Model>, AppError> {
    ordered(db, Condition::all().add(af::Column::Key.is_in(keys))).await
}

/// The functions that meet `condition`, by area and key (the order every list shows).
async fn ordered(
    db: &impl ConnectionTrait,
    condition: Condition,
) -> Result<Vec<af::Model>, AppError> {
    Ok(af::Entity::find()
        .filter(condition)
        .order_by_asc(af::Column::Area)
        .order_by_asc(af::Column::Key)
        .all(db)
        .await?)
}

/// The catalog as the operator's catalog page and the picker show it.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Vec<ApiFunctionDto>, AppError> {
    require_member(db, actor, org_id).await?;
    all(db).await?.iter().map(to_dto).collect()
}
