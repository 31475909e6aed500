//! The audit log over HTTP with the demo data: the page and its server function for an
//! organization's admins only, and the CSV export streamed in chunks, refused to anyone else.
mod common;

use app::error::AppError;
use app::features::accounts::api::SetOrganizationActive;
use app::features::audit::api::ListAuditLog;
use app::glossary::Environment;
use app::server::audit;
use app::server::scope::Actor;
use axum::http::StatusCode;
use common::*;
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn the_audit_log_is_for_the_organizations_admins_and_exports_in_chunks() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let max = sign_in(&app, "max@nordic-integrations.example").await;
    // More entries than one chunk of the export holds, and one of another organization.
    let someone = Actor::user(0, "someone@nordic-integrations.example", None);
    for i in 0..1_100 {
        audit::record(
            &db,
            &someone,
            Some(nordic),
            "product.renamed",
            &format!("Name {i}"),
            "",
        )
        .await
        .unwrap();
    }
    let fjord = org_id(&db, "Fjord Megling AS").await;
    audit::record(
        &db,
        &someone,
        Some(fjord),
        "secret.thing",
        "Fjord's own",
        "",
    )
    .await
    .unwrap();

    let body = form(&[
        ("org_id", &nordic.to_string()),
        ("query[person]", "someone"),
    ]);
    let (status, _, text) = send(&app, call(ListAuditLog::PATH, &body, Some(&anna))).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let first: app::features::audit::dto::AuditPage = serde_json::from_str(&text).unwrap();
    assert_eq!(first.rows.len(), 50);
    assert!(first.next_cursor.is_some());
    for (who, expected) in [
        (Some(&ingrid), AppError::Forbidden),
        (Some(&max), AppError::Forbidden),
        (None, AppError::NotSignedIn),
    ] {
        let (_, _, text) = send(
            &app,
            call(ListAuditLog::PATH, &body, who.map(|s| s.as_str())),
        )
        .await;
        assert_eq!(error_of(&text), expected);
    }

    // The operator's staff reactivate Nordic: Nordic's admins see it, and whom it was about.
    let ops = sign_in(&app, "ops@portico.example").await;
    let operator = org_id(&db, "Portico Platform").await.to_string();
    let reactivate = form(&[
        ("org_id", &operator),
        ("target_id", &nordic.to_string()),
        ("active", "true"),
    ]);
    let (status, _, text) = send(
        &app,
        call(SetOrganizationActive::PATH, &reactivate, Some(&ops)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let body = form(&[
        ("org_id", &nordic.to_string()),
        ("query[action]", "organization."),
    ]);
    let (_, _, text) = send(&app, call(ListAuditLog::PATH, &body, Some(&anna))).await;
    let theirs: app::features::audit::dto::AuditPage = serde_json::from_str(&text).unwrap();
    let entry = theirs
        .rows
        .iter()
        .find(|r| r.action == "organization.reactivated")
        .expect("the operator's change");
    assert_eq!(
        (
            entry.actor.as_str(),
            entry.acting_as.as_deref(),
            entry.about.as_deref()
        ),
        (
            "ops@portico.example",
            Some("Portico Platform"),
            Some("Nordic Integrations AS")
        )
    );

    let csv = format!("/o/{nordic}/audit-log.csv?person=someone");
    let (status, headers, text) = send(&app, page(&csv, &anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(headers["cache-control"], "private, no-store");
    // The header and all 1,100 entries, across three chunks; nothing of Fjord's.
    assert_eq!(text.lines().count(), 1_101, "{}", &text[..200]);
    assert!(
        text.contains(",Name 0,") && text.contains(",Name 1099,") && !text.contains("Fjord's own")
    );
    for outsider in [&ingrid, &max] {
        let (status, _, text) = send(&app, page(&csv, outsider)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!text.contains("Name 0"));
    }
    let (status, headers, _) = send(
        &app,
        axum::http::Request::get(&csv)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(headers["location"], "/sign-in");
    let (status, _, text) = send(
        &app,
        page(&format!("/o/{nordic}/audit-log.csv?from=someday"), &anna),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("someday is not a day"), "{text}");

    // The page itself, with its filters in the address.
    let (status, _, html) = send(
        &app,
        page(&format!("/o/{nordic}/audit-log?person=someone"), &anna),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Audit log")
            && html.contains("Name 1099")
            && html.contains("audit-log.csv?person=someone"),
        "{html}"
    );
}
