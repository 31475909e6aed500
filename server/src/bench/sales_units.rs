//! `server bench sales-units [--postgres URL]`: the demo data plus a customer with 100,000
//! brokerage offices, every one running the demo partner's product, then the partner's sales
//! units list driven as in `bench pages`: the first page, a page deep in the cursor, a search by
//! installation ID (whole and in part), by name and by a text every sales unit holds, and one
//! sales unit's page; and the Partner API's list (first page, by installation ID, by name), over
//! 32 connections and then one. Prints requests/s, p50, p99 and SQL
//! statements per request (which stay the same whatever the number of sales units).
use super::pages::{demo_world, org, session_of, store, Case, Figures};
use super::{insert_chunks, now, CONNECTIONS};
use crate::config::ServerConfig;
use app::features::accounts::service::bootstrap::ensure_organization;
use app::features::partner_api::service::keys::create_from_cli;
use app::glossary::{ActiveStatus, OrgKind, VersionState};
use app::server::entities::{activation, installation, product_version};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many sales units the bench gives the partner.
pub const UNITS: usize = 100_000;

/// Runs the benchmark.
pub async fn sales_units(config: &ServerConfig, postgres: Option<String>) -> Result<(), String> {
    let statements = Arc::new(AtomicU64::new(0));
    let (mut db, cleanup) = store(postgres.as_deref(), "bench-sales-units").await?;
    let planner = demo_world(&db, config).await?;
    println!("Seeding {UNITS} sales units…");
    many_units(&db, planner).await?;
    if postgres.is_some() {
        // PostgreSQL plans from statistics that autovacuum gathers within a minute of a bulk
        // load; a page measured before that is planned for empty tables (a page of 50 then
        // sorts all 100,000 installations). A live database has them: gather them now.
        use sea_orm::ConnectionTrait;
        db.execute_unprepared("ANALYZE installations, activations, organizations, product_orders")
            .await
            .map_err(|e| e.to_string())?;
    }
    let counter = statements.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let cookie =
        |token: String| format!("{}={token}", app::server::request::cookie_name(&config.app));
    let anna = Some(cookie(
        session_of(&db, "anna@nordic-integrations.example").await?,
    ));
    let nordic = org(&db, "Nordic Integrations AS").await?;
    let key = create_from_cli(&db, &config.app, "Nordic Integrations AS", "read")
        .await
        .map_err(|e| e.to_string())?;
    let basic = STANDARD.encode(format!("{}:{}", key.key_id, key.secret));
    let (addr, served) = super::serve(&db, config).await?;
    let list = format!("/o/{nordic}/sales-units");
    let page = |label, path: String| Case {
        label,
        path,
        header: anna.as_ref().map(|c| format!("Cookie: {c}")),
    };
    let api = |label, query: &str| Case {
        label,
        path: format!("/api/v1/partner/sales-units?limit=50{query}"),
        header: Some(format!("Authorization: Basic {basic}")),
    };
    let cases = [
        page("first page", list.clone()),
        page("page deep in", format!("{list}?cursor=1%3ABU080000")),
        page("ID search", format!("{list}?q=BU077777")),
        page("part of an ID", format!("{list}?q=BU07777")),
        page("name search", format!("{list}?q=kontor%207777")),
        // Every sales unit matches: too broad for the index, the scan fills the page at once.
        page("broad search", format!("{list}?q=kontor")),
        page("sales unit", format!("{list}/BU077777")),
        api("API first page", ""),
        api("API by ID", "&installation_id=BU077777"),
        api("API by name", "&name=kontor%207777"),
    ];
    let database = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    // Many connections show throughput (and queueing on two cores); one shows a request's own
    // latency.
    for connections in [CONNECTIONS, 1] {
        println!(
            "Sales units on {database}, {UNITS} for one partner, {connections} keep-alive connection(s), {}s each:",
            super::pages::MEASURE.as_secs()
        );
        for c in &cases {
            let f = Figures::measure(&addr, c, &statements, connections).await?;
            println!("{:>14}: {}", c.label, f.line());
        }
    }
    served.stop().await;
    cleanup.run(&db).await;
    Ok(())
}

/// A customer "Benchmark Eiendom AS" with [`UNITS`] installations `BU000001`…, each running
/// version 1 of product `planner`.
async fn many_units(db: &DatabaseConnection, planner: i32) -> Result<(), String> {
    let customer = ensure_organization(db, OrgKind::Customer, "Benchmark Eiendom AS", None)
        .await
        .map_err(|e| e.to_string())?;
    let version = product_version::Entity::find()
        .filter(product_version::Column::ProductId.eq(planner))
        .filter(product_version::Column::State.eq(VersionState::Active))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo product has no active version")?;
    let at = now();
    let units = (1..=UNITS).map(|n| installation::ActiveModel {
        installation_id: Set(format!("BU{n:06}")),
        name: Set(format!("Benchmark kontor {n}")),
        customer_id: Set(customer.id),
        status: Set(ActiveStatus::Active),
        is_sandbox: Set(false),
        created_at: Set(at),
        ..Default::default()
    });
    insert_chunks(db, units.collect()).await?;
    let ids: Vec<i32> = installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(customer.id))
        .all(db)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let activations = ids.into_iter().map(|id| activation::ActiveModel {
        installation_id: Set(id),
        product_id: Set(planner),
        version_id: Set(version.id),
        status: Set(ActiveStatus::Active),
        activated_by: Set(None),
        activated_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    });
    insert_chunks(db, activations.collect()).await
}
