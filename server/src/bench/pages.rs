//! `server bench pages [--postgres URL]`: seeds the demo data into a temporary database (SQLite,
//! or a fresh schema of the PostgreSQL database at URL), serves it in this process, and drives
//! the signed-out and signed-in pages with keep-alive connections from this process. Prints
//! requests/s, p50 and p99, SQL statements per request and each page's ratio to `/sign-in`.
use super::{drive, quantile, temp_sqlite, CONNECTIONS};
use crate::config::ServerConfig;
use app::server::entities::{organization, product, user};
use app::server::session;
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait,
    QueryFilter,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long each page is driven before it is measured, and then measured.
const WARM_UP: Duration = Duration::from_secs(1);
pub(super) const MEASURE: Duration = Duration::from_secs(4);

/// One measured page: what it is, its address, and who asks for it.
pub(super) struct Case {
    pub label: &'static str,
    pub path: String,
    /// The header that says who asks (`Cookie: ...` or `Authorization: ...`), if anyone.
    pub header: Option<String>,
}

/// A page's figures.
pub(super) struct Figures {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    statements: f64,
    not_ok: u64,
}

impl Figures {
    /// Drives `case` for a warm-up, then measures it, counting the SQL statements it causes;
    /// over `connections` keep-alive connections at once.
    pub(super) async fn measure(
        addr: &str,
        case: &Case,
        statements: &AtomicU64,
        connections: usize,
    ) -> Result<Figures, String> {
        drive_page(addr, case, WARM_UP, connections).await?;
        let before = statements.load(Ordering::Relaxed);
        let (latencies, not_ok) = drive_page(addr, case, MEASURE, connections).await?;
        let ran = statements.load(Ordering::Relaxed) - before;
        Ok(Figures {
            per_second: latencies.len() as f64 / MEASURE.as_secs_f64(),
            p50: quantile(&latencies, 0.50),
            p99: quantile(&latencies, 0.99),
            statements: ran as f64 / latencies.len() as f64,
            not_ok,
        })
    }

    /// The figures on one line: requests/s, p50, p99, SQL statements per request.
    pub(super) fn line(&self) -> String {
        format!(
            "{:>8.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms   {:>5.1} SQL/req{}",
            self.per_second,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            self.statements,
            if self.not_ok > 0 {
                format!("   ({} not 200)", self.not_ok)
            } else {
                String::new()
            },
        )
    }
}

/// The bench's database: a fresh schema of the PostgreSQL database at `postgres`, or a
/// temporary SQLite file named after `name`; and what removes it at the end.
pub(super) async fn store(
    postgres: Option<&str>,
    name: &str,
) -> Result<(DatabaseConnection, Cleanup), String> {
    match postgres {
        Some(url) => pg_schema(url).await,
        None => {
            let (db, _, dir) = temp_sqlite(name).await?;
            Ok((db, Cleanup::Dir(dir)))
        }
    }
}

/// Runs the benchmark.
pub async fn pages(config: &ServerConfig, postgres: Option<String>) -> Result<(), String> {
    let statements = Arc::new(AtomicU64::new(0));
    let (mut db, cleanup) = store(postgres.as_deref(), "bench-pages").await?;
    let counter = statements.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let planner = demo_world(&db, config).await?;
    let cookie =
        |token: String| format!("{}={token}", app::server::request::cookie_name(&config.app));
    let anna = cookie(session_of(&db, "anna@nordic-integrations.example").await?);
    let kari = cookie(session_of(&db, "kari@solheim.example").await?);
    let nordic = org(&db, "Nordic Integrations AS").await?;
    let solheim = org(&db, "Solheim Eiendom AS").await?;

    let (addr, served) = super::serve(&db, config).await?;

    let case = |label, path: String, cookie: Option<&String>| Case {
        label,
        path,
        header: cookie.map(|c| format!("Cookie: {c}")),
    };
    let cases = [
        case("/healthz", "/healthz".into(), None),
        case("/sign-in", "/sign-in".into(), None),
        case("dashboard", format!("/o/{nordic}"), Some(&anna)),
        case(
            "product page",
            format!("/o/{nordic}/products/{planner}"),
            Some(&anna),
        ),
        case(
            "picker",
            format!("/o/{nordic}/products/{planner}/functions"),
            Some(&anna),
        ),
        case("suppliers", format!("/o/{solheim}/suppliers"), Some(&kari)),
        case("webhooks", format!("/o/{nordic}/webhooks"), Some(&anna)),
    ];
    let database = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!(
        "Pages on {database}, demo data, {CONNECTIONS} keep-alive connections, {}s each:",
        MEASURE.as_secs()
    );
    let mut results = Vec::new();
    for c in &cases {
        results.push(Figures::measure(&addr, c, &statements, CONNECTIONS).await?);
    }
    let sign_in = results[1].per_second;
    for (c, f) in cases.iter().zip(&results) {
        println!(
            "{:>14}: {}   {:>5.2}× /sign-in",
            c.label,
            f.line(),
            f.per_second / sign_in,
        );
    }
    served.stop().await;
    cleanup.run(&db).await;
    Ok(())
}

