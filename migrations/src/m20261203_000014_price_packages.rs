//! Price packages: the commercial terms the operator offers through partners, which partners
//! they are offered to, and each sales unit's package.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("price_packages")
                .col(pk_auto("id"))
                .col(string_len("name", 30))
                .col(string_len("description", 6))
                .col(string_len("market", 2))
                .col(string_len_null("commission", 20))
                .col(boolean("visible_in_signup"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("price_package_offers")
                .col(pk_auto("id"))
                .col(integer("price_package_id"))
                .col(integer("partner_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "price_package_offers",
                    "price_package_id",
                    "price_packages",
                ))
                .foreign_key(&mut fk(
                    "price_package_offers",
                    "partner_id",
                    "organizations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "price_package_offers",
            &["price_package_id", "partner_id"],
            true,
        ))
        .await?;
        m.create_index(index("price_package_offers", &["partner_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("installation_price_packages")
                .col(pk_auto("id"))
                .col(integer("installation_id"))
                .col(integer("price_package_id"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "installation_price_packages",
                    "installation_id",
                    "installations",
                ))
                .foreign_key(&mut fk(
                    "installation_price_packages",
                    "price_package_id",
                    "price_packages",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "installation_price_packages",
            &["installation_id"],
            true,
        ))
        .await?;
        m.create_index(index(
            "installation_price_packages",
            &["price_package_id"],
            false,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "installation_price_packages",
            "price_package_offers",
            "price_packages",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
