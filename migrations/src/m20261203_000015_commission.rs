//! Commission statements: what the operator owes a partner for one month, one row per sales
//! unit, amounts in integer minor units with their currency.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("commission_statements")
                .col(pk_auto("id"))
                .col(integer("partner_id"))
                .col(string_len("period", 7))
                .col(string_len("source", 10))
                .col(string_len("updated_by", 320))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "commission_statements",
                    "partner_id",
                    "organizations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "commission_statements",
            &["partner_id", "period"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("commission_rows")
                .col(pk_auto("id"))
                .col(integer("statement_id"))
                .col(string_len("installation_id", 32))
                .col(string_len("price_package", 30))
                .col(big_integer("volume_minor"))
                .col(big_integer("commission_minor"))
                .col(string_len("currency", 3))
                .foreign_key(&mut fk(
                    "commission_rows",
                    "statement_id",
                    "commission_statements",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("commission_rows", &["statement_id", "id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["commission_rows", "commission_statements"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
