//! The demo's product orders: a template of Nordic's, a prefill waiting for a company new to
//! Portico, and an order Fjord Megling made on its own, submitted and waiting in the
//! operator's queue. Idempotent: skipped once Nordic has a template.
use app::error::AppError;
use app::features::product_orders::service::{create, review, start, templates};
use app::server::entities::{price_package, product, product_order_template as pot};
use app::server::Config;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Seeds them (see the module's doc).
pub async fn seed(
    db: &DatabaseConnection,
    config: &Config,
    nordic: i32,
    fjord: i32,
) -> Result<(), AppError> {
    if pot::Entity::find()
        .filter(pot::Column::PartnerId.eq(nordic))
        .count(db)
        .await?
        > 0
    {
        return Ok(());
    }
    let Some(planner) = product::Entity::find()
        .filter(product::Column::PartnerId.eq(nordic))
        .filter(product::Column::Name.eq("Nordic Showing Planner"))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let standard = price_package::Entity::find()
        .filter(price_package::Column::Name.eq("Standard"))
        .one(db)
        .await?
        .map(|p| p.id);
    let anna = super::seed::demo_actor(db, "anna@nordic-integrations.example").await?;
    templates::create(
        db,
        &anna,
        nordic,
        "Showings for brokerages",
        planner.id,
        standard,
    )
    .await?;
    let input = create::PrefillInput {
        business_id_scheme: "business:NO:ORG".into(),
        business_id: "910000012".into(),
        product_id: planner.id,
        price_package_id: standard,
        sales_unit_name: "Bølgen Eiendom Sentrum".into(),
        contact_email: Some("post@bolgen-eiendom.example".into()),
        note: "Signed up at the trade fair.".into(),
        ..Default::default()
    };
    create::prefill(db, config, &anna, nordic, input, None).await?;
    let ingrid = super::seed::demo_actor(db, "ingrid@fjord-megling.example").await?;
    let link = start::manual(db, config, &ingrid, fjord, planner.id).await?;
    let submit = review::SubmitInput {
        sales_unit_name: "Fjord Megling Sandnes".into(),
        consent: true,
        price_package_id: standard,
        ..Default::default()
    };
    review::submit(db, config, &ingrid, &link, submit).await?;
    Ok(())
}
