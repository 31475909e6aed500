//! The demo's price packages: one offered to both partners and others to one each, for the
//! three markets, set on the demo customers' sales units (so that the partners' lists and the
//! sales units' histories show them). Idempotent.
use crate::seed::demo_actor;
use app::error::AppError;
use app::features::pricing::dto::PricePackageInput;
use app::features::pricing::service::{assign, packages};
use app::server::entities::{installation, price_package};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// A demo package: name, description, market, commission, visible in sign-up, offered to
/// (0 Nordic Integrations, 1 Brokerbase), and the installation ID prefixes (with how many of
/// each customer's first offices) that have it.
struct Package {
    name: &'static str,
    description: &'static str,
    market: &'static str,
    commission: &'static str,
    visible: bool,
    partners: &'static [usize],
    units: &'static [(&'static str, usize)],
}

const PACKAGES: [Package; 4] = [
    Package {
        name: "Standard",
        description: "2.99%",
        market: "NO",
        commission: "30 %",
        visible: true,
        partners: &[0, 1],
        units: &[("HAV", 10), ("BBM", 14)],
    },
    Package {
        name: "Volume",
        description: "1.99%",
        market: "NO",
        commission: "20 %",
        visible: false,
        partners: &[0],
        units: &[("NLY", 14)],
    },
    Package {
        name: "Danmark Standard",
        description: "1.45%",
        market: "DK",
        commission: "25 %",
        visible: true,
        partners: &[0, 1],
        units: &[("DKA", 8)],
    },
    Package {
        name: "Suomi Start",
        description: "2.49%",
        market: "FI",
        commission: "",
        visible: true,
        partners: &[1],
        units: &[("FIH", 6)],
    },
];

/// Creates the demo's price packages, once.
pub async fn seed(
    db: &DatabaseConnection,
    operator: i32,
    nordic: i32,
    brokerbase: i32,
) -> Result<(), AppError> {
    if price_package::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let ops = demo_actor(db, "ops@portico.example").await?;
    let partners = [nordic, brokerbase];
    for p in &PACKAGES {
        let form = PricePackageInput {
            name: p.name.into(),
            description: p.description.into(),
            market: p.market.into(),
            commission: p.commission.into(),
            visible_in_signup: p.visible,
        };
        let id = packages::create(db, &ops, operator, &form).await?;
        for &partner in p.partners {
            packages::set_offered(db, &ops, operator, id, partners[partner], true).await?;
        }
        for &(prefix, count) in p.units {
            for n in 1..=count {
                let iid = format!("{prefix}{n:02}");
                let Some(inst) = installation::Entity::find()
                    .filter(installation::Column::InstallationId.eq(&iid))
                    .one(db)
                    .await?
                else {
                    continue;
                };
                assign::set_package(db, &ops, operator, inst.id, Some(id)).await?;
            }
        }
    }
    Ok(())
}

/// Offices of each demo customer whose commission each partner is owed (prefix, how many),
/// with the currency of its market.
const EARNINGS: [(usize, &[(&str, usize, &str)]); 2] = [
    (
        0,
        &[
            ("HAV", 16, "NOK"),
            ("BBM", 14, "NOK"),
            ("NLY", 14, "NOK"),
            ("DKA", 8, "DKK"),
            ("FIH", 6, "EUR"),
        ],
    ),
    (1, &[("BBM", 6, "NOK"), ("NLY", 8, "NOK")]),
];

/// The demo package of office `n` of the customer with installation IDs `prefix..`.
fn package_of(prefix: &str, n: usize) -> String {
    PACKAGES
        .iter()
        .find(|p| p.units.iter().any(|&(u, count)| u == prefix && n <= count))
        .map_or(String::new(), |p| p.name.to_owned())
}

/// Three months of commission statements for each partner, as the platform would send them.
pub async fn seed_commission(
    db: &DatabaseConnection,
    nordic: i32,
    brokerbase: i32,
) -> Result<(), AppError> {
    use app::features::pricing::dto::{CommissionRowInput, StatementSource};
    use app::features::pricing::service::commission::{api_line, store, Sender};
    use app::server::entities::commission_statement;
    use chrono::{Datelike, Months};
    if commission_statement::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let actor = app::server::scope::Actor::service("demo-billing");
    let sender = Sender {
        actor: &actor,
        acting_as: None,
        source: StatementSource::Api,
        line: &api_line,
    };
    let partners = [nordic, brokerbase];
    let today = app::server::clock::now().date_naive();
    for back in 1..=3u32 {
        let month = today - Months::new(back);
        let period = format!("{:04}-{:02}", month.year(), month.month());
        for (partner, units) in EARNINGS {
            let rows: Vec<CommissionRowInput> = units
                .iter()
                .flat_map(|&(prefix, count, currency)| {
                    (1..=count).map(move |n| {
                        // A steady, varied volume per office and month: 10,000 to 60,000 a month.
                        let seed =
                            (n as i64 * 7919 + back as i64 * 104_729 + prefix.len() as i64 * 31)
                                % 50_000;
                        let volume = (10_000 + seed) * 100;
                        CommissionRowInput {
                            installation_id: format!("{prefix}{n:02}"),
                            price_package: package_of(prefix, n),
                            volume,
                            // 2.99 % of the volume, of which the partner's share is 30 %.
                            commission: volume * 897 / 100_000,
                            currency: currency.into(),
                        }
                    })
                })
                .collect();
            store(db, &sender, partners[partner], &period, &rows).await?;
        }
    }
    Ok(())
}
