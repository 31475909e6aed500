//! Access requests ("Ny tilgang"): a company asking to become a partner, or a person asking to
//! join an organization, from the public request page. A request waits unconfirmed until its
//! e-mailed link is followed (only the link's hash is kept), then sits in the operator's queue
//! until approved or declined.
use crate::util::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("access_requests")
                .col(pk_auto("id"))
                .col(string_len("kind", 20))
                .col(string_len("status", 20))
                .col(string_len("organization_name", 200))
                .col(string_len_null("business_id_scheme", 20))
                .col(string_len_null("business_id", 40))
                .col(string_len("contact_name", 200))
                .col(string_len("email", 320))
                .col(text("message"))
                .col(string_len_null("locale", 8))
                .col(string_len_null("token_hash", 128))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("confirmed_at"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(string_len_null("decided_by", 320))
                .col(text_null("decision_message"))
                // The organization created (a partner) or joined; no foreign key, so the
                // request's record outlives it.
                .col(integer_null("organization_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("access_requests", &["token_hash"], false))
            .await?;
        // The queue by status, newest first; the sweep of unconfirmed ones by age.
        m.create_index(index("access_requests", &["status", "id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("access_requests").to_owned())
            .await
    }
}
