//! Indexes for fair push claims and for purging. Workers now claim per subscription (each
//! subscription's oldest due deliveries, in turn), so one subscription's backlog is never read
//! past to reach another's. `(status, subscription_id, next_attempt_at)` serves both the hop
//! from one subscription with pending deliveries to the next and each subscription's claim;
//! the index on `(status, next_attempt_at)` only served the old, global claim. Purging deletes
//! events whose deliveries cascade, which needs `event_id`.
use crate::util::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD_CLAIM: &str = "idx_push_deliveries_status_next_attempt_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index(
            "push_deliveries",
            &["status", "subscription_id", "next_attempt_at"],
            false,
        ))
        .await?;
        m.create_index(index("push_deliveries", &["event_id"], false))
            .await?;
        m.drop_index(
            Index::drop()
                .name(OLD_CLAIM)
                .table("push_deliveries")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index(
            "push_deliveries",
            &["status", "next_attempt_at"],
            false,
        ))
        .await?;
        for name in [
            "idx_push_deliveries_event_id",
            "idx_push_deliveries_status_subscription_id_next_attempt_at",
        ] {
            m.drop_index(Index::drop().name(name).table("push_deliveries").to_owned())
                .await?;
        }
        Ok(())
    }
}
