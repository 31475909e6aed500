//! Product orders on SQLite and PostgreSQL: each transition and each refused one, who may
//! submit, idempotency, expiry, the one-transaction approval, templates and manual orders.
mod decide_tests;
mod flow_tests;
mod start_tests;

use crate::features::pricing::dto::PricePackageInput;
use crate::features::pricing::service::packages;
use crate::features::product_orders::service::create::{self, Created, PrefillInput};
use crate::features::product_orders::service::review::{self, SubmitInput};
use crate::glossary::Environment;
use crate::server::entities::{organization, product_order as po};
use crate::server::scope::Actor;
use crate::server::testing::{self, grant, World};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Solheim's business identifier in these tests (a known customer).
pub const SOLHEIM: &str = "912345688";
/// A company no organization has yet.
pub const NEWCO: &str = "915501184";

/// The common world, the operator (admin olav), a Norwegian price package offered to Acme, and
/// Solheim with its business identifier.
pub struct PoWorld {
    pub base: World,
    pub operator: i32,
    pub olav: Actor,
    pub package: i32,
}

impl std::ops::Deref for PoWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.base
    }
}

async fn world(db: &DatabaseConnection) -> PoWorld {
    let base = testing::world(
        db,
        Environment::Production,
        vec![grant("estates.read", &[])],
    )
    .await;
    let (operator, olav) = testing::operator(db).await;
    let input = PricePackageInput {
        name: "Standard".into(),
        description: "2.99%".into(),
        market: "NO".into(),
        commission: "30 %".into(),
        visible_in_signup: true,
    };
    let package = packages::create(db, &olav, operator, &input).await.unwrap();
    packages::set_offered(db, &olav, operator, package, base.partner, true)
        .await
        .unwrap();
    organization::Entity::update_many()
        .col_expr(
            organization::Column::BusinessIdScheme,
            Expr::value("business:NO:ORG"),
        )
        .col_expr(organization::Column::BusinessId, Expr::value(SOLHEIM))
        .filter(organization::Column::Id.eq(base.customer))
        .exec(db)
        .await
        .unwrap();
    PoWorld {
        base,
        operator,
        olav,
        package,
    }
}

/// What anna prefills: Acme Feed for the company `business_id`, named "Solheim Drammen".
fn prefill_for(w: &PoWorld, business_id: &str) -> PrefillInput {
    PrefillInput {
        business_id_scheme: "business:NO:ORG".into(),
        business_id: business_id.into(),
        product_id: w.product,
        price_package_id: Some(w.package),
        sales_unit_name: "Solheim Drammen".into(),
        contact_email: Some("kari@solheim.example".into()),
        note: "As agreed on the phone.".into(),
        ..Default::default()
    }
}

/// Anna prefills an order for `business_id`.
async fn prefill(db: &DatabaseConnection, w: &PoWorld, business_id: &str) -> Created {
    create::prefill(
        db,
        &w.cfg,
        &w.anna,
        w.partner,
        prefill_for(w, business_id),
        None,
    )
    .await
    .unwrap()
}

/// The token at the end of a link.
fn token(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_owned()
}

/// "Submit" with consent, keeping the name; `company` for a new customer.
fn consent(company: &str) -> SubmitInput {
    SubmitInput {
        sales_unit_name: "Solheim Drammen".into(),
        customer_name: company.into(),
        price_package_id: None,
        consent: true,
    }
}

/// The order as stored now.
async fn reload(db: &DatabaseConnection, o: &po::Model) -> po::Model {
    po::Entity::find_by_id(o.id).one(db).await.unwrap().unwrap()
}

/// Views and submits the order behind `link` as `who`.
async fn submit(
    db: &DatabaseConnection,
    w: &PoWorld,
    who: &Actor,
    link: &str,
    company: &str,
) -> po::Model {
    review::view(db, who, &token(link)).await.unwrap();
    review::submit(db, &w.cfg, who, &token(link), consent(company))
        .await
        .unwrap()
}
