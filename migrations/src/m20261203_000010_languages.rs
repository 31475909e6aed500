//! Languages: the language each user chose (`en`, `nb`; empty until they choose), in which
//! their pages and e-mails are written; and the language a "Sign in" request was made in, for
//! the link's e-mail to a user who never chose.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("users")
                .add_column(string_len_null("locale", 8))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("sign_in_requests")
                .add_column(string_len_null("locale", 8))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("sign_in_requests")
                .drop_column("locale")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("users")
                .drop_column("locale")
                .to_owned(),
        )
        .await
    }
}
