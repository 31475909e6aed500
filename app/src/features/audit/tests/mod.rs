//! The audit log's reader, on SQLite and PostgreSQL: who sees which entries, the filters, the
//! pages and the CSV export.
use crate::error::AppError;
use crate::features::audit::dto::{AuditQuery, PAGE_SIZE};
use crate::features::audit::service::{self, csv_chunk, CSV_CHUNK};
use crate::glossary::Role;
use crate::server::audit;
use crate::server::clock::{local, now};
use crate::server::scope::Actor;
use crate::server::testing::{each_db, member, operator, partner_org};
use sea_orm::DatabaseConnection;

struct Log {
    op: i32,
    ops: Actor,
    nordic: i32,
    anna: Actor,
    brokerbase: i32,
    bob: Actor,
}

/// The operator, partners Nordic (anna) and Brokerbase (bob), one product each, and the
/// operator's staff reactivating Nordic (an entry about Nordic, made as the operator).
async fn log(db: &DatabaseConnection) -> Log {
    let (op, ops) = operator(db).await;
    let (nordic, anna) = partner_org(db, "Nordic", "anna@nordic.example").await;
    let (brokerbase, bob) = partner_org(db, "Brokerbase", "bob@brokerbase.example").await;
    audit::record(
        db,
        &anna,
        Some(nordic),
        "product.created",
        "Nordic Planner",
        "",
    )
    .await
    .unwrap();
    audit::record(
        db,
        &bob,
        Some(brokerbase),
        "product.created",
        "Brokerbase Sync",
        "",
    )
    .await
    .unwrap();
    // As the accounts feature records reactivating an organization (tested over HTTP in
    // server/tests/audit_log.rs).
    audit::record_about(
        db,
        &ops,
        Some(op),
        Some(nordic),
        "organization.reactivated",
        "Nordic",
        "",
    )
    .await
    .unwrap();
    Log {
        op,
        ops,
        nordic,
        anna,
        brokerbase,
        bob,
    }
}

