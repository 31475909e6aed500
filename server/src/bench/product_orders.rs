//! `server bench product-orders [--postgres URL]`: the demo data plus 100,000 product orders
//! naming the demo partner, then the Partner API's list (first page, a page deep in the cursor,
//! by status) and the portal's list, over 32 connections and then one; and creating orders
//! through the Partner API (`POST`, each with its own `Idempotency-Key`) for a few seconds.
//! Prints requests/s, p50, p99 and SQL statements per request.
use super::pages::{demo_world, org, session_of, store, Case, Figures, MEASURE};
use super::{drive, insert_chunks, now, quantile, CONNECTIONS};
use crate::config::ServerConfig;
use app::features::partner_api::service::keys::create_from_cli;
use app::glossary::{ProductOrderStatus, ProductOrderType};
use app::server::entities::product_order as po;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sea_orm::{DatabaseConnection, Set};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// How many product orders the bench gives the partner.
pub const ORDERS: usize = 100_000;

/// Runs the benchmark.
pub async fn product_orders(config: &ServerConfig, postgres: Option<String>) -> Result<(), String> {
    let statements = Arc::new(AtomicU64::new(0));
    let (mut db, cleanup) = store(postgres.as_deref(), "bench-product-orders").await?;
    let planner = demo_world(&db, config).await?;
    let nordic = org(&db, "Nordic Integrations AS").await?;
    println!("Seeding {ORDERS} product orders…");
    many_orders(&db, nordic, planner).await?;
    let counter = statements.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let anna = format!(
        "{}={}",
        app::server::request::cookie_name(&config.app),
        session_of(&db, "anna@nordic-integrations.example").await?
    );
    let key = create_from_cli(&db, &config.app, "Nordic Integrations AS", "read_write")
        .await
        .map_err(|e| e.to_string())?;
    let basic = STANDARD.encode(format!("{}:{}", key.key_id, key.secret));
    let (addr, served) = super::serve(&db, config).await?;
    let api = |label, query: &str| Case {
        label,
        path: format!("/api/v1/partner/product-orders?limit=50{query}"),
        header: Some(format!("Authorization: Basic {basic}")),
    };
    let cases = [
        api("API first page", ""),
        api("API deep page", "&cursor=20000"),
        api("API by status", "&status=ORDER_SUBMITTED"),
        Case {
            label: "portal list",
            path: format!("/o/{nordic}/product-orders"),
            header: Some(format!("Cookie: {anna}")),
        },
    ];
    let database = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    for connections in [CONNECTIONS, 1] {
        println!(
            "Product orders on {database}, {ORDERS} for one partner, {connections} keep-alive connection(s), {}s each:",
            MEASURE.as_secs()
        );
        for c in &cases {
            let f = Figures::measure(&addr, c, &statements, connections).await?;
            println!("{:>14}: {}", c.label, f.line());
        }
    }
    create(&addr, &basic, planner).await?;
    served.stop().await;
    cleanup.run(&db).await;
    Ok(())
}

/// Creates orders through the Partner API over 32 connections for [`MEASURE`] (each its own
/// key and business identifier) and prints orders/s and latency.
async fn create(addr: &str, basic: &str, product: i32) -> Result<(), String> {
    let (host, basic) = (addr.to_owned(), basic.to_owned());
    let started = chrono::Utc::now().timestamp_millis();
    let request = move |c: usize, n: usize| {
        let body = format!(
            r#"{{"business_identifier":{{"scheme":"business:DK:CVR","id":"{:08}"}},"product_id":{product},"sales_unit_name":"Bench {c} {n}"}}"#,
            10_000_000 + c * 1_000_000 + n
        );
        format!(
            "POST /api/v1/partner/product-orders HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {basic}\r\nIdempotency-Key: bench-{started}-{c}-{n}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let (all, not_created) =
        drive(addr, CONNECTIONS, Instant::now() + MEASURE, 201, request).await?;
    println!(
        "{:>14}: {:>8.0} orders/s   p50 {:>6.2} ms   p99 {:>6.2} ms   ({} requests, {} not 201, {CONNECTIONS} connections)",
        "API create",
        all.len() as f64 / MEASURE.as_secs_f64(),
        quantile(&all, 0.50).as_secs_f64() * 1e3,
        quantile(&all, 0.99).as_secs_f64() * 1e3,
        all.len(),
        not_created
    );
    Ok(())
}

/// [`ORDERS`] prefills of product `product` naming partner `nordic`, in a mix of statuses, for
/// Norwegian companies that do not exist.
async fn many_orders(db: &DatabaseConnection, nordic: i32, product: i32) -> Result<(), String> {
    let at = now();
    let statuses = [
        ProductOrderStatus::Received,
        ProductOrderStatus::MerchantViewed,
        ProductOrderStatus::OrderSubmitted,
        ProductOrderStatus::Completed,
        ProductOrderStatus::Rejected,
        ProductOrderStatus::Expired,
    ];
    let rows = (0..ORDERS).map(|n| po::ActiveModel {
        public_id: Set(format!("po_bench{n:08}")),
        order_type: Set(ProductOrderType::Prefill),
        status: Set(statuses[n % statuses.len()]),
        partner_id: Set(nordic),
        product_id: Set(product),
        price_package_id: Set(None),
        package_locked: Set(false),
        business_id_scheme: Set("business:DK:CVR".into()),
        business_id: Set(format!("{:08}", 20_000_000 + n)),
        customer_name: Set(Some(format!("Bench Customer {n}"))),
        customer_id: Set(None),
        sales_unit_name: Set(format!("Bench {n}")),
        contact_email: Set(None),
        note: Set(String::new()),
        link_hash: Set(None),
        link_sealed: Set(None),
        template_id: Set(None),
        idempotency_key: Set(None),
        request_hash: Set(None),
        created_by: Set("bench".into()),
        created_at: Set(at),
        updated_at: Set(at),
        expires_at: Set(Some(at + chrono::Duration::days(14))),
        submitted_by: Set(None),
        submitted_at: Set(None),
        installation_id: Set(None),
        rejection_reason: Set(None),
        ..Default::default()
    });
    insert_chunks(db, rows.collect()).await
}
