//! A prefill's way from `RECEIVED` to `COMPLETED`, who may submit it, idempotency and expiry.
use super::*;
use crate::error::AppError;
use crate::features::product_orders::dto::SignUpCustomer;
use crate::features::product_orders::service::{decide, expiry, list};
use crate::glossary::{ProductOrderStatus, Role};
use crate::server::entities::{
    activation, installation, installation_price_package as ipp, notification, product_order_step,
};
use crate::server::testing::{each_db, member, partner_org};

#[tokio::test]
async fn a_prefill_goes_from_received_to_completed() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, SOLHEIM).await;
        assert_eq!(made.order.status, ProductOrderStatus::Received);
        assert!(made.link.contains("/sign-up/"), "{}", made.link);
        let days = (made.expires_at.unwrap() - made.order.created_at).num_days();
        assert_eq!(days, 14);
        // The customer's admin opens it: viewed; it shows what the product will access.
        let v = review::view(&db, &w.kari, &token(&made.link))
            .await
            .unwrap();
        assert_eq!(v.status, ProductOrderStatus::MerchantViewed);
        assert!(matches!(v.customer, SignUpCustomer::Admin { org_id, .. } if org_id == w.customer));
        assert_eq!(
            v.functions
                .iter()
                .map(|f| f.key.as_str())
                .collect::<Vec<_>>(),
            ["estates.read"]
        );
        assert!(v.package_locked);
        // No consent, no submission; then submitted.
        let mut without = consent("");
        without.consent = false;
        let e = review::submit(&db, &w.cfg, &w.kari, &token(&made.link), without)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
        let o = review::submit(&db, &w.cfg, &w.kari, &token(&made.link), consent(""))
            .await
            .unwrap();
        assert_eq!(o.status, ProductOrderStatus::OrderSubmitted);
        assert_eq!(o.customer_id, Some(w.customer));
        // A second submit is "already submitted", never an error page.
        let e = review::submit(&db, &w.cfg, &w.kari, &token(&made.link), consent(""))
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Conflict(ref m) if m.contains("submitted")),
            "{e:?}"
        );
        // The operator may connect one of Solheim's installations instead of a new one.
        let d = list::detail(&db, &w.cfg, &w.olav, w.operator, &o.public_id)
            .await
            .unwrap();
        let ids: Vec<&str> = d.connectable.iter().map(|c| c.0.as_str()).collect();
        assert_eq!((d.can_decide, ids), (true, vec!["SOLBER", "SOLOSL"]));
        // The operator approves: a new sales unit with the package, the product active on it.
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
        assert_eq!(done.status, ProductOrderStatus::Completed);
        let inst = installation::Entity::find_by_id(done.installation_id.unwrap())
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                inst.name.as_str(),
                inst.customer_id,
                inst.installation_id.len()
            ),
            ("Solheim Drammen", w.customer, 6)
        );
        let pkg = ipp::Entity::find()
            .filter(ipp::Column::InstallationId.eq(inst.id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pkg.price_package_id, w.package);
        let act = activation::Entity::find()
            .filter(activation::Column::InstallationId.eq(inst.id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (act.product_id, act.activated_by),
            (w.product, w.kari.user_id)
        );
        // Each step in the timeline; a second approval is "already completed".
        let steps: Vec<ProductOrderStatus> = product_order_step::Entity::find()
            .filter(product_order_step::Column::ProductOrderId.eq(o.id))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.status)
            .collect();
        assert_eq!(
            steps,
            [
                ProductOrderStatus::Received,
                ProductOrderStatus::MerchantViewed,
                ProductOrderStatus::OrderSubmitted,
                ProductOrderStatus::Completed
            ]
        );
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
            matches!(e, AppError::Conflict(ref m) if m.contains("completed")),
            "{e:?}"
        );
        // The partner and the customer are told, with the installation ID.
        for (who, org) in [(&w.anna, w.partner), (&w.kari, w.customer)] {
            let told = notification::Entity::find()
                .filter(notification::Column::UserId.eq(who.user_id.unwrap()))
                .filter(notification::Column::OrganizationId.eq(org))
                .all(&db)
                .await
                .unwrap();
            assert!(
                told.iter().any(|n| n.body.contains(&inst.installation_id)),
                "{told:?}"
            );
        }
        // The partner's list shows it completed, with the sales unit.
        let page = list::list(&db, &w.anna, w.partner, &Default::default())
            .await
            .unwrap();
        assert_eq!(
            page.rows[0].installation_id.as_deref(),
            Some(inst.installation_id.as_str())
        );
    })
    .await;
}

