//! Service tests on in-memory SQLite with the real migrations, and on PostgreSQL when it answers.
use super::*;
use crate::dto::{OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{invitation, session, sign_in_token};
use crate::server::secrets::hash_token;
use crate::server::testing::{actor, config, each_db, last_mailed_token, org_with_member};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

async fn signed_in_token(db: &DatabaseConnection, email: &str) -> String {
    auth::request_sign_in(db, &config(), email, "test-client")
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
            auth::request_sign_in(&db, &config(), "nobody@example.com", "c").await,
            Ok(())
        );
        assert!(mail::recent(&db, 10).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn bad_email_is_refused_with_a_clear_message() {
    each_db(|db| async move {
        for bad in ["", "not-an-email", "a@b"] {
            let err = auth::request_sign_in(&db, &config(), bad, "c")
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
        org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        auth::request_sign_in(&db, &config(), " Anna@Acme.example ", "c")
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
            auth::session_user(&db, &s.token)
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
        org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        auth::request_sign_in(&db, &config(), "anna@acme.example", "c")
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
        for _ in 0..auth::PER_ADDRESS_LIMIT {
            auth::request_sign_in(&db, &config(), "x@example.com", "client-a")
                .await
                .unwrap();
        }
        assert_eq!(
            auth::request_sign_in(&db, &config(), "x@example.com", "client-b").await,
            Err(AppError::RateLimited)
        );
        for i in 0..(auth::PER_CLIENT_LIMIT - auth::PER_ADDRESS_LIMIT) {
            auth::request_sign_in(&db, &config(), &format!("u{i}@example.com"), "client-a")
                .await
                .unwrap();
        }
        // client-a has used up its allowance, whatever the address.
        assert_eq!(
            auth::request_sign_in(&db, &config(), "fresh@example.com", "client-a").await,
            Err(AppError::RateLimited)
        );
    })
    .await;
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    each_db(|db| async move {
        org_with_member(
            &db,
            OrgKind::Customer,
            "Solheim",
            "kari@solheim.example",
            Role::Admin,
        )
        .await;
        let token = signed_in_token(&db, "kari@solheim.example").await;
        assert!(auth::session_user(&db, &token).await.unwrap().is_some());
        auth::sign_out(&db, &token).await.unwrap();
        assert!(auth::session_user(&db, &token).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn expired_sessions_are_refused() {
    each_db(|db| async move {
        org_with_member(
            &db,
            OrgKind::Customer,
            "Solheim",
            "kari@solheim.example",
            Role::Admin,
        )
        .await;
        let token = signed_in_token(&db, "kari@solheim.example").await;
        session::Entity::update_many()
            .col_expr(
                session::Column::ExpiresAt,
                Expr::value(now() - chrono::Duration::seconds(1)),
            )
            .exec(&db)
            .await
            .unwrap();
        assert!(auth::session_user(&db, &token).await.unwrap().is_none());
        assert_eq!(session::Entity::find().count(&db).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn admin_invites_a_user_who_signs_in_with_the_invitation() {
    each_db(|db| async move {
        let (org, admin) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        members::invite(
            &db,
            &config(),
            &admin,
            org,
            "New@Acme.example",
            Role::Member,
        )
        .await
        .unwrap();
        let page = members::list_members(&db, &admin, org).await.unwrap();
        let new = page
            .members
            .iter()
            .find(|m| m.email == "new@acme.example")
            .expect("listed");
        assert_eq!(
            (new.role, new.last_sign_in_at.clone()),
            (Role::Member, None)
        );
        let token = last_mailed_token(&db, "new@acme.example")
            .await
            .expect("invitation mail");
        assert_eq!(
            auth::preview_link(&db, &token)
                .await
                .unwrap()
                .organization_name
                .as_deref(),
            Some("Acme")
        );
        auth::confirm_link(&db, &token, None, None).await.unwrap();
        let inv = invitation::Entity::find().one(&db).await.unwrap().unwrap();
        assert!(inv.accepted_at.is_some());
        let new_actor = actor(&db, "new@acme.example").await;
        assert_eq!(
            orgs::memberships_of(&db, new_actor.user_id.unwrap())
                .await
                .unwrap()
                .len(),
            1
        );
        // Inviting the same person twice is a conflict, not a second membership.
        let again =
            members::invite(&db, &config(), &admin, org, "new@acme.example", Role::Admin).await;
        assert!(matches!(again, Err(AppError::Conflict(_))));
    })
    .await;
}

#[tokio::test]
async fn members_can_read_but_not_change_the_user_list() {
    each_db(|db| async move {
        let (org, _admin) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        bootstrap::ensure_member(&db, org, "max@acme.example", "", Role::Member)
            .await
            .unwrap();
        let member = actor(&db, "max@acme.example").await;
        let page = members::list_members(&db, &member, org).await.unwrap();
        assert!(!page.can_manage);
        assert_eq!(
            members::invite(&db, &config(), &member, org, "x@acme.example", Role::Member).await,
            Err(AppError::Forbidden)
        );
        let anna = actor(&db, "anna@acme.example").await.user_id.unwrap();
        assert_eq!(
            members::change_role(&db, &member, org, anna, Role::Member).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            members::remove_member(&db, &member, org, anna).await,
            Err(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn the_last_admin_can_be_neither_demoted_nor_removed() {
    each_db(|db| async move {
        let (org, admin) = org_with_member(
            &db,
            OrgKind::Customer,
            "Solheim",
            "kari@solheim.example",
            Role::Admin,
        )
        .await;
        bootstrap::ensure_member(&db, org, "per@solheim.example", "", Role::Member)
            .await
            .unwrap();
        let kari = admin.user_id.unwrap();
        let per = actor(&db, "per@solheim.example").await.user_id.unwrap();
        assert!(matches!(
            members::change_role(&db, &admin, org, kari, Role::Member).await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            members::remove_member(&db, &admin, org, kari).await,
            Err(AppError::Conflict(_))
        ));
        members::change_role(&db, &admin, org, per, Role::Admin)
            .await
            .unwrap();
        members::change_role(&db, &admin, org, kari, Role::Member)
            .await
            .unwrap();
        let per_actor = actor(&db, "per@solheim.example").await;
        members::remove_member(&db, &per_actor, org, kari)
            .await
            .unwrap();
        let page = members::list_members(&db, &per_actor, org).await.unwrap();
        assert_eq!(
            page.members
                .iter()
                .map(|m| m.email.as_str())
                .collect::<Vec<_>>(),
            vec!["per@solheim.example"]
        );
    })
    .await;
}

#[tokio::test]
async fn another_organizations_user_is_refused_everywhere() {
    each_db(|db| async move {
        let (acme, _) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        let (op, _) = org_with_member(
            &db,
            OrgKind::Operator,
            "Portico Platform",
            "ops@portico.example",
            Role::Admin,
        )
        .await;
        let (_, outsider) = org_with_member(
            &db,
            OrgKind::Customer,
            "Other",
            "eve@other.example",
            Role::Admin,
        )
        .await;
        let anna = actor(&db, "anna@acme.example").await.user_id.unwrap();
        let cfg = config();
        assert_eq!(
            orgs::overview(&db, &outsider, acme).await.err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            members::list_members(&db, &outsider, acme).await.err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            members::invite(&db, &cfg, &outsider, acme, "x@y.example", Role::Admin).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            members::change_role(&db, &outsider, acme, anna, Role::Member).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            members::remove_member(&db, &outsider, acme, anna).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            orgs::list_organizations(&db, &outsider, op).await.err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            orgs::organization_detail(&db, &outsider, op, acme)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        let new_org = orgs::NewOrganization {
            kind: "partner".into(),
            name: "Evil AS".into(),
            business_id_scheme: None,
            business_id: None,
        };
        assert_eq!(
            orgs::create_organization(&db, &outsider, op, new_org).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            orgs::create_installation(&db, &outsider, op, acme, "EVIL", "Evil", false)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            orgs::set_contact_person(&db, &cfg, &outsider, op, acme, "eve@other.example").await,
            Err(AppError::Forbidden)
        );
        // Acting as their own organization does not make them an operator either.
        let own = orgs::memberships_of(&db, outsider.user_id.unwrap())
            .await
            .unwrap()[0]
            .organization_id;
        assert_eq!(
            orgs::list_organizations(&db, &outsider, own).await.err(),
            Some(AppError::Forbidden)
        );
        // A signed-out actor is told to sign in.
        assert_eq!(
            members::list_members(&db, &Actor::cli(), acme).await.err(),
            Some(AppError::NotSignedIn)
        );
    })
    .await;
}

#[tokio::test]
async fn operator_onboards_customers_with_installations_and_contact_persons() {
    each_db(|db| async move {
        let (op, ops) = org_with_member(
            &db,
            OrgKind::Operator,
            "Portico Platform",
            "ops@portico.example",
            Role::Admin,
        )
        .await;
        let bad_kind = orgs::NewOrganization {
            kind: "operator".into(),
            name: "X AS".into(),
            business_id_scheme: None,
            business_id: None,
        };
        assert!(matches!(
            orgs::create_organization(&db, &ops, op, bad_kind).await,
            Err(AppError::Invalid(_))
        ));
        let half_id = orgs::NewOrganization {
            kind: "customer".into(),
            name: "Fjord AS".into(),
            business_id_scheme: Some("NO:ORG".into()),
            business_id: None,
        };
        assert!(matches!(
            orgs::create_organization(&db, &ops, op, half_id).await,
            Err(AppError::Invalid(_))
        ));
        let input = orgs::NewOrganization {
            kind: "customer".into(),
            name: " Fjord AS ".into(),
            business_id_scheme: Some("NO:ORG".into()),
            business_id: Some("987654321".into()),
        };
        let fjord = orgs::create_organization(&db, &ops, op, input.clone())
            .await
            .unwrap();
        assert!(matches!(
            orgs::create_organization(&db, &ops, op, input).await,
            Err(AppError::Conflict(_))
        ));

        let inst = orgs::create_installation(&db, &ops, op, fjord, " msvpar ", "Sandbox", true)
            .await
            .unwrap();
        assert_eq!(
            (inst.installation_id.as_str(), inst.is_sandbox),
            ("MSVPAR", true)
        );
        assert!(matches!(
            orgs::create_installation(&db, &ops, op, fjord, "MSVPAR", "Again", false).await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            orgs::create_installation(&db, &ops, op, fjord, "OTHER", "Second sandbox", true).await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            orgs::create_installation(&db, &ops, op, fjord, "bad id!", "Bad", false).await,
            Err(AppError::Invalid(_))
        ));

        orgs::set_contact_person(&db, &config(), &ops, op, fjord, "ingrid@fjord.example")
            .await
            .unwrap();
        let detail = orgs::organization_detail(&db, &ops, op, fjord)
            .await
            .unwrap();
        assert_eq!(
            detail
                .admins
                .iter()
                .map(|a| a.email.as_str())
                .collect::<Vec<_>>(),
            vec!["ingrid@fjord.example"]
        );
        assert_eq!(detail.installations.len(), 1);
        assert!(last_mailed_token(&db, "ingrid@fjord.example")
            .await
            .is_some());
        let listed = orgs::list_organizations(&db, &ops, op).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(
            (listed[0].member_count, listed[0].installation_count),
            (1, 1)
        );
    })
    .await;
}

#[tokio::test]
async fn deactivated_organizations_disappear_from_the_chooser_and_refuse_access() {
    each_db(|db| async move {
        let (org, anna) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        use crate::server::entities::organization;
        organization::Entity::update_many()
            .col_expr(organization::Column::Status, Expr::value("deactivated"))
            .filter(organization::Column::Id.eq(org))
            .exec(&db)
            .await
            .unwrap();
        assert!(orgs::memberships_of(&db, anna.user_id.unwrap())
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            orgs::overview(&db, &anna, org).await.err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn changes_are_written_to_the_audit_log_without_secrets() {
    each_db(|db| async move {
        use crate::server::entities::audit_entry;
        let (org, admin) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "anna@acme.example",
            Role::Admin,
        )
        .await;
        members::invite(
            &db,
            &config(),
            &admin,
            org,
            "new@acme.example",
            Role::Member,
        )
        .await
        .unwrap();
        let token = last_mailed_token(&db, "new@acme.example").await.unwrap();
        auth::confirm_link(&db, &token, Some("10.1.2.3".into()), None)
            .await
            .unwrap();
        let entries = audit_entry::Entity::find().all(&db).await.unwrap();
        let invited = entries
            .iter()
            .find(|e| e.action == "member.invited")
            .expect("invite audited");
        assert_eq!(
            (
                invited.actor.as_str(),
                invited.organization_id,
                invited.ip.as_deref()
            ),
            ("anna@acme.example", Some(org), Some("127.0.0.1"))
        );
        assert!(entries
            .iter()
            .any(|e| e.action == "user.signed_in" && e.ip.as_deref() == Some("10.1.2.3")));
        assert!(entries
            .iter()
            .all(|e| !e.details.contains(&token) && !e.target.contains(&token)));
    })
    .await;
}
