//! Product logos (PNG or SVG), one per product, kept apart from the product row.
use crate::util::fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("product_logos")
                .col(pk_auto("id"))
                .col(integer("product_id").unique_key())
                .col(string_len("content_type", 32))
                .col(blob("data"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("product_logos", "product_id", "products"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("product_logos").to_owned())
            .await
    }
}