#[tokio::test]
async fn only_the_customers_admins_or_a_new_company_may_submit() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, SOLHEIM).await;
        let per = member(&db, w.customer, "per@solheim.example", Role::Member).await;
        let v = review::view(&db, &per, &token(&made.link)).await.unwrap();
        assert!(matches!(v.customer, SignUpCustomer::Member { .. }));
        assert_eq!(
            v.status,
            ProductOrderStatus::Received,
            "a member's look does not count as viewed"
        );
        let e = review::submit(&db, &w.cfg, &per, &token(&made.link), consent(""))
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Invalid(ref m) if m.contains("admin")),
            "{e:?}"
        );
        let (_, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert_eq!(
            review::view(&db, &eve, &token(&made.link))
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        assert!(
            review::submit(&db, &w.cfg, &eve, &token(&made.link), consent("Evil AS"))
                .await
                .is_err()
        );
        // A link that is not one opens nothing.
        assert_eq!(
            review::view(&db, &w.kari, "not-a-token").await.unwrap_err(),
            AppError::LinkExpired
        );
        let forged = "A".repeat(43);
        assert_eq!(
            review::view(&db, &w.kari, &forged).await.unwrap_err(),
            AppError::LinkExpired
        );
        // Signed out, nothing at all.
        assert_eq!(
            review::view(&db, &Actor::system(), &token(&made.link))
                .await
                .unwrap_err(),
            AppError::NotSignedIn
        );
    })
    .await;
}

