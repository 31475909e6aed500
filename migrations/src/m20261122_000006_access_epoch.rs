//! Legacy grants, and the access epoch: one counter that every change able to alter an access
//! decision bumps, by database triggers, in the change's own transaction. Each server instance
//! caches access decisions per epoch, so a change made by any instance (or by hand in SQL)
//! invalidates every cache at once and no code path can forget to.
use crate::util::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables whose every insert, update and delete can change an access decision.
const WATCHED: &[&str] = &[
    "organizations",
    "installations",
    "products",
    "product_versions",
    "version_grants",
    "activations",
    "api_functions",
    "product_credentials",
    "legacy_grants",
];

/// `access_keys` changes only matter for these columns ("last used" must not invalidate).
const KEY_COLUMNS: &str = "secret_hash, revoked_at";

fn sqlite_triggers() -> Vec<String> {
    let bump = "BEGIN UPDATE access_epoch SET epoch = epoch + 1 WHERE id = 1; END";
    let mut out = Vec::new();
    for t in WATCHED {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            let e = event.to_lowercase();
            out.push(format!(
                "CREATE TRIGGER access_epoch_{t}_{e} AFTER {event} ON {t} {bump}"
            ));
        }
    }
    for (name, event) in [
        ("insert", "INSERT".to_owned()),
        ("update", format!("UPDATE OF {KEY_COLUMNS}")),
        ("delete", "DELETE".to_owned()),
    ] {
        out.push(format!(
            "CREATE TRIGGER access_epoch_access_keys_{name} AFTER {event} ON access_keys {bump}"
        ));
    }
    out
}

fn postgres_triggers() -> Vec<String> {
    let mut out = vec![
        "CREATE FUNCTION bump_access_epoch() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN UPDATE access_epoch SET epoch = epoch + 1 WHERE id = 1; RETURN NULL; END $$"
            .to_owned(),
    ];
    for t in WATCHED {
        out.push(format!(
            "CREATE TRIGGER access_epoch_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} \
             FOR EACH STATEMENT EXECUTE FUNCTION bump_access_epoch()"
        ));
    }
    out.push(format!(
        "CREATE TRIGGER access_epoch_access_keys AFTER INSERT OR DELETE OR UPDATE OF {KEY_COLUMNS} \
         ON access_keys FOR EACH STATEMENT EXECUTE FUNCTION bump_access_epoch()"
    ));
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("legacy_grants")
                .col(pk_auto("id"))
                .col(integer("partner_id"))
                .col(integer("installation_id"))
                .col(integer("function_id"))
                .col(text("filters"))
                .col(string_len("note", 200))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("legacy_grants", "partner_id", "organizations"))
                .foreign_key(&mut fk("legacy_grants", "installation_id", "installations"))
                .foreign_key(&mut fk("legacy_grants", "function_id", "api_functions"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "legacy_grants",
            &["partner_id", "installation_id", "function_id"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("access_epoch")
                .col(integer("id").primary_key())
                .col(big_integer("epoch"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared("INSERT INTO access_epoch (id, epoch) VALUES (1, 0)")
            .await?;
        let triggers = match m.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for sql in triggers {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                for t in WATCHED.iter().chain(&["access_keys"]) {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS access_epoch_{t} ON {t}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION IF EXISTS bump_access_epoch()")
                    .await?;
            }
            _ => {
                for t in WATCHED.iter().chain(&["access_keys"]) {
                    for e in ["insert", "update", "delete"] {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER IF EXISTS access_epoch_{t}_{e}"
                        ))
                        .await?;
                    }
                }
            }
        }
        m.drop_table(Table::drop().table("access_epoch").to_owned())
            .await?;
        m.drop_table(Table::drop().table("legacy_grants").to_owned())
            .await
    }
}
