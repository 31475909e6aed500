//! Benchmarks (`server bench ...`): figures, not tests. Each seeds a temporary database, starts
//! the server on it as a child process and drives it over loopback from this process.
mod access_checks;
mod push;

pub use access_checks::access_checks;
pub use push::push;

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The server's `PORTICO_SECRET_KEY` in every bench.
const KEY: &str = "bench key: thirty-two bytes or more, for the benchmark only";
/// Keep-alive connections the load generator drives.
const CONNECTIONS: usize = 32;
/// How long each measured case runs.
const MEASURE: Duration = Duration::from_secs(8);

/// Now, as the services write it.
fn now() -> chrono::DateTime<chrono::Utc> {
    app::server::clock::now()
}

/// Inserts rows in chunks of 500, in one transaction.
async fn insert_chunks<E, A>(db: &DatabaseConnection, rows: Vec<A>) -> Result<(), String>
where
    E: EntityTrait,
    A: sea_orm::ActiveModelTrait<Entity = E> + Send,
{
    let txn = db.begin().await.map_err(|e| e.to_string())?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(500).collect();
        E::insert_many(chunk)
            .exec(&txn)
            .await
            .map_err(|e| e.to_string())?;
    }
    txn.commit().await.map_err(|e| e.to_string())
}

/// One keep-alive HTTP/1.1 request; returns the status code.
async fn post(stream: &mut TcpStream, request: &[u8], buf: &mut Vec<u8>) -> Result<u16, String> {
    stream.write_all(request).await.map_err(|e| e.to_string())?;
    buf.clear();
    loop {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed".into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return head
                    .get(9..12)
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| "bad status line".into());
            }
        }
    }
}

/// Waits until the child server answers `/healthz`.
async fn wait_ready(addr: &str) -> Result<(), String> {
    for _ in 0..100 {
        if TcpStream::connect(addr).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the server did not start".into())
}
