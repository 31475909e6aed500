//! Fixed-window rate limits kept in the database, so they hold across restarts and instances.
use super::clock::now;
use crate::error::AppError;
use crate::server::entities::rate_limit_event as rle;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

/// Records one hit on `key`, or refuses with [`AppError::RateLimited`] when `limit` hits already
/// happened within `window`.
pub async fn hit(
    db: &impl ConnectionTrait,
    key: &str,
    limit: u64,
    window: chrono::Duration,
) -> Result<(), AppError> {
    let since = now() - window;
    rle::Entity::delete_many()
        .filter(rle::Column::Key.eq(key))
        .filter(rle::Column::At.lt(since))
        .exec(db)
        .await?;
    let recent = rle::Entity::find()
        .filter(rle::Column::Key.eq(key))
        .count(db)
        .await?;
    if recent >= limit {
        return Err(AppError::RateLimited);
    }
    rle::ActiveModel {
        key: Set(key.chars().take(300).collect()),
        at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
