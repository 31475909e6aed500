//! How orders move and who sees them: forward only, each party its own moves, the partner's
//! and the customer's lists, another organization refused, one winner of two at once.
use super::{post, world};
use crate::error::AppError;
use crate::features::orders::dto::OrderQuery;
use crate::features::orders::service::{detail, list, status};
use crate::glossary::{OrderParty, OrderStatus, Role};
use crate::server::entities::{order_update, push_event};
use crate::server::testing::{at_once, each_db, each_writer_db, member, operator, partner_org};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn orders_move_forward_only_each_party_its_own_moves() {
    each_db(|db| async move {
        let w = world(&db).await;
        let o = post(&db, &w, "42").await;
        let id = o.public_id.clone();
        // The customer cannot accept; the partner cannot cancel; a decline needs a reason.
        let e = status::apply(
            &db,
            &w.kari,
            OrderParty::Customer,
            o.clone(),
            OrderStatus::Accepted,
            "",
        )
        .await
        .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
        let e = status::partner_move(&db, &w.anna, w.partner, &id, OrderStatus::Cancelled, "")
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
        let e = status::partner_move(&db, &w.anna, w.partner, &id, OrderStatus::Declined, "  ")
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Invalid(ref m) if m.contains("why")),
            "{e:?}"
        );
        // A customer's member reads but does not cancel.
        let per = member(&db, w.customer, "per@solheim.example", Role::Member).await;
        let d = detail::detail(&db, &per, w.customer, &id).await.unwrap();
        assert!(d.next.is_empty());
        assert_eq!(
            status::customer_cancel(&db, &per, w.customer, &id, "")
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        // open → accepted → completed; then nothing more.
        status::partner_move(
            &db,
            &w.anna,
            w.partner,
            &id,
            OrderStatus::Accepted,
            "On it.",
        )
        .await
        .unwrap();
        let d = detail::detail(&db, &w.kari, w.customer, &id).await.unwrap();
        assert_eq!(d.order.status, OrderStatus::Accepted);
        assert_eq!(d.next, vec![OrderStatus::Cancelled]);
        let done = status::partner_move(&db, &w.anna, w.partner, &id, OrderStatus::Completed, "")
            .await
            .unwrap();
        assert!(done.completed_at.is_some());
        let e = status::partner_move(&db, &w.anna, w.partner, &id, OrderStatus::Declined, "Late.")
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Conflict(ref m) if m.contains("already completed")),
            "{e:?}"
        );
        let e = status::customer_cancel(&db, &w.kari, w.customer, &id, "")
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Conflict(_)), "{e:?}");
        // The timeline has every step, by whom, with the partner's message.
        let d = detail::detail(&db, &w.anna, w.partner, &id).await.unwrap();
        let steps: Vec<_> = d.steps.iter().map(|s| (s.status, s.by_party)).collect();
        assert_eq!(
            steps,
            vec![
                (OrderStatus::Open, OrderParty::Platform),
                (OrderStatus::Accepted, OrderParty::Partner),
                (OrderStatus::Completed, OrderParty::Partner),
            ]
        );
        assert_eq!(d.steps[1].message, "On it.");
        assert!(d.next.is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_cancellation_is_pushed_to_the_partner_and_audited() {
    each_db(|db| async move {
        let w = world(&db).await;
        let o = post(&db, &w, "42").await;
        status::customer_cancel(&db, &w.kari, w.customer, &o.public_id, "Sold already.")
            .await
            .unwrap();
        let types: Vec<String> = push_event::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.event_type)
            .collect();
        assert_eq!(types, vec!["order.created", "order.cancelled"]);
        let steps = order_update::Entity::find()
            .filter(order_update::Column::OrderId.eq(o.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(
            steps.last().map(|s| (s.by_party, s.message.as_str())),
            Some((OrderParty::Customer, "Sold already."))
        );
        let audited = crate::server::entities::audit_entry::Entity::find()
            .filter(crate::server::entities::audit_entry::Column::Action.eq("order.cancelled"))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(audited.len(), 1);
        assert_eq!(audited[0].actor, "kari@solheim.example");
    })
    .await;
}

#[tokio::test]
async fn each_side_sees_only_its_own_orders() {
    each_db(|db| async move {
        let w = world(&db).await;
        let first = post(&db, &w, "42").await;
        post(&db, &w, "4200").await;
        post(&db, &w, "77").await;
        let q = OrderQuery::default();
        let partner = list::partner_list(&db, &w.anna, w.partner, &q)
            .await
            .unwrap();
        assert_eq!(partner.rows.len(), 3);
        assert_eq!(partner.rows[0].object_id, "77", "newest first");
        let customer = list::customer_list(&db, &w.kari, w.customer, &q)
            .await
            .unwrap();
        assert_eq!(customer.rows.len(), 3);
        // Search by the start of an object ID; filter by status; pages of one.
        let by_object = OrderQuery {
            object: "42".into(),
            ..q.clone()
        };
        assert_eq!(
            list::partner_list(&db, &w.anna, w.partner, &by_object)
                .await
                .unwrap()
                .rows
                .len(),
            2
        );
        let open = OrderQuery {
            status: "declined".into(),
            ..q.clone()
        };
        assert!(list::partner_list(&db, &w.anna, w.partner, &open)
            .await
            .unwrap()
            .rows
            .is_empty());
        let (page, next) = list::page(
            &db,
            crate::i18n::Lang::En,
            list::partner_scope([w.showings.id]),
            &q,
            2,
        )
        .await
        .unwrap();
        assert_eq!(page.len(), 2);
        let rest = OrderQuery {
            cursor: next.unwrap(),
            ..q.clone()
        };
        let (page, next) = list::page(
            &db,
            crate::i18n::Lang::En,
            list::partner_scope([w.showings.id]),
            &rest,
            2,
        )
        .await
        .unwrap();
        assert_eq!((page.len(), next), (1, None));
        assert!(matches!(
            list::partner_list(
                &db,
                &w.anna,
                w.partner,
                &OrderQuery {
                    status: "lost".into(),
                    ..q.clone()
                }
            )
            .await,
            Err(AppError::Invalid(_))
        ));
        // Another partner sees none of them and cannot open or move one.
        let (other, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert!(list::partner_list(&db, &eve, other, &q)
            .await
            .unwrap()
            .rows
            .is_empty());
        assert_eq!(
            detail::detail(&db, &eve, other, &first.public_id)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        assert_eq!(
            status::partner_move(
                &db,
                &eve,
                other,
                &first.public_id,
                OrderStatus::Accepted,
                ""
            )
            .await
            .unwrap_err(),
            AppError::NotFound
        );
        // Nor can a partner act as the customer, or someone outside the organization at all.
        assert_eq!(
            detail::detail(&db, &eve, w.partner, &first.public_id)
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        let (op, olav) = operator(&db).await;
        assert_eq!(
            detail::detail(&db, &olav, op, &first.public_id)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        // A deactivated installation vanishes from the partner's view, not the customer's.
        let inst = crate::server::entities::installation::Entity::find()
            .filter(crate::server::entities::installation::Column::InstallationId.eq("SOLOSL"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        // (As the operator's deactivation writes it: the accounts feature owns that service.)
        crate::server::entities::installation::Entity::update_many()
            .col_expr(
                crate::server::entities::installation::Column::Status,
                sea_orm::sea_query::Expr::value(crate::glossary::ActiveStatus::Deactivated),
            )
            .filter(crate::server::entities::installation::Column::Id.eq(inst.id))
            .exec(&db)
            .await
            .unwrap();
        assert!(list::partner_list(&db, &w.anna, w.partner, &q)
            .await
            .unwrap()
            .rows
            .is_empty());
        assert_eq!(
            detail::detail(&db, &w.anna, w.partner, &first.public_id)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        assert_eq!(
            list::customer_list(&db, &w.kari, w.customer, &q)
                .await
                .unwrap()
                .rows
                .len(),
            3
        );
    })
    .await;
}

#[tokio::test]
async fn of_two_answers_at_once_exactly_one_wins() {
    each_writer_db(|db| async move {
        let w = world(&db).await;
        let o = post(&db, &w, "42").await;
        let results = at_once(6, |i| {
            let (db, anna, o) = (db.clone(), w.anna.clone(), o.clone());
            async move {
                let to = if i % 2 == 0 {
                    OrderStatus::Accepted
                } else {
                    OrderStatus::Declined
                };
                status::apply(&db, &anna, OrderParty::Partner, o, to, "Busy.").await
            }
        })
        .await;
        let won = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "{results:?}");
        assert!(
            results
                .iter()
                .all(|r| matches!(r, Ok(_) | Err(AppError::Conflict(_)))),
            "{results:?}"
        );
        let steps = order_update::Entity::find()
            .filter(order_update::Column::OrderId.eq(o.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(steps.len(), 2);
    })
    .await;
}
