mod edit_tests;
mod figures_tests;
mod history_tests;
mod list_tests;
mod package_tests;
mod search_tests;

use crate::glossary::Environment;
use crate::server::testing::{self, grant, World};
use sea_orm::DatabaseConnection;

/// The common test world (partner Acme's product, activated on SOLOSL of customer Solheim),
/// its version 1 requiring estates.read.
async fn world(db: &DatabaseConnection) -> World {
    testing::world(
        db,
        Environment::Production,
        vec![grant("estates.read", &[])],
    )
    .await
}
