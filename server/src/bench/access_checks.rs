//! `server bench access-checks`: seeds 1,000 products, 10,000 installations and first 1,000,
//! then 100,000 activations into a temporary SQLite database, starts the server on it as a
//! child process, and drives `POST /api/v1/access-checks` from this process over loopback with
//! keep-alive connections. Prints requests/s and p50/p99 latency for both sizes; then, with the
//! benchmarked product turned into an order integration product with 100,000 open orders,
//! the same for object-scoped checks (each naming an ordered estate).
use super::{
    drive, insert_chunks, now, quantile, temp_sqlite, wait_ready, CONNECTIONS, KEY, MEASURE,
};
use app::glossary::{AccessMode, ActiveStatus, OrgKind, ProductKind, ProductStatus, VersionState};
use app::server::entities::{
    access_key, activation, api_function, installation, order, organization, product,
    product_credential, product_version, version_grant,
};
use app::server::secrets::SecretKey;
use base64::Engine;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::time::Instant;

const PRODUCTS: i32 = 1_000;
const INSTALLATIONS: i32 = 10_000;
/// The bench product's credentials, shaped like real ones (the API refuses any other shape).
const CLIENT: &str = "pc_benchbenchbenchbenchbenc";
const SECRET: &str = "psk_benchbenchbenchbenchbenchbenchbenchbenchben";

/// Products 1..=1000 (version 1 active, granting estates.read), 10,000 installations, and
/// credentials for product 1.
pub(super) async fn seed(db: &DatabaseConnection) -> Result<(i32, Vec<i32>), String> {
    app::features::catalog::service::import(db, crate::seed::DEMO_CATALOG)
        .await
        .map_err(|e| e.to_string())?;
    let f = api_function::Entity::find()
        .filter(api_function::Column::Key.eq("estates.read"))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no estates.read")?;
    let org = |kind: OrgKind, name: String| organization::ActiveModel {
        kind: Set(kind),
        name: Set(name),
        status: Set(ActiveStatus::Active),
        created_at: Set(now()),
        ..Default::default()
    };
    insert_chunks(db, vec![org(OrgKind::Partner, "Bench Partner".into())]).await?;
    insert_chunks(
        db,
        (0..100)
            .map(|i| org(OrgKind::Customer, format!("Bench Customer {i}")))
            .collect(),
    )
    .await?;
    let partner = organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Partner))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no partner")?
        .id;
    let customers: Vec<i32> = organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Customer))
        .all(db)
        .await
        .map_err(|e| e.to_string())?
        .iter()
        .map(|o| o.id)
        .collect();
    insert_chunks(
        db,
        (0..PRODUCTS)
            .map(|i| product::ActiveModel {
                partner_id: Set(partner),
                name: Set(format!("Bench Product {i}")),
                kind: Set(ProductKind::Rights),
                description: Set(String::new()),
                status: Set(ProductStatus::Active),
                access_mode: Set(AccessMode::All),
                created_at: Set(now()),
                updated_at: Set(now()),
                ..Default::default()
            })
            .collect(),
    )
    .await?;
    let products: Vec<i32> = product::Entity::find()
        .all(db)
        .await
        .map_err(|e| e.to_string())?
        .iter()
        .map(|p| p.id)
        .collect();
    insert_chunks(
        db,
        products
            .iter()
            .map(|p| product_version::ActiveModel {
                product_id: Set(*p),
                number: Set(1),
                state: Set(VersionState::Active),
                created_at: Set(now()),
                activated_at: Set(Some(now())),
                ..Default::default()
            })
            .collect(),
    )
    .await?;
    let versions = product_version::Entity::find()
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    insert_chunks(
        db,
        versions
            .iter()
            .map(|v| version_grant::ActiveModel {
                version_id: Set(v.id),
                function_id: Set(f.id),
                filters: Set("{}".into()),
                ..Default::default()
            })
            .collect(),
    )
    .await?;
    insert_chunks(
        db,
        (0..INSTALLATIONS)
            .map(|i| installation::ActiveModel {
                installation_id: Set(format!("B{i:05}")),
                name: Set(format!("Bench {i}")),
                customer_id: Set(customers[i as usize % customers.len()]),
                status: Set(ActiveStatus::Active),
                is_sandbox: Set(false),
                created_at: Set(now()),
                ..Default::default()
            })
            .collect(),
    )
    .await?;
    let first = products[0];
    insert_chunks(
        db,
        vec![product_credential::ActiveModel {
            product_id: Set(first),
            client_id: Set(CLIENT.into()),
            created_at: Set(now()),
            ..Default::default()
        }],
    )
    .await?;
    insert_chunks(
        db,
        vec![access_key::ActiveModel {
            product_id: Set(first),
            slot: Set(1),
            secret_hash: Set(SecretKey::new(KEY).hash(SECRET)),
            created_at: Set(now()),
            ..Default::default()
        }],
    )
    .await?;
    Ok((first, products))
}

