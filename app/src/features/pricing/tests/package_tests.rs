//! Price packages: the operator's admins create, edit and offer them, with clear errors for bad
//! input; a partner reads only those offered to it; customers read none.
use super::{input, package};
use crate::error::AppError;
use crate::features::pricing::dto::Market;
use crate::features::pricing::service::packages;
use crate::glossary::Role;
use crate::server::entities::price_package;
use crate::server::testing::{self, each_db};
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn the_operator_creates_and_edits_packages_and_bad_input_changes_nothing() {
    each_db(|db| async move {
        let (op, olav) = testing::operator(&db).await;
        let id = package(&db, (op, &olav), "Standard", "NO").await;
        let view = packages::list(&db, &olav, op).await.unwrap();
        assert!(view.can_manage);
        let p = &view.packages[0];
        assert_eq!(
            (p.name.as_str(), p.description.as_str(), p.market),
            ("Standard", "2.99%", Market::No)
        );
        assert_eq!(p.commission.as_deref(), Some("30 %"));
        assert!(p.visible_in_signup);

        let bad = [
            ("", "NO", "2.99%", ""),
            (&"x".repeat(31), "NO", "2.99%", ""),
            ("Plus", "SE", "2.99%", ""),
            ("Plus", "NO", "", ""),
            ("Plus", "NO", "2.9999%", ""),
            ("Plus", "NO", "2.99%", &"9".repeat(21)),
            ("Pl\u{7}us", "NO", "2.99%", ""),
        ];
        for (name, market, description, commission) in bad {
            let mut i = input(name, market);
            i.description = description.into();
            i.commission = commission.into();
            let err = packages::create(&db, &olav, op, &i).await.unwrap_err();
            assert!(matches!(err, AppError::Invalid(_)), "{name:?}: {err:?}");
        }
        // The same name in the same market, in any case, is taken; in another market it is not.
        let err = packages::create(&db, &olav, op, &input("STANDARD", "no"))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, AppError::Conflict(m) if m.contains("STANDARD") && m.contains("Norway")),
            "{err:?}"
        );
        package(&db, (op, &olav), "Standard", "DK").await;
        assert_eq!(price_package::Entity::find().count(&db).await.unwrap(), 2);

        // Editing: no commission, hidden in sign-up; a member of the operator may read, not edit.
        let mut edit = input("Standard NO", "NO");
        edit.commission = " ".into();
        edit.visible_in_signup = false;
        packages::update(&db, &olav, op, id, &edit).await.unwrap();
        let d = packages::detail(&db, &olav, op, id).await.unwrap();
        assert_eq!(d.package.name, "Standard NO");
        assert_eq!(d.package.commission, None);
        assert!(!d.package.visible_in_signup && d.can_edit);
        let ola = testing::member(&db, op, "ola@operator.example", Role::Member).await;
        assert!(!packages::detail(&db, &ola, op, id).await.unwrap().can_edit);
        let err = packages::update(&db, &ola, op, id, &input("Other", "NO")).await;
        assert_eq!(err.unwrap_err(), AppError::Forbidden);
        assert_eq!(
            packages::update(&db, &olav, op, 9999, &input("Other", "NO")).await,
            Err(AppError::NotFound)
        );
    })
    .await;
}

#[tokio::test]
async fn partners_read_only_the_packages_offered_to_them_and_customers_none() {
    each_db(|db| async move {
        let (op, olav) = testing::operator(&db).await;
        let (acme, anna) = testing::partner_org(&db, "Acme", "anna@acme.example").await;
        let (broker, bo) = testing::partner_org(&db, "Brokerbase", "bo@broker.example").await;
        let (customer, kari) = testing::customer_org(&db, "Solheim", "kari@solheim.example").await;
        let standard = package(&db, (op, &olav), "Standard", "NO").await;
        package(&db, (op, &olav), "Plus", "NO").await;
        packages::set_offered(&db, &olav, op, standard, acme, true)
            .await
            .unwrap();
        // Offering twice changes nothing.
        packages::set_offered(&db, &olav, op, standard, acme, true)
            .await
            .unwrap();

        let mine = packages::list(&db, &anna, acme).await.unwrap();
        assert!(!mine.can_manage);
        let names: Vec<&str> = mine.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Standard"]);
        // A partner does not learn whom else a package is offered to, nor its counts.
        assert!(mine.packages[0].offered_to.is_empty());
        assert!(packages::list(&db, &bo, broker)
            .await
            .unwrap()
            .packages
            .is_empty());
        let d = packages::detail(&db, &olav, op, standard).await.unwrap();
        assert_eq!(d.package.offered_to.len(), 1);
        assert_eq!(
            d.other_partners.len(),
            1,
            "Brokerbase may still be offered it"
        );

        // Only active partners may be offered a package; only the operator offers.
        let err = packages::set_offered(&db, &olav, op, standard, customer, true).await;
        assert!(matches!(err, Err(AppError::Invalid(_))), "{err:?}");
        let err = packages::set_offered(&db, &anna, acme, standard, acme, true).await;
        assert_eq!(err, Err(AppError::Forbidden));
        assert_eq!(
            packages::set_offered(&db, &olav, op, 9999, acme, true).await,
            Err(AppError::NotFound)
        );

        // Customers have no price packages page; a partner cannot read the operator's page.
        assert_eq!(
            packages::list(&db, &kari, customer).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            packages::detail(&db, &anna, acme, standard).await,
            Err(AppError::Forbidden)
        );
        // Another organization's user is refused.
        assert_eq!(
            packages::list(&db, &anna, broker).await,
            Err(AppError::Forbidden)
        );

        packages::set_offered(&db, &olav, op, standard, acme, false)
            .await
            .unwrap();
        assert!(packages::list(&db, &anna, acme)
            .await
            .unwrap()
            .packages
            .is_empty());
    })
    .await;
}
