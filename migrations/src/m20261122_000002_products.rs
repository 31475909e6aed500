//! The function catalog, products with their versions, grants and access rules, activations
//! (an installation's consent to a product version) and the upgrade-notification queue.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("api_functions")
                .col(pk_auto("id"))
                .col(string_len("key", 100).unique_key())
                .col(string_len("name", 200))
                .col(string_len("area", 100))
                .col(text("description"))
                .col(string_len("http_method", 10))
                .col(string_len("path", 300))
                // JSON array of event type names; "[]" when the function does not support push.
                .col(text("push_event_types"))
                // JSON array of filter dimensions ({key, label, values | free_text}).
                .col(text("filter_dimensions"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("products")
                .col(pk_auto("id"))
                .col(integer("partner_id"))
                .col(string_len("name", 100))
                .col(string_len("kind", 32))
                .col(text("description"))
                .col(string_len_null("support_email", 254))
                .col(string_len_null("support_url", 300))
                .col(string_len("status", 16))
                .col(string_len("access_mode", 16))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("products", "partner_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("products", &["partner_id", "name"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("product_access")
                .col(pk_auto("id"))
                .col(integer("product_id"))
                .col(integer("installation_id"))
                .foreign_key(&mut fk("product_access", "product_id", "products"))
                .foreign_key(&mut fk(
                    "product_access",
                    "installation_id",
                    "installations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "product_access",
            &["product_id", "installation_id"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("product_versions")
                .col(pk_auto("id"))
                .col(integer("product_id"))
                .col(integer("number"))
                .col(string_len("state", 16))
                .col(text_null("note"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("activated_at"))
                .foreign_key(&mut fk("product_versions", "product_id", "products"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_versions", &["product_id", "number"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("version_grants")
                .col(pk_auto("id"))
                .col(integer("version_id"))
                .col(integer("function_id"))
                // JSON object: dimension key -> chosen values; an absent dimension is unrestricted.
                .col(text("filters"))
                .foreign_key(&mut fk("version_grants", "version_id", "product_versions"))
                .foreign_key(&mut fk("version_grants", "function_id", "api_functions"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "version_grants",
            &["version_id", "function_id"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("activations")
                .col(pk_auto("id"))
                .col(integer("installation_id"))
                .col(integer("product_id"))
                .col(integer("version_id"))
                .col(string_len("status", 16))
                .col(integer_null("activated_by"))
                .col(timestamp_with_time_zone("activated_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("activations", "installation_id", "installations"))
                .foreign_key(&mut fk("activations", "product_id", "products"))
                .foreign_key(&mut fk("activations", "version_id", "product_versions"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "activations",
            &["installation_id", "product_id"],
            true,
        ))
        .await?;
        m.create_index(index("activations", &["product_id", "version_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("upgrade_notifications")
                .col(pk_auto("id"))
                .col(integer("product_id"))
                .col(integer("version_id"))
                .col(integer("installation_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("processed_at"))
                .foreign_key(&mut fk("upgrade_notifications", "product_id", "products"))
                .foreign_key(&mut fk(
                    "upgrade_notifications",
                    "version_id",
                    "product_versions",
                ))
                .foreign_key(&mut fk(
                    "upgrade_notifications",
                    "installation_id",
                    "installations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("upgrade_notifications", &["processed_at"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "upgrade_notifications",
            "activations",
            "version_grants",
            "product_versions",
            "product_access",
            "products",
            "api_functions",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
