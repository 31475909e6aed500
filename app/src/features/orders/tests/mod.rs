//! Orders: who may post them, how they move, who sees them. (What they let an order
//! integration product do is in the access feature's tests.)
mod create_tests;
mod status_tests;

use crate::glossary::Environment;
use crate::server::entities::{order, product};
use crate::server::testing::{self, grant, World};
use sea_orm::DatabaseConnection;

/// The common world (Acme's rights product "Acme Feed" requiring estates.read and
/// estates.list) and Acme's order integration product "Acme Showings" beside it.
pub struct OrderWorld {
    pub base: World,
    pub showings: product::Model,
}

impl std::ops::Deref for OrderWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.base
    }
}

async fn world(db: &DatabaseConnection) -> OrderWorld {
    let base = testing::world(
        db,
        Environment::Production,
        vec![grant("estates.read", &[]), grant("estates.list", &[])],
    )
    .await;
    let showings = testing::order_product(db, &base).await;
    OrderWorld { base, showings }
}

/// Posts an order of Acme Showings on SOLOSL for estate `estate`, as the platform.
async fn post(db: &DatabaseConnection, w: &OrderWorld, estate: &str) -> order::Model {
    testing::post_order(db, w.showings.id, estate).await
}
