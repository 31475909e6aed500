//! Sales units: the partner-facing view of the installations connected to a partner (Vipps'
//! word), across all its products, with their details, products and versions, and history.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
