//! The profile's server functions, for the isolation test: they reach the signed-in user only.
use super::common::*;
use app::error::AppError;
use app::features::accounts::api::{GetProfile, SaveProfileName, SignOutSession};
use app::glossary::Environment;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

/// The profile's server functions act on the signed-in user only: another user's session is not
/// found (and goes on working), and a signed-out visitor is asked to sign in. The page itself
/// shows the user's own ID and this browser.
#[tokio::test]
async fn the_profile_reaches_no_other_users_sessions() {
    let (app, _db) = app_with(Environment::Test).await;
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let (status, _, text) = send(&app, call(GetProfile::PATH, "", Some(&anna))).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let annas: app::features::accounts::dto::ProfileDto = serde_json::from_str(&text).unwrap();
    let annas_session = annas
        .sessions
        .iter()
        .find(|s| s.current)
        .expect("this browser")
        .id;
    let body = form(&[("session_id", &annas_session.to_string())]);
    let (_, _, text) = send(&app, call(SignOutSession::PATH, &body, Some(&ingrid))).await;
    assert_eq!(error_of(&text), AppError::NotFound);
    let (status, _, _) = send(&app, call(GetProfile::PATH, "", Some(&anna))).await;
    assert_eq!(status, StatusCode::OK, "Anna is still signed in");
    for (path, body) in [
        (GetProfile::PATH, String::new()),
        (SaveProfileName::PATH, form(&[("name", "Eve")])),
        (SignOutSession::PATH, body.clone()),
    ] {
        let (_, _, text) = send(&app, call(path, &body, None)).await;
        assert_eq!(error_of(&text), AppError::NotSignedIn, "{path} signed out");
    }
    let (status, _, html) = send(&app, page("/profile", &anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&annas.user_id) && html.contains("This browser"),
        "{html}"
    );
    assert!(!html.contains(&anna), "no cookie value on the page");
}
