//! `seed-demo`: the demo organizations, installations and users the README lists. Idempotent.
use app::error::AppError;
use app::features::accounts::service::bootstrap::{
    ensure_installation, ensure_member, ensure_organization,
};
use app::features::activations::service::activation;
use app::features::catalog;
use app::features::products::dto::{GrantChange, GrantFilters};
use app::features::products::service::{access_rules, grants, products, versions};
use app::glossary::{Lang, OrgKind, Role};
use app::server::entities::{product, user};
use app::server::scope::Actor;
use app::server::Config;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// The catalog shipped with Portico: a real-estate brokerage platform's API.
pub const DEMO_CATALOG: &str = include_str!("../../catalog/real-estate.json");

/// The operator organization's name in the demo.
pub const OPERATOR: &str = "Portico Platform";

pub async fn seed_demo(db: &DatabaseConnection, config: &Config) -> Result<(), AppError> {
    catalog::service::import(db, DEMO_CATALOG).await?;
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
        Some(("business:NO:ORG", "923609016")),
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
    ensure_member(
        db,
        nordic.id,
        "nils@nordic-integrations.example",
        "Nils Dahl",
        Role::Admin,
    )
    .await?;
    let brokerbase = ensure_organization(
        db,
        OrgKind::Partner,
        "Brokerbase Software AS",
        Some(("business:NO:ORG", "998877660")),
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
        Some(("business:NO:ORG", "912345688")),
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
        Some(("business:NO:ORG", "987654325")),
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
    // The demo's Norwegian reader: her pages and e-mails are in Norwegian (unless she chooses
    // otherwise).
    if let Some(ingrid) = user::Entity::find()
        .filter(user::Column::Email.eq("ingrid@fjord-megling.example"))
        .one(db)
        .await?
    {
        if ingrid.locale.is_none() {
            let actor = Actor::user(ingrid.id, &ingrid.email, None);
            app::features::accounts::service::language::set_language(db, &actor, Lang::Nb).await?;
        }
    }

    // One person in several organizations, to show choosing and switching whom to act as.
    for org in [operator.id, nordic.id, solheim.id] {
        ensure_member(db, org, "demo@portico.example", "Dana Demo", Role::Admin).await?;
    }
    demo_product(
        db,
        config,
        nordic.id,
        [(sandbox.id, "MSVPAR"), (solheim.id, "SOLOSL")],
    )
    .await?;
    demo_orders(db).await?;
    super::seed_sales_units::seed(db, config, operator.id, nordic.id, brokerbase.id).await?;
    super::seed_pricing::seed(db, operator.id, nordic.id, brokerbase.id).await?;
    super::seed_product_orders::seed(db, config, nordic.id, fjord.id).await?;
    super::seed_access_requests::seed(db).await?;
    super::seed_pricing::seed_commission(db, nordic.id, brokerbase.id).await
}

/// The actor of the demo user with this e-mail.
pub(crate) async fn demo_actor(db: &DatabaseConnection, email: &str) -> Result<Actor, AppError> {
    let u = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Actor::user(u.id, &u.email, None))
}

/// Nordic's "Nordic Showing Planner": version 1 active, activated on the sandbox (by ops) and
/// on SOLOSL (by kari), through the customers' own activation path.
async fn demo_product(
    db: &DatabaseConnection,
    config: &Config,
    nordic: i32,
    activated_on: [(i32, &str); 2],
) -> Result<(), AppError> {
    const NAME: &str = "Nordic Showing Planner";
    let exists = product::Entity::find()
        .filter(product::Column::PartnerId.eq(nordic))
        .filter(product::Column::Name.eq(NAME))
        .one(db)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    let actor = demo_actor(db, "anna@nordic-integrations.example").await?;
    let input = products::ProductInput {
        name: NAME.into(),
        kind: "order_integration".into(),
        description: "Plans viewings, registers attendees and reports back to the estate agent."
            .into(),
        support_email: Some("support@nordic-integrations.example".into()),
        support_url: Some("https://nordic-integrations.example/support".into()),
    };
    let id = products::create_product(db, config, &actor, nordic, input)
        .await?
        .id;
    access_rules::set_access(db, &actor, nordic, id, "all", "").await?;
    let status: GrantFilters = [(
        "status".to_string(),
        vec!["for_sale".to_string(), "reserved".to_string()],
    )]
    .into();
    let changes = vec![
        GrantChange {
            function_key: "estates.read".into(),
            required: true,
            filters: status,
        },
        GrantChange {
            function_key: "viewings.list".into(),
            required: true,
            filters: GrantFilters::new(),
        },
        GrantChange {
            function_key: "viewings.create".into(),
            required: true,
            filters: GrantFilters::new(),
        },
    ];
    grants::save_grants(db, config, &actor, nordic, id, 1, changes).await?;
    versions::activate(db, &actor, nordic, id, Some("First release.".into())).await?;
    for ((customer, installation), admin) in activated_on
        .into_iter()
        .zip(["ops@portico.example", "kari@solheim.example"])
    {
        let admin = demo_actor(db, admin).await?;
        activation::activate(db, &admin, customer, installation, id, 1).await?;
    }
    Ok(())
}

/// A few orders of Nordic Showing Planner on `SOLOSL`, as the platform posts them, in each
/// state a partner meets: open, accepted, completed and declined.
async fn demo_orders(db: &DatabaseConnection) -> Result<(), AppError> {
    use app::features::orders::service::{create, status};
    use app::glossary::{OrderParty, OrderStatus};
    use app::server::entities::order;
    use sea_orm::PaginatorTrait;
    let Some(p) = product::Entity::find()
        .filter(product::Column::Name.eq("Nordic Showing Planner"))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    if order::Entity::find()
        .filter(order::Column::ProductId.eq(p.id))
        .count(db)
        .await?
        > 0
    {
        return Ok(());
    }
    let platform = Actor::service("demo-platform");
    let anna = demo_actor(db, "anna@nordic-integrations.example").await?;
    // (estate, who ordered, the partner's answers in turn)
    type DemoOrder<'a> = (&'a str, &'a str, &'a [(OrderStatus, &'a str)]);
    let orders: [DemoOrder; 4] = [
        (
            "987",
            "Hanne Lie",
            &[
                (OrderStatus::Accepted, ""),
                (
                    OrderStatus::Completed,
                    "Two viewings held, 14 attendees reported.",
                ),
            ],
        ),
        (
            "1043",
            "Eva Megler",
            &[(
                OrderStatus::Accepted,
                "Viewings planned for Saturday and Sunday.",
            )],
        ),
        (
            "1050",
            "Eva Megler",
            &[(OrderStatus::Declined, "We do not cover Drammen yet.")],
        ),
        ("1042", "Tor Dahl", &[]),
    ];
    for (estate, who, moves) in orders {
        let input = create::NewOrder {
            installation_id: "SOLOSL".into(),
            product_id: p.id,
            object_type: "estate".into(),
            object_id: estate.into(),
            ordered_by_name: who.into(),
            ordered_by_email: format!(
                "{}@solheim.example",
                who.split(' ').next().unwrap_or("agent").to_lowercase()
            ),
            data: serde_json::json!({"viewings": 2, "note": "Weekend viewings preferred."}),
        };
        let mut o = create::create(db, &platform, input).await?.order;
        for (to, message) in moves {
            o = status::apply(db, &anna, OrderParty::Partner, o, *to, message).await?;
        }
    }
    Ok(())
}
