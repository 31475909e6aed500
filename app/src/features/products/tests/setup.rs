//! The products tests' common setup.
use crate::features::catalog;
use crate::features::products::service::products;
use crate::server::scope::Actor;
use crate::server::testing::{customer_org, installation, partner_org, CATALOG};
use crate::server::Config;
use sea_orm::DatabaseConnection;

/// A partner (admin anna) with one product, plus the catalog, a sandbox and a customer
/// installation (each customer with an admin). Returns (partner org, anna, product id).
pub async fn setup(db: &DatabaseConnection, cfg: &Config) -> (i32, Actor, i32) {
    catalog::service::import(db, CATALOG).await.unwrap();
    let (partner, anna) = partner_org(db, "Acme Integrations", "anna@acme.example").await;
    let (sandbox, _) = customer_org(db, "Partner Sandbox", "ops@sandbox.example").await;
    installation(db, sandbox, "MSVPAR", "Sandbox", true).await;
    let (solheim, _) = customer_org(db, "Solheim", "kari@solheim.example").await;
    installation(db, solheim, "SOLOSL", "Solheim Oslo", false).await;
    let input = products::ProductInput {
        name: "Acme Viewing Sync".into(),
        kind: "order_integration".into(),
        ..Default::default()
    };
    let id = products::create_product(db, cfg, &anna, partner, input)
        .await
        .unwrap()
        .id;
    (partner, anna, id)
}
