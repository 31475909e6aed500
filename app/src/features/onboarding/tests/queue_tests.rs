//! The operator's side of access requests: joins, a taken name, declines and who may decide.
use super::*;

#[tokio::test]
async fn a_person_joins_the_organization_the_operator_chooses_never_the_operator() {
    each_db(|db| async move {
        let (op, olav) = operator(&db).await;
        let (brokerbase, bob) =
            partner_org(&db, "Brokerbase Software AS", "bob@brokerbase.example").await;
        partner_org(&db, "Base Camp Software", "c@basecamp.example").await;
        partner_org(&db, "Elsewhere AS", "e@elsewhere.example").await;
        let request = join("brokerbase software", "jo@brokerbase.example");
        let id = asked(&db, request, Lang::Nb).await;
        let page = queue::list(&db, &olav, op, "new", "").await.unwrap();
        let names: Vec<&str> = page.rows[0]
            .candidates
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        // Those sharing the most words first; the operator is never among them.
        assert_eq!(names, ["Brokerbase Software AS", "Base Camp Software"]);
        // Without a choice, or into the operator (which would make them staff): refused.
        for choice in [None, Some(op), Some(9999)] {
            let join_as = choice.map(|o| queue::JoinAs {
                organization_id: o,
                role: Role::Admin,
            });
            let e = queue::approve(&db, &config(), &olav, op, id, join_as).await;
            assert!(matches!(e, Err(AppError::Invalid(_))), "{e:?}");
        }
        assert_eq!(
            membership::Entity::find()
                .filter(membership::Column::OrganizationId.eq(op))
                .count(&db)
                .await
                .unwrap(),
            1
        );
        let join_as = queue::JoinAs {
            organization_id: brokerbase,
            role: Role::Member,
        };
        queue::approve(&db, &config(), &olav, op, id, Some(join_as))
            .await
            .unwrap();
        let jo = crate::server::testing::actor(&db, "jo@brokerbase.example").await;
        let m = membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(brokerbase))
            .filter(membership::Column::UserId.eq(jo.user_id.unwrap()))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.role, Role::Member);
        // Told in the language they asked in; Brokerbase's admins learn who joined.
        let mails = mails_to(&db, "jo@brokerbase.example").await;
        assert!(mails.iter().any(|m| m.contains("godkjent")), "{mails:?}");
        let told = notification::Entity::find()
            .filter(notification::Column::UserId.eq(bob.user_id.unwrap()))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(told, 1);
        // Asking again once a member: approving it is refused, and says why.
        let again = asked(&db, join("Brokerbase", "jo@brokerbase.example"), Lang::En).await;
        let join_as = queue::JoinAs {
            organization_id: brokerbase,
            role: Role::Member,
        };
        let e = queue::approve(&db, &config(), &olav, op, again, Some(join_as)).await;
        assert!(
            matches!(&e, Err(AppError::Conflict(m)) if m.contains("Brokerbase Software AS")),
            "{e:?}"
        );
        assert_eq!(newest(&db).await.status, AccessRequestStatus::New);
    })
    .await;
}

#[tokio::test]
async fn a_taken_name_refuses_the_approval_and_changes_nothing_then_decline_tells_the_requester() {
    each_db(|db| async move {
        let (op, olav) = operator(&db).await;
        partner_org(&db, "Fjord Listings AS", "old@fjord.example").await;
        let id = asked(
            &db,
            partner("Fjord Listings AS", "pia@fjord.example"),
            Lang::Nb,
        )
        .await;
        let e = queue::approve(&db, &config(), &olav, op, id, None).await;
        assert!(
            matches!(&e, Err(AppError::Conflict(m)) if m.contains("Fjord Listings AS")),
            "{e:?}"
        );
        assert!(mails_to(&db, "pia@fjord.example")
            .await
            .iter()
            .all(|m| !m.contains("godkjent")));
        assert_eq!(newest(&db).await.status, AccessRequestStatus::New);
        let long = "x".repeat(2001);
        assert!(matches!(
            queue::decline(&db, &config(), &olav, op, id, &long).await,
            Err(AppError::Invalid(_))
        ));
        queue::decline(
            &db,
            &config(),
            &olav,
            op,
            id,
            "Dere finnes allerede som partner.",
        )
        .await
        .unwrap();
        let mails = mails_to(&db, "pia@fjord.example").await;
        assert!(
            mails
                .iter()
                .any(|m| m.contains("kan ikke godkjenne") && m.contains("Dere finnes allerede")),
            "{mails:?}"
        );
        let r = newest(&db).await;
        assert_eq!(
            (r.status, r.decided_by.as_deref()),
            (AccessRequestStatus::Declined, Some("olav@operator.example"))
        );
        let e = queue::approve(&db, &config(), &olav, op, id, None).await;
        assert!(matches!(e, Err(AppError::Conflict(_))));
        let declined = queue::list(&db, &olav, op, "declined", "").await.unwrap();
        assert_eq!(
            declined.rows[0].decision_message.as_deref(),
            Some("Dere finnes allerede som partner.")
        );
        assert!(matches!(
            queue::list(&db, &olav, op, "unconfirmed", "").await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            queue::list(&db, &olav, op, "new", "abc").await,
            Err(AppError::Invalid(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn only_the_operators_staff_read_the_queue_and_only_its_admins_decide() {
    each_db(|db| async move {
        let (op, _) = operator(&db).await;
        let (nordic, anna) = partner_org(&db, "Nordic", "anna@nordic.example").await;
        let id = asked(&db, partner("Fjord AS", "pia@fjord.example"), Lang::En).await;
        let staff: Actor = member(&db, op, "sam@operator.example", Role::Member).await;
        let page = queue::list(&db, &staff, op, "", "").await.unwrap();
        assert_eq!((page.rows.len(), page.can_decide), (1, false));
        assert_eq!(
            queue::approve(&db, &config(), &staff, op, id, None).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            queue::decline(&db, &config(), &staff, op, id, "").await,
            Err(AppError::Forbidden)
        );
        // A partner's admin, as their own organization or naming the operator's: refused.
        for org in [nordic, op] {
            assert!(queue::list(&db, &anna, org, "", "").await.is_err());
            assert!(queue::approve(&db, &config(), &anna, org, id, None)
                .await
                .is_err());
            assert!(queue::decline(&db, &config(), &anna, org, id, "")
                .await
                .is_err());
        }
        assert_eq!(newest(&db).await.status, AccessRequestStatus::New);
    })
    .await;
}