#[tokio::test]
async fn the_same_idempotency_key_answers_the_same_order() {
    each_db(|db| async move {
        let w = world(&db).await;
        let key = ("key-1".to_string(), "hash-of-the-body".to_string());
        let first = create::prefill(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            prefill_for(&w, SOLHEIM),
            Some(key.clone()),
        )
        .await
        .unwrap();
        let again = create::prefill(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            prefill_for(&w, SOLHEIM),
            Some(key.clone()),
        )
        .await
        .unwrap();
        assert!(again.replayed && !first.replayed);
        assert_eq!(
            (again.order.id, again.link.clone()),
            (first.order.id, first.link.clone())
        );
        let other = ("key-1".to_string(), "another body".to_string());
        let e = create::prefill(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            prefill_for(&w, NEWCO),
            Some(other),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(e, AppError::Invalid(ref m) if m.contains("Idempotency-Key")),
            "{e:?}"
        );
        let all = po::Entity::find().all(&db).await.unwrap();
        assert_eq!(all.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_message_and_stores_nothing() {
    each_db(|db| async move {
        let w = world(&db).await;
        let bad = |f: fn(&mut PrefillInput)| {
            let mut input = prefill_for(&w, SOLHEIM);
            f(&mut input);
            input
        };
        for (input, says) in [
            (bad(|i| i.business_id = "912345687".into()), "check digit"),
            (bad(|i| i.sales_unit_name = "<b>".into()), "1 to 40"),
            (bad(|i| i.product_id = 9999), "product"),
            (bad(|i| i.price_package_id = Some(9999)), "price package"),
            (bad(|i| i.contact_email = Some("nope".into())), "e-mail"),
            (bad(|i| i.logo = Some(b"GIF89a".to_vec())), "PNG"),
        ] {
            match create::prefill(&db, &w.cfg, &w.anna, w.partner, input, None).await {
                Err(AppError::Invalid(m)) => assert!(m.contains(says), "{says}: {m}"),
                other => panic!("{says}: {other:?}"),
            }
        }
        assert!(po::Entity::find().all(&db).await.unwrap().is_empty());
        // Only the partner's admins prefill.
        let max = member(&db, w.partner, "max@acme.example", Role::Member).await;
        let e = create::prefill(&db, &w.cfg, &max, w.partner, prefill_for(&w, SOLHEIM), None)
            .await
            .unwrap_err();
        assert_eq!(e, AppError::Forbidden);
    })
    .await;
}

#[tokio::test]
async fn an_unsubmitted_prefill_expires_after_fourteen_days() {
    each_db(|db| async move {
        let w = world(&db).await;
        let made = prefill(&db, &w, SOLHEIM).await;
        let fresh = prefill(&db, &w, NEWCO).await;
        assert_eq!(expiry::expire_due(&db).await.unwrap(), 0);
        po::Entity::update_many()
            .col_expr(
                po::Column::ExpiresAt,
                Expr::value(Some(chrono::Utc::now() - chrono::Duration::minutes(1))),
            )
            .filter(po::Column::Id.eq(made.order.id))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(expiry::expire_due(&db).await.unwrap(), 1);
        assert_eq!(
            reload(&db, &made.order).await.status,
            ProductOrderStatus::Expired
        );
        assert_eq!(
            reload(&db, &fresh.order).await.status,
            ProductOrderStatus::Received
        );
        // The link is refused, and a late submit is "expired", not an error page.
        assert_eq!(
            review::view(&db, &w.kari, &token(&made.link))
                .await
                .unwrap_err(),
            AppError::LinkExpired
        );
        let e = review::submit(&db, &w.cfg, &w.kari, &token(&made.link), consent(""))
            .await
            .unwrap_err();
        assert_eq!(e, AppError::LinkExpired);
        // Partners see expired orders only when they ask.
        let page = list::list(&db, &w.anna, w.partner, &Default::default())
            .await
            .unwrap();
        assert_eq!(page.rows.len(), 1);
        let asked = crate::features::product_orders::dto::ProductOrderQuery {
            include_expired: true,
            ..Default::default()
        };
        assert_eq!(
            list::list(&db, &w.anna, w.partner, &asked)
                .await
                .unwrap()
                .rows
                .len(),
            2
        );
    })
    .await;
}

#[tokio::test]
async fn someone_new_signs_in_through_a_live_link_only() {
    each_db(|db| async move {
        use crate::features::accounts::service::auth::request_sign_in_then;
        use crate::server::testing::last_mailed_token;
        let w = world(&db).await;
        let made = prefill(&db, &w, NEWCO).await;
        let live = crate::paths::sign_up(&token(&made.link));
        let ask = |email: &'static str, next: String| {
            let (db, cfg) = (db.clone(), w.cfg.clone());
            async move {
                request_sign_in_then(
                    &db,
                    &cfg,
                    email,
                    "127.0.0.1",
                    crate::i18n::Lang::En,
                    Some(&next),
                )
                .await
                .unwrap();
                last_mailed_token(&db, email).await
            }
        };
        // A made-up link, or none: an unknown address gets nothing (and no user is made).
        assert!(ask("nobody@example.com", "/o/1".into()).await.is_none());
        assert!(
            ask("guess@example.com", crate::paths::sign_up(&"A".repeat(43)))
                .await
                .is_none()
        );
        // The order's own link: a sign-in link for the newcomer.
        assert!(ask("tore@newco.example", live.clone()).await.is_some());
        // Once the order is no longer open, its link invites nobody.
        list::delete(&db, &w.anna, w.partner, &made.order.public_id)
            .await
            .unwrap();
        assert!(ask("late@newco.example", live).await.is_none());
        let users = crate::server::entities::user::Entity::find()
            .filter(crate::server::entities::user::Column::Email.is_in([
                "nobody@example.com",
                "guess@example.com",
                "late@newco.example",
            ]))
            .all(&db)
            .await
            .unwrap();
        assert!(users.is_empty(), "{users:?}");
    })
    .await;
}
