//! Pricing: the price packages the operator offers through partners (each sales unit has one),
//! which partners see on their "Price packages" page and on their sales units.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
