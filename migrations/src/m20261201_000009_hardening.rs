//! Hardening: a push signing secret's own creation time (how long it is shown is counted from
//! it, not from the subscription's last edit); delivery leases that name their worker instance,
//! whose heartbeats let dead leases be reclaimed at once; mail whose one-time link is kept
//! sealed until it is sent (and then dropped); and the queue of sign-in requests, so that a
//! request costs the same whether or not the address is known.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn add(table: &'static str, col: ColumnDef) -> TableAlterStatement {
    Table::alter().table(table).add_column(col).to_owned()
}

fn drop_col(table: &'static str, col: &'static str) -> TableAlterStatement {
    Table::alter().table(table).drop_column(col).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(add(
            "push_subscriptions",
            timestamp_with_time_zone_null("secret_created_at"),
        ))
        .await?;
        // Existing secrets count from their subscription's creation.
        m.get_connection()
            .execute_unprepared("UPDATE push_subscriptions SET secret_created_at = created_at")
            .await?;
        m.alter_table(add("push_deliveries", string_len_null("lease_owner", 100)))
            .await?;
        m.create_table(
            Table::create()
                .table("push_workers")
                .col(string_len("instance_id", 100).primary_key())
                .col(timestamp_with_time_zone("heartbeat_at"))
                .to_owned(),
        )
        .await?;
        m.alter_table(add("outbound_mail", text_null("sealed_secret")))
            .await?;
        m.create_table(
            Table::create()
                .table("sign_in_requests")
                .col(pk_auto("id"))
                .col(string_len("email", 254))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("sign_in_requests").to_owned())
            .await?;
        m.alter_table(drop_col("outbound_mail", "sealed_secret"))
            .await?;
        m.drop_table(Table::drop().table("push_workers").to_owned())
            .await?;
        m.alter_table(drop_col("push_deliveries", "lease_owner"))
            .await?;
        m.alter_table(drop_col("push_subscriptions", "secret_created_at"))
            .await
    }
}
