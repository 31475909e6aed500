//! Deep links: the page a "Sign in" request should continue at once the e-mailed link is
//! confirmed (an "upgrade available" link opened signed out), a path on this site.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("sign_in_requests")
                .add_column(string_len_null("next_path", 2000))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("sign_in_requests")
                .drop_column("next_path")
                .to_owned(),
        )
        .await
    }
}
