//! Sign-in: links stored as hashes, single use, expiring, rate-limited; sessions that end.
use crate::error::AppError;
use crate::features::accounts::service::auth;
use crate::server::clock::now;
use crate::server::entities::{session, sign_in_token};
use crate::server::mail;
use crate::server::secrets::hash_token;
use crate::server::session as sessions;
use crate::server::testing::{config, customer_org, each_db, last_mailed_token, partner_org};
use sea_orm::sea_query::Expr;

/// The sessions' longest life in these tests.
const MAX_AGE: chrono::Duration = chrono::Duration::days(30);
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

async fn signed_in_token(db: &DatabaseConnection, email: &str) -> String {
    auth::request_sign_in(db, &config(), email, "test-client", crate::i18n::Lang::En)
        .await
        .unwrap();
    let link = last_mailed_token(db, email).await.expect("a sign-in mail");
    auth::confirm_link(db, &link, None, None)
        .await
        .unwrap()
        .token
}

#[tokio::test]
async fn unknown_address_gets_the_same_answer_and_no_mail() {
    each_db(|db| async move {
        assert_eq!(
            auth::request_sign_in(
                &db,
                &config(),
                "nobody@example.com",
                "c",
                crate::i18n::Lang::En
            )
            .await,
            Ok(())
        );
        assert_eq!(auth::answer_sign_in_requests(&db, &config()).await, Ok(1));
        assert!(mail::recent(&db, 10).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn bad_email_is_refused_with_a_clear_message() {
    each_db(|db| async move {
        for bad in ["", "not-an-email", "a@b"] {
            let err = auth::request_sign_in(&db, &config(), bad, "c", crate::i18n::Lang::En)
                .await
                .unwrap_err();
            assert!(
                matches!(err, AppError::Invalid(ref m) if m.contains("e-mail")),
                "{bad:?}: {err:?}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn sign_in_link_is_hashed_single_use_and_starts_a_session() {
    each_db(|db| async move {
        partner_org(&db, "Acme", "anna@acme.example").await;
        auth::request_sign_in(
            &db,
            &config(),
            " Anna@Acme.example ",
            "c",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let token = last_mailed_token(&db, "anna@acme.example")
            .await
            .expect("mail with link");
        // Only the hash is stored.
        let stored = sign_in_token::Entity::find()
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.token_hash, hash_token(&token));
        assert_ne!(stored.token_hash, token);
        assert!(stored.expires_at - stored.created_at == auth::SIGN_IN_LINK_TTL);
        // Previewing does not use it up.
        assert_eq!(
            auth::preview_link(&db, &token).await.unwrap().email,
            "anna@acme.example"
        );
        let s = auth::confirm_link(&db, &token, Some("10.0.0.1".into()), None)
            .await
            .unwrap();
        assert_eq!(s.user.email, "anna@acme.example");
        assert!(s.user.last_sign_in_at.is_some());
        assert_eq!(
            sessions::user_of(&db, &s.token, MAX_AGE)
                .await
                .unwrap()
                .unwrap()
                .email,
            "anna@acme.example"
        );
        // The session cookie value is random and stored hashed.
        assert!(session::Entity::find()
            .filter(session::Column::TokenHash.eq(s.token.clone()))
            .one(&db)
            .await
            .unwrap()
            .is_none());
        // Single use.
        assert_eq!(
            auth::confirm_link(&db, &token, None, None).await.err(),
            Some(AppError::LinkExpired)
        );
        assert_eq!(
            auth::preview_link(&db, &token).await.err(),
            Some(AppError::LinkExpired)
        );
    })
    .await;
}

#[tokio::test]
async fn expired_and_unknown_links_are_refused() {
    each_db(|db| async move {
        partner_org(&db, "Acme", "anna@acme.example").await;
        auth::request_sign_in(
            &db,
            &config(),
            "anna@acme.example",
            "c",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let token = last_mailed_token(&db, "anna@acme.example").await.unwrap();
        sign_in_token::Entity::update_many()
            .col_expr(
                sign_in_token::Column::ExpiresAt,
                Expr::value(now() - chrono::Duration::seconds(1)),
            )
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(
            auth::confirm_link(&db, &token, None, None).await.err(),
            Some(AppError::LinkExpired)
        );
        assert_eq!(
            auth::confirm_link(&db, "made-up", None, None).await.err(),
            Some(AppError::LinkExpired)
        );
    })
    .await;
}

#[tokio::test]
async fn sign_in_requests_are_rate_limited_per_address_and_per_client() {
    each_db(|db| async move {
        for _ in 0..config().sign_in_limits.per_address {
            auth::request_sign_in(
                &db,
                &config(),
                "x@example.com",
                "client-a",
                crate::i18n::Lang::En,
            )
            .await
            .unwrap();
        }
        assert_eq!(
            auth::request_sign_in(
                &db,
                &config(),
                "x@example.com",
                "client-b",
                crate::i18n::Lang::En
            )
            .await,
            Err(AppError::RateLimited)
        );
        for i in 0..(config().sign_in_limits.per_client - config().sign_in_limits.per_address) {
            auth::request_sign_in(
                &db,
                &config(),
                &format!("u{i}@example.com"),
                "client-a",
                crate::i18n::Lang::En,
            )
            .await
            .unwrap();
        }
        // client-a has used up its allowance, whatever the address.
        assert_eq!(
            auth::request_sign_in(
                &db,
                &config(),
                "fresh@example.com",
                "client-a",
                crate::i18n::Lang::En
            )
            .await,
            Err(AppError::RateLimited)
        );
    })
    .await;
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    each_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        let token = signed_in_token(&db, "kari@solheim.example").await;
        assert!(sessions::user_of(&db, &token, MAX_AGE)
            .await
            .unwrap()
            .is_some());
        sessions::end(&db, &token).await.unwrap();
        assert!(sessions::user_of(&db, &token, MAX_AGE)
            .await
            .unwrap()
            .is_none());
    })
    .await;
}

#[tokio::test]
async fn expired_sessions_are_refused() {
    each_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        let token = signed_in_token(&db, "kari@solheim.example").await;
        session::Entity::update_many()
            .col_expr(
                session::Column::ExpiresAt,
                Expr::value(now() - chrono::Duration::seconds(1)),
            )
            .exec(&db)
            .await
            .unwrap();
        assert!(sessions::user_of(&db, &token, MAX_AGE)
            .await
            .unwrap()
            .is_none());
        assert_eq!(session::Entity::find().count(&db).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn the_sign_in_limits_are_the_operators_to_set() {
    each_db(|db| async move {
        let mut cfg = config();
        cfg.sign_in_limits.per_address = 2;
        for _ in 0..2 {
            auth::request_sign_in(&db, &cfg, "office@example.com", "c", crate::i18n::Lang::En)
                .await
                .unwrap();
        }
        assert_eq!(
            auth::request_sign_in(&db, &cfg, "office@example.com", "c", crate::i18n::Lang::En)
                .await,
            Err(AppError::RateLimited)
        );
        cfg.sign_in_limits.per_address = 50;
        assert_eq!(
            auth::request_sign_in(&db, &cfg, "office@example.com", "c", crate::i18n::Lang::En)
                .await,
            Ok(())
        );
    })
    .await;
}

#[tokio::test]
async fn a_session_ends_at_its_maximum_age_however_often_it_is_used() {
    each_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        let token = signed_in_token(&db, "kari@solheim.example").await;
        session::Entity::update_many()
            .col_expr(
                session::Column::CreatedAt,
                Expr::value(now() - chrono::Duration::days(31)),
            )
            .exec(&db)
            .await
            .unwrap();
        assert!(sessions::user_of(&db, &token, MAX_AGE)
            .await
            .unwrap()
            .is_none());
        // "Sign out everywhere" ends every session of the user.
        let a = signed_in_token(&db, "kari@solheim.example").await;
        let b = signed_in_token(&db, "kari@solheim.example").await;
        let kari = sessions::user_of(&db, &a, MAX_AGE).await.unwrap().unwrap();
        assert_eq!(sessions::end_all(&db, kari.id).await, Ok(2));
        assert!(sessions::user_of(&db, &b, MAX_AGE).await.unwrap().is_none());
    })
    .await;
}
