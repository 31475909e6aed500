//! The access tests' common world.
use crate::glossary::Environment;
use crate::server::entities::product;
use crate::server::testing::{grant, World};
use sea_orm::{DatabaseConnection, EntityTrait};

/// The common world, with the product's row (what decisions are asked for).
pub struct AccessWorld {
    pub base: World,
    pub product: product::Model,
}

impl std::ops::Deref for AccessWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.base
    }
}

/// Acme's rights product, version 1 (estates.read for sale) active on SOLOSL; SOLBER has
/// nothing; in production.
pub async fn world(db: &DatabaseConnection) -> AccessWorld {
    let base = crate::server::testing::world(
        db,
        Environment::Production,
        vec![grant("estates.read", &["for_sale"])],
    )
    .await;
    let product = product::Entity::find_by_id(base.product)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    AccessWorld { base, product }
}
