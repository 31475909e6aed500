//! Partner API keys: at most two active per partner organization, each `read` or
//! `read_write`, the secret stored only as a keyed hash.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("partner_api_keys")
                .col(pk_auto("id"))
                .col(integer("organization_id"))
                .col(integer("slot"))
                .col(string_len("key_id", 40))
                .col(string_len("secret_hash", 64))
                .col(string_len("access", 20))
                .col(string_len("created_by", 320))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("last_used_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk(
                    "partner_api_keys",
                    "organization_id",
                    "organizations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("partner_api_keys", &["key_id"], true))
            .await?;
        m.create_index(index("partner_api_keys", &["organization_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("partner_api_keys").to_owned())
            .await
    }
}
