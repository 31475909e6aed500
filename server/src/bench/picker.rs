//! `server bench picker`: the function picker's server render with large catalogs. Seeds the
//! demo data into a temporary SQLite database, grows its catalog with generated functions to
//! 1,000 and then 10,000, and asks for the picker page one request at a time on one keep-alive
//! connection, whole and searched (`?q=`, as the no-JavaScript search asks). Prints p50, p99
//! and the page's size. The aim is a render of at most 50 ms at 10,000 functions.
use super::pages::{demo_world, org, session_of};
use super::{post, quantile, serve, temp_sqlite};
use crate::config::ServerConfig;
use app::server::entities::api_function;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// The catalog sizes measured.
const SIZES: [usize; 2] = [1_000, 10_000];
/// How long each case is driven before it is measured, and then measured.
const WARM_UP: Duration = Duration::from_millis(500);
const MEASURE: Duration = Duration::from_secs(3);

/// A catalog file of `count` generated functions, numbered from `first`, 40 to an area, every
/// fifth with a filter dimension and every seventh push-capable. The keys (`generated.f<n>`)
/// never meet the shipped catalog's.
pub fn generated_catalog(first: usize, count: usize) -> String {
    let functions: Vec<serde_json::Value> = (first..first + count)
        .map(|n| {
            let mut f = serde_json::json!({
                "key": format!("generated.f{n}"),
                "name": format!("Generated function {n}"),
                "area": format!("Generated area {}", n / 40),
                "description": format!("Reads generated record {n} with its owner, status and history."),
                "method": if n % 3 == 0 { "POST" } else { "GET" },
                "path": format!("/generated/{n}"),
            });
            if n % 5 == 0 {
                f["filters"] = serde_json::json!([
                    {"key": "status", "label": "Status", "values": ["open", "closed"]}
                ]);
            }
            if n % 7 == 0 {
                f["push"] = serde_json::json!({"event_types": [format!("generated.changed_{n}")]});
            }
            f
        })
        .collect();
    serde_json::json!({ "functions": functions }).to_string()
}

/// Runs the benchmark.
pub async fn picker(config: &ServerConfig) -> Result<(), String> {
    let (db, _, dir) = temp_sqlite("bench-picker").await?;
    let planner = demo_world(&db, config).await?;
    let cookie = format!(
        "{}={}",
        app::server::request::cookie_name(&config.app),
        session_of(&db, "anna@nordic-integrations.example").await?
    );
    let nordic = org(&db, "Nordic Integrations AS").await?;
    let (addr, served) = serve(&db, config).await?;
    let page = format!("/o/{nordic}/products/{planner}/functions");
    println!(
        "The picker page's server render, one request at a time, {}s each:",
        MEASURE.as_secs()
    );
    for size in SIZES {
        let have = functions(&db).await?;
        let json = generated_catalog(have, size.saturating_sub(have));
        app::features::catalog::service::import(&db, &json)
            .await
            .map_err(|e| e.to_string())?;
        let size = functions(&db).await?;
        for (label, path) in [
            ("whole list", page.clone()),
            ("searched", format!("{page}?q=function%2077")),
        ] {
            let request =
                format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\n\r\n");
            let (latencies, bytes) = drive_one(&addr, &request).await?;
            println!(
                "{size:>6} functions, {label:>10}: p50 {:>6.2} ms   p99 {:>6.2} ms   {:>5} KB page   ({} requests)",
                quantile(&latencies, 0.50).as_secs_f64() * 1e3,
                quantile(&latencies, 0.99).as_secs_f64() * 1e3,
                bytes / 1024,
                latencies.len(),
            );
        }
    }
    served.stop().await;
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

/// How many API functions the catalog holds.
async fn functions(db: &DatabaseConnection) -> Result<usize, String> {
    api_function::Entity::find()
        .count(db)
        .await
        .map(|n| n as usize)
        .map_err(|e| e.to_string())
}

/// Sends `request` again and again on one connection (a warm-up, then [`MEASURE`]); returns
/// the sorted latencies and the size of the last answer. Any answer but 200 is an error.
async fn drive_one(addr: &str, request: &str) -> Result<(Vec<Duration>, usize), String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    stream.set_nodelay(true).ok();
    let mut buf = Vec::new();
    let warm = Instant::now() + WARM_UP;
    while Instant::now() < warm {
        post(&mut stream, request.as_bytes(), &mut buf).await?;
    }
    let (deadline, mut latencies) = (Instant::now() + MEASURE, Vec::new());
    while Instant::now() < deadline {
        let t = Instant::now();
        let status = post(&mut stream, request.as_bytes(), &mut buf).await?;
        latencies.push(t.elapsed());
        if status != 200 {
            return Err(format!("the picker answered {status}"));
        }
    }
    latencies.sort();
    Ok((latencies, buf.len()))
}
