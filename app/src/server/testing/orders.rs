//! The orders' part of the test fixture: an order integration product beside the common
//! world's rights product, and orders the platform posts for it.
use super::{activate, grant, World};
use crate::features::orders::service::create::{self, NewOrder};
use crate::features::products::service::{grants, products, versions};
use crate::server::entities::{order, product};
use crate::server::scope::Actor;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Acme's order integration product "Acme Showings" in the common world: version 1 requires
/// estates.read (object-scoped: estate) and estates.list (installation-wide), active and
/// activated on SOLOSL. Returns its row.
pub async fn order_product(db: &DatabaseConnection, w: &World) -> product::Model {
    let input = products::ProductInput {
        name: "Acme Showings".into(),
        kind: "order_integration".into(),
        ..Default::default()
    };
    let id = products::create_product(db, &w.cfg, &w.anna, w.partner, input)
        .await
        .unwrap()
        .id;
    let changes = vec![grant("estates.read", &[]), grant("estates.list", &[])];
    grants::save_grants(db, &w.cfg, &w.anna, w.partner, id, 1, changes)
        .await
        .unwrap();
    versions::activate(db, &w.anna, w.partner, id, None)
        .await
        .unwrap();
    activate(db, "SOLOSL", id).await;
    product::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

/// What the platform posts: an order of `product_id` on `installation` for estate `estate`.
pub fn new_order(installation: &str, product_id: i32, estate: &str) -> NewOrder {
    NewOrder {
        installation_id: installation.into(),
        product_id,
        object_type: "estate".into(),
        object_id: estate.into(),
        ordered_by_name: "Eva Megler".into(),
        ordered_by_email: "eva@solheim.example".into(),
        data: serde_json::json!({"viewings": 2}),
    }
}

/// Posts an order of `product_id` on SOLOSL for estate `estate`, as the platform.
pub async fn post_order(db: &DatabaseConnection, product_id: i32, estate: &str) -> order::Model {
    create::create(
        db,
        &Actor::service("platform"),
        new_order("SOLOSL", product_id, estate),
    )
    .await
    .unwrap()
    .order
}
