//! In-app notifications (the bell), one per user and event: a unique key makes a second
//! delivery of the same event impossible.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("notifications")
                .col(pk_auto("id"))
                .col(integer("user_id"))
                .col(integer("organization_id"))
                .col(string_len("dedupe_key", 200).unique_key())
                .col(string_len("title", 200))
                .col(text("body"))
                .col(string_len("link", 500))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .foreign_key(&mut fk("notifications", "user_id", "users"))
                .foreign_key(&mut fk("notifications", "organization_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("notifications", &["user_id", "read_at"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("notifications").to_owned())
            .await
    }
}
