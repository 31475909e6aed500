//! Push subscriptions, events and their deliveries (an outbox: an event and its deliveries are
//! written in one transaction, and workers claim due deliveries with a lease).
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("push_subscriptions")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40).unique_key())
                .col(integer("product_id"))
                .col(string_len("url", 2048))
                .col(text("event_types"))
                .col(string_len("description", 200))
                .col(string_len("status", 16))
                .col(string_len_null("disabled_reason", 200))
                .col(string_len("secret", 200))
                .col(boolean("secret_revealed"))
                .col(string_len_null("previous_secret", 200))
                .col(timestamp_with_time_zone_null("previous_secret_until"))
                .col(timestamp_with_time_zone_null("failing_since"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("push_subscriptions", "product_id", "products"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("push_subscriptions", &["product_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("push_events")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40).unique_key())
                .col(integer_null("installation_id"))
                .col(string_len("event_type", 100))
                .col(text_null("body"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("push_events", "installation_id", "installations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("push_events", &["created_at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("push_deliveries")
                .col(pk_auto("id"))
                .col(string_len("public_id", 40).unique_key())
                .col(integer("event_id"))
                .col(integer("subscription_id"))
                .col(string_len("status", 16))
                .col(integer("attempts"))
                .col(timestamp_with_time_zone_null("next_attempt_at"))
                .col(timestamp_with_time_zone_null("lease_until"))
                .col(integer_null("last_status_code"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("first_attempt_at"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .foreign_key(&mut fk("push_deliveries", "event_id", "push_events"))
                .foreign_key(&mut fk(
                    "push_deliveries",
                    "subscription_id",
                    "push_subscriptions",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "push_deliveries",
            &["status", "next_attempt_at"],
            false,
        ))
        .await?;
        m.create_index(index("push_deliveries", &["subscription_id", "id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("push_attempts")
                .col(pk_auto("id"))
                .col(integer("delivery_id"))
                .col(timestamp_with_time_zone("attempted_at"))
                .col(integer_null("status_code"))
                .col(integer("duration_ms"))
                .col(string_len("response_start", 400))
                .col(string_len_null("error", 400))
                .foreign_key(&mut fk("push_attempts", "delivery_id", "push_deliveries"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("push_attempts", &["delivery_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "push_attempts",
            "push_deliveries",
            "push_events",
            "push_subscriptions",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
