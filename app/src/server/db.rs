//! Connecting to SQLite or PostgreSQL and running the migrations.
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// Connects to `url`. SQLite gets WAL, foreign keys and a busy timeout; a SQLite file database
/// is created if missing (its folder too).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false);
    if url.starts_with("sqlite:") {
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if !in_memory {
            if let Some(dir) = sqlite_path(url)
                .and_then(|p| std::path::Path::new(&p).parent().map(|d| d.to_path_buf()))
            {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(&dir).map_err(|e| {
                        DbErr::Custom(format!("cannot create {}: {e}", dir.display()))
                    })?;
                }
            }
            // WAL lets readers run beside the single writer.
            opts.max_connections(8);
        } else {
            // Every connection to `:memory:` would be a separate database.
            opts.max_connections(1);
        }
        opts.map_sqlx_sqlite_opts(move |o| {
            let o = o
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .create_if_missing(true);
            if in_memory {
                o
            } else {
                // In WAL mode NORMAL never corrupts and survives a crashed process; only a power
                // loss can drop the last commits. It saves one fsync per commit.
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
            }
        });
    } else {
        opts.max_connections(16)
            .acquire_timeout(Duration::from_secs(10));
    }
    Database::connect(opts).await
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(rest.split('?').next().unwrap_or(rest).to_owned())
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}