/// Activations of product `products[i % 1000]` on installation `i % 10000`, for i in `range`
/// (each (installation, product) pair at most once).
pub(super) async fn activate(
    db: &DatabaseConnection,
    products: &[i32],
    range: std::ops::Range<i32>,
) -> Result<(), String> {
    let insts: Vec<i32> = installation::Entity::find()
        .all(db)
        .await
        .map_err(|e| e.to_string())?
        .iter()
        .map(|i| i.id)
        .collect();
    let versions = product_version::Entity::find()
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    let rows = range
        .map(|i| {
            let p = products[(i as usize) % products.len()];
            let inst = insts[((i as usize) / products.len() * 7 + (i as usize)) % insts.len()];
            activation::ActiveModel {
                installation_id: Set(inst),
                product_id: Set(p),
                version_id: Set(versions
                    .iter()
                    .find(|v| v.product_id == p)
                    .map(|v| v.id)
                    .unwrap_or(0)),
                status: Set(ActiveStatus::Active),
                activated_at: Set(now()),
                updated_at: Set(now()),
                ..Default::default()
            }
        })
        .collect();
    insert_chunks(db, rows).await
}

/// Orders the bench makes, and how many of them the object-scoped case asks about (a working
/// set: a partner calls about the estates it is working on, not about every order at once).
const ORDERS: usize = 100_000;
const ASKED: usize = 10_000;