fn by(person: &str) -> AuditQuery {
    AuditQuery {
        person: person.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_partner_admin_sees_its_own_entries_and_the_operators_about_it_only() {
    each_db(|db| async move {
        let l = log(&db).await;
        let page = service::list(&db, &l.anna, l.nordic, &AuditQuery::default())
            .await
            .unwrap();
        assert!(!page.everything);
        let who: Vec<_> = page
            .rows
            .iter()
            .map(|r| (r.actor.as_str(), r.action.as_str()))
            .collect();
        assert!(
            who.contains(&("anna@nordic.example", "product.created")),
            "{who:?}"
        );
        assert!(
            who.contains(&("olav@operator.example", "organization.reactivated")),
            "{who:?}"
        );
        assert!(page
            .rows
            .iter()
            .all(|r| r.actor != "bob@brokerbase.example" && r.target != "Brokerbase Sync"));
        // The operator's entry says whom it acted as and whom it was about; no link for a partner.
        let op = page
            .rows
            .iter()
            .find(|r| r.action == "organization.reactivated")
            .unwrap();
        assert_eq!(
            (
                op.acting_as.as_deref(),
                op.about.as_deref(),
                op.about_link.as_deref()
            ),
            (Some("Operator"), Some("Nordic"), None)
        );
        // Bob cannot read Nordic's log, nor a member Nordic's.
        assert_eq!(
            service::list(&db, &l.bob, l.nordic, &AuditQuery::default())
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        let max = member(&db, l.nordic, "max@nordic.example", Role::Member).await;
        assert_eq!(
            service::list(&db, &max, l.nordic, &AuditQuery::default())
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
        // The operator's admins see everything, with a link to the organization it was about.
        let all = service::list(&db, &l.ops, l.op, &AuditQuery::default())
            .await
            .unwrap();
        assert!(all.everything);
        assert!(all.rows.iter().any(|r| r.target == "Brokerbase Sync"));
        let op = all
            .rows
            .iter()
            .find(|r| r.action == "organization.reactivated")
            .unwrap();
        assert_eq!(
            op.about_link,
            Some(format!("/o/{}/organizations/{}", l.op, l.nordic))
        );
        let _ = l.brokerbase;
    })
    .await;
}

#[tokio::test]
async fn filters_narrow_the_log_and_bad_filters_are_refused() {
    each_db(|db| async move {
        let l = log(&db).await;
        let list = |q: AuditQuery| {
            let (db, ops) = (db.clone(), l.ops.clone());
            async move { service::list(&db, &ops, l.op, &q).await }
        };
        let anna = list(by("ANNA@nordic")).await.unwrap();
        assert_eq!(anna.rows.len(), 1);
        assert_eq!(anna.rows[0].actor, "anna@nordic.example");
        let ops = list(AuditQuery {
            action: "organization.".into(),
            ..Default::default()
        })
        .await
        .unwrap();
        assert!(
            !ops.rows.is_empty()
                && ops
                    .rows
                    .iter()
                    .all(|r| r.action.starts_with("organization."))
        );
        let sync = list(AuditQuery {
            object: "sync".into(),
            ..Default::default()
        })
        .await
        .unwrap();
        assert_eq!(
            sync.rows
                .iter()
                .map(|r| r.target.as_str())
                .collect::<Vec<_>>(),
            ["Brokerbase Sync"]
        );
        // Wildcards are taken literally.
        assert!(list(by("%")).await.unwrap().rows.is_empty());
        let t = local(now());
        let today = format!("{:04}-{:02}-{:02}", t.year, t.month, t.day);
        let days = |from: &str, to: &str| AuditQuery {
            from: from.into(),
            to: to.into(),
            ..Default::default()
        };
        assert_eq!(
            list(days(&today, &today)).await.unwrap().rows.len(),
            list(AuditQuery::default()).await.unwrap().rows.len()
        );
        assert!(list(days("2020-01-01", "2020-12-31"))
            .await
            .unwrap()
            .rows
            .is_empty());
        for bad in [
            days("2026-13-01", ""),
            days("", "yesterday"),
            days("2026-12-07", "2026-12-01"),
            by(&"x".repeat(201)),
        ] {
            assert!(
                matches!(list(bad.clone()).await, Err(AppError::Invalid(_))),
                "{bad:?}"
            );
        }
        let cursor = AuditQuery {
            cursor: "abc".into(),
            ..Default::default()
        };
        assert!(matches!(list(cursor).await, Err(AppError::Invalid(_))));
    })
    .await;
}

#[tokio::test]
async fn the_log_pages_newest_first_and_the_csv_comes_in_chunks_safe_for_spreadsheets() {
    each_db(|db| async move {
        let l = log(&db).await;
        for i in 0..PAGE_SIZE + 10 {
            audit::record(
                &db,
                &l.anna,
                Some(l.nordic),
                "product.renamed",
                &format!("Name {i}"),
                "",
            )
            .await
            .unwrap();
        }
        audit::record(
            &db,
            &l.anna,
            Some(l.nordic),
            "product.renamed",
            "=HYPERLINK(\"http://evil\")",
            "@SUM(1)",
        )
        .await
        .unwrap();
        let first = service::list(&db, &l.anna, l.nordic, &AuditQuery::default())
            .await
            .unwrap();
        assert_eq!(first.rows.len(), PAGE_SIZE);
        assert_eq!(
            first.rows[0].target, "=HYPERLINK(\"http://evil\")",
            "newest first"
        );
        let q = AuditQuery {
            cursor: first.next_cursor.clone().unwrap(),
            ..Default::default()
        };
        let second = service::list(&db, &l.anna, l.nordic, &q).await.unwrap();
        // 61 renames, Nordic's product, the operator's entry and Nordic's set-up: the rest.
        assert!(second.rows.len() >= 13 && second.next_cursor.is_none());
        let shown = first.rows.len() + second.rows.len();
        let (select, ..) = service::visible(&db, &l.anna, l.nordic, &AuditQuery::default())
            .await
            .unwrap();
        let (bytes, next) = csv_chunk(&db, select, None).await.unwrap();
        assert!(
            next.is_none(),
            "{shown} entries fit one chunk of {CSV_CHUNK}"
        );
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("time,person,acting_as,about,action,object,details,address")
        );
        let evil = lines.next().unwrap();
        assert!(
            evil.contains("\"'=HYPERLINK(\"\"http://evil\"\")\"") && evil.contains("'@SUM(1)"),
            "{evil}"
        );
        assert_eq!(
            text.lines().count(),
            shown + 1,
            "the header and every entry the pages show"
        );
        assert!(!text.contains("bob@brokerbase.example"));
    })
    .await;
}
