//! Sales unit logos: one PNG per installation, which its customer and its partners may change.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("installation_logos")
                .col(pk_auto("id"))
                .col(integer("installation_id"))
                .col(blob("data"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "installation_logos",
                    "installation_id",
                    "installations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("installation_logos", &["installation_id"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("installation_logos").to_owned())
            .await
    }
}
