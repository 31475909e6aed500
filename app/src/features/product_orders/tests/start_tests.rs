//! Orders customers start: from a template's link (for a customer they administer, or a new
//! company) and on their own (`MANUAL`); templates count their orders and can be retired.
use super::*;
use crate::error::AppError;
use crate::features::product_orders::service::{start, templates};
use crate::glossary::{ProductOrderStatus, ProductOrderType, TemplateStatus};
use crate::server::entities::product_order_template as pot;
use crate::server::testing::each_db;

async fn template(db: &DatabaseConnection, w: &PoWorld, package: Option<i32>) -> pot::Model {
    let id = templates::create(
        db,
        &w.anna,
        w.partner,
        "Spring campaign",
        w.product,
        package,
    )
    .await
    .unwrap();
    pot::Entity::find()
        .filter(pot::Column::PublicId.eq(id))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_template_starts_orders_for_known_and_new_customers() {
    each_db(|db| async move {
        let w = world(&db).await;
        let t = template(&db, &w, Some(w.package)).await;
        let view = templates::start_view(&db, &w.kari, &t.token).await.unwrap();
        assert_eq!(view.customers.len(), 1, "kari administers Solheim");
        // For Solheim: a TEMPLATE order, viewed, its package locked.
        let link = start::from_template(&db, &w.cfg, &w.kari, &t, Some(w.customer), None)
            .await
            .unwrap();
        let v = review::view(&db, &w.kari, &link).await.unwrap();
        assert_eq!(
            (v.order_type, v.status, v.package_locked),
            (
                ProductOrderType::Template,
                ProductOrderStatus::MerchantViewed,
                true
            )
        );
        review::submit(&db, &w.cfg, &w.kari, &link, consent(""))
            .await
            .unwrap();
        // For a new company: its business identifier and name; not for one that exists.
        let tore = crate::features::accounts::service::orgs::find_or_create_user(
            &db,
            "tore@newco.example",
        )
        .await
        .unwrap();
        let tore = Actor::user(tore.id, &tore.email, None);
        let known = (
            "business:NO:ORG".to_string(),
            SOLHEIM.to_string(),
            "Solheim Two".to_string(),
        );
        let e = start::from_template(&db, &w.cfg, &tore, &t, None, Some(known))
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
        let e = start::from_template(&db, &w.cfg, &tore, &t, Some(w.customer), None)
            .await
            .unwrap_err();
        assert_eq!(e, AppError::Forbidden, "tore does not administer Solheim");
        let new = (
            "business:NO:ORG".to_string(),
            NEWCO.to_string(),
            "Newco Eiendom AS".to_string(),
        );
        let link = start::from_template(&db, &w.cfg, &tore, &t, None, Some(new))
            .await
            .unwrap();
        review::submit(&db, &w.cfg, &tore, &link, consent("Newco Eiendom AS"))
            .await
            .unwrap();
        // The template counts them by status.
        let page = templates::list(&db, &w.cfg, &w.anna, w.partner)
            .await
            .unwrap();
        assert_eq!(page.rows[0].orders, 2);
        assert_eq!(
            page.rows[0].by_status,
            vec![(ProductOrderStatus::OrderSubmitted, 2)]
        );
        assert!(page.rows[0].link.contains("/sign-up/template/"));
        // Retired, it shows as such and starts nothing more (the server function refuses it).
        templates::retire(&db, &w.anna, w.partner, &t.public_id)
            .await
            .unwrap();
        let page = templates::list(&db, &w.cfg, &w.anna, w.partner)
            .await
            .unwrap();
        assert_eq!(page.rows[0].status, TemplateStatus::Retired);
        assert!(
            !templates::start_view(&db, &w.kari, &t.token)
                .await
                .unwrap()
                .active
        );
        assert!(matches!(
            templates::retire(&db, &w.anna, w.partner, &t.public_id).await,
            Err(AppError::Conflict(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn a_customer_orders_a_product_on_its_own() {
    each_db(|db| async move {
        let w = world(&db).await;
        let link = start::manual(&db, &w.cfg, &w.kari, w.customer, w.product)
            .await
            .unwrap();
        let v = review::view(&db, &w.kari, &link).await.unwrap();
        assert_eq!(
            (v.order_type, v.partner_name.as_str()),
            (ProductOrderType::Manual, "Acme")
        );
        assert!(!v.package_locked);
        assert_eq!(v.packages.len(), 1, "the Norwegian package offered to Acme");
        let mut input = consent("");
        input.price_package_id = Some(w.package);
        let o = review::submit(&db, &w.cfg, &w.kari, &link, input)
            .await
            .unwrap();
        assert_eq!(o.price_package_id, Some(w.package));
        // Only admins, and only products open to every installation.
        let per = crate::server::testing::member(
            &db,
            w.customer,
            "per@solheim.example",
            crate::glossary::Role::Member,
        )
        .await;
        assert_eq!(
            start::manual(&db, &w.cfg, &per, w.customer, w.product)
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        assert!(start::manual(&db, &w.cfg, &w.kari, w.customer, 9999)
            .await
            .is_err());
    })
    .await;
}
