//! A trigram index on sales units' names and installation IDs, so that searching a partner's
//! sales units for a part of a name or ID no longer reads every installation.
//!
//! SQLite: an FTS5 table with the trigram tokenizer over `installations`, kept in step by
//! triggers. PostgreSQL: GIN indexes on `lower(name)` and `lower(installation_id)` with pg_trgm
//! when the server offers that extension; without it searches keep working by scanning.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE installation_search USING fts5(installation_id, name, \
     content='installations', content_rowid='id', tokenize='trigram')",
    "INSERT INTO installation_search(installation_search) VALUES ('rebuild')",
    "CREATE TRIGGER installation_search_insert AFTER INSERT ON installations BEGIN \
     INSERT INTO installation_search(rowid, installation_id, name) \
     VALUES (new.id, new.installation_id, new.name); END",
    "CREATE TRIGGER installation_search_delete AFTER DELETE ON installations BEGIN \
     INSERT INTO installation_search(installation_search, rowid, installation_id, name) \
     VALUES ('delete', old.id, old.installation_id, old.name); END",
    "CREATE TRIGGER installation_search_update AFTER UPDATE OF installation_id, name \
     ON installations BEGIN \
     INSERT INTO installation_search(installation_search, rowid, installation_id, name) \
     VALUES ('delete', old.id, old.installation_id, old.name); \
     INSERT INTO installation_search(rowid, installation_id, name) \
     VALUES (new.id, new.installation_id, new.name); END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS installation_search_insert",
    "DROP TRIGGER IF EXISTS installation_search_delete",
    "DROP TRIGGER IF EXISTS installation_search_update",
    "DROP TABLE IF EXISTS installation_search",
];

/// Installs pg_trgm where the server has it and this role may; a refusal is only a notice (the
/// block runs in its own subtransaction, so the migration goes on).
const PG_EXTENSION: &str = "DO $$ BEGIN \
     IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN \
       CREATE EXTENSION IF NOT EXISTS pg_trgm; \
     END IF; \
     EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm not installed: %', SQLERRM; \
     END $$";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(PG_EXTENSION).await?;
                let schema = db
                    .query_one_raw(Statement::from_string(
                        DatabaseBackend::Postgres,
                        "SELECT n.nspname AS schema FROM pg_extension e \
                         JOIN pg_namespace n ON n.oid = e.extnamespace \
                         WHERE e.extname = 'pg_trgm'",
                    ))
                    .await?;
                let Some(row) = schema else {
                    return Ok(());
                };
                let schema: String = row.try_get("", "schema")?;
                let schema = schema.replace('"', "\"\"");
                for col in ["name", "installation_id"] {
                    db.execute_unprepared(&format!(
                        "CREATE INDEX IF NOT EXISTS idx_installations_{col}_trgm \
                         ON installations USING gin (lower({col}) \"{schema}\".gin_trgm_ops)"
                    ))
                    .await?;
                }
            }
            _ => {
                for sql in SQLITE_UP {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                for col in ["name", "installation_id"] {
                    db.execute_unprepared(&format!(
                        "DROP INDEX IF EXISTS idx_installations_{col}_trgm"
                    ))
                    .await?;
                }
            }
            _ => {
                for sql in SQLITE_DOWN {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        Ok(())
    }
}
