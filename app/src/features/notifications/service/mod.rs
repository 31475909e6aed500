//! In-app notifications (the bell) with their e-mails, at most once per reason and user.
use super::dto::NotificationDto;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::clock::{local, now};
use crate::server::entities::notification;
use crate::server::scope::{admins_of, require_member, Actor};
use crate::server::{mail, Config};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// One in-app notification and one e-mail to every administrator of `org_id`, at most once per
/// `key` and user, each in the administrator's language: `message` gives the title and the
/// text in a language.
pub async fn notify_admins(
    db: &impl ConnectionTrait,
    config: &Config,
    org_id: i32,
    key: &str,
    message: impl Fn(Lang) -> (String, String),
    link: &str,
) -> Result<(), AppError> {
    for u in admins_of(db, org_id).await? {
        let lang = u.locale.unwrap_or(config.default_lang);
        let (title, body) = message(lang);
        let key = format!("{key}:{}", u.id);
        let exists = notification::Entity::find()
            .filter(notification::Column::DedupeKey.eq(&key))
            .count(db)
            .await?
            > 0;
        if exists {
            continue;
        }
        notification::ActiveModel {
            user_id: Set(u.id),
            organization_id: Set(org_id),
            dedupe_key: Set(key),
            title: Set(title.clone()),
            body: Set(body.clone()),
            link: Set(link.to_owned()),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let url = format!("{}{link}", config.public_url);
        let text = crate::t!(lang, "mail-notification", body = body, link = url);
        mail::enqueue(db, &u.email, &title, &text).await?;
    }
    Ok(())
}

/// The user's notifications about one organization, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Vec<NotificationDto>, AppError> {
    require_member(db, actor, org_id).await?;
    let user_id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::OrganizationId.eq(org_id))
        .order_by_desc(notification::Column::Id)
        .limit(100)
        .all(db)
        .await?
        .into_iter()
        .map(|n| NotificationDto {
            id: n.id,
            title: n.title,
            body: n.body,
            link: n.link,
            created_at: local(n.created_at),
            read: n.read_at.is_some(),
        })
        .collect())
}

/// Unread notifications per organization, for the bell.
pub async fn unread_counts(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<(i32, u64)>, AppError> {
    let orgs: Vec<i32> = notification::Entity::find()
        .select_only()
        .column(notification::Column::OrganizationId)
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .into_tuple::<i32>()
        .all(db)
        .await?;
    let mut counts: Vec<(i32, u64)> = Vec::new();
    for o in orgs {
        match counts.iter_mut().find(|(id, _)| *id == o) {
            Some((_, n)) => *n += 1,
            None => counts.push((o, 1)),
        }
    }
    Ok(counts)
}

/// Marks one of the user's notifications (or, with `None`, all about the organization) as read.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    id: Option<i32>,
) -> Result<(), AppError> {
    require_member(db, actor, org_id).await?;
    let user_id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    let mut q = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now()))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::OrganizationId.eq(org_id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        q = q.filter(notification::Column::Id.eq(id));
    }
    q.exec(db).await?;
    Ok(())
}
