//! HTTP tests of the whole router: sign-in over real requests, the cookie, the same-origin
//! guard, the dev mailbox, and every server function refusing another organization's user.
use app::api;
use app::dto::{Environment, SessionDto};
use app::error::AppError;
use app::server::entities::{organization, user};
use app::server::{db, AppState, Config};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use server::config::ServerConfig;
use std::collections::HashMap;
use tower::ServiceExt;

fn test_config(env: Environment) -> Config {
    Config {
        env,
        public_url: "http://127.0.0.1:3000".into(),
        dev_mailbox: env != Environment::Production,
        secret_key: app::server::secrets::SecretKey::new("http test key, thirty-two bytes or more"),
        push_allow: app::server::push::address::AllowList::parse("127.0.0.1/32").unwrap(),
        api_rate_limit: server::api_v1::RATE_LIMIT_PER_SECOND,
        trusted_proxies: Default::default(),
    }
}

async fn app_with(env: Environment) -> (Router, DatabaseConnection) {
    app_with_config(test_config(env)).await
}

async fn app_with_config(config: Config) -> (Router, DatabaseConnection) {
    let conn = db::connect("sqlite::memory:").await.unwrap();
    db::migrate(&conn).await.unwrap();
    server::seed::seed_demo(&conn, &config).await.unwrap();
    let state = AppState::new(conn.clone(), config);
    let options = LeptosOptions::builder().output_name("portico").build();
    (server::routes::router(state, options), conn)
}

