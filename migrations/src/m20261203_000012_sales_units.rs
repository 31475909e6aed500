//! Sales units: each installation's history (what the customer and its partners did to it, who,
//! acting as which organization, when), and business identifiers under their full scheme names
//! (`business:NO:ORG`), indexed so that partners can search by them.
use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("sales_unit_history")
                .col(pk_auto("id"))
                .col(integer("installation_id"))
                .col(timestamp_with_time_zone("at"))
                .col(integer_null("actor_user_id"))
                .col(string_len("actor", 320))
                .col(integer_null("organization_id"))
                .col(string_len("kind", 40))
                .col(integer_null("product_id"))
                .col(string_len_null("old_value", 200))
                .col(string_len_null("new_value", 200))
                .foreign_key(&mut fk(
                    "sales_unit_history",
                    "installation_id",
                    "installations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "sales_unit_history",
            &["installation_id", "id"],
            false,
        ))
        .await?;
        // Older onboarding stored the scheme without its `business:` prefix.
        let db = m.get_connection();
        for scheme in ["NO:ORG", "DK:CVR", "FI:Y-tunnus"] {
            let update = Query::update()
                .table("organizations")
                .value("business_id_scheme", format!("business:{scheme}"))
                .and_where(Expr::col("business_id_scheme").eq(scheme))
                .to_owned();
            db.execute(&update).await?;
        }
        m.create_index(index("organizations", &["business_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_organizations_business_id")
                .table("organizations")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table("sales_unit_history").to_owned())
            .await
    }
}
