//! Partner products: fields and logo, versions and their grants (the function picker), access
//! and security, credentials, and the upgrade queue that activating a version fills.
//! Owns `products`, `product_access`, `product_logos`, `product_versions`, `version_grants`,
//! `product_credentials`, `access_keys` and `upgrade_notifications`. Uses catalog and
//! notifications.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