/// Drives one page for `time` over `connections` connections; returns every latency (sorted)
/// and how many answers were not 200.
pub(super) async fn drive_page(
    addr: &str,
    case: &Case,
    time: Duration,
    connections: usize,
) -> Result<(Vec<Duration>, u64), String> {
    let header = case
        .header
        .as_ref()
        .map(|h| format!("{h}\r\n"))
        .unwrap_or_default();
    let request = format!("GET {} HTTP/1.1\r\nHost: {addr}\r\n{header}\r\n", case.path);
    let deadline = Instant::now() + time;
    let (all, not_ok) = drive(addr, connections, deadline, 200, move |_, _| {
        request.clone()
    })
    .await?;
    if all.is_empty() {
        return Err(format!("{}: no request completed", case.label));
    }
    Ok((all, not_ok))
}

/// Migrates `db` and loads the demo data into it; returns the demo product's ID.
pub(super) async fn demo_world(
    db: &DatabaseConnection,
    config: &ServerConfig,
) -> Result<i32, String> {
    app::server::db::migrate(db)
        .await
        .map_err(|e| e.to_string())?;
    crate::seed::seed_demo(db, &config.app)
        .await
        .map_err(|e| e.to_string())?;
    Ok(product::Entity::find()
        .filter(product::Column::Name.eq("Nordic Showing Planner"))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo product is missing")?
        .id)
}

/// A session for a demo user, as signing in would leave it.
pub(super) async fn session_of(db: &DatabaseConnection, email: &str) -> Result<String, String> {
    let u = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no demo user {email}"))?;
    session::start(db, u.id, None, None)
        .await
        .map_err(|e| e.to_string())
}

/// The ID of the demo organization called `name`.
pub(super) async fn org(db: &DatabaseConnection, name: &str) -> Result<i32, String> {
    Ok(organization::Entity::find()
        .filter(organization::Column::Name.eq(name))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no demo organization {name}"))?
        .id)
}

/// What to remove when the bench ends.
pub(super) enum Cleanup {
    Dir(std::path::PathBuf),
    Schema(String),
}

impl Cleanup {
    pub(super) async fn run(self, db: &DatabaseConnection) {
        match self {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Schema(schema) => {
                let _ = db
                    .execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE"))
                    .await;
            }
        }
    }
}

/// A new schema in the PostgreSQL database at `url`, dropped at the end.
async fn pg_schema(url: &str) -> Result<(DatabaseConnection, Cleanup), String> {
    let admin = Database::connect(url)
        .await
        .map_err(|e| format!("cannot reach PostgreSQL at {url}: {e}"))?;
    let schema = format!("portico_bench_{}", std::process::id());
    admin
        .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
        .await
        .map_err(|e| e.to_string())?;
    let mut options = ConnectOptions::new(url);
    // The server's own pool settings (app::server::db::connect), in the bench's schema.
    options
        .set_schema_search_path(schema.clone())
        .sqlx_logging(false)
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10));
    let db = Database::connect(options)
        .await
        .map_err(|e| e.to_string())?;
    Ok((db, Cleanup::Schema(schema)))
}
