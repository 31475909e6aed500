//! Access requests on SQLite and PostgreSQL: asking, confirming by the e-mailed link, the
//! operator's queue, approving (a partner created with its admin invited; a person invited into
//! the organization chosen) and declining, and every refusal.
use crate::error::AppError;
use crate::features::onboarding::dto::{AccessRequestInput, AccessRequestStatus};
use crate::features::onboarding::service::{self, queue};
use crate::glossary::{Lang, OrgKind, Role};
use crate::server::entities::{access_request as ar, membership, notification, organization};
use crate::server::mail;
use crate::server::scope::Actor;
use crate::server::testing::{config, each_db, member, operator, partner_org};
use chrono::Duration;
mod queue_tests;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

fn partner(name: &str, email: &str) -> AccessRequestInput {
    AccessRequestInput {
        kind: "partner".into(),
        organization_name: name.into(),
        business_id_scheme: Some("business:NO:ORG".into()),
        business_id: Some("923 609 016".into()),
        contact_name: "Pia Partner".into(),
        email: email.into(),
        message: "Listings sync for estate agents".into(),
    }
}

fn join(name: &str, email: &str) -> AccessRequestInput {
    AccessRequestInput {
        kind: "join".into(),
        organization_name: name.into(),
        // As the form sends it: a scheme preselected, no ID.
        business_id_scheme: Some("business:NO:ORG".into()),
        business_id: None,
        contact_name: "Jo Joiner".into(),
        email: email.into(),
        message: String::new(),
    }
}

/// The confirmation link's token in the newest mail to `to`.
async fn mailed_token(db: &DatabaseConnection, to: &str) -> String {
    let m = mail::recent(db, 50)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.to_address == to)
        .expect("a mail to the requester");
    let text = mail::render(&m, &config().secret_key).unwrap();
    assert!(text.contains("/request-access/confirm?token="), "{text}");
    text.split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// Asks (in `lang`, from `client`) and confirms; returns the request's ID.
async fn asked(db: &DatabaseConnection, input: AccessRequestInput, lang: Lang) -> i32 {
    service::submit(db, &config(), &input, "10.0.0.1", lang)
        .await
        .unwrap();
    let token = mailed_token(db, &input.email).await;
    service::confirm(db, &config(), &token).await.unwrap();
    newest(db).await.id
}

async fn newest(db: &DatabaseConnection) -> ar::Model {
    ar::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|r| r.id)
        .unwrap()
}

async fn mails_to(db: &DatabaseConnection, to: &str) -> Vec<String> {
    mail::recent(db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to_address == to)
        .map(|m| format!("{}\n{}", m.subject, m.text_body))
        .collect()
}

#[tokio::test]
async fn a_partner_request_is_confirmed_queued_and_approved_in_one_step() {
    each_db(|db| async move {
        let (op, olav) = operator(&db).await;
        let input = partner("Fjord Listings AS", "Pia@Fjord.example");
        service::submit(&db, &config(), &input, "10.0.0.1", Lang::En)
            .await
            .unwrap();
        // Unconfirmed: nobody sees it yet.
        let page = queue::list(&db, &olav, op, "", "").await.unwrap();
        assert!(page.rows.is_empty());
        assert_eq!(page.waiting, 0);
        let token = mailed_token(&db, "pia@fjord.example").await;
        let preview = service::preview(&db, &token).await.unwrap();
        assert_eq!(preview.organization_name, "Fjord Listings AS");
        assert_eq!(preview.email, "pia@fjord.example");
        service::confirm(&db, &config(), &token).await.unwrap();
        // The link worked once.
        assert_eq!(
            service::confirm(&db, &config(), &token).await,
            Err(AppError::LinkExpired)
        );
        // The operator's admins are told.
        let told = notification::Entity::find()
            .filter(notification::Column::UserId.eq(olav.user_id.unwrap()))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(told.len(), 1);
        assert!(
            told[0].title.contains("Fjord Listings AS"),
            "{}",
            told[0].title
        );
        assert_eq!(told[0].link, format!("/o/{op}/access-requests"));
        let page = queue::list(&db, &olav, op, "new", "").await.unwrap();
        assert_eq!(
            (page.rows.len(), page.waiting, page.can_decide),
            (1, 1, true)
        );
        let row = &page.rows[0];
        assert_eq!(
            row.business_id.as_deref(),
            Some("business:NO:ORG 923609016")
        );
        assert_eq!(row.contact_name, "Pia Partner");

        let org_id = queue::approve(&db, &config(), &olav, op, row.id, None)
            .await
            .unwrap();
        let org = organization::Entity::find_by_id(org_id)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (org.kind, org.name.as_str()),
            (OrgKind::Partner, "Fjord Listings AS")
        );
        assert_eq!(org.business_id.as_deref(), Some("923609016"));
        let pia = crate::server::testing::actor(&db, "pia@fjord.example").await;
        let m = membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(org_id))
            .filter(membership::Column::UserId.eq(pia.user_id.unwrap()))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.role, Role::Admin);
        let mails = mails_to(&db, "pia@fjord.example").await;
        assert!(
            mails.iter().any(|m| m.contains("is now a partner")),
            "{mails:?}"
        );
        assert!(
            mails.iter().any(|m| m.contains("/sign-in/confirm?token=")),
            "{mails:?}"
        );
        // Decided once: a second approval (another admin's, say) is refused, and changes nothing.
        let again = queue::approve(&db, &config(), &olav, op, row.id, None).await;
        assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
        let approved = queue::list(&db, &olav, op, "approved", "").await.unwrap();
        assert_eq!(
            approved.rows[0].organization.as_ref().unwrap().0,
            "Fjord Listings AS"
        );
        assert_eq!(approved.waiting, 0);
        let partners = organization::Entity::find()
            .filter(organization::Column::Name.eq("Fjord Listings AS"))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(partners, 1);
    })
    .await;
}

