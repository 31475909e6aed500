//! Commission statements: stored all or nothing with each bad row named, replaced whole when
//! sent again, summed per currency in integer minor units, read and downloaded only by their
//! partner, uploaded only by the operator's admins.
use crate::error::AppError;
use crate::features::pricing::dto::{
    CommissionRowInput, CommissionView, Currency, StatementSource, COMMISSION_PAGE_SIZE,
};
use crate::features::pricing::service::commission::{self, store, Sender};
use crate::features::pricing::service::commission_read as read;
use crate::glossary::Role;
use crate::money::Money;
use crate::server::entities::commission_row;
use crate::server::testing::{self, each_db};
use sea_orm::{EntityTrait, PaginatorTrait};

fn row(id: &str, volume: i64, commission: i64, currency: &str) -> CommissionRowInput {
    CommissionRowInput {
        installation_id: id.into(),
        price_package: "Standard".into(),
        volume,
        commission,
        currency: currency.into(),
    }
}

#[tokio::test]
async fn a_statement_is_stored_whole_or_not_at_all_and_replaced_when_sent_again() {
    each_db(|db| async move {
        let (acme, _) = testing::partner_org(&db, "Acme", "anna@acme.example").await;
        let (customer, _) = testing::customer_org(&db, "Solheim", "kari@solheim.example").await;
        for id in ["SOLOSL", "SOLBER"] {
            testing::installation(&db, customer, id, id, false).await;
        }
        let actor = crate::server::scope::Actor::service("billing");
        let sender = Sender {
            actor: &actor,
            acting_as: None,
            source: StatementSource::Api,
            line: &commission::api_line,
        };
        let rows = vec![
            row("SOLOSL", 1_000_010, 30_000, "NOK"),
            row("solber", 20, 10, "NOK"),
            row("SOLOSL", 500, -7, "EUR"),
        ];
        let m = store(&db, &sender, acme, "2026-10", &rows).await.unwrap();
        assert_eq!(m.rows, 3);
        let nok = |minor| Money {
            minor,
            currency: Currency::Nok,
        };
        let eur = |minor| Money {
            minor,
            currency: Currency::Eur,
        };
        assert_eq!(m.volume, [nok(1_000_030), eur(500)]);
        assert_eq!(m.commission, [nok(30_010), eur(-7)]);
        // The same month again replaces it.
        store(&db, &sender, acme, "2026-10", &rows[..1])
            .await
            .unwrap();
        assert_eq!(commission_row::Entity::find().count(&db).await.unwrap(), 1);

        // Bad rows: each named, and nothing changes.
        let bad = vec![
            row("SOLOSL", 1, 1, "NOK"),
            row("NOSUCH", 1, 1, "NOK"),
            row(" SOLBER", 1, 1, "NOK"),
            row("SOLBER", -1, 1, "NOK"),
            row("SOLBER", 1, 1, "nok"),
            row("SOLOSL", 2, 2, "NOK"),
        ];
        let err = store(&db, &sender, acme, "2026-10", &bad)
            .await
            .unwrap_err();
        let AppError::Invalid(msg) = err else {
            panic!("{err:?}")
        };
        for part in [
            "5 rows are wrong",
            "rows[1]: Portico has no sales unit NOSUCH",
            "rows[2]",
            "rows[3]: the volume",
            "rows[4]: “nok”",
            "rows[5]: SOLOSL in NOK is already on rows[0]",
        ] {
            assert!(msg.contains(part), "{part:?} in {msg}");
        }
        assert_eq!(commission_row::Entity::find().count(&db).await.unwrap(), 1);
        for period in [
            "2026-13", "2026-1", "1999-12", "2999-01", "26-10", "2026-10 ",
        ] {
            let err = store(&db, &sender, acme, period, &rows).await;
            assert!(
                matches!(err, Err(AppError::Invalid(_))),
                "{period}: {err:?}"
            );
        }
        // Only a partner is owed commission.
        assert_eq!(
            store(&db, &sender, customer, "2026-10", &rows).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            store(&db, &sender, 9999, "2026-10", &rows).await,
            Err(AppError::NotFound)
        );
    })
    .await;
}

