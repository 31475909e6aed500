//! Platform service tokens (`Authorization: Bearer pst_...`): what the platform's own services
//! use to publish events and post data. Shown once when issued; only the hash is stored.
use super::audit;
use super::clock::now;
use super::entities::service_token;
use super::scope::Actor;
use super::secrets::{constant_time_eq, hash_token, new_token};
use crate::error::AppError;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// `issue-service-token`: a new platform service token, returned once and stored as a hash.
pub async fn issue(db: &impl ConnectionTrait, name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(AppError::invalid(
            "The token name must be 1 to 100 characters.",
        ));
    }
    let token = format!("pst_{}", new_token());
    service_token::ActiveModel {
        name: Set(name.to_owned()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(db, &Actor::cli(), None, "service_token.issued", name, "").await?;
    Ok(token)
}

/// The name of the platform service a bearer token belongs to, or `None`.
pub async fn service_for_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<String>, AppError> {
    let hash = hash_token(token);
    let found = service_token::Entity::find()
        .filter(service_token::Column::TokenHash.eq(&hash))
        .filter(service_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    Ok(found
        .filter(|t| constant_time_eq(&t.token_hash, &hash))
        .map(|t| t.name))
}
