//! The profile page: a user's own name, user ID and language, and the browsers they are signed
//! in on, each of which they can sign out. Everything here is about the acting user only: no
//! argument names another user, so there is nobody else's profile to reach.
use crate::error::AppError;
use crate::features::accounts::dto::{ProfileDto, SignedInBrowser, PROFILE_SESSIONS};
use crate::i18n::Lang;
use crate::server::audit;
use crate::server::clock::{local, now};
use crate::server::entities::{session, user};
use crate::server::scope::Actor;
use crate::server::secrets::hash_token;
use crate::server::validate;
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// The acting user's row; a key or the command line has no profile.
async fn me(db: &impl ConnectionTrait, actor: &Actor) -> Result<user::Model, AppError> {
    let id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotSignedIn)
}

/// The profile of the acting user. `current_session` is this browser's session cookie, which
/// marks its row ("This browser").
pub async fn profile(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current_session: Option<&str>,
) -> Result<ProfileDto, AppError> {
    let u = me(db, actor).await?;
    let live = session::Entity::find()
        .filter(session::Column::UserId.eq(u.id))
        .filter(session::Column::ExpiresAt.gt(now()));
    let total = live.clone().count(db).await?;
    let current = current_session.map(hash_token);
    let sessions = live
        .order_by_desc(session::Column::LastSeenAt)
        .order_by_desc(session::Column::Id)
        .limit(PROFILE_SESSIONS)
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            let (browser, system) = s.user_agent.as_deref().map(device_of).unwrap_or_default();
            SignedInBrowser {
                id: s.id,
                signed_in_at: local(s.created_at),
                last_seen_at: local(s.last_seen_at),
                ip: s.ip,
                browser: browser.map(str::to_owned),
                system: system.map(str::to_owned),
                current: current.as_deref() == Some(s.token_hash.as_str()),
            }
        })
        .collect::<Vec<_>>();
    Ok(ProfileDto {
        user_id: u.public_id,
        email: u.email,
        name: u.name,
        language: u.locale,
        more_sessions: total.saturating_sub(sessions.len() as u64),
        sessions,
    })
}

/// A person's name as they write it: 2 to 200 characters after trimming, no control characters
/// (a name is shown in e-mails and lists, where a line break would forge a line).
fn person_name(lang: Lang, raw: &str) -> Result<String, AppError> {
    let name = validate::name(lang, raw, &t!(lang, "name"))?;
    if name.chars().any(char::is_control) {
        return Err(AppError::invalid(t!(lang, "profile-name-control")));
    }
    Ok(name)
}

/// "Save" on the profile's name; returns the name as saved.
pub async fn rename(
    db: &impl ConnectionTrait,
    actor: &Actor,
    raw: &str,
) -> Result<String, AppError> {
    let name = person_name(actor.lang, raw)?;
    let u = me(db, actor).await?;
    if u.name != name {
        let mut m: user::ActiveModel = u.into();
        m.name = Set(name.clone());
        m.update(db).await?;
        audit::record(db, actor, None, "user.renamed", &actor.label, &name).await?;
    }
    Ok(name)
}

/// "Sign out" on one of the profile's browsers. Another user's session is not found, whether or
/// not it exists.
pub async fn end_session(
    db: &impl ConnectionTrait,
    actor: &Actor,
    session_id: i32,
) -> Result<(), AppError> {
    let u = me(db, actor).await?;
    let ended = session::Entity::delete_many()
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::UserId.eq(u.id))
        .exec(db)
        .await?
        .rows_affected;
    if ended == 0 {
        return Err(AppError::NotFound);
    }
    let what = format!("session {session_id}");
    audit::record(db, actor, None, "user.session_ended", &actor.label, &what).await
}

/// The browser and the system a user agent names, when recognized (the order matters: Edge and
/// Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux").
pub fn device_of(ua: &str) -> (Option<&'static str>, Option<&'static str>) {
    let has = |s: &str| ua.contains(s);
    let browser = if has("Edg/") || has("EdgA/") || has("EdgiOS/") {
        Some("Edge")
    } else if has("OPR/") || has("Opera") {
        Some("Opera")
    } else if has("Firefox/") || has("FxiOS/") {
        Some("Firefox")
    } else if has("Chrome/") || has("Chromium/") || has("CriOS/") {
        Some("Chrome")
    } else if has("Safari/") {
        Some("Safari")
    } else {
        None
    };
    let system = if has("Android") {
        Some("Android")
    } else if has("iPhone") || has("iPad") {
        Some("iOS")
    } else if has("Windows") {
        Some("Windows")
    } else if has("CrOS") {
        Some("ChromeOS")
    } else if has("Macintosh") || has("Mac OS X") {
        Some("macOS")
    } else if has("Linux") {
        Some("Linux")
    } else {
        None
    };
    (browser, system)
}
