//! What probing a running Portico found, kept fixed: the HTTP status of server function errors
//! and the security headers of every response.
mod common;

use app::error::AppError;
use app::features::accounts::api::InviteMember;
use app::features::products::api::{GetProduct, ListProducts};
use app::features::push::api::GetSubscription;
use app::glossary::Environment;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn server_function_errors_answer_with_their_meaning() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let list = form(&[("org_id", &nordic), ("search", ""), ("status", "")]);
    // Signed out: 401.
    let (status, _, body) = send(&app, call(ListProducts::PATH, &list, None)).await;
    assert_eq!(
        (status, error_of(&body)),
        (StatusCode::UNAUTHORIZED, AppError::NotSignedIn)
    );
    // Another organization's user: 403.
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let (status, _, _) = send(&app, call(ListProducts::PATH, &list, Some(&ingrid))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Bad input: 422.
    let (status, _, body) = send(
        &app,
        call(
            RequestSignIn::PATH,
            &form(&[("email", "not-an-address")]),
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(matches!(error_of(&body), AppError::Invalid(_)));
    // Unknown: 404; a conflict: 409.
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let missing = form(&[("org_id", &nordic), ("product_id", "999")]);
    let (status, _, _) = send(&app, call(GetProduct::PATH, &missing, Some(&anna))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let again = form(&[
        ("org_id", &nordic),
        ("email", "max@nordic-integrations.example"),
        ("role", "member"),
    ]);
    let (status, _, body) = send(&app, call(InviteMember::PATH, &again, Some(&anna))).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // A success is still 200.
    let (status, _, _) = send(&app, call(ListProducts::PATH, &list, Some(&anna))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (app, db) = app_with(Environment::Test).await;
    // A page: a policy whose nonce is the one on the page's scripts.
    let (status, headers, page) =
        send(&app, Request::get("/sign-in").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let csp = &headers["content-security-policy"];
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("object-src 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a script nonce");
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(page.contains(&format!("nonce=\"{nonce}\"")), "{page}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    // Every render gets a fresh nonce.
    let (_, again, _) = send(&app, Request::get("/sign-in").body(Body::empty()).unwrap()).await;
    assert_ne!(again["content-security-policy"], *csp);
    // Other responses (the REST API, health checks) still forbid framing and sniffing.
    for path in ["/healthz", "/api/v1/openapi.json"] {
        let (_, headers, _) = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert!(headers["content-security-policy"].contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    }
    // The subscription page and its server function, which may show the signing secret,
    // are not stored.
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let nils = sign_in(&app, "nils@nordic-integrations.example").await;
    let page = Request::get(format!("/o/{nordic}/products/1/subscriptions/sub_unknown"))
        .header("cookie", format!("portico_session={nils}"))
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = send(&app, page).await;
    assert_eq!(headers["cache-control"], "no-store");
    let body = form(&[
        ("org_id", &nordic),
        ("subscription", "sub_unknown"),
        ("status", ""),
        ("search", ""),
        ("before", ""),
        ("after", ""),
    ]);
    let (_, headers, _) = send(&app, call(GetSubscription::PATH, &body, Some(&nils))).await;
    assert_eq!(headers["cache-control"], "no-store");
    // "Create access key" answers with the app's own page (in the shell), showing the secret
    // once and not stored; opened again, the page shows no secret.
    let keys = format!("/o/{nordic}/products/1/keys");
    let (status, headers, page) = send(&app, call(&keys, "", Some(&nils))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        page.contains("data-testid=\"acting-as\"") && page.contains("psk_"),
        "{page}"
    );
    let again = Request::get(&keys)
        .header("cookie", format!("portico_session={nils}"))
        .body(Body::empty())
        .unwrap();
    let (status, headers, page) = send(&app, again).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        !page.contains("psk_") && page.contains("shown only once"),
        "{page}"
    );
    // So does "Create API key" (the Partner API's keys).
    let api_keys = format!("/o/{nordic}/api-keys/new");
    let (status, headers, page) = send(&app, call(&api_keys, "access=read", Some(&nils))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        page.contains("data-testid=\"acting-as\"") && page.contains("pks_"),
        "{page}"
    );
}

#[tokio::test]
async fn a_crafted_referer_cannot_mint_a_signed_alert() {
    use app::features::accounts::api::GetSession;
    let (app, _) = app_with(Environment::Test).await;
    // A no-JavaScript post to any server function, even one that succeeds signed out, goes
    // back to its Referer: the text planted there must not come back signed.
    for path in [GetSession::PATH, RequestSignIn::PATH] {
        let req = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("host", "127.0.0.1:3000")
            .header(
                "referer",
                "http://127.0.0.1:3000/sign-in?error=Your%20account%20is%20suspended%2C%20call%20us",
            )
            .header("sec-fetch-site", "same-origin")
            .body(Body::from("email=x"))
            .unwrap();
        let (status, headers, _) = send(&app, req).await;
        assert!(status.is_redirection(), "{path}: {status}");
        let location = &headers["location"];
        assert!(!location.contains("suspended"), "{path}: {location}");
        // And the page refuses the text if someone builds the link by hand.
        let page = Request::get("/sign-in?error=Your%20account%20is%20suspended")
            .body(Body::empty())
            .unwrap();
        let (status, headers, _) = send(&app, page).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(headers["location"], "/sign-in");
    }
}
