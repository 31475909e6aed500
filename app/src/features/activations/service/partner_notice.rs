//! Telling a product's partner what a customer did with it: its admins get a notification (the
//! bell) and an e-mail, each in their own language, linking to the sales unit.
use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::server::clock::now;
use crate::server::entities::{installation, organization, product};
use crate::server::Config;
use crate::t;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// What a customer administrator did with a product on one of their installations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerMove {
    /// Activated it at this version.
    Activated(i32),
    /// Upgraded it to this version.
    Upgraded(i32),
    /// Kept their version, declining this one.
    Kept(i32),
    Deactivated,
}

impl CustomerMove {
    fn key(self) -> &'static str {
        match self {
            Self::Activated(_) => "activated",
            Self::Upgraded(_) => "upgraded",
            Self::Kept(_) => "kept",
            Self::Deactivated => "deactivated",
        }
    }
}

/// Tells the partner that owns `product_id` what the customer did on `installation_id` (the
/// installation as its owner wrote it).
pub async fn tell_partner(
    db: &impl ConnectionTrait,
    config: &Config,
    customer_id: i32,
    installation_id: &str,
    product_id: i32,
    what: CustomerMove,
) -> Result<(), AppError> {
    let inst = installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(customer_id))
        .filter(installation::Column::InstallationId.eq(installation_id.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = product::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let customer = organization::Entity::find_by_id(customer_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let place = format!("{} ({})", inst.name, inst.installation_id);
    let link = crate::paths::sales_unit(p.partner_id, &inst.installation_id);
    // Each move is its own notice, even the same one twice (deactivated, activated, deactivated).
    let key = format!(
        "customer-{}:{}:{}:{}",
        what.key(),
        inst.id,
        p.id,
        now().timestamp_micros()
    );
    let message = |lang| {
        let (c, n, at) = (customer.clone(), p.name.clone(), place.clone());
        match what {
            CustomerMove::Activated(v) => (
                t!(lang, "customer-activated-title", customer = c, product = n),
                t!(
                    lang,
                    "customer-activated-body",
                    version = v,
                    installation = at
                ),
            ),
            CustomerMove::Upgraded(v) => (
                t!(lang, "customer-upgraded-title", customer = c, product = n),
                t!(
                    lang,
                    "customer-upgraded-body",
                    version = v,
                    installation = at
                ),
            ),
            CustomerMove::Kept(v) => (
                t!(lang, "customer-kept-title", customer = c, product = n),
                t!(lang, "customer-kept-body", version = v, installation = at),
            ),
            CustomerMove::Deactivated => (
                t!(
                    lang,
                    "customer-deactivated-title",
                    customer = c,
                    product = n
                ),
                t!(lang, "customer-deactivated-body", installation = at),
            ),
        }
    };
    notify_admins(db, config, p.partner_id, &key, message, &link).await
}
