//! Every user gets a public user ID (a UUID): shown on their profile page, for them to give the
//! operator's staff or a partner manager when they ask for access. The numeric row ID is never
//! shown. Existing users are given one here.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A random (version 4) UUID in SQLite's own functions.
const SQLITE_UUID: &str = "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || \
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || \
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Not null with an empty default, so a user inserted without an ID collides with the
        // next one on the unique index instead of going unnoticed.
        m.alter_table(
            Table::alter()
                .table("users")
                .add_column(
                    ColumnDef::new("public_id")
                        .string_len(36)
                        .not_null()
                        .default(""),
                )
                .to_owned(),
        )
        .await?;
        let uuid = match m.get_database_backend() {
            DbBackend::Postgres => "gen_random_uuid()::text".to_owned(),
            _ => SQLITE_UUID.to_owned(),
        };
        m.get_connection()
            .execute_unprepared(&format!("UPDATE users SET public_id = {uuid}"))
            .await?;
        m.create_index(crate::util::index("users", &["public_id"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_users_public_id")
                .table("users")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("users")
                .drop_column("public_id")
                .to_owned(),
        )
        .await
    }
}
