//! The profile page's services: the user's own name, user ID and signed-in browsers, and
//! nobody else's.
use crate::error::AppError;
use crate::features::accounts::dto::PROFILE_SESSIONS;
use crate::features::accounts::service::profile::{self, device_of};
use crate::server::entities::{audit_entry, user};
use crate::server::scope::Actor;
use crate::server::session as sessions;
use crate::server::testing::{customer_org, each_db, partner_org};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

const MAX_AGE: chrono::Duration = chrono::Duration::days(30);

const FIREFOX_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/// A session of the actor in a browser with this user agent; its cookie value.
async fn signed_in(db: &DatabaseConnection, actor: &Actor, ua: &str, ip: &str) -> String {
    sessions::start(db, actor.user_id.unwrap(), Some(ip.into()), Some(ua.into()))
        .await
        .unwrap()
}

async fn user_row(db: &DatabaseConnection, actor: &Actor) -> user::Model {
    user::Entity::find_by_id(actor.user_id.unwrap())
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn the_profile_lists_the_users_own_browsers_and_marks_this_one() {
    each_db(|db| async move {
        let (_, kari) = customer_org(&db, "Solheim", "kari@solheim.example").await;
        let (_, anna) = partner_org(&db, "Nordic", "anna@nordic.example").await;
        let here = signed_in(&db, &kari, CHROME_LINUX, "10.0.0.1").await;
        signed_in(&db, &kari, FIREFOX_WINDOWS, "10.0.0.2").await;
        signed_in(&db, &anna, CHROME_LINUX, "10.0.0.3").await;
        let p = profile::profile(&db, &kari, Some(&here)).await.unwrap();
        assert_eq!(p.email, "kari@solheim.example");
        // The user ID is the UUID stored for her, never the row's number.
        assert_eq!(p.user_id, user_row(&db, &kari).await.public_id);
        assert_eq!(p.user_id.len(), 36);
        assert_ne!(p.user_id, user_row(&db, &anna).await.public_id);
        assert_eq!(p.sessions.len(), 2, "{p:?}");
        assert_eq!(p.more_sessions, 0);
        let here_row = p.sessions.iter().find(|s| s.current).expect("this browser");
        assert_eq!(here_row.ip.as_deref(), Some("10.0.0.1"));
        assert_eq!(
            (here_row.browser.as_deref(), here_row.system.as_deref()),
            (Some("Chrome"), Some("Linux"))
        );
        let other = p.sessions.iter().find(|s| !s.current).unwrap();
        assert_eq!(
            (other.browser.as_deref(), other.system.as_deref()),
            (Some("Firefox"), Some("Windows"))
        );
        // Without this browser's cookie no row is "this browser".
        let p = profile::profile(&db, &kari, None).await.unwrap();
        assert!(p.sessions.iter().all(|s| !s.current));
    })
    .await;
}

#[tokio::test]
async fn the_profile_lists_a_bounded_number_of_browsers_and_counts_the_rest() {
    each_db(|db| async move {
        let (_, kari) = customer_org(&db, "Solheim", "kari@solheim.example").await;
        for i in 0..PROFILE_SESSIONS + 3 {
            signed_in(&db, &kari, CHROME_LINUX, &format!("10.0.1.{i}")).await;
        }
        let p = profile::profile(&db, &kari, None).await.unwrap();
        assert_eq!(p.sessions.len() as u64, PROFILE_SESSIONS);
        assert_eq!(p.more_sessions, 3);
    })
    .await;
}

#[tokio::test]
async fn a_user_signs_out_one_browser_and_never_another_users() {
    each_db(|db| async move {
        let (_, kari) = customer_org(&db, "Solheim", "kari@solheim.example").await;
        let (_, anna) = partner_org(&db, "Nordic", "anna@nordic.example").await;
        let here = signed_in(&db, &kari, CHROME_LINUX, "10.0.0.1").await;
        let lost = signed_in(&db, &kari, FIREFOX_WINDOWS, "10.0.0.2").await;
        let annas = signed_in(&db, &anna, CHROME_LINUX, "10.0.0.3").await;
        let p = profile::profile(&db, &kari, Some(&here)).await.unwrap();
        let lost_id = p.sessions.iter().find(|s| !s.current).unwrap().id;
        let annas_id = profile::profile(&db, &anna, None).await.unwrap().sessions[0].id;
        // Anna's session is not found for Kari, and it goes on working.
        assert_eq!(
            profile::end_session(&db, &kari, annas_id).await,
            Err(AppError::NotFound)
        );
        assert!(sessions::user_of(&db, &annas, MAX_AGE)
            .await
            .unwrap()
            .is_some());
        assert_eq!(profile::end_session(&db, &kari, lost_id).await, Ok(()));
        assert!(sessions::user_of(&db, &lost, MAX_AGE)
            .await
            .unwrap()
            .is_none());
        assert!(sessions::user_of(&db, &here, MAX_AGE)
            .await
            .unwrap()
            .is_some());
        // Ended once, it is gone.
        assert_eq!(
            profile::end_session(&db, &kari, lost_id).await,
            Err(AppError::NotFound)
        );
        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("user.session_ended"))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(audited.len(), 1);
        assert_eq!(audited[0].actor_user_id, kari.user_id);
    })
    .await;
}

#[tokio::test]
async fn a_user_renames_themself_and_bad_names_change_nothing() {
    each_db(|db| async move {
        let (_, kari) = customer_org(&db, "Solheim", "kari@solheim.example").await;
        assert_eq!(
            profile::rename(&db, &kari, "  Kari Nordmann ").await,
            Ok("Kari Nordmann".to_owned())
        );
        assert_eq!(user_row(&db, &kari).await.name, "Kari Nordmann");
        for bad in ["", " K ", "Kari\nBCC: eve@evil.example", &"x".repeat(201)] {
            let err = profile::rename(&db, &kari, bad).await.unwrap_err();
            assert!(matches!(err, AppError::Invalid(_)), "{bad:?}: {err:?}");
        }
        assert_eq!(user_row(&db, &kari).await.name, "Kari Nordmann");
        // A command-line actor has no profile.
        assert_eq!(
            profile::rename(&db, &Actor::cli(), "Someone").await,
            Err(AppError::NotSignedIn)
        );
    })
    .await;
}

#[test]
fn user_agents_name_their_browser_and_system() {
    let cases = [
        (FIREFOX_WINDOWS, Some("Firefox"), Some("Windows")),
        (CHROME_LINUX, Some("Chrome"), Some("Linux")),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", Some("Safari"), Some("macOS")),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", Some("Safari"), Some("iOS")),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", Some("Chrome"), Some("Android")),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", Some("Edge"), Some("Windows")),
        ("curl/8.5.0", None, None),
    ];
    for (ua, browser, system) in cases {
        assert_eq!(device_of(ua), (browser, system), "{ua}");
    }
}
