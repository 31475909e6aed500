//! A customer's moves reach the product's partner: every admin, in their language, by bell and
//! e-mail, linking to the sales unit; nobody else.
use super::common::world;
use crate::error::AppError;
use crate::features::accounts::service::{bootstrap, language};
use crate::features::activations::service::partner_notice::{tell_partner, CustomerMove};
use crate::glossary::Role;
use crate::i18n::Lang;
use crate::server::entities::notification;
use crate::server::mail;
use crate::server::testing::actor;
use crate::server::testing::each_db;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[tokio::test]
async fn the_partners_admins_are_told_in_their_language_with_a_link_to_the_sales_unit() {
    each_db(|db| async move {
        let w = world(&db).await;
        // A second partner admin who reads Norwegian, and a member who is not told.
        bootstrap::ensure_member(&db, w.partner, "nils@acme.example", "", Role::Admin)
            .await
            .unwrap();
        bootstrap::ensure_member(&db, w.partner, "max@acme.example", "", Role::Member)
            .await
            .unwrap();
        let nils = actor(&db, "nils@acme.example").await;
        language::set_language(&db, &nils, Lang::Nb).await.unwrap();
        let before = notification::Entity::find().all(&db).await.unwrap().len();

        tell_partner(
            &db,
            &w.cfg,
            w.customer,
            "solosl",
            w.product,
            CustomerMove::Deactivated,
        )
        .await
        .unwrap();
        tell_partner(
            &db,
            &w.cfg,
            w.customer,
            "SOLOSL",
            w.product,
            CustomerMove::Upgraded(2),
        )
        .await
        .unwrap();
        let told = notification::Entity::find()
            .order_by_asc(notification::Column::Id)
            .all(&db)
            .await
            .unwrap()
            .split_off(before);
        // Two moves, two admins: four notices, all about the partner, none for anyone else.
        assert_eq!(told.len(), 4, "{told:?}");
        assert!(told.iter().all(|n| n.organization_id == w.partner));
        let link = format!("/o/{}/sales-units/SOLOSL", w.partner);
        assert!(told.iter().all(|n| n.link == link), "{told:?}");
        let of = |user: Option<i32>| told.iter().filter(move |n| Some(n.user_id) == user);
        let anna: Vec<_> = of(w.anna.user_id)
            .map(|n| (n.title.as_str(), n.body.as_str()))
            .collect();
        assert_eq!(
            anna,
            [
                (
                    "Solheim deactivated Acme Feed",
                    "On Solheim Oslo (SOLOSL). The product can no longer call the API there."
                ),
                (
                    "Solheim upgraded Acme Feed",
                    "To version 2 on Solheim Oslo (SOLOSL)."
                ),
            ]
        );
        let nils_titles: Vec<_> = of(nils.user_id).map(|n| n.title.as_str()).collect();
        assert_eq!(
            nils_titles,
            [
                "Solheim deaktiverte Acme Feed",
                "Solheim oppdaterte Acme Feed"
            ]
        );
        // And by e-mail, each in their language, with the link.
        let mails = mail::recent(&db, 10).await.unwrap();
        let to = |addr: &str| {
            mails
                .iter()
                .filter(move |m| m.to_address == addr)
                .collect::<Vec<_>>()
        };
        assert_eq!(to("anna@acme.example").len(), 2);
        assert!(to("nils@acme.example")
            .iter()
            .any(|m| m.subject == "Solheim oppdaterte Acme Feed" && m.text_body.contains(&link)));
        let about = |addr: &str| {
            to(addr)
                .into_iter()
                .filter(|m| m.subject.contains("Acme Feed"))
                .count()
        };
        assert_eq!(
            (about("max@acme.example"), about("kari@solheim.example")),
            (0, 0)
        );
    })
    .await;
}

#[tokio::test]
async fn another_customers_installation_tells_nobody() {
    each_db(|db| async move {
        let w = world(&db).await;
        let partners = || {
            notification::Entity::find().filter(notification::Column::OrganizationId.eq(w.partner))
        };
        let before = partners().all(&db).await.unwrap().len();
        // Solheim does not own "NOPE", and the partner is not a customer.
        for (customer, inst) in [(w.customer, "NOPE"), (w.partner, "SOLOSL")] {
            let told = tell_partner(
                &db,
                &w.cfg,
                customer,
                inst,
                w.product,
                CustomerMove::Kept(2),
            )
            .await;
            assert_eq!(told, Err(AppError::NotFound));
        }
        assert_eq!(partners().all(&db).await.unwrap().len(), before);
    })
    .await;
}
