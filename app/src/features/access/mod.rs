//! Access decisions: what the platform gateway asks before serving a partner's call (the
//! activated version's grants plus the partner's legacy grants), served from a per-instance
//! cache that follows the access epoch; and the legacy grants themselves.
//! Owns `legacy_grants` and `access_epoch`. Uses products, catalog, activations and accounts.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