/// Makes the benchmarked product an order integration product with [`ORDERS`] open orders for
/// estates on the installations it is active on; returns the bodies of [`ASKED`] checks, each
/// naming one ordered estate.
async fn order_world(
    db: &DatabaseConnection,
    product_id: i32,
    installations: &[(i32, String)],
) -> Result<Vec<String>, String> {
    let mut p: product::ActiveModel = product::Entity::find_by_id(product_id)
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no product")?
        .into();
    p.kind = Set(ProductKind::OrderIntegration);
    sea_orm::ActiveModelTrait::update(p, db)
        .await
        .map_err(|e| e.to_string())?;
    let rows = (0..ORDERS)
        .map(|i| {
            let (inst, _) = &installations[i % installations.len()];
            order::ActiveModel {
                public_id: Set(format!("ord_bench{i:08}")),
                installation_id: Set(*inst),
                product_id: Set(product_id),
                object_type: Set("estate".into()),
                object_id: Set(format!("{}", 100_000 + i)),
                ordered_by_name: Set("Bench".into()),
                ordered_by_email: Set("bench@example.com".into()),
                data: Set("{}".into()),
                status: Set(app::glossary::OrderStatus::Open),
                created_at: Set(now()),
                updated_at: Set(now()),
                completed_at: Set(None),
                ..Default::default()
            }
        })
        .collect();
    insert_chunks(db, rows).await?;
    // The figures mean something only if the asked estates are ordered: ask about one.
    let (inst, _) = &installations[0];
    let w =
        app::features::orders::service::window::window(db, *inst, product_id, "estate", "100000")
            .await
            .map_err(|e| e.to_string())?;
    if w.is_none() {
        return Err("the first asked estate has no order".into());
    }
    // Spread over the orders, so the asked estates lie on every installation.
    Ok((0..ASKED)
        .map(|k| {
            let i = k * (ORDERS / ASKED);
            let (_, iid) = &installations[i % installations.len()];
            let estate = 100_000 + i;
            format!(r#"{{"installation_id":"{iid}","function":"estates.read","object":{{"type":"estate","id":"{estate}"}}}}"#)
        })
        .collect())
}

/// The bodies of installation-wide checks of estates.read on these installations.
fn wide_checks(installations: &[(i32, String)]) -> Vec<String> {
    installations
        .iter()
        .map(|(_, iid)| format!(r#"{{"installation_id":"{iid}","function":"estates.read"}}"#))
        .collect()
}

/// Drives the server with these check bodies (in turn) for [`MEASURE`], prints the figures and
/// returns the checks per second.
async fn load(addr: &str, bodies: &[String], label: &str) -> Result<f64, String> {
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT}:{SECRET}"));
    let (host, bodies) = (addr.to_owned(), bodies.to_vec());
    let request = move |c: usize, n: usize| {
        let body = &bodies[(c + n * CONNECTIONS) % bodies.len()];
        format!(
            "POST /api/v1/access-checks HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {auth}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let (all, errors) = drive(addr, CONNECTIONS, Instant::now() + MEASURE, 200, request).await?;
    let rate = all.len() as f64 / MEASURE.as_secs_f64();
    println!(
        "{label:>18}: {:>8.0} checks/s   p50 {:>6.2} ms   p99 {:>6.2} ms   ({} requests, {} not 200, {CONNECTIONS} connections)",
        rate,
        quantile(&all, 0.50).as_secs_f64() * 1e3,
        quantile(&all, 0.99).as_secs_f64() * 1e3,
        all.len(),
        errors
    );
    Ok(rate)
}

/// Runs the benchmark.
pub async fn access_checks() -> Result<(), String> {
    let (db, url, dir) = temp_sqlite("bench").await?;
    app::server::db::migrate(&db)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Seeding {PRODUCTS} products, {INSTALLATIONS} installations and 1,000 activations in {}",
        dir.display()
    );
    let (first, products) = seed(&db).await?;
    activate(&db, &products, 0..1_000).await?;
    // The benchmarked credential's product is active on these installations.
    let acts = activation::Entity::find()
        .filter(activation::Column::ProductId.eq(first))
        .all(&db)
        .await
        .map_err(|e| e.to_string())?;
    let ids: Vec<i32> = acts.iter().map(|a| a.installation_id).collect();
    let installations: Vec<(i32, String)> = installation::Entity::find()
        .filter(installation::Column::Id.is_in(ids))
        .all(&db)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|i| (i.id, i.installation_id))
        .collect();
    let wide = wide_checks(&installations);
    let addr = "127.0.0.1:3999";
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = tokio::process::Command::new(exe)
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", addr)
        .env("PORTICO_ENV", "test")
        .env("PORTICO_SECRET_KEY", KEY)
        // Measure the decision, not the per-credential limit (10,000/s by default).
        .env("PORTICO_API_RATE_LIMIT", "1000000")
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| e.to_string())?;
    wait_ready(addr).await?;
    load(addr, &wide, "warm-up").await?;
    load(addr, &wide, "1k activations").await?;
    println!("Adding 99,000 activations (100,000 in all)");
    activate(&db, &products, 1_000..100_000).await?;
    let wide_rate = load(addr, &wide, "100k activations").await?;
    println!(
        "The product takes orders: {ORDERS} open orders on its installations; object-scoped checks ask about {ASKED} ordered estates in turn"
    );
    let object_checks = order_world(&db, first, &installations).await?;
    load(addr, &object_checks, "warm-up").await?;
    let scoped_rate = load(addr, &object_checks, "object-scoped").await?;
    println!(
        "object-scoped checks/s are {:.0}% of the installation-wide case's (100k activations)",
        scoped_rate / wide_rate * 100.0
    );
    let _ = child.kill().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
