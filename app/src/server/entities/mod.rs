//! sea-orm entities, one module per table, with their kinds and states as enums. Relations are
//! expressed as explicit queries in the services, so the entities stay plain.
#![allow(missing_docs)]

/// The empty relation list and default behaviour every entity here shares.
macro_rules! plain_entity {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}
pub(crate) use plain_entity;

pub mod access_epoch;
pub mod access_key;
pub mod access_request;
pub mod activation;
pub mod api_function;
pub mod audit_entry;
pub mod commission_row;
pub mod commission_statement;
pub mod installation;
pub mod installation_logo;
pub mod installation_price_package;
pub mod invitation;
pub mod legacy_grant;
pub mod membership;
pub mod notification;
pub mod order;
pub mod order_update;
pub mod organization;
pub mod outbound_mail;
pub mod partner_api_key;
pub mod price_package;
pub mod price_package_offer;
pub mod product;
pub mod product_access;
pub mod product_credential;
pub mod product_logo;
pub mod product_order;
pub mod product_order_logo;
pub mod product_order_step;
pub mod product_order_template;
pub mod product_version;
pub mod push_attempt;
pub mod push_delivery;
pub mod push_event;
pub mod push_subscription;
pub mod push_worker;
pub mod rate_limit_event;
pub mod sales_unit_event;
pub mod service_token;
pub mod session;
pub mod setting;
pub mod sign_in_request;
pub mod sign_in_token;
pub mod upgrade_notification;
pub mod user;
pub mod version_grant;

/// Reads a JSON column (`what` names it in the log). A value that cannot be read is logged and
/// refused (rule 13): it never becomes an empty list or "no restriction".
pub fn json<T: serde::de::DeserializeOwned>(
    raw: &str,
    what: &str,
) -> Result<T, crate::error::AppError> {
    serde_json::from_str(raw).map_err(|e| {
        tracing::error!(column = what, error = %e, "a stored JSON value cannot be read");
        crate::error::AppError::Internal
    })
}
