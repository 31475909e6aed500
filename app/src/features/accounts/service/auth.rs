//! Passwordless sign-in: single-use e-mailed links (stored only as hashes) and database sessions.
use super::orgs;
use crate::error::AppError;
use crate::features::accounts::dto::{LinkPreview, SessionDto};
use crate::server::clock::now;
use crate::server::entities::sign_in_token::{self as sit, LinkPurpose};
use crate::server::entities::{invitation, organization, user};
use crate::server::scope::Actor;
use crate::server::secrets::{hash_token, new_token};
use crate::server::{audit, mail, rate_limit, session, validate, Config};
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

/// How long an e-mailed sign-in link stays valid.
pub const SIGN_IN_LINK_TTL: Duration = Duration::minutes(15);
/// How long an invitation link stays valid.
pub const INVITATION_TTL: Duration = Duration::days(7);
/// Sign-in requests allowed per address, and per client, in [`RATE_WINDOW`].
pub const PER_ADDRESS_LIMIT: u64 = 5;
pub const PER_CLIENT_LIMIT: u64 = 100;
pub const RATE_WINDOW: Duration = Duration::minutes(15);

/// Handles "Sign in": validates the address and, when it belongs to a user, e-mails a link.
/// Answers the same whether or not the address is known, so nobody can probe for accounts.
pub async fn request_sign_in(
    db: &impl ConnectionTrait,
    config: &Config,
    raw_email: &str,
    client: &str,
) -> Result<(), AppError> {
    let email = validate::email(raw_email)?;
    rate_limit::hit(
        db,
        &format!("sign-in:client:{client}"),
        PER_CLIENT_LIMIT,
        RATE_WINDOW,
    )
    .await?;
    rate_limit::hit(
        db,
        &format!("sign-in:address:{email}"),
        PER_ADDRESS_LIMIT,
        RATE_WINDOW,
    )
    .await?;
    let Some(user) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
    else {
        tracing::info!("sign-in requested for an unknown address");
        return Ok(());
    };
    let token = issue_link_token(db, user.id, LinkPurpose::SignIn, None, SIGN_IN_LINK_TTL).await?;
    let link = format!("{}/sign-in/confirm?token={token}", config.public_url);
    let body = format!(
        "Hello,\n\nSomeone (hopefully you) asked to sign in to Portico as {email}.\n\n\
         Sign in: {link}\n\nThe link works once and expires in 15 minutes. If you did not ask \
         for it, ignore this message.\n"
    );
    mail::enqueue(db, &email, "Your Portico sign-in link", &body).await
}

/// Creates a single-use link token and returns the token itself (only its hash is stored).
pub async fn issue_link_token(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: LinkPurpose,
    organization_id: Option<i32>,
    ttl: Duration,
) -> Result<String, AppError> {
    let token = new_token();
    let at = now();
    sit::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(hash_token(&token)),
        purpose: Set(purpose),
        organization_id: Set(organization_id),
        created_at: Set(at),
        expires_at: Set(at + ttl),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

async fn usable_token(db: &impl ConnectionTrait, token: &str) -> Result<sit::Model, AppError> {
    let found = sit::Entity::find()
        .filter(sit::Column::TokenHash.eq(hash_token(token.trim())))
        .one(db)
        .await?;
    match found {
        Some(t) if t.used_at.is_none() && t.expires_at > now() => Ok(t),
        _ => Err(AppError::LinkExpired),
    }
}

/// What the confirmation page shows for a link, without using it up (mail scanners follow links).
pub async fn preview_link(db: &impl ConnectionTrait, token: &str) -> Result<LinkPreview, AppError> {
    let t = usable_token(db, token).await?;
    let user = user::Entity::find_by_id(t.user_id)
        .one(db)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let organization_name = match t.organization_id {
        Some(id) => organization::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|o| o.name),
        None => None,
    };
    Ok(LinkPreview {
        email: user.email,
        organization_name,
    })
}

/// A new session: the cookie value (never stored) and the user it belongs to.
pub struct NewSession {
    pub token: String,
    pub user: user::Model,
}

/// Uses a link (once) and starts a session. A second use, an expired or unknown link fails
/// with [`AppError::LinkExpired`].
pub async fn confirm_link<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    token: &str,
    ip: Option<String>,
    user_agent: Option<String>,
) -> Result<NewSession, AppError> {
    let token = token.to_owned();
    db.transaction::<_, NewSession, AppError>(|txn| {
        Box::pin(async move {
            let t = usable_token(txn, &token).await?;
            // Claim the token with a conditional update so two concurrent uses cannot both win.
            let claimed = sit::Entity::update_many()
                .col_expr(sit::Column::UsedAt, Expr::value(now()))
                .filter(sit::Column::Id.eq(t.id))
                .filter(sit::Column::UsedAt.is_null())
                .exec(txn)
                .await?;
            if claimed.rows_affected != 1 {
                return Err(AppError::LinkExpired);
            }
            let user = user::Entity::find_by_id(t.user_id)
                .one(txn)
                .await?
                .ok_or(AppError::LinkExpired)?;
            let mut u: user::ActiveModel = user.clone().into();
            u.last_sign_in_at = Set(Some(now()));
            let user = u.update(txn).await?;
            if t.purpose == LinkPurpose::Invitation {
                invitation::Entity::update_many()
                    .col_expr(invitation::Column::AcceptedAt, Expr::value(now()))
                    .filter(invitation::Column::UserId.eq(user.id))
                    .filter(invitation::Column::AcceptedAt.is_null())
                    .exec(txn)
                    .await?;
            }
            let session_token = session::start(txn, user.id, ip.clone(), user_agent).await?;
            let actor = Actor::user(user.id, &user.email, ip);
            audit::record(
                txn,
                &actor,
                t.organization_id,
                "user.signed_in",
                &user.email,
                match t.purpose {
                    LinkPurpose::SignIn => "sign_in",
                    LinkPurpose::Invitation => "invitation",
                },
            )
            .await?;
            Ok(NewSession {
                token: session_token,
                user,
            })
        })
    })
    .await
    .map_err(Into::into)
}

/// The header's view of a signed-in user.
pub async fn session_dto(
    db: &impl ConnectionTrait,
    config: &Config,
    user: &user::Model,
) -> Result<SessionDto, AppError> {
    Ok(SessionDto {
        email: user.email.clone(),
        name: user.name.clone(),
        memberships: orgs::memberships_of(db, user.id).await?,
        env_badge: config.env_badge(),
    })
}
