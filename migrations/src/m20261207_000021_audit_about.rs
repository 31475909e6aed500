//! The audit log's reader: each entry may name the organization it was about (a partner the
//! operator's staff changed, a customer given an installation), besides the one the actor acted
//! as, so an organization's admins see what was done to it too. Indexed for both.
use crate::util::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("audit_log")
                .add_column(integer_null("about_organization_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_log", &["about_organization_id", "id"], false))
            .await?;
        m.create_index(index("audit_log", &["organization_id", "id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_audit_log_about_organization_id_id",
            "idx_audit_log_organization_id_id",
        ] {
            m.drop_index(Index::drop().name(name).table("audit_log").to_owned())
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table("audit_log")
                .drop_column("about_organization_id")
                .to_owned(),
        )
        .await
    }
}