#[tokio::test]
async fn only_the_partner_reads_and_downloads_its_months_and_only_operator_admins_upload() {
    each_db(|db| async move {
        let (op, olav) = testing::operator(&db).await;
        let (acme, anna) = testing::partner_org(&db, "Acme", "anna@acme.example").await;
        let (broker, bo) = testing::partner_org(&db, "Brokerbase", "bo@broker.example").await;
        let (customer, kari) = testing::customer_org(&db, "Solheim", "kari@solheim.example").await;
        let ids: Vec<String> = (1..=101).map(|n| format!("S{n:03}")).collect();
        for id in &ids {
            testing::installation(&db, customer, id, &format!("Solheim {id}"), false).await;
        }
        let mut csv = String::from("installation_id,price_package,volume,commission,currency\n");
        for id in &ids {
            csv.push_str(&format!("{id},Standard,100.50,3.01,NOK\n"));
        }
        let ola = testing::member(&db, op, "ola@operator.example", Role::Member).await;
        let err = commission::upload(&db, &ola, op, acme, "2026-10", &csv).await;
        assert_eq!(err, Err(AppError::Forbidden));
        let err = commission::upload(&db, &anna, acme, acme, "2026-10", &csv).await;
        assert_eq!(err, Err(AppError::Forbidden));
        let bad = commission::upload(
            &db,
            &olav,
            op,
            acme,
            "2026-10",
            "installation_id,price_package,volume,commission,currency\nS001,Standard,1,1,XXX\n",
        )
        .await;
        assert!(
            matches!(&bad, Err(AppError::Invalid(m)) if m.contains("Line 2")),
            "{bad:?}"
        );
        let m = commission::upload(&db, &olav, op, acme, "2026-10", &csv)
            .await
            .unwrap();
        assert_eq!((m.rows, m.commission[0].minor), (101, 101 * 301));

        // The partner: its month, 100 rows a page, and the CSV it was uploaded as.
        let CommissionView::Partner(months) = read::overview(&db, &anna, acme).await.unwrap()
        else {
            panic!()
        };
        assert_eq!(months[0].period, "2026-10");
        let first = read::partner_month(&db, &anna, acme, "2026-10", 0, COMMISSION_PAGE_SIZE)
            .await
            .unwrap();
        assert_eq!(first.rows.len(), 100);
        assert_eq!(first.rows[0].sales_unit.as_deref(), Some("Solheim S001"));
        let next = read::partner_month(
            &db,
            &anna,
            acme,
            "2026-10",
            first.next_cursor.unwrap(),
            COMMISSION_PAGE_SIZE,
        )
        .await
        .unwrap();
        assert_eq!((next.rows.len(), next.next_cursor), (1, None));
        assert_eq!(next.rows[0].installation_id, "S101");
        let (name, file) = read::partner_csv(&db, &anna, acme, "2026-10")
            .await
            .unwrap();
        assert_eq!(name, "commission-2026-10.csv");
        assert_eq!(file.lines().count(), 102);
        assert!(
            file.lines().nth(1) == Some("S001,Standard,100.50,3.01,NOK"),
            "{file}"
        );

        // Another partner sees none of it; customers have no commission page.
        let CommissionView::Partner(theirs) = read::overview(&db, &bo, broker).await.unwrap()
        else {
            panic!()
        };
        assert!(theirs.is_empty());
        assert_eq!(
            read::partner_month(&db, &bo, broker, "2026-10", 0, COMMISSION_PAGE_SIZE).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            read::partner_month(&db, &bo, acme, "2026-10", 0, COMMISSION_PAGE_SIZE).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            read::partner_csv(&db, &bo, acme, "2026-10").await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            read::overview(&db, &kari, customer).await,
            Err(AppError::Forbidden)
        );
        // The operator sees the latest statements.
        let CommissionView::Operator(o) = read::overview(&db, &olav, op).await.unwrap() else {
            panic!()
        };
        assert_eq!(o.statements[0].partner.name, "Acme");
        assert!(o.can_upload && o.partners.len() == 2);
    })
    .await;
}
