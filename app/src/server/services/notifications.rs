//! Notifications: the upgrade queue that activating a version fills is turned into one in-app
//! notification and one e-mail per administrator of each affected installation, by a job that
//! claims each queue entry in its own transaction (a restart loses nothing, nobody gets it twice).
use super::{mail, now, orgs, Actor};
use crate::dto::{NotificationDto, Role};
use crate::error::AppError;
use crate::server::entities::{
    installation, membership, notification, organization, product, product_version as pv,
    upgrade_notification as un, user,
};
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};

/// The customer's panel for a product on an installation (the notification's link).
pub fn panel_link(customer_id: i32, installation_id: &str, product_id: i32) -> String {
    format!("/o/{customer_id}/suppliers?installation={installation_id}&product={product_id}")
}

/// Turns pending upgrade-queue entries into notifications and e-mails. Returns how many
/// entries this call handled; safe to run from several processes at once.
pub async fn process_upgrade_queue<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
) -> Result<usize, AppError> {
    let pending = un::Entity::find()
        .filter(un::Column::ProcessedAt.is_null())
        .order_by_asc(un::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let mut handled = 0;
    for entry in pending {
        let config = config.clone();
        let done = db
            .transaction::<_, bool, AppError>(|txn| {
                Box::pin(async move {
                    // Claim the entry; another worker that got here first makes this a no-op.
                    let claimed = un::Entity::update_many()
                        .col_expr(un::Column::ProcessedAt, Expr::value(now()))
                        .filter(un::Column::Id.eq(entry.id))
                        .filter(un::Column::ProcessedAt.is_null())
                        .exec(txn)
                        .await?;
                    if claimed.rows_affected != 1 {
                        return Ok(false);
                    }
                    notify_upgrade(txn, &config, &entry).await?;
                    Ok(true)
                })
            })
            .await?;
        handled += usize::from(done);
    }
    Ok(handled)
}

async fn notify_upgrade(
    db: &impl ConnectionTrait,
    config: &Config,
    entry: &un::Model,
) -> Result<(), AppError> {
    let (Some(p), Some(v), Some(inst)) = (
        product::Entity::find_by_id(entry.product_id)
            .one(db)
            .await?,
        pv::Entity::find_by_id(entry.version_id).one(db).await?,
        installation::Entity::find_by_id(entry.installation_id)
            .one(db)
            .await?,
    ) else {
        return Ok(());
    };
    let partner = organization::Entity::find_by_id(p.partner_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let link = panel_link(inst.customer_id, &inst.installation_id, p.id);
    let title = format!("Upgrade available: {} version {}", p.name, v.number);
    let body = format!(
        "{partner} activated version {} of {} for {} ({}). Nothing changes until an administrator reviews the changes and upgrades.",
        v.number, p.name, inst.name, inst.installation_id
    );
    let key = format!("upgrade:{}", entry.id);
    notify_admins(db, config, inst.customer_id, &key, &title, &body, &link).await
}

/// One in-app notification and one e-mail to every administrator of `org_id`, at most once per
/// `key` and user.
pub(crate) async fn notify_admins(
    db: &impl ConnectionTrait,
    config: &Config,
    org_id: i32,
    key: &str,
    title: &str,
    body: &str,
    link: &str,
) -> Result<(), AppError> {
    let admins = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(org_id))
        .filter(membership::Column::Role.eq(Role::Admin.as_str()))
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(admins.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    for u in users {
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
            title: Set(title.to_owned()),
            body: Set(body.to_owned()),
            link: Set(link.to_owned()),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let text = format!("Hello,\n\n{body}\n\nSee: {}{link}\n", config.public_url);
        mail::enqueue(db, &u.email, title, &text).await?;
    }
    Ok(())
}

/// The user's notifications about one organization, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Vec<NotificationDto>, AppError> {
    orgs::require_member(db, actor, org_id).await?;
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
            created_at: n.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
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
    orgs::require_member(db, actor, org_id).await?;
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
