//! The operator's decisions: a new company created on approval, all or nothing, one winner of
//! two, rejection (told to the customer only), auto-approval; and what partners may see and
//! delete.
use super::*;
use crate::error::AppError;
use crate::features::product_orders::service::{auto_approve, decide, list};
use crate::features::products::service::access_rules;
use crate::glossary::{ProductOrderStatus, Role};
use crate::server::entities::{installation, membership, notification, user};
use crate::server::testing::{at_once, each_db, each_writer_db, member, partner_org};
use sea_orm::PaginatorTrait;

/// A person with no organization yet.
async fn newcomer(db: &DatabaseConnection, email: &str) -> Actor {
    let u = crate::features::accounts::service::orgs::find_or_create_user(db, email)
        .await
        .unwrap();
    Actor::user(u.id, &u.email, None)
}

#[tokio::test]
async fn a_new_company_is_created_when_its_order_is_approved() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, NEWCO).await;
        let tore = newcomer(&db, "tore@newco.example").await;
        let e = review::submit(&db, &w.cfg, &tore, &token(&made.link), consent(" "))
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Invalid(_)),
            "the company's name is needed: {e:?}"
        );
        let o = submit(&db, &w, &tore, &made.link, "Newco Eiendom AS").await;
        assert_eq!(
            (o.customer_id, o.customer_name.as_deref()),
            (None, Some("Newco Eiendom AS"))
        );
        let done = decide::approve(
            &db,
            &w.cfg,
            &w.olav,
            w.operator,
            &o.public_id,
            decide::Target::New,
        )
        .await
        .unwrap();
        let customer = super::super::service::customer_with(&db, "business:NO:ORG", NEWCO)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (done.customer_id, customer.name.as_str()),
            (Some(customer.id), "Newco Eiendom AS")
        );
        let role = membership::Entity::find()
            .filter(membership::Column::UserId.eq(tore.user_id.unwrap()))
            .filter(membership::Column::OrganizationId.eq(customer.id))
            .one(&db)
            .await
            .unwrap()
            .map(|m| m.role);
        assert_eq!(role, Some(Role::Admin));
    })
    .await;
}

#[tokio::test]
async fn a_failed_approval_leaves_nothing_half_made() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, NEWCO).await;
        let tore = newcomer(&db, "tore@newco.example").await;
        let o = submit(&db, &w, &tore, &made.link, "Newco Eiendom AS").await;
        // The product is now only for listed installations: activating it on a new one fails.
        access_rules::set_access(&db, &w.anna, w.partner, w.product, "listed", "SOLOSL")
            .await
            .unwrap();
        let installations = installation::Entity::find().count(&db).await.unwrap();
        let e = decide::approve(
            &db,
            &w.cfg,
            &w.olav,
            w.operator,
            &o.public_id,
            decide::Target::New,
        )
        .await
        .unwrap_err();
        assert!(
            matches!(e, AppError::Invalid(ref m) if m.contains("available")),
            "{e:?}"
        );
        assert_eq!(
            installation::Entity::find().count(&db).await.unwrap(),
            installations
        );
        assert!(
            super::super::service::customer_with(&db, "business:NO:ORG", NEWCO)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            reload(&db, &o).await.status,
            ProductOrderStatus::OrderSubmitted
        );
        // Open to all again, the same approval goes through.
        access_rules::set_access(&db, &w.anna, w.partner, w.product, "all", "")
            .await
            .unwrap();
        decide::approve(
            &db,
            &w.cfg,
            &w.olav,
            w.operator,
            &o.public_id,
            decide::Target::New,
        )
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn of_two_operators_approving_at_once_one_wins() {
    each_writer_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, SOLHEIM).await;
        let o = submit(&db, &w, &w.kari, &made.link, "").await;
        let before = installation::Entity::find().count(&db).await.unwrap();
        let results = at_once(2, |_| {
            let (db, cfg, olav, op, id) = (
                db.clone(),
                w.cfg.clone(),
                w.olav.clone(),
                w.operator,
                o.public_id.clone(),
            );
            async move { decide::approve(&db, &cfg, &olav, op, &id, decide::Target::New).await }
        })
        .await;
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        assert!(
            results
                .iter()
                .all(|r| matches!(r, Ok(_) | Err(AppError::Conflict(_)))),
            "{results:?}"
        );
        assert_eq!(
            installation::Entity::find().count(&db).await.unwrap(),
            before + 1
        );
    })
    .await;
}

