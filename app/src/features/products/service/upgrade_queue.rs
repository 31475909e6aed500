//! The upgrade queue: activating a version queues one entry per installation on an older
//! version (`upgrade_notifications`); a job turns each into a notification and an e-mail for
//! every administrator of that installation's customer, claiming each entry in its own
//! transaction (a restart loses nothing, nobody gets it twice).
use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::paths;
use crate::server::clock::now;
use crate::server::entities::{
    installation, organization, product, product_version as pv, upgrade_notification as un,
};
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

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
        let done = crate::server::db::write(db, |txn| {
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
    let link = paths::supplier_panel(inst.customer_id, &inst.installation_id, p.id);
    let key = format!("upgrade:{}", entry.id);
    let message = |lang: crate::i18n::Lang| {
        (
            crate::t!(
                lang,
                "notify-upgrade-title",
                product = p.name.clone(),
                version = v.number,
                installation = inst.name.clone(),
            ),
            crate::t!(
                lang,
                "notify-upgrade-text",
                partner = partner.clone(),
                version = v.number,
                product = p.name.clone(),
                installation = inst.name.clone(),
                id = inst.installation_id.clone(),
            ),
        )
    };
    notify_admins(db, config, inst.customer_id, &key, message, &link).await
}
