//! Benchmarks (`server bench ...`): figures, not tests. Each seeds a temporary database, starts
//! the server on it as a child process and drives it over loopback from this process.
mod access_checks;
mod pages;
mod picker;
mod product_orders;
mod push;
mod sales_units;

pub use access_checks::access_checks;
pub use pages::pages;
pub use picker::{generated_catalog, picker};
pub use product_orders::product_orders;
pub use push::push;
pub use sales_units::sales_units;

use crate::config::ServerConfig;

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use std::time::{Duration, Instant};
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

/// A new SQLite database file in its own temporary directory (`portico-<name>-<pid>`); returns
/// its URL, for a child server, and the directory, to remove at the end.
async fn temp_sqlite(
    name: &str,
) -> Result<(DatabaseConnection, String, std::path::PathBuf), String> {
    let dir = std::env::temp_dir().join(format!("portico-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let url = format!("sqlite://{}/bench.db?mode=rwc", dir.display());
    let db = app::server::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    Ok((db, url, dir))
}

/// The server on `db`, as `serve` runs it, in this process on a free loopback port: its address,
/// and the handle that stops it.
async fn serve(db: &DatabaseConnection, config: &ServerConfig) -> Result<(String, Served), String> {
    let state = app::server::AppState::new(db.clone(), config.app.clone());
    let router = crate::router::router(state, crate::router::leptos_options(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let addr = listener
        .local_addr()
        .map_err(|e| e.to_string())?
        .to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(crate::router::listen(listener, router, async {
        let _ = stopped.await;
    }));
    Ok((addr, Served { stop, task }))
}

/// A server that [`serve`] started.
struct Served {
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Result<(), String>>,
}

impl Served {
    /// Stops the server and waits until it has.
    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// Sends requests over `connections` keep-alive connections until `deadline`; connection `c`
/// sends `request(c, n)` as its `n`th request. Returns every latency and how many answers
/// were not `ok`.
async fn drive<F>(
    addr: &str,
    connections: usize,
    deadline: Instant,
    ok: u16,
    request: F,
) -> Result<(Vec<Duration>, u64), String>
where
    F: Fn(usize, usize) -> String + Clone + Send + 'static,
{
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (addr, request) = (addr.to_owned(), request.clone());
        tasks.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(&addr).await.map_err(|e| e.to_string())?;
            stream.set_nodelay(true).ok();
            let (mut buf, mut latencies, mut not_ok) = (Vec::new(), Vec::new(), 0u64);
            while Instant::now() < deadline {
                let req = request(c, latencies.len());
                let t = Instant::now();
                if post(&mut stream, req.as_bytes(), &mut buf).await? != ok {
                    not_ok += 1;
                }
                latencies.push(t.elapsed());
            }
            Ok::<_, String>((latencies, not_ok))
        }));
    }
    let (mut all, mut not_ok) = (Vec::new(), 0);
    for t in tasks {
        let (latencies, n) = t.await.map_err(|e| e.to_string())??;
        all.extend(latencies);
        not_ok += n;
    }
    all.sort();
    Ok((all, not_ok))
}

/// The `p` quantile (0..1) of sorted latencies.
fn quantile(sorted: &[Duration], p: f64) -> Duration {
    sorted
        .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

/// One keep-alive HTTP/1.1 request; returns the status code once the whole response (sized by
/// `Content-Length` or sent in chunks, as streamed pages are) has arrived.
async fn post(stream: &mut TcpStream, request: &[u8], buf: &mut Vec<u8>) -> Result<u16, String> {
    stream.write_all(request).await.map_err(|e| e.to_string())?;
    buf.clear();
    let mut chunk = [0u8; 16 * 1024];
    // Where the head ends, once it has arrived (a large page comes in many reads).
    let mut head_end = None;
    loop {
        let n = stream.read(&mut chunk).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed".into());
        }
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if head_end.is_none() {
            head_end = buf[from..]
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .map(|p| from + p);
        }
        let Some(end) = head_end else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
        };
        let complete = if header("transfer-encoding:").is_some_and(|v| v.contains("chunked")) {
            chunked_end(&buf[end + 4..]).is_some()
        } else {
            let len: usize = header("content-length:")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            buf.len() >= end + 4 + len
        };
        if complete {
            return head
                .get(9..12)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| "bad status line".into());
        }
    }
}

/// Where a chunked body ends (after its last, empty chunk), if it has all arrived.
fn chunked_end(body: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let line_end = at + body.get(at..)?.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[at..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        let data_end = line_end + 2 + size + 2;
        if body.len() < data_end {
            return None;
        }
        if size == 0 {
            return Some(data_end);
        }
        at = data_end;
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_chunked_body_ends_after_its_empty_chunk() {
        assert_eq!(super::chunked_end(b"5\r\nhello\r\n0\r\n\r\n"), Some(15));
        assert_eq!(super::chunked_end(b"5\r\nhello\r\n"), None);
        assert_eq!(super::chunked_end(b"5\r\nhel"), None);
        assert_eq!(super::chunked_end(b"zz\r\n"), None);
    }
}
