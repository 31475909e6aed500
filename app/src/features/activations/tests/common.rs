//! The activations tests' common world.
use crate::features::products::service::{grants, versions};
use crate::glossary::Environment;
use crate::server::testing::{grant, ungrant, World};
use sea_orm::DatabaseConnection;

/// Partner Acme's product at version 1 (estates.read for_sale + estates.list), activated on
/// SOLOSL of customer Solheim (admins kari and siri, member per), in production.
pub async fn world(db: &DatabaseConnection) -> World {
    crate::server::testing::world(
        db,
        Environment::Production,
        vec![
            grant("estates.read", &["for_sale"]),
            grant("estates.list", &[]),
        ],
    )
    .await
}

/// Version 2: estates.read widened to sold too, estates.list removed, bids.read added.
pub async fn ship_v2(db: &DatabaseConnection, w: &World) {
    versions::new_version(db, &w.anna, w.partner, w.product)
        .await
        .unwrap();
    let changes = vec![
        grant("estates.read", &["for_sale", "sold"]),
        ungrant("estates.list"),
        grant("bids.read", &[]),
    ];
    grants::save_grants(db, &w.cfg, &w.anna, w.partner, w.product, 2, changes)
        .await
        .unwrap();
    versions::activate(db, &w.anna, w.partner, w.product, Some("Adds bids.".into()))
        .await
        .unwrap();
}