#[tokio::test]
async fn a_rejection_is_told_to_the_customer_only_and_its_reason_stays_inside() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, SOLHEIM).await;
        // Not yet submitted: nothing to decide.
        let e = decide::reject(
            &db,
            &w.cfg,
            &w.olav,
            w.operator,
            &made.order.public_id,
            "No.",
        )
        .await
        .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
        let o = submit(&db, &w, &w.kari, &made.link, "").await;
        let e = decide::reject(&db, &w.cfg, &w.olav, w.operator, &o.public_id, "  ")
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)));
        // Only the operator's admins decide.
        assert!(
            decide::reject(&db, &w.cfg, &w.anna, w.operator, &o.public_id, "x")
                .await
                .is_err()
        );
        let done = decide::reject(
            &db,
            &w.cfg,
            &w.olav,
            w.operator,
            &o.public_id,
            "Credit check failed.",
        )
        .await
        .unwrap();
        assert_eq!(done.status, ProductOrderStatus::Rejected);
        let told = |email: &'static str| {
            let db = db.clone();
            async move {
                let u = user::Entity::find()
                    .filter(user::Column::Email.eq(email))
                    .one(&db)
                    .await
                    .unwrap()
                    .unwrap();
                notification::Entity::find()
                    .filter(notification::Column::UserId.eq(u.id))
                    .filter(notification::Column::Title.contains("ejected"))
                    .count(&db)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(told("kari@solheim.example").await, 1);
        assert_eq!(told("anna@acme.example").await, 0);
        let partner = list::detail(&db, &w.cfg, &w.anna, w.partner, &o.public_id)
            .await
            .unwrap();
        assert_eq!(
            (partner.order.status, partner.rejection_reason),
            (ProductOrderStatus::Rejected, None)
        );
        let operator = list::detail(&db, &w.cfg, &w.olav, w.operator, &o.public_id)
            .await
            .unwrap();
        assert_eq!(
            operator.rejection_reason.as_deref(),
            Some("Credit check failed.")
        );
    })
    .await;
}

#[tokio::test]
async fn a_known_customers_order_can_be_approved_as_it_is_submitted() {
    each_db(|db| async move {
        let w = world(&db).await;
        assert!(
            auto_approve::set_auto_approve(&db, &w.anna, w.operator, true)
                .await
                .is_err()
        );
        auto_approve::set_auto_approve(&db, &w.olav, w.operator, true)
            .await
            .unwrap();
        let made = prefill(&db, &w, SOLHEIM).await;
        let o = submit(&db, &w, &w.kari, &made.link, "").await;
        assert_eq!(o.status, ProductOrderStatus::Completed);
        // A new company still waits for the operator.
        let made = prefill(&db, &w, NEWCO).await;
        let tore = newcomer(&db, "tore@newco.example").await;
        let o = submit(&db, &w, &tore, &made.link, "Newco Eiendom AS").await;
        assert_eq!(o.status, ProductOrderStatus::OrderSubmitted);
    })
    .await;
}

#[tokio::test]
async fn partners_see_and_delete_only_their_own_and_only_in_time() {
    each_db(|db| async move {
        let w = world(&db).await;
        let first = prefill(&db, &w, SOLHEIM).await;
        let second = prefill(&db, &w, NEWCO).await;
        let (other, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert!(list::list(&db, &eve, other, &Default::default())
            .await
            .unwrap()
            .rows
            .is_empty());
        assert_eq!(
            list::detail(&db, &w.cfg, &eve, other, &first.order.public_id)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        assert_eq!(
            list::delete(&db, &eve, other, &first.order.public_id)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        let max = member(&db, w.partner, "max@acme.example", Role::Member).await;
        assert_eq!(
            list::delete(&db, &max, w.partner, &first.order.public_id)
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        // The customer sees the orders naming its business identifier, not others'.
        let mine = list::list(&db, &w.kari, w.customer, &Default::default())
            .await
            .unwrap();
        assert_eq!(mine.rows.len(), 1);
        // Delete before submission; after it, a conflict.
        list::delete(&db, &w.anna, w.partner, &second.order.public_id)
            .await
            .unwrap();
        assert_eq!(
            review::view(&db, &w.kari, &token(&second.link))
                .await
                .unwrap_err(),
            AppError::LinkExpired
        );
        submit(&db, &w, &w.kari, &first.link, "").await;
        let e = list::delete(&db, &w.anna, w.partner, &first.order.public_id)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Conflict(_)), "{e:?}");
    })
    .await;
}
