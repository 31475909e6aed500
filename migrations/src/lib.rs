//! Portico's database schema as sea-orm migrations, portable across SQLite and PostgreSQL.
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261122_000002_products;
mod m20261122_000003_product_logos;
mod m20261122_000004_notifications;
mod m20261122_000005_credentials;
mod m20261122_000006_access_epoch;
mod m20261122_000007_push;
mod m20261123_000008_push_claims;
mod m20261201_000009_hardening;
mod m20261203_000010_languages;
mod m20261203_000011_deep_links;
mod m20261203_000012_sales_units;
mod m20261203_000013_installation_logos;
mod m20261203_000014_price_packages;
mod m20261203_000015_commission;
mod m20261203_000016_partner_api_keys;
mod m20261204_000017_sales_unit_search;
mod m20261207_000018_orders;
mod m20261207_000019_product_orders;
mod m20261207_000020_user_ids;
mod m20261207_000021_audit_about;
mod m20261208_000022_access_requests;
mod util;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_products::Migration),
            Box::new(m20261122_000003_product_logos::Migration),
            Box::new(m20261122_000004_notifications::Migration),
            Box::new(m20261122_000005_credentials::Migration),
            Box::new(m20261122_000006_access_epoch::Migration),
            Box::new(m20261122_000007_push::Migration),
            Box::new(m20261123_000008_push_claims::Migration),
            Box::new(m20261201_000009_hardening::Migration),
            Box::new(m20261203_000010_languages::Migration),
            Box::new(m20261203_000011_deep_links::Migration),
            Box::new(m20261203_000012_sales_units::Migration),
            Box::new(m20261203_000013_installation_logos::Migration),
            Box::new(m20261203_000014_price_packages::Migration),
            Box::new(m20261203_000015_commission::Migration),
            Box::new(m20261203_000016_partner_api_keys::Migration),
            Box::new(m20261204_000017_sales_unit_search::Migration),
            Box::new(m20261207_000018_orders::Migration),
            Box::new(m20261207_000019_product_orders::Migration),
            Box::new(m20261207_000020_user_ids::Migration),
            Box::new(m20261207_000021_audit_about::Migration),
            Box::new(m20261208_000022_access_requests::Migration),
        ]
    }
}