async fn org_id(db: &DatabaseConnection, name: &str) -> i32 {
    organization::Entity::find()
        .filter(organization::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A same-origin server function call as the browser's JavaScript makes it.
fn call(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("sec-fetch-site", "same-origin");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, format!("portico_session={c}"));
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, HashMap<String, String>, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let bytes = axum::body::to_bytes(res.into_body(), 10 << 20)
        .await
        .unwrap();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.replace('%', "%25")
                    .replace('@', "%40")
                    .replace(' ', "+")
                    .replace('&', "%26")
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Signs in over HTTP through the dev mailbox and returns the session cookie's value.
async fn sign_in(app: &Router, email: &str) -> String {
    let (status, _, body) = send(
        app,
        call(api::RequestSignIn::PATH, &form(&[("email", email)]), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, mailbox) = send(
        app,
        Request::get("/dev/mailbox.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mails: Vec<serde_json::Value> = serde_json::from_str(&mailbox).unwrap();
    let link = mails
        .iter()
        .find(|m| m["to"] == email)
        .expect("mail to the user")["links"][0]
        .as_str()
        .unwrap()
        .to_owned();
    let token = link.split_once("token=").unwrap().1;
    let (status, headers, body) = send(
        app,
        call(api::ConfirmSignIn::PATH, &form(&[("token", token)]), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = headers.get("set-cookie").expect("a session cookie").clone();
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "cookie lacks {attr}: {cookie}");
    }
    let value = cookie
        .split(';')
        .next()
        .unwrap()
        .strip_prefix("portico_session=")
        .unwrap()
        .to_owned();
    assert!(value.len() >= 43, "at least 256 bits of randomness");
    value
}

fn error_of(body: &str) -> AppError {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not an AppError ({e}): {body}"))
}

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
    let (status, _, body) = send(&app, call(api::GetSession::PATH, "", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let session: Option<SessionDto> = serde_json::from_str(&body).unwrap();
    let session = session.expect("signed in");
    assert_eq!(session.email, "kari@solheim.example");
    assert_eq!(session.memberships.len(), 1);
    assert_eq!(session.env_badge.as_deref(), Some("TEST"));

    // Sign-out ends the session on the server.
    send(&app, call(api::SignOut::PATH, "", Some(&cookie))).await;
    let (_, _, body) = send(&app, call(api::GetSession::PATH, "", Some(&cookie))).await;
    assert_eq!(
        serde_json::from_str::<Option<SessionDto>>(&body).unwrap(),
        None
    );
}

#[tokio::test]
async fn a_plain_form_post_is_redirected_back() {
    let (app, _) = app_with(Environment::Test).await;
    let req = Request::post(api::RequestSignIn::PATH)
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
    let cross = Request::post(api::RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, cross).await.0, StatusCode::FORBIDDEN);
    let no_headers = Request::post(api::RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, no_headers).await.0, StatusCode::FORBIDDEN);
    let other_origin = Request::post(api::RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, other_origin).await.0, StatusCode::FORBIDDEN);
    let same_origin = Request::post(api::RequestSignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "http://127.0.0.1:3000")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, same_origin).await.0, StatusCode::OK);
}

#[tokio::test]
async fn every_server_function_refuses_another_organizations_user() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let operator = org_id(&db, "Portico Platform").await.to_string();
    let solheim = org_id(&db, "Solheim Eiendom AS").await.to_string();
    let anna = user::Entity::find()
        .filter(user::Column::Email.eq("anna@nordic-integrations.example"))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let product = "1".to_string(); // the demo product of Nordic Integrations
                                   // Ingrid is an admin of Fjord Megling only.
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let mut calls: Vec<(&str, String)> = vec![
        (api::GetOrgOverview::PATH, form(&[("org_id", &nordic)])),
        (api::ListMembers::PATH, form(&[("org_id", &nordic)])),
        (
            api::InviteMember::PATH,
            form(&[
                ("org_id", &nordic),
                ("email", "eve@evil.example"),
                ("role", "admin"),
            ]),
        ),
        (
            api::ChangeRole::PATH,
            form(&[("org_id", &nordic), ("user_id", &anna), ("role", "member")]),
        ),
        (
            api::RemoveMember::PATH,
            form(&[("org_id", &nordic), ("user_id", &anna)]),
        ),
        (api::ListOrganizations::PATH, form(&[("org_id", &operator)])),
        (
            api::CreateOrganization::PATH,
            form(&[
                ("org_id", &operator),
                ("kind", "partner"),
                ("name", "Evil AS"),
            ]),
        ),
        (
            api::GetOrganizationDetail::PATH,
            form(&[("org_id", &operator), ("id", &nordic)]),
        ),
        (
            api::CreateInstallation::PATH,
            form(&[
                ("org_id", &operator),
                ("customer_id", &solheim),
                ("installation_id", "EVIL"),
                ("name", "Evil"),
            ]),
        ),
        (
            api::SetContactPerson::PATH,
            form(&[
                ("org_id", &operator),
                ("target_id", &nordic),
                ("email", "eve@evil.example"),
            ]),
        ),
        (api::ListCatalog::PATH, form(&[("org_id", &operator)])),
        (
            api::ImportCatalog::PATH,
            form(&[("org_id", &operator), ("catalog", r#"{"functions":[]}"#)]),
        ),
        (
            api::ListProducts::PATH,
            form(&[("org_id", &nordic), ("search", ""), ("status", "")]),
        ),
        (
            api::CreateProduct::PATH,
            form(&[
                ("org_id", &nordic),
                ("name", "Evil Sync"),
                ("kind", "rights"),
                ("description", ""),
            ]),
        ),
        (
            api::UpdateProduct::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("name", "Evil"),
                ("kind", "rights"),
                ("description", ""),
            ]),
        ),
        (
            api::GetProduct::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::SetProductAccess::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("mode", "all"),
            ]),
        ),
        (
            api::RetireProduct::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::GetPicker::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::NewVersion::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::DiscardDraft::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::ActivateVersion::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
    ];
    let customer_calls: Vec<(&str, String)> = vec![
        (
            api::GetSuppliers::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", ""),
                ("search", ""),
                ("kind", ""),
            ]),
        ),
        (
            api::GetProductPanel::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
            ]),
        ),
        (
            api::ActivateProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLBER"),
                ("product_id", &product),
                ("version", "1"),
            ]),
        ),
        (
            api::UpgradeProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
                ("version", "1"),
            ]),
        ),
        (
            api::DeactivateProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
            ]),
        ),
        (api::ListNotifications::PATH, form(&[("org_id", &solheim)])),
        (
            api::MarkNotificationsRead::PATH,
            form(&[("org_id", &solheim)]),
        ),
    ];
    calls.extend(customer_calls);
    calls.push((
        api::GetCredentials::PATH,
        form(&[("org_id", &nordic), ("product_id", &product)]),
    ));
    calls.push((
        api::RevokeAccessKey::PATH,
        form(&[
            ("org_id", &nordic),
            ("product_id", &product),
            ("key_id", "1"),
        ]),
    ));
    // Legacy grants (operator) and push subscriptions (partner).
    let sub = ("subscription", "sub_unknown");
    let more: Vec<(&str, String)> = vec![
        (
            api::AddLegacyGrant::PATH,
            form(&[
                ("org_id", &operator),
                ("partner_id", &nordic),
                ("installation_id", "SOLOSL"),
                ("function", "bids.list"),
                ("note", ""),
            ]),
        ),
        (
            api::RemoveLegacyGrant::PATH,
            form(&[("org_id", &operator), ("grant_id", "1")]),
        ),
        (api::ListLegacyAccess::PATH, form(&[("org_id", &nordic)])),
        (
            api::SetOrganizationActive::PATH,
            form(&[
                ("org_id", &operator),
                ("target_id", &solheim),
                ("active", "false"),
            ]),
        ),
        (
            api::SetInstallationActive::PATH,
            form(&[
                ("org_id", &operator),
                ("installation", "1"),
                ("active", "false"),
            ]),
        ),
        (
            api::GetSubscriptionForm::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            api::ListSubscriptions::PATH,
            form(&[("org_id", &nordic), ("filter", "")]),
        ),
        (
            api::CreateSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("url", "https://example.com/hook"),
                ("event_types[0]", "estate.updated"),
                ("description", ""),
            ]),
        ),
        (
            api::GetSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                sub,
                ("status", "all"),
                ("search", ""),
                ("before", ""),
                ("after", ""),
            ]),
        ),
        (
            api::UpdateSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                sub,
                ("url", "https://example.com/hook"),
                ("description", ""),
            ]),
        ),
        (
            api::SetSubscriptionEnabled::PATH,
            form(&[("org_id", &nordic), sub, ("enable", "false")]),
        ),
        (
            api::DeleteSubscription::PATH,
            form(&[("org_id", &nordic), ("product_id", &product), sub]),
        ),
        (
            api::RotateSubscriptionSecret::PATH,
            form(&[("org_id", &nordic), sub]),
        ),
        (api::SendTestEvent::PATH, form(&[("org_id", &nordic), sub])),
        (
            api::HideSubscriptionSecret::PATH,
            form(&[("org_id", &nordic), sub]),
        ),
        (
            api::Redeliver::PATH,
            form(&[("org_id", &nordic), sub, ("delivery", "msg_x")]),
        ),
        (
            api::ReplayFailed::PATH,
            form(&[("org_id", &nordic), sub, ("since", "2026-11-01T00:00")]),
        ),
    ];
    calls.extend(more);
    // "Create access key" (a plain form) refuses too, and shows no secret.
    let (status, _, page) = send(
        &app,
        call(
            &format!("/o/{nordic}/products/{product}/keys"),
            "",
            Some(&ingrid),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("You do not have access to this.") && !page.contains("psk_"),
        "{page}"
    );
    // "Save changes" in the picker posts JSON.
    let save = serde_json::json!({"org_id": nordic.parse::<i32>().unwrap(), "product_id": 1, "version": 1,
        "changes": [{"function_key": "bids.list", "required": true, "filters": {}}]});
    let mut req = call(api::SaveFunctions::PATH, &save.to_string(), Some(&ingrid));
    req.headers_mut()
        .insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    let (_, _, text) = send(&app, req).await;
    assert_eq!(error_of(&text), AppError::Forbidden, "save_functions");
    // The picker's plain form (no JavaScript) refuses too.
    let form_path = format!("/o/{nordic}/products/{product}/functions/save");
    let body = "version=1&function_key=bids.list&required=on";
    let (status, headers, _) = send(&app, call(&form_path, body, Some(&ingrid))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"].contains("error=You%20do%20not%20have%20access"),
        "{:?}",
        headers["location"]
    );
    let (_, headers, _) = send(&app, call(&form_path, body, None)).await;
    assert_eq!(headers["location"], "/sign-in");
    // So does the logo upload, and no logo appears.
    let multipart = "--XB\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"l.svg\"\r\n\
                     Content-Type: image/svg+xml\r\n\r\n<svg></svg>\r\n--XB--\r\n";
    let mut req = call(
        &format!("/o/{nordic}/products/{product}/logo"),
        multipart,
        Some(&ingrid),
    );
    req.headers_mut().insert(
        header::CONTENT_TYPE,
        "multipart/form-data; boundary=XB".parse().unwrap(),
    );
    let (status, headers, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"].contains("error=You%20do%20not%20have%20access"),
        "{:?}",
        headers["location"]
    );
    let (status, _, _) = send(
        &app,
        Request::get(format!("/logos/{product}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for (path, body) in &calls {
        let (status, _, text) = send(&app, call(path, body, Some(&ingrid))).await;
        assert_ne!(status, StatusCode::OK, "{path} answered OK to an outsider");
        assert_eq!(error_of(&text), AppError::Forbidden, "{path}");
        // Signed out, the same call asks to sign in.
        let (_, _, text) = send(&app, call(path, body, None)).await;
        assert_eq!(error_of(&text), AppError::NotSignedIn, "{path} signed out");
    }
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
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_prefixed() {
    let config = Config {
        public_url: "https://portico.example".into(),
        ..test_config(Environment::Test)
    };
    let (app, _) = app_with_config(config).await;
    let body = form(&[("email", "kari@solheim.example")]);
    assert_eq!(
        send(&app, call(api::RequestSignIn::PATH, &body, None))
            .await
            .0,
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
        call(api::ConfirmSignIn::PATH, &form(&[("token", token)]), None),
    )
    .await;
    let cookie = &headers["set-cookie"];
    assert!(cookie.starts_with("__Host-portico_session="), "{cookie}");
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
    let req = Request::post(api::RequestSignIn::PATH)
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
    let again = Request::post(api::RequestSignIn::PATH)
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
