//! `seed-demo`: the demo organizations, installations and users the README lists. Idempotent.
use app::dto::{OrgKind, Role};
use app::error::AppError;
use app::server::services::bootstrap::{ensure_installation, ensure_member, ensure_organization};
use sea_orm::DatabaseConnection;

/// The operator organization's name in the demo.
pub const OPERATOR: &str = "Portico Platform";

pub async fn seed_demo(db: &DatabaseConnection) -> Result<(), AppError> {
    let operator = ensure_organization(db, OrgKind::Operator, OPERATOR, None).await?;
    ensure_member(
        db,
        operator.id,
        "ops@portico.example",
        "Olivia Operator",
        Role::Admin,
    )
    .await?;
    ensure_member(
        db,
        operator.id,
        "support@portico.example",
        "Sam Support",
        Role::Member,
    )
    .await?;

    let nordic = ensure_organization(
        db,
        OrgKind::Partner,
        "Nordic Integrations AS",
        Some(("NO:ORG", "923609016")),
    )
    .await?;
    ensure_member(
        db,
        nordic.id,
        "anna@nordic-integrations.example",
        "Anna Nilsen",
        Role::Admin,
    )
    .await?;
    ensure_member(
        db,
        nordic.id,
        "max@nordic-integrations.example",
        "Max Berg",
        Role::Member,
    )
    .await?;
    let brokerbase = ensure_organization(
        db,
        OrgKind::Partner,
        "Brokerbase Software AS",
        Some(("NO:ORG", "998877665")),
    )
    .await?;
    ensure_member(
        db,
        brokerbase.id,
        "olav@brokerbase.example",
        "Olav Dahl",
        Role::Admin,
    )
    .await?;

    let sandbox = ensure_organization(db, OrgKind::Customer, "Partner Sandbox", None).await?;
    ensure_installation(db, sandbox.id, "MSVPAR", "Partner sandbox", true).await?;
    ensure_member(
        db,
        sandbox.id,
        "ops@portico.example",
        "Olivia Operator",
        Role::Admin,
    )
    .await?;
    let solheim = ensure_organization(
        db,
        OrgKind::Customer,
        "Solheim Eiendom AS",
        Some(("NO:ORG", "912345678")),
    )
    .await?;
    ensure_installation(db, solheim.id, "SOLOSL", "Solheim Oslo", false).await?;
    ensure_installation(db, solheim.id, "SOLBER", "Solheim Bergen", false).await?;
    ensure_member(
        db,
        solheim.id,
        "kari@solheim.example",
        "Kari Solheim",
        Role::Admin,
    )
    .await?;
    ensure_member(
        db,
        solheim.id,
        "per@solheim.example",
        "Per Hansen",
        Role::Member,
    )
    .await?;
    let fjord = ensure_organization(
        db,
        OrgKind::Customer,
        "Fjord Megling AS",
        Some(("NO:ORG", "987654321")),
    )
    .await?;
    ensure_installation(db, fjord.id, "123456", "Fjord Megling Stavanger", false).await?;
    ensure_member(
        db,
        fjord.id,
        "ingrid@fjord-megling.example",
        "Ingrid Fjell",
        Role::Admin,
    )
    .await?;

    // One person in several organizations, to show choosing and switching whom to act as.
    for org in [operator.id, nordic.id, solheim.id] {
        ensure_member(db, org, "demo@portico.example", "Dana Demo", Role::Admin).await?;
    }
    Ok(())
}
