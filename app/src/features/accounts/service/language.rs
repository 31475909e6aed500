//! The language a user chose: saved on the user, so their pages and e-mails follow them to
//! any browser.
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::entities::user;
use crate::server::scope::Actor;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

/// Saves `lang` as the signed-in actor's language.
pub async fn set_language(
    db: &impl ConnectionTrait,
    actor: &Actor,
    lang: Lang,
) -> Result<(), AppError> {
    let id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    let u = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    if u.locale != Some(lang) {
        let mut m: user::ActiveModel = u.into();
        m.locale = Set(Some(lang));
        m.update(db).await?;
    }
    Ok(())
}

/// The language a user signing in continues in: the one they saved; a user who never chose
/// keeps the one they were reading (which is saved for them).
pub async fn on_sign_in(
    db: &impl ConnectionTrait,
    u: &user::Model,
    reading: Lang,
) -> Result<Lang, AppError> {
    if let Some(saved) = u.locale {
        return Ok(saved);
    }
    let mut m: user::ActiveModel = u.clone().into();
    m.locale = Set(Some(reading));
    m.update(db).await?;
    Ok(reading)
}
