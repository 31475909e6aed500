//! Each sales unit's price package: the operator sets it within the customer's market, the
//! change is in the sales unit's history, and nobody else may set it.
use super::{input, package};
use crate::error::AppError;
use crate::features::pricing::service::{assign, packages};
use crate::glossary::HistoryKind;
use crate::server::entities::{installation, organization, sales_unit_event};
use crate::server::testing::{self, each_db};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

#[tokio::test]
async fn the_operator_sets_a_sales_units_package_within_the_customers_market() {
    each_db(|db| async move {
        let (op, olav) = testing::operator(&db).await;
        let (customer, kari) =
            testing::customer_org(&db, "Solheim", "kari@solheim.example").await;
        testing::installation(&db, customer, "SOLOSL", "Solheim Oslo", false).await;
        let inst = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut c = organization::Entity::find_by_id(customer)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        c.business_id_scheme = Set(Some("business:NO:ORG".into()));
        c.business_id = Set(Some("923609016".into()));
        c.update(&db).await.unwrap();
        let standard = package(&db, (op, &olav), "Standard", "NO").await;
        let plus = package(&db, (op, &olav), "Plus", "NO").await;
        let danish = package(&db, (op, &olav), "Standard", "DK").await;

        // Only the Norwegian packages are offered for a Norwegian customer.
        let view = assign::customer_packages(&db, &olav, op, customer)
            .await
            .unwrap();
        let choices: Vec<i32> = view.choices.iter().map(|c| c.id).collect();
        assert_eq!(choices, [plus, standard]);
        assert_eq!(view.units[0].package, None);
        let err = assign::set_package(&db, &olav, op, inst.id, Some(danish)).await;
        assert!(
            matches!(&err, Err(AppError::Invalid(m)) if m.contains("SOLOSL") && m.contains("Denmark")),
            "{err:?}"
        );
        assert!(matches!(
            assign::set_package(&db, &olav, op, inst.id, Some(9999)).await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(
            assign::set_package(&db, &olav, op, 9999, Some(plus)).await,
            Err(AppError::NotFound)
        );

        assign::set_package(&db, &olav, op, inst.id, Some(standard))
            .await
            .unwrap();
        // Saving the same package again is no change and no history entry.
        assign::set_package(&db, &olav, op, inst.id, Some(standard))
            .await
            .unwrap();
        assign::set_package(&db, &olav, op, inst.id, Some(plus))
            .await
            .unwrap();
        let labels = assign::labels_of(&db, &[inst.id]).await.unwrap();
        assert_eq!(labels[0].1.text(), "Plus (2.99%)");
        assign::set_package(&db, &olav, op, inst.id, None)
            .await
            .unwrap();
        assert!(assign::labels_of(&db, &[inst.id]).await.unwrap().is_empty());

        let history = sales_unit_event::Entity::find()
            .filter(sales_unit_event::Column::InstallationId.eq(inst.id))
            .order_by_asc(sales_unit_event::Column::Id)
            .all(&db)
            .await
            .unwrap();
        let changes: Vec<(HistoryKind, Option<&str>, Option<&str>)> = history
            .iter()
            .map(|h| (h.kind, h.old_value.as_deref(), h.new_value.as_deref()))
            .collect();
        let k = HistoryKind::PricePackageChanged;
        assert_eq!(
            changes,
            [
                (k, None, Some("Standard (2.99%)")),
                (k, Some("Standard (2.99%)"), Some("Plus (2.99%)")),
                (k, Some("Plus (2.99%)"), None),
            ]
        );
        assert!(history.iter().all(|h| h.organization_id == Some(op)
            && h.actor == "olav@operator.example"));

        // The customer (and anyone but the operator) may neither read nor set it.
        assert_eq!(
            assign::set_package(&db, &kari, customer, inst.id, Some(plus)).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            assign::customer_packages(&db, &kari, customer, customer).await,
            Err(AppError::Forbidden)
        );
        // The operator's page of a partner has no packages section.
        let (acme, _) = testing::partner_org(&db, "Acme", "anna@acme.example").await;
        assert_eq!(
            assign::customer_packages(&db, &olav, op, acme).await,
            Err(AppError::NotFound)
        );

        // A package's market cannot change while a sales unit has it.
        assign::set_package(&db, &olav, op, inst.id, Some(plus))
            .await
            .unwrap();
        let err = packages::update(&db, &olav, op, plus, &input("Plus", "FI")).await;
        assert!(matches!(err, Err(AppError::Conflict(_))), "{err:?}");
        packages::update(&db, &olav, op, plus, &input("Plus+", "NO"))
            .await
            .unwrap();
        let labels = assign::labels_of(&db, &[inst.id]).await.unwrap();
        assert_eq!(labels[0].1.name, "Plus+");
    })
    .await;
}
