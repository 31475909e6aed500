//! Users, organizations, memberships, invitations, sign-in tokens, sessions, installations,
//! the audit log, outbound mail, service tokens and rate-limit events.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("users")
                .col(pk_auto("id"))
                .col(string_len("email", 254).unique_key())
                .col(string_len("name", 200).default(""))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("last_sign_in_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("organizations")
                .col(pk_auto("id"))
                .col(string_len("kind", 16))
                .col(string_len("name", 200))
                .col(string_len_null("business_id_scheme", 32))
                .col(string_len_null("business_id", 64))
                .col(string_len("status", 16).default("active"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("organizations", &["kind", "name"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("memberships")
                .col(pk_auto("id"))
                .col(integer("user_id"))
                .col(integer("organization_id"))
                .col(string_len("role", 16))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("memberships", "user_id", "users"))
                .foreign_key(&mut fk("memberships", "organization_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("memberships", &["organization_id", "user_id"], true))
            .await?;
        m.create_index(index("memberships", &["user_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("invitations")
                .col(pk_auto("id"))
                .col(integer("organization_id"))
                .col(integer("user_id"))
                .col(string_len("role", 16))
                .col(integer_null("invited_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("accepted_at"))
                .foreign_key(&mut fk("invitations", "organization_id", "organizations"))
                .foreign_key(&mut fk("invitations", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("sign_in_tokens")
                .col(pk_auto("id"))
                .col(integer("user_id"))
                .col(string_len("token_hash", 64).unique_key())
                .col(string_len("purpose", 16))
                .col(integer_null("organization_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(&mut fk("sign_in_tokens", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("sessions")
                .col(pk_auto("id"))
                .col(integer("user_id"))
                .col(string_len("token_hash", 64).unique_key())
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_seen_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(string_len_null("ip", 64))
                .col(string_len_null("user_agent", 300))
                .foreign_key(&mut fk("sessions", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("installations")
                .col(pk_auto("id"))
                .col(string_len("installation_id", 32).unique_key())
                .col(string_len("name", 200))
                .col(integer("customer_id"))
                .col(string_len("status", 16).default("active"))
                .col(boolean("is_sandbox").default(false))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("installations", "customer_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("installations", &["customer_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("audit_log")
                .col(pk_auto("id"))
                .col(timestamp_with_time_zone("at"))
                .col(integer_null("actor_user_id"))
                .col(string_len("actor", 254))
                .col(integer_null("organization_id"))
                .col(string_len("action", 64))
                .col(string_len("target", 200))
                .col(text("details").default(""))
                .col(string_len_null("ip", 64))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_log", &["organization_id", "at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("outbound_mail")
                .col(pk_auto("id"))
                .col(string_len("to_address", 254))
                .col(string_len("subject", 200))
                .col(text("text_body"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(integer("attempts").default(0))
                .col(text_null("last_error"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("outbound_mail", &["sent_at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("service_tokens")
                .col(pk_auto("id"))
                .col(string_len("name", 100))
                .col(string_len("token_hash", 64).unique_key())
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("rate_limit_events")
                .col(pk_auto("id"))
                .col(string_len("key", 300))
                .col(timestamp_with_time_zone("at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("rate_limit_events", &["key", "at"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "rate_limit_events",
            "service_tokens",
            "outbound_mail",
            "audit_log",
            "installations",
            "sessions",
            "sign_in_tokens",
            "invitations",
            "memberships",
            "organizations",
            "users",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
