//! Activations: the customer side. The suppliers page of an installation, a product's panel,
//! the exact difference between two versions (rule 5), and activating, upgrading and
//! deactivating a product on an installation.
//! Owns `activations`. Uses products, catalog, notifications and accounts.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
