//! The demo's sales units: enough customers and installations to make the partners' sales
//! units pages real (search, filters, pages), some of them deactivated to show that they
//! vanish, and a second partner's product with a pending upgrade. Idempotent.
use crate::seed::demo_actor;
use app::error::AppError;
use app::features::accounts::service::bootstrap::{
    ensure_installation, ensure_member, ensure_organization,
};
use app::features::accounts::service::{installations, orgs};
use app::features::activations::service::activation;
use app::features::products::dto::{GrantChange, GrantFilters};
use app::features::products::service::{access_rules, grants, products, versions};
use app::glossary::{OrgKind, Role};
use app::server::entities::{installation, organization};
use app::server::Config;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Towns the demo's brokerage offices are in.
const TOWNS: [&str; 18] = [
    "Oslo",
    "Bergen",
    "Trondheim",
    "Stavanger",
    "Drammen",
    "Fredrikstad",
    "Kristiansand",
    "Tromsø",
    "Sandnes",
    "Ålesund",
    "Bodø",
    "Tønsberg",
    "Moss",
    "Hamar",
    "Larvik",
    "Halden",
    "Lillehammer",
    "Molde",
];

/// A demo customer: name, business identifier, admin, installation ID prefix and how many.
struct Customer {
    name: &'static str,
    business_id: (&'static str, &'static str),
    admin: (&'static str, &'static str),
    prefix: &'static str,
    offices: usize,
}

const CUSTOMERS: [Customer; 6] = [
    Customer {
        name: "Havnegata Eiendom AS",
        business_id: ("business:NO:ORG", "915501184"),
        admin: ("eva@havnegata.example", "Eva Strand"),
        prefix: "HAV",
        offices: 18,
    },
    Customer {
        name: "Bergen Boligmegling AS",
        business_id: ("business:NO:ORG", "922300453"),
        admin: ("jon@bergen-bolig.example", "Jon Vik"),
        prefix: "BBM",
        offices: 14,
    },
    Customer {
        name: "Nordlys Eiendom AS",
        business_id: ("business:NO:ORG", "933401219"),
        admin: ("liv@nordlys.example", "Liv Aune"),
        prefix: "NLY",
        offices: 14,
    },
    Customer {
        name: "Kystmegleren AS",
        business_id: ("business:NO:ORG", "944200878"),
        admin: ("ola@kystmegleren.example", "Ola Lie"),
        prefix: "KYS",
        offices: 10,
    },
    Customer {
        name: "Aarhus Bolig ApS",
        business_id: ("business:DK:CVR", "25313763"),
        admin: ("mette@aarhus-bolig.example", "Mette Holm"),
        prefix: "DKA",
        offices: 8,
    },
    Customer {
        name: "Helsinki Asunnot Oy",
        business_id: ("business:FI:Y-tunnus", "2617416-4"),
        admin: ("aino@helsinki-asunnot.example", "Aino Virtanen"),
        prefix: "FIH",
        offices: 6,
    },
];

/// The second partner's product, activated on some of the offices, then shipped as version 2
/// and upgraded on only a few, so that upgrades are pending.
const BROKER_PRODUCT: &str = "Brokerbase Listing Sync";

pub async fn seed(
    db: &DatabaseConnection,
    config: &Config,
    operator: i32,
    nordic: i32,
    brokerbase: i32,
) -> Result<(), AppError> {
    if organization::Entity::find()
        .filter(organization::Column::Name.eq(CUSTOMERS[0].name))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let planner = app::server::entities::product::Entity::find()
        .filter(app::server::entities::product::Column::PartnerId.eq(nordic))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?
        .id;
    let broker_product = broker_product(db, config, brokerbase).await?;
    for c in &CUSTOMERS {
        let org = ensure_organization(db, OrgKind::Customer, c.name, Some(c.business_id)).await?;
        ensure_member(db, org.id, c.admin.0, c.admin.1, Role::Admin).await?;
        let admin = demo_actor(db, c.admin.0).await?;
        for (n, town) in TOWNS.iter().take(c.offices).enumerate() {
            let id = format!("{}{:02}", c.prefix, n + 1);
            let short = c.name.split(' ').next().unwrap_or(c.name);
            ensure_installation(db, org.id, &id, &format!("{short} {town}"), false).await?;
            activation::activate(db, &admin, org.id, &id, planner, 1).await?;
            let broker = matches!((c.prefix, n), ("BBM", 0..=5) | ("NLY", 0..=7));
            if broker {
                activation::activate(db, &admin, org.id, &id, broker_product, 1).await?;
            }
        }
    }
    ship_and_upgrade(db, config, brokerbase, broker_product).await?;
    // Two offices closed, and one customer gone: they vanish from the partners' views.
    let ops = demo_actor(db, "ops@portico.example").await?;
    for id in ["HAV17", "HAV18"] {
        if let Some(i) = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq(id))
            .one(db)
            .await?
        {
            installations::set_installation_active(db, &ops, operator, i.id, false).await?;
        }
    }
    if let Some(k) = organization::Entity::find()
        .filter(organization::Column::Name.eq("Kystmegleren AS"))
        .one(db)
        .await?
    {
        orgs::set_organization_active(db, &ops, operator, k.id, false).await?;
    }
    Ok(())
}

/// "Require access to function" `key`, unrestricted.
fn grant(key: &str) -> GrantChange {
    GrantChange {
        function_key: key.into(),
        required: true,
        filters: GrantFilters::new(),
    }
}

async fn broker_product(
    db: &DatabaseConnection,
    config: &Config,
    brokerbase: i32,
) -> Result<i32, AppError> {
    let olav = demo_actor(db, "olav@brokerbase.example").await?;
    let input = products::ProductInput {
        name: BROKER_PRODUCT.into(),
        kind: "rights".into(),
        description: "Keeps listings in step between the brokerage system and property portals."
            .into(),
        support_email: Some("support@brokerbase.example".into()),
        support_url: None,
    };
    let id = products::create_product(db, config, &olav, brokerbase, input)
        .await?
        .id;
    access_rules::set_access(db, &olav, brokerbase, id, "all", "").await?;
    let changes = vec![grant("estates.read"), grant("estates.list")];
    grants::save_grants(db, config, &olav, brokerbase, id, 1, changes).await?;
    versions::activate(db, &olav, brokerbase, id, Some("First release.".into())).await?;
    Ok(id)
}

/// Version 2 of the second partner's product; Bergen Boligmegling upgrades three offices.
async fn ship_and_upgrade(
    db: &DatabaseConnection,
    config: &Config,
    brokerbase: i32,
    product: i32,
) -> Result<(), AppError> {
    let olav = demo_actor(db, "olav@brokerbase.example").await?;
    versions::new_version(db, &olav, brokerbase, product).await?;
    let changes = vec![grant("bids.read")];
    grants::save_grants(db, config, &olav, brokerbase, product, 2, changes).await?;
    versions::activate(db, &olav, brokerbase, product, Some("Adds bids.".into())).await?;
    let jon = demo_actor(db, "jon@bergen-bolig.example").await?;
    let bergen = organization::Entity::find()
        .filter(organization::Column::Name.eq("Bergen Boligmegling AS"))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    for id in ["BBM01", "BBM02", "BBM03"] {
        activation::upgrade(db, &jon, bergen.id, id, product, 2).await?;
    }
    Ok(())
}
