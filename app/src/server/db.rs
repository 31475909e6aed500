//! Connecting to SQLite or PostgreSQL, running the migrations, and write transactions.
use crate::error::AppError;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DbErr,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionSession, TransactionTrait,
};
use std::future::Future;
use std::pin::Pin;
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

/// How often a write transaction is tried when SQLite stays busy past its busy timeout.
const WRITE_TRIES: u32 = 3;

/// Starts a write transaction: on SQLite as a writer at once (`BEGIN IMMEDIATE`), so it waits
/// for the write lock up front (the busy timeout, then a few more tries) instead of failing
/// with "database is locked" when a read turns into a write; on PostgreSQL an ordinary one.
/// Dropping it without `commit` rolls it back.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, AppError> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    let mut tries = 0;
    loop {
        match db.begin_with_options(options).await {
            Ok(txn) => return Ok(txn),
            Err(e) if is_busy(&e) && tries + 1 < WRITE_TRIES => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(50 * u64::from(tries))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Runs `f` in a write transaction ([`begin_write`]): committed when it returns `Ok`, rolled
/// back when it returns `Err`.
pub async fn write<C, F, T>(db: &C, f: F) -> Result<T, AppError>
where
    C: TransactionTrait,
    F: for<'c> FnOnce(
            &'c C::Transaction,
        ) -> Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'c>>
        + Send,
    T: Send,
{
    let txn = begin_write(db).await?;
    match f(&txn).await {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(e) => {
            let _ = txn.rollback().await;
            Err(e)
        }
    }
}

/// Whether SQLite answered "database is locked" or "busy".
pub fn is_busy(e: &DbErr) -> bool {
    let text = e.to_string().to_lowercase();
    text.contains("database is locked") || text.contains("busy")
}

/// A raw statement written with PostgreSQL's numbered parameters (`$1`, `$2`, ...), which SQLite
/// reads as `?1`, `?2`, ...: either way a value used twice is bound once.
pub fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => sql.to_owned(),
        _ => sql.replace('$', "?"),
    };
    Statement::from_sql_and_values(backend, sql, values)
}
