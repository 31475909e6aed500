mod assign_tests;
mod commission_tests;
mod package_tests;

use crate::features::pricing::dto::PricePackageInput;
use crate::features::pricing::service::packages;
use crate::server::scope::Actor;
use sea_orm::DatabaseConnection;

/// A valid form for a package called `name` in `market`.
fn input(name: &str, market: &str) -> PricePackageInput {
    PricePackageInput {
        name: name.into(),
        description: "2.99%".into(),
        market: market.into(),
        commission: "30 %".into(),
        visible_in_signup: true,
    }
}

/// Creates a package as the operator's admin; returns its ID.
async fn package(db: &DatabaseConnection, op: (i32, &Actor), name: &str, market: &str) -> i32 {
    packages::create(db, op.1, op.0, &input(name, market))
        .await
        .unwrap()
}
