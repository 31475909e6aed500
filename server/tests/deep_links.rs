//! Deep links opened signed out (an e-mailed "upgrade available" link, a bookmark): a real
//! redirect to sign-in that remembers the page, kept through the e-mailed link and honoured
//! after confirmation, never towards another site. Without JavaScript, as plain requests.
mod common;

use app::features::accounts::api::{ConfirmSignIn, RequestSignIn};
use app::glossary::Environment;
use app::paths;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;

/// A page opened by a browser without a session.
fn signed_out_page(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap()
}

/// A plain (no-JavaScript) form post of a server function.
fn form_post(path: &str, body: String) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/sign-in")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_deep_link_opened_signed_out_continues_there_after_sign_in() {
    let (app, db) = app_with(Environment::Test).await;
    let solheim = org_id(&db, "Solheim Eiendom AS").await;
    let planner = demo_product(&db).await.id;
    let deep = paths::supplier_panel(solheim, "SOLOSL", planner);

    // A real redirect (browsers ignore `Location` on a 200), to sign-in with the page kept.
    let (status, headers, body) = send(&app, signed_out_page(&deep)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let to_sign_in = headers["location"].clone();
    assert_eq!(to_sign_in, paths::sign_in_then(&deep));
    assert!(body.is_empty());
    for start in ["/", "/choose", &format!("/o/{solheim}/users")] {
        let (status, headers, _) = send(&app, signed_out_page(start)).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{start}");
        assert!(headers["location"].starts_with("/sign-in"), "{start}");
    }

    // The sign-in form carries the page on, without JavaScript too.
    let (status, _, html) = send(&app, signed_out_page(&to_sign_in)).await;
    assert_eq!(status, StatusCode::OK);
    let kept = format!("name=\"next\" value=\"{}\"", deep.replace('&', "&amp;"));
    assert!(html.contains(&kept), "{html}");

    // The e-mailed link keeps it, and so does the confirmation page it opens.
    let email = "kari@solheim.example";
    let ask = format!(
        "email={}&next={}",
        paths::encode(email),
        paths::encode(&deep)
    );
    let (status, headers, _) = send(&app, form_post(RequestSignIn::PATH, ask)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers["location"], "/sign-in?sent=1");
    let link = mailed_link(&app, email).await;
    assert!(
        link.ends_with(&format!("&next={}", paths::encode(&deep))),
        "{link}"
    );
    let confirm = link.split_once("/sign-in/confirm").unwrap().1;
    let (status, _, html) =
        send(&app, signed_out_page(&format!("/sign-in/confirm{confirm}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&kept), "{html}");

    // Confirming lands on the page, signed in.
    let token = link_token(&link).to_owned();
    let body = format!("token={token}&next={}", paths::encode(&deep));
    let (status, headers, _) = send(&app, form_post(ConfirmSignIn::PATH, body)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers["location"], deep);
    let session = headers["set-cookie"]
        .lines()
        .find_map(|c| c.strip_prefix("portico_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session")
        .to_owned();
    let (status, _, body) = send(&app, page(&deep, &session)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Nordic Showing Planner"));
}

#[tokio::test]
async fn next_never_leads_to_another_site() {
    let (app, _) = app_with(Environment::Test).await;
    let away = [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ];
    for (i, next) in away.iter().enumerate() {
        // Each in its own address, well inside the sign-in limits.
        let email = ["kari@solheim.example", "anna@nordic-integrations.example"][i % 2];
        let ask = format!(
            "email={}&next={}",
            paths::encode(email),
            paths::encode(next)
        );
        let (status, _, _) = send(&app, form_post(RequestSignIn::PATH, ask)).await;
        assert_eq!(status, StatusCode::FOUND);
        let link = mailed_link(&app, email).await;
        assert!(!link.contains("next="), "{next:?} reached the mail: {link}");
        let body = format!("token={}&next={}", link_token(&link), paths::encode(next));
        let (status, headers, _) = send(&app, form_post(ConfirmSignIn::PATH, body)).await;
        assert_eq!(status, StatusCode::FOUND, "{next:?}");
        assert_eq!(headers["location"], "/", "{next:?}");
    }
}
