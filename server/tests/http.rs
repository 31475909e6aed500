//! HTTP tests of the whole router: sign-in over real requests, the cookie, the same-origin
//! guard, the dev mailbox and unforgeable page messages.
mod common;

use app::features::accounts::api::{GetSession, SignOut};
use app::features::accounts::dto::SessionDto;
use app::glossary::Environment;
use app::server::testing::config_for;
use app::server::Config;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;
use server::config::ServerConfig;

#[tokio::test]
async fn health_and_readiness() {
    let (app, _) = app_with(Environment::Test).await;
    assert_eq!(
        send(&app, Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, Request::get("/readyz").body(Body::empty()).unwrap())
            .await
            .0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn sign_in_over_http_gives_a_session() {
    let (app, _) = app_with(Environment::Test).await;
    let cookie = sign_in(&app, "kari@solheim.example").await;
    let (status, _, body) = send(&app, call(GetSession::PATH, "", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let session: Option<SessionDto> = serde_json::from_str(&body).unwrap();
    let session = session.expect("signed in");
    assert_eq!(session.email, "kari@solheim.example");
    assert_eq!(session.memberships.len(), 1);
    assert_eq!(session.env_badge.as_deref(), Some("TEST"));

    // Sign-out ends the session on the server.
    send(&app, call(SignOut::PATH, "", Some(&cookie))).await;
    let (_, _, body) = send(&app, call(GetSession::PATH, "", Some(&cookie))).await;
    assert_eq!(
        serde_json::from_str::<Option<SessionDto>>(&body).unwrap(),
        None
    );
}

#[tokio::test]
async fn a_plain_form_post_is_redirected_back() {
    let (app, _) = app_with(Environment::Test).await;
    let req = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/sign-in")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("email=nobody%40example.com"))
        .unwrap();
    let (status, headers, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        headers.get("location").map(String::as_str),
        Some("/sign-in?sent=1")
    );
}

#[tokio::test]
async fn cross_site_state_changes_are_refused() {
    let (app, _) = app_with(Environment::Test).await;
    let body = "email=kari%40solheim.example";
    let cross = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, cross).await.0, StatusCode::FORBIDDEN);
    let no_headers = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, no_headers).await.0, StatusCode::FORBIDDEN);
    let other_origin = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, other_origin).await.0, StatusCode::FORBIDDEN);
    let same_origin = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "http://127.0.0.1:3000")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, same_origin).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_dev_mailbox_does_not_exist_in_production() {
    let (app, _) = app_with(Environment::Production).await;
    let (status, _, _) = send(
        &app,
        Request::get("/dev/mailbox.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    let err = ServerConfig::from_lookup(env(&[
        ("PORTICO_ENV", "production"),
        ("PORTICO_DEV_MAILBOX", "1"),
    ]))
    .unwrap_err();
    assert!(err.contains("PORTICO_DEV_MAILBOX"), "{err}");
    let err = ServerConfig::from_lookup(env(&[("PORTICO_ENV", "production")])).unwrap_err();
    assert!(err.contains("PORTICO_SECRET_KEY"), "{err}");
    let prod = ServerConfig::from_lookup(env(&[
        ("PORTICO_ENV", "production"),
        ("PORTICO_SECRET_KEY", "0123456789abcdef0123456789abcdef"),
    ]))
    .unwrap();
    assert!(!prod.app.dev_mailbox);
    let dev = ServerConfig::from_lookup(env(&[])).unwrap();
    assert!(
        dev.app.dev_mailbox,
        "outside production, no SMTP means the dev mailbox"
    );
    assert!(ServerConfig::from_lookup(env(&[("PORTICO_ENV", "staging")])).is_err());
    // The language and the time zone: defaults, a choice, and clear refusals.
    assert_eq!(dev.app.default_lang, app::i18n::Lang::En);
    assert_eq!(dev.app.time_zone, chrono_tz::Europe::Oslo);
    let nb = ServerConfig::from_lookup(env(&[
        ("PORTICO_DEFAULT_LOCALE", "nb"),
        ("PORTICO_TIME_ZONE", "America/New_York"),
    ]))
    .unwrap();
    assert_eq!(nb.app.default_lang, app::i18n::Lang::Nb);
    assert_eq!(nb.app.time_zone, chrono_tz::America::New_York);
    let err = ServerConfig::from_lookup(env(&[("PORTICO_DEFAULT_LOCALE", "de")])).unwrap_err();
    assert!(
        err.contains("PORTICO_DEFAULT_LOCALE must be en or nb"),
        "{err}"
    );
    let err = ServerConfig::from_lookup(env(&[("PORTICO_TIME_ZONE", "Mars/Olympus")])).unwrap_err();
    assert!(err.contains("PORTICO_TIME_ZONE"), "{err}");
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed() {
    let config = Config {
        public_url: "https://portico.example".into(),
        ..config_for(Environment::Test)
    };
    let (app, _) = app_with_config(config).await;
    let body = form(&[("email", "kari@solheim.example")]);
    assert_eq!(
        send(&app, call(RequestSignIn::PATH, &body, None)).await.0,
        StatusCode::OK
    );
    let (_, _, mailbox) = send(
        &app,
        Request::get("/dev/mailbox.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let mails: Vec<serde_json::Value> = serde_json::from_str(&mailbox).unwrap();
    let link = mails[0]["links"][0].as_str().unwrap().to_owned();
    assert!(
        link.starts_with("https://portico.example/sign-in/confirm?token="),
        "{link}"
    );
    let token = link.split_once("token=").unwrap().1;
    let (_, headers, _) = send(
        &app,
        call(ConfirmSignIn::PATH, &form(&[("token", token)]), None),
    )
    .await;
    let cookies = &headers["set-cookie"];
    let cookie = cookies
        .lines()
        .find(|c| c.starts_with("__Host-portico_session="))
        .unwrap_or_else(|| panic!("no session cookie: {cookies}"));
    // The language cookie is Secure over https too.
    assert!(
        cookies
            .lines()
            .any(|c| c.starts_with("portico_lang=en") && c.contains("Secure")),
        "{cookies}"
    );
    for attr in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "cookie lacks {attr}: {cookie}");
    }
}

