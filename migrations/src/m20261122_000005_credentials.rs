//! Product credentials: one client ID per product and its access keys (at most two active),
//! stored only as keyed hashes.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("product_credentials")
                .col(pk_auto("id"))
                .col(integer("product_id").unique_key())
                .col(string_len("client_id", 64).unique_key())
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("product_credentials", "product_id", "products"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("access_keys")
                .col(pk_auto("id"))
                .col(integer("product_id"))
                .col(integer("slot"))
                .col(string_len("secret_hash", 64))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("last_used_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk("access_keys", "product_id", "products"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("access_keys", &["product_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("access_keys").to_owned())
            .await?;
        m.drop_table(Table::drop().table("product_credentials").to_owned())
            .await
    }
}
