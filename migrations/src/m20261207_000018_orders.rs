//! Orders of order integration products (DESIGN.md, "Order", rule 12): the catalog's
//! object-scoped functions (`api_functions.object_type`), the orders the platform posts when a
//! person starts one from a sales object, and each order's timeline of status changes.
//!
//! Access decisions depend on orders, so orders bump a counter of their own (`order_epoch`,
//! beside the access epoch): every instance's cache of ordered objects follows a change made
//! anywhere at once, while the far more stable decisions per installation stay cached.
use crate::util::{fk, index};
use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("api_functions")
                .add_column(string_len_null("object_type", 32))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("access_epoch")
                .add_column(big_integer("order_epoch").default(0))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("orders")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40))
                .col(integer("installation_id"))
                .col(integer("product_id"))
                .col(string_len("object_type", 32))
                .col(string_len("object_id", 64))
                .col(string_len("ordered_by_name", 200))
                .col(string_len("ordered_by_email", 320))
                .col(text("data"))
                .col(string_len("status", 20))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .foreign_key(&mut fk("orders", "installation_id", "installations"))
                .foreign_key(&mut fk("orders", "product_id", "products"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("orders", &["public_id"], true))
            .await?;
        // The access check's question: an order of this product for this object here.
        m.create_index(index(
            "orders",
            &["installation_id", "product_id", "object_type", "object_id"],
            false,
        ))
        .await?;
        // A partner's list (its products' orders, newest first) and a product's.
        m.create_index(index("orders", &["product_id", "id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("order_updates")
                .col(pk_auto("id"))
                .col(integer("order_id"))
                .col(string_len("status", 20))
                .col(text("message"))
                .col(string_len("by_party", 20))
                .col(string_len("by_label", 320))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("order_updates", "order_id", "orders"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("order_updates", &["order_id"], false))
            .await?;
        let db = m.get_connection();
        let triggers: Vec<String> = match m.get_database_backend() {
            DatabaseBackend::Postgres => vec![
                "CREATE FUNCTION bump_order_epoch() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN UPDATE access_epoch SET order_epoch = order_epoch + 1 WHERE id = 1; \
                 RETURN NULL; END $$"
                    .into(),
                "CREATE TRIGGER order_epoch_orders AFTER INSERT OR UPDATE OR DELETE ON orders \
                 FOR EACH STATEMENT EXECUTE FUNCTION bump_order_epoch()"
                    .into(),
            ],
            _ => ["INSERT", "UPDATE", "DELETE"]
                .iter()
                .map(|event| {
                    format!(
                        "CREATE TRIGGER order_epoch_orders_{} AFTER {event} ON orders BEGIN \
                         UPDATE access_epoch SET order_epoch = order_epoch + 1 WHERE id = 1; END",
                        event.to_lowercase()
                    )
                })
                .collect(),
        };
        for sql in triggers {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if m.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("DROP TRIGGER IF EXISTS order_epoch_orders ON orders")
                .await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS bump_order_epoch()")
                .await?;
        }
        m.drop_table(Table::drop().table("order_updates").to_owned())
            .await?;
        m.drop_table(Table::drop().table("orders").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("access_epoch")
                .drop_column("order_epoch")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("api_functions")
                .drop_column("object_type")
                .to_owned(),
        )
        .await
    }
}
