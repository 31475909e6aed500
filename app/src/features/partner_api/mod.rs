//! The Partner API's keys: a partner organization's own credentials ("API key 1", "API key 2",
//! `read` or `read_write`) for `/api/v1/partner/...`, which mirrors the partner portal. The
//! server's handlers authenticate a key here and then call the same services the portal calls,
//! as an [`Actor`](crate::server::scope::Actor) carrying the key's grant.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