#[tokio::test]
async fn bad_input_is_refused_with_the_field_named_and_stores_nothing() {
    each_db(|db| async move {
        let cases: Vec<(AccessRequestInput, &str)> = vec![
            (
                AccessRequestInput {
                    kind: "admin".into(),
                    ..partner("Fjord AS", "a@b.example")
                },
                "partner or join",
            ),
            (
                AccessRequestInput {
                    business_id: None,
                    business_id_scheme: None,
                    ..partner("Fjord AS", "a@b.example")
                },
                "business identifier",
            ),
            (
                AccessRequestInput {
                    business_id: Some("923609017".into()),
                    ..partner("Fjord AS", "a@b.example")
                },
                "923609017",
            ),
            (partner("F", "a@b.example"), "Company"),
            (partner("Fjord AS", "not an address"), "e-mail"),
            (
                AccessRequestInput {
                    message: "x".repeat(2001),
                    ..partner("Fjord AS", "a@b.example")
                },
                "2000",
            ),
            (
                AccessRequestInput {
                    message: " ".into(),
                    ..partner("Fjord AS", "a@b.example")
                },
                "build",
            ),
            (
                AccessRequestInput {
                    contact_name: "Pia\u{7}".into(),
                    ..partner("Fjord AS", "a@b.example")
                },
                "control",
            ),
        ];
        for (input, says) in cases {
            let e = service::submit(&db, &config(), &input, "10.0.0.2", Lang::En)
                .await
                .unwrap_err();
            match e {
                AppError::Invalid(m) => assert!(m.contains(says), "{m:?} should say {says:?}"),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(ar::Entity::find().count(&db).await.unwrap(), 0);
        assert!(mail::recent(&db, 10).await.unwrap().is_empty());
        // In Norwegian too.
        let e = service::submit(
            &db,
            &config(),
            &partner("F", "a@b.example"),
            "10.0.0.2",
            Lang::Nb,
        )
        .await;
        assert!(matches!(e, Err(AppError::Invalid(m)) if m.contains("Selskap")));
    })
    .await;
}

#[tokio::test]
async fn requests_are_rate_limited_and_the_answer_never_tells_who_is_here() {
    each_db(|db| async move {
        let (_, _) = operator(&db).await;
        let (_, _) = partner_org(&db, "Brokerbase", "bob@brokerbase.example").await;
        // A known address and an existing organization get the same answer as strangers.
        let known = join("Brokerbase", "bob@brokerbase.example");
        let stranger = join("Nowhere Ltd", "nobody@nowhere.example");
        assert_eq!(
            service::submit(&db, &config(), &known, "10.0.0.3", Lang::En).await,
            Ok(())
        );
        assert_eq!(
            service::submit(&db, &config(), &stranger, "10.0.0.3", Lang::En).await,
            Ok(())
        );
        // Three per address an hour: each one mails that address.
        for _ in 0..2 {
            service::submit(&db, &config(), &stranger, "10.0.0.4", Lang::En)
                .await
                .unwrap();
        }
        let fourth = service::submit(&db, &config(), &stranger, "10.0.0.5", Lang::En).await;
        assert_eq!(fourth, Err(AppError::RateLimited));
        assert_eq!(mails_to(&db, "nobody@nowhere.example").await.len(), 3);
        // Ten per client an hour, whatever the addresses.
        for i in 0..8 {
            let input = join("Somewhere", &format!("p{i}@somewhere.example"));
            service::submit(&db, &config(), &input, "10.0.0.3", Lang::En)
                .await
                .unwrap();
        }
        let input = join("Somewhere", "p9@somewhere.example");
        let eleventh = service::submit(&db, &config(), &input, "10.0.0.3", Lang::En).await;
        assert_eq!(eleventh, Err(AppError::RateLimited));
    })
    .await;
}

#[tokio::test]
async fn an_old_link_expires_and_unconfirmed_requests_are_swept() {
    each_db(|db| async move {
        let input = partner("Fjord AS", "pia@fjord.example");
        service::submit(&db, &config(), &input, "10.0.0.6", Lang::En)
            .await
            .unwrap();
        let token = mailed_token(&db, "pia@fjord.example").await;
        let mut old: ar::ActiveModel = newest(&db).await.into();
        old.created_at =
            Set(crate::server::clock::now() - service::CONFIRM_TTL - Duration::minutes(1));
        old.update(&db).await.unwrap();
        assert_eq!(
            service::preview(&db, &token).await,
            Err(AppError::LinkExpired)
        );
        assert_eq!(
            service::confirm(&db, &config(), &token).await,
            Err(AppError::LinkExpired)
        );
        assert_eq!(
            service::preview(&db, "not-a-token").await,
            Err(AppError::LinkExpired)
        );
        // The next request sweeps it away.
        service::submit(
            &db,
            &config(),
            &partner("Other AS", "o@other.example"),
            "10.0.0.7",
            Lang::En,
        )
        .await
        .unwrap();
        assert_eq!(ar::Entity::find().count(&db).await.unwrap(), 1);
    })
    .await;
}
