//! Passwordless sign-in: single-use e-mailed links (stored only as hashes) and database sessions.
use super::orgs;
use crate::error::AppError;
use crate::features::accounts::dto::{LinkPreview, SessionDto};
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::sign_in_token::{self as sit, LinkPurpose};
use crate::server::entities::{invitation, organization, sign_in_request, user};
use crate::server::scope::Actor;
use crate::server::secrets::{hash_token, new_token};
use crate::server::{audit, mail, rate_limit, session, validate, Config, SignInLimits};
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// How long an e-mailed sign-in link stays valid.
pub const SIGN_IN_LINK_TTL: Duration = Duration::minutes(15);
/// How long an invitation link stays valid.
pub const INVITATION_TTL: Duration = Duration::days(7);

/// Handles "Sign in": validates the address, counts the request against the limits and queues
/// it for the sign-in job ([`answer_sign_in_requests`]), which mails a link when the address
/// belongs to a user. The request does the same work whether or not the address is known, so
/// neither its answer nor its timing tells anyone which addresses have accounts.
pub async fn request_sign_in(
    db: &impl ConnectionTrait,
    config: &Config,
    raw_email: &str,
    client: &str,
    lang: Lang,
) -> Result<(), AppError> {
    request_sign_in_then(db, config, raw_email, client, lang, None).await
}

/// [`request_sign_in`] whose link continues at `next` (a path on this site, else dropped) once
/// confirmed: a deep link opened signed out.
pub async fn request_sign_in_then(
    db: &impl ConnectionTrait,
    config: &Config,
    raw_email: &str,
    client: &str,
    lang: Lang,
    next: Option<&str>,
) -> Result<(), AppError> {
    let email = validate::email(lang, raw_email)?;
    let limits = config.sign_in_limits;
    let window = SignInLimits::WINDOW;
    rate_limit::hit(
        db,
        &format!("sign-in:client:{client}"),
        limits.per_client,
        window,
    )
    .await?;
    rate_limit::hit(
        db,
        &format!("sign-in:address:{email}"),
        limits.per_address,
        window,
    )
    .await?;
    sign_in_request::ActiveModel {
        email: Set(email),
        created_at: Set(now()),
        locale: Set(Some(lang)),
        // Anything but a path on this site is dropped: the link never leads elsewhere.
        next_path: Set(next.and_then(crate::paths::continue_at).map(str::to_owned)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The sign-in job: answers queued "Sign in" requests, each in its own transaction (a request
/// is claimed by deleting it, so two instances never answer one twice). Returns how many.
pub async fn answer_sign_in_requests<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
) -> Result<usize, AppError> {
    let pending = sign_in_request::Entity::find()
        .order_by_asc(sign_in_request::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let mut answered = 0;
    for request in pending {
        let config = config.clone();
        let done = crate::server::db::write(db, |txn| {
            Box::pin(async move {
                let claimed = sign_in_request::Entity::delete_by_id(request.id)
                    .exec(txn)
                    .await?;
                if claimed.rows_affected != 1 {
                    return Ok(false);
                }
                let lang = request.locale.unwrap_or(config.default_lang);
                let next = request.next_path.as_deref();
                mail_sign_in_link(txn, &config, &request.email, lang, next).await?;
                Ok(true)
            })
        })
        .await?;
        answered += usize::from(done);
    }
    Ok(answered)
}

/// Mails a sign-in link when the address belongs to a user.
async fn mail_sign_in_link(
    db: &impl ConnectionTrait,
    config: &Config,
    email: &str,
    asked_in: Lang,
    next: Option<&str>,
) -> Result<(), AppError> {
    let known = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?;
    let user = match known {
        Some(u) => u,
        // Someone new may sign in on their way to a live sign-up link (a product order, a
        // template): the link is their invitation. Anyone else unknown gets no mail.
        None if invited_by(db, next).await? => super::orgs::find_or_create_user(db, email).await?,
        None => {
            tracing::info!("sign-in requested for an unknown address");
            return Ok(());
        }
    };
    let token = issue_link_token(db, user.id, LinkPurpose::SignIn, None, SIGN_IN_LINK_TTL).await?;
    // Checked again: what was stored is read back, and bad stored data must not lead away.
    let then = next
        .and_then(crate::paths::continue_at)
        .map(|p| format!("&next={}", crate::paths::encode(p)))
        .unwrap_or_default();
    let link = format!(
        "{}/sign-in/confirm?token={}{then}",
        config.public_url,
        mail::SECRET
    );
    let lang = user.locale.unwrap_or(asked_in);
    let body = crate::t!(lang, "mail-sign-in-text", email = email, link = link);
    let subject = crate::t!(lang, "mail-sign-in-subject");
    mail::enqueue_with_secret(db, &config.secret_key, email, &subject, &body, &token).await
}

/// Whether `next` is a live sign-up link: an open product order's, or an active template's.
async fn invited_by(db: &impl ConnectionTrait, next: Option<&str>) -> Result<bool, AppError> {
    use crate::server::entities::{product_order as po, product_order_template as pot};
    let Some(rest) = next.and_then(|n| n.strip_prefix("/sign-up/")) else {
        return Ok(false);
    };
    let token = rest.split(['?', '#']).next().unwrap_or_default();
    if let Some(t) = token.strip_prefix("template/") {
        let live = pot::Entity::find()
            .filter(pot::Column::Token.eq(t))
            .filter(pot::Column::Status.eq(crate::glossary::TemplateStatus::Active))
            .one(db)
            .await?;
        return Ok(live.is_some());
    }
    let open = po::Entity::find()
        .filter(po::Column::LinkHash.eq(crate::server::secrets::hash_token(token)))
        .one(db)
        .await?
        .is_some_and(|o| o.status.is_open());
    Ok(open)
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
    crate::server::db::write(db, |txn| {
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
