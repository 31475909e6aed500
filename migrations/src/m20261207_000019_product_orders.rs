//! Product orders (DESIGN.md, "Product order", rule 11): a partner's request to sign a customer
//! up for a product, started from a prefill link, a product order template or by the customer
//! itself, reviewed by the operator; its timeline, its logo, the partners' templates, and the
//! operator's settings (auto-approval).
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A foreign key that is cleared, not cascaded, when its parent goes.
fn fk_null(from: &'static str, col: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    fk(from, col, to)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("product_order_templates")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40))
                .col(integer("partner_id"))
                .col(integer("product_id"))
                .col(integer_null("price_package_id"))
                .col(string_len("name", 100))
                .col(string_len("token", 64))
                .col(string_len("status", 20))
                .col(string_len("created_by", 320))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("retired_at"))
                .foreign_key(&mut fk(
                    "product_order_templates",
                    "partner_id",
                    "organizations",
                ))
                .foreign_key(&mut fk("product_order_templates", "product_id", "products"))
                .foreign_key(&mut fk_null(
                    "product_order_templates",
                    "price_package_id",
                    "price_packages",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_order_templates", &["public_id"], true))
            .await?;
        m.create_index(index("product_order_templates", &["token"], true))
            .await?;
        m.create_index(index("product_order_templates", &["partner_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("product_orders")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40))
                .col(string_len("order_type", 20))
                .col(string_len("status", 20))
                .col(integer("partner_id"))
                .col(integer("product_id"))
                .col(integer_null("price_package_id"))
                .col(boolean("package_locked"))
                .col(string_len("business_id_scheme", 40))
                .col(string_len("business_id", 20))
                .col(string_len_null("customer_name", 200))
                .col(integer_null("customer_id"))
                .col(string_len("sales_unit_name", 40))
                .col(string_len_null("contact_email", 320))
                .col(text("note"))
                .col(string_len_null("link_hash", 64))
                .col(text_null("link_sealed"))
                .col(integer_null("template_id"))
                .col(string_len_null("idempotency_key", 50))
                .col(string_len_null("request_hash", 64))
                .col(string_len("created_by", 320))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("expires_at"))
                .col(integer_null("submitted_by"))
                .col(timestamp_with_time_zone_null("submitted_at"))
                .col(integer_null("installation_id"))
                .col(text_null("rejection_reason"))
                .foreign_key(&mut fk("product_orders", "partner_id", "organizations"))
                .foreign_key(&mut fk("product_orders", "product_id", "products"))
                .foreign_key(&mut fk_null(
                    "product_orders",
                    "price_package_id",
                    "price_packages",
                ))
                .foreign_key(&mut fk_null(
                    "product_orders",
                    "customer_id",
                    "organizations",
                ))
                .foreign_key(&mut fk_null(
                    "product_orders",
                    "template_id",
                    "product_order_templates",
                ))
                .foreign_key(&mut fk_null("product_orders", "submitted_by", "users"))
                .foreign_key(&mut fk_null(
                    "product_orders",
                    "installation_id",
                    "installations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_orders", &["public_id"], true))
            .await?;
        m.create_index(index("product_orders", &["link_hash"], true))
            .await?;
        // The same Idempotency-Key of one partner answers the same order.
        m.create_index(index(
            "product_orders",
            &["partner_id", "idempotency_key"],
            true,
        ))
        .await?;
        // A partner's list, newest first; the operator's queue by status; a customer's.
        m.create_index(index("product_orders", &["partner_id", "id"], false))
            .await?;
        m.create_index(index("product_orders", &["status", "id"], false))
            .await?;
        m.create_index(index(
            "product_orders",
            &["partner_id", "status", "id"],
            false,
        ))
        .await?;
        m.create_index(index(
            "product_orders",
            &["business_id_scheme", "business_id"],
            false,
        ))
        .await?;
        m.create_index(index("product_orders", &["customer_id"], false))
            .await?;
        m.create_index(index("product_orders", &["template_id"], false))
            .await?;
        // The connection rule: a completed order connects its sales unit to the partner.
        m.create_index(index(
            "product_orders",
            &["installation_id", "status"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("product_order_steps")
                .col(pk_auto("id"))
                .col(integer("product_order_id"))
                .col(string_len("status", 20))
                .col(string_len("by_label", 320))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "product_order_steps",
                    "product_order_id",
                    "product_orders",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_order_steps", &["product_order_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("product_order_logos")
                .col(pk_auto("id"))
                .col(integer("product_order_id"))
                .col(blob("data"))
                .foreign_key(&mut fk(
                    "product_order_logos",
                    "product_order_id",
                    "product_orders",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_order_logos", &["product_order_id"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("settings")
                .col(string_len("key", 100).primary_key())
                .col(text("value"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "settings",
            "product_order_logos",
            "product_order_steps",
            "product_orders",
            "product_order_templates",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