#[tokio::test]
async fn page_messages_in_urls_cannot_be_forged() {
    let (app, _) = app_with(Environment::Test).await;
    // A crafted link: the message is dropped, other parameters kept.
    let forged = Request::get("/sign-in?error=Your%20account%20is%20suspended&x=1")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = send(&app, forged).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/sign-in?x=1");
    let wrong = Request::get("/sign-in?error=Hi&_m=00000000000000000000000000000000")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, wrong).await.0, StatusCode::SEE_OTHER);
    // A failed no-JavaScript form post comes back signed, and the signed page is served.
    let req = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::REFERER, "http://127.0.0.1:3000/sign-in")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("email=not-an-address"))
        .unwrap();
    let (status, headers, _) = send(&app, req).await;
    assert!(status.is_redirection(), "{status}");
    let location = headers["location"].clone();
    assert!(
        location.contains("__err=") && location.contains("&_m="),
        "{location}"
    );
    let path = location
        .strip_prefix("http://127.0.0.1:3000")
        .unwrap_or(&location)
        .to_owned();
    let (status, _, page) = send(
        &app,
        Request::get(path.clone()).body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("role=\"alert\""), "the error is shown");
    // Failing again from that page (its URL, old signature included, is the Referer) signs
    // the new message afresh.
    let again = Request::post(RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::REFERER, format!("http://127.0.0.1:3000{path}"))
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("email=still-not-an-address"))
        .unwrap();
    let (_, headers, _) = send(&app, again).await;
    let location = headers["location"].clone();
    assert_eq!(location.matches("_m=").count(), 1, "{location}");
    let path = location
        .strip_prefix("http://127.0.0.1:3000")
        .unwrap_or(&location)
        .to_owned();
    let (status, _, page) = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("role=\"alert\""), "the new error is shown");
}

#[tokio::test]
async fn error_pages_have_a_title() {
    let (app, db) = app_with(Environment::Test).await;
    let kari = sign_in(&app, "kari@solheim.example").await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    for (path, status, title) in [
        (
            "/no-such-page".to_owned(),
            StatusCode::NOT_FOUND,
            "Not found",
        ),
        (
            format!("/o/{nordic}/products"),
            StatusCode::FORBIDDEN,
            "Access denied",
        ),
    ] {
        let (got, _, body) = send(&app, page(&path, &kari)).await;
        assert_eq!(got, status, "{path}");
        assert!(
            body.contains(&format!("<title>{title} · Portico</title>")),
            "{path}: {body}"
        );
    }
}
