//! Database sessions behind a random cookie: started by the sign-in flow (accounts), looked up by
//! the request context on every signed-in request, ended by signing out. Only the cookie value's
//! hash is stored.
use super::clock::now;
use super::entities::{session, user};
use super::secrets::{hash_token, new_token};
use crate::error::AppError;
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// How long a session lives without being used.
pub const SESSION_TTL: Duration = Duration::days(30);

/// Starts a session for the user; returns the cookie value (never stored).
pub async fn start(
    db: &impl ConnectionTrait,
    user_id: i32,
    ip: Option<String>,
    user_agent: Option<String>,
) -> Result<String, AppError> {
    let token = new_token();
    let at = now();
    session::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(hash_token(&token)),
        created_at: Set(at),
        last_seen_at: Set(at),
        expires_at: Set(at + SESSION_TTL),
        ip: Set(ip),
        user_agent: Set(user_agent.map(|u| u.chars().take(300).collect())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user of a live session, refreshing its expiry at most once a minute. A session older than
/// `max_age` has ended, however often it was used.
pub async fn user_of(
    db: &impl ConnectionTrait,
    session_token: &str,
    max_age: Duration,
) -> Result<Option<user::Model>, AppError> {
    let Some(s) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash_token(session_token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let at = now();
    if s.expires_at <= at || s.created_at + max_age <= at {
        session::Entity::delete_by_id(s.id).exec(db).await?;
        return Ok(None);
    }
    let (user_id, s_created) = (s.user_id, s.created_at);
    if at - s.last_seen_at > Duration::minutes(1) {
        let mut m: session::ActiveModel = s.into();
        m.last_seen_at = Set(at);
        m.expires_at = Set((at + SESSION_TTL).min(s_created + max_age));
        m.update(db).await?;
    }
    Ok(user::Entity::find_by_id(user_id).one(db).await?)
}

/// Ends every session of a user ("Sign out everywhere"). Returns how many ended.
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, AppError> {
    let res = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// Ends a session on the server (the cookie alone is then worthless).
pub async fn end(db: &impl ConnectionTrait, session_token: &str) -> Result<(), AppError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(hash_token(session_token)))
        .exec(db)
        .await?;
    Ok(())
}
