//! The request log: every request has an ID, in its answer, its problem document and every log
//! line written while serving it. (Its own test binary: it installs a log subscriber, which
//! tests running beside it in one process would disturb.)
mod common;

use app::glossary::Environment;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;

/// A writer the test's log goes to.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn every_request_has_an_id_in_its_answer_its_problem_and_its_log_lines() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    // Other tests may have run these log lines with no subscriber and cached "not wanted".
    tracing::callsite::rebuild_interest_cache();
    let (app, _) = app_with(Environment::Test).await;
    let req = Request::post("/api/v1/access-checks")
        .header("x-request-id", "chosen-by-the-client")
        .header("content-type", "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let (status, headers, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let id = headers["x-request-id"].clone();
    assert_eq!(id.len(), 16, "ours, not the client's: {id}");
    let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["instance"], format!("urn:portico:request:{id}"));
    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(&id))
        .unwrap_or_else(|| panic!("no log line names {id}: {text}"));
    assert!(
        line.contains("/api/v1/access-checks") && line.contains("401"),
        "{line}"
    );
    // Pages have one too, and the page says it (in the head, for the error view).
    let (_, headers, page) =
        send(&app, Request::get("/sign-in").body(Body::empty()).unwrap()).await;
    let id = &headers["x-request-id"];
    assert!(
        page.contains(&format!("<meta name=\"request-id\" content=\"{id}\"")),
        "{page}"
    );
}
