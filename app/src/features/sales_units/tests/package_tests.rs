//! A sales unit's price package, as its partner and its customer read it.
use crate::features::pricing::dto::PricePackageInput;
use crate::features::pricing::service::{assign, packages};
use crate::features::sales_units::dto::{HistoryKind, SalesUnitQuery};
use crate::features::sales_units::service::{customer, detail, list};
use crate::server::entities::installation;
use crate::server::testing::{self, each_db};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn partners_and_customers_see_the_sales_units_price_package_and_its_history() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        let (op, olav) = testing::operator(&db).await;
        let form = PricePackageInput {
            name: "Standard".into(),
            description: "2.99%".into(),
            market: "NO".into(),
            commission: String::new(),
            visible_in_signup: false,
        };
        let standard = packages::create(&db, &olav, op, &form).await.unwrap();
        let inst = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assign::set_package(&db, &olav, op, inst.id, Some(standard))
            .await
            .unwrap();

        // Set by the operator, and not offered to Acme: Acme still sees its sales unit's package.
        let page = list::list(&db, &w.anna, w.partner, &SalesUnitQuery::default())
            .await
            .unwrap();
        assert_eq!(
            page.rows[0].price_package.as_deref(),
            Some("Standard (2.99%)")
        );
        let unit = detail::detail(&db, &w.anna, w.partner, "SOLOSL")
            .await
            .unwrap();
        assert_eq!(unit.unit.price_package.as_deref(), Some("Standard (2.99%)"));
        let entry = &unit.history[0];
        assert_eq!(entry.kind, HistoryKind::PricePackageChanged);
        assert_eq!(entry.new_value.as_deref(), Some("Standard (2.99%)"));
        assert_eq!(entry.acting_as.as_deref(), Some("Operator"));

        let own = customer::detail(&db, &w.kari, w.customer, "SOLOSL")
            .await
            .unwrap();
        assert_eq!(own.unit.price_package.as_deref(), Some("Standard (2.99%)"));
        assert_eq!(own.history[0].kind, HistoryKind::PricePackageChanged);
    })
    .await;
}
