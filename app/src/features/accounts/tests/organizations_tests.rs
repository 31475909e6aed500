//! Organizations and members: invitations, roles, the last admin, the operator's onboarding,
//! deactivation, isolation between organizations, and the audit log.
use crate::error::AppError;
use crate::features::accounts::service::{auth, bootstrap, installations, members, orgs};
use crate::glossary::{OrgKind, Role};
use crate::server::entities::invitation;
use crate::server::scope::Actor;
use crate::server::testing::{
    actor, config, customer_org, each_db, last_mailed_token, org_with_member, partner_org,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn admin_invites_a_user_who_signs_in_with_the_invitation() {
    each_db(|db| async move {
        let (org, admin) = partner_org(&db, "Acme", "anna@acme.example").await;
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
        let (org, _admin) = partner_org(&db, "Acme", "anna@acme.example").await;
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
        let (org, admin) = customer_org(&db, "Solheim", "kari@solheim.example").await;
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
        let (acme, _) = partner_org(&db, "Acme", "anna@acme.example").await;
        let (op, _) = org_with_member(
            &db,
            OrgKind::Operator,
            "Portico Platform",
            "ops@portico.example",
            Role::Admin,
        )
        .await;
        let (_, outsider) = customer_org(&db, "Other", "eve@other.example").await;
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
            installations::create_installation(&db, &outsider, op, acme, "EVIL", "Evil", false)
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
        // A typing error in the number is caught by its check digit.
        let typo = orgs::NewOrganization {
            kind: "customer".into(),
            name: "Fjord AS".into(),
            business_id_scheme: Some("business:NO:ORG".into()),
            business_id: Some("987654321".into()),
        };
        assert!(matches!(
            orgs::create_organization(&db, &ops, op, typo).await,
            Err(AppError::Invalid(m)) if m.contains("check digit")
        ));
        let input = orgs::NewOrganization {
            kind: "customer".into(),
            name: " Fjord AS ".into(),
            business_id_scheme: Some("NO:ORG".into()),
            business_id: Some("987 654 325".into()),
        };
        let fjord = orgs::create_organization(&db, &ops, op, input.clone())
            .await
            .unwrap();
        assert!(matches!(
            orgs::create_organization(&db, &ops, op, input).await,
            Err(AppError::Conflict(_))
        ));

        let inst =
            installations::create_installation(&db, &ops, op, fjord, " msvpar ", "Sandbox", true)
                .await
                .unwrap();
        assert_eq!(
            (inst.installation_id.as_str(), inst.is_sandbox),
            ("MSVPAR", true)
        );
        assert!(matches!(
            installations::create_installation(&db, &ops, op, fjord, "MSVPAR", "Again", false)
                .await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            installations::create_installation(
                &db,
                &ops,
                op,
                fjord,
                "OTHER",
                "Second sandbox",
                true
            )
            .await,
            Err(AppError::Conflict(_))
        ));
        assert!(matches!(
            installations::create_installation(&db, &ops, op, fjord, "bad id!", "Bad", false).await,
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
        let (org, anna) = partner_org(&db, "Acme", "anna@acme.example").await;
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
        let (org, admin) = partner_org(&db, "Acme", "anna@acme.example").await;
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
