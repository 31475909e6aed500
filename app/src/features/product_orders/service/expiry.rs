//! Prefill links last 14 days: a job expires the orders nobody submitted in time (`EXPIRED`),
//! each with its step and audit entry. It reads the expiry time stored on each order, so a
//! restart loses nothing; a link opened late is refused on the spot as well (see `review`).
use super::advance;
use crate::error::AppError;
use crate::glossary::ProductOrderStatus;
use crate::server::clock::now;
use crate::server::entities::product_order as po;
use crate::server::scope::Actor;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// Orders expired per run; the next run takes the rest.
const BATCH: u64 = 500;

/// Expires the open prefills whose time has passed; returns how many.
pub async fn expire_due<C: ConnectionTrait + TransactionTrait>(db: &C) -> Result<usize, AppError> {
    let due = po::Entity::find()
        .filter(po::Column::Status.is_in([
            ProductOrderStatus::Received,
            ProductOrderStatus::MerchantViewed,
        ]))
        .filter(po::Column::ExpiresAt.lte(now()))
        .order_by_asc(po::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let portico = Actor::system();
    let mut n = 0;
    for o in due {
        let actor = portico.clone();
        let moved = crate::server::db::write(db, move |txn| {
            Box::pin(async move {
                advance(
                    txn,
                    &actor,
                    Some(o.partner_id),
                    &o,
                    ProductOrderStatus::Expired,
                    "",
                )
                .await
            })
        })
        .await;
        match moved {
            Ok(()) => n += 1,
            // Submitted (or deleted) meanwhile: nothing to expire.
            Err(AppError::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
