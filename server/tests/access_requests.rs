//! "Request access" over HTTP with the demo data, as a browser without JavaScript does it: the
//! public page, the plain form post, the e-mailed link's page and its button, the operator's
//! queue page, and the approval, after which the new partner's contact person signs in as its
//! admin.
mod common;

use app::features::accounts::api::GetSession;
use app::features::onboarding::api::{
    ApproveAccessRequest, ConfirmAccessRequest, ListAccessRequests, RequestAccess,
};
use app::features::onboarding::dto::AccessQueuePage;
use app::glossary::Environment;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;

fn signed_out_page(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap()
}

/// A plain (no-JavaScript) form post of a server function from `from`.
fn form_post(path: &str, body: String, from: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, format!("http://127.0.0.1:3000{from}"))
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_company_asks_confirms_and_is_approved_without_javascript() {
    let (app, db) = app_with(Environment::Test).await;
    let (status, _, html) = send(&app, signed_out_page("/sign-in")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("href=\"/request-access\""),
        "the sign-in page links to it"
    );
    let (status, _, html) = send(&app, signed_out_page("/request-access")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Send request") && html.contains("name=\"organization_name\""));

    let body = form(&[
        ("kind", "partner"),
        ("organization_name", "Fjellvann Data AS"),
        ("business_id_scheme", "business:NO:ORG"),
        ("business_id", "923609016"),
        ("contact_name", "Pia Partner"),
        ("email", "pia@fjellvann.example"),
        ("message", "Viewing bookings for estate agents"),
    ]);
    let (status, headers, _) = send(
        &app,
        form_post(RequestAccess::PATH, body, "/request-access"),
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers["location"], "/request-access?sent=1");
    let link = mailed_link(&app, "pia@fjellvann.example").await;
    assert!(link.contains("/request-access/confirm?token="), "{link}");
    let token = link_token(&link).to_owned();

    // Opening the link shows what it confirms and changes nothing; the button confirms.
    let path = format!("/request-access/confirm?token={token}");
    let (status, _, html) = send(&app, signed_out_page(&path)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Fjellvann Data AS") && html.contains("Confirm request"),
        "{html}"
    );
    let ops = sign_in(&app, "ops@portico.example").await;
    let operator = org_id(&db, "Portico Platform").await.to_string();
    let list = form(&[("org_id", &operator), ("status", "new"), ("cursor", "")]);
    let (_, _, text) = send(&app, call(ListAccessRequests::PATH, &list, Some(&ops))).await;
    let queue: AccessQueuePage = serde_json::from_str(&text).unwrap();
    let ours = |q: &AccessQueuePage| {
        q.rows
            .iter()
            .find(|r| r.organization_name == "Fjellvann Data AS")
            .map(|r| r.id)
    };
    // The demo's two requests wait; ours, unconfirmed, is not in the queue yet.
    assert_eq!((ours(&queue), queue.waiting), (None, 2));
    let confirm = form(&[("token", &token)]);
    let (status, headers, _) =
        send(&app, form_post(ConfirmAccessRequest::PATH, confirm, &path)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers["location"], "/request-access/confirm?done=1");

    // The operator's queue page lists it for the staff, with the decision.
    let (status, _, html) = send(&app, page(&format!("/o/{operator}/access-requests"), &ops)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Fjellvann Data AS") && html.contains("Approve and create partner"),
        "{html}"
    );
    let (_, _, text) = send(&app, call(ListAccessRequests::PATH, &list, Some(&ops))).await;
    let queue: AccessQueuePage = serde_json::from_str(&text).unwrap();
    let id = ours(&queue).expect("confirmed: in the queue");
    assert_eq!(queue.waiting, 3);
    let approve = form(&[("org_id", &operator), ("id", &id.to_string())]);
    let (status, _, text) =
        send(&app, call(ApproveAccessRequest::PATH, &approve, Some(&ops))).await;
    assert_eq!(status, StatusCode::OK, "{text}");

    // Pia's invitation signs her in as the new partner's admin.
    let pia = sign_in(&app, "pia@fjellvann.example").await;
    let (_, _, text) = send(&app, call(GetSession::PATH, "", Some(&pia))).await;
    let session: app::features::accounts::dto::SessionDto = serde_json::from_str(&text).unwrap();
    let m = &session.memberships[0];
    assert_eq!(m.organization_name, "Fjellvann Data AS");
    assert_eq!(
        (m.kind, m.role),
        (app::glossary::OrgKind::Partner, app::glossary::Role::Admin)
    );
}
