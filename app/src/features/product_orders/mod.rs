//! Product orders and product order templates (DESIGN.md, "Product order", rule 11): how a
//! partner brings a new customer onto the platform. A partner prefills an order and sends the
//! customer its link, or shares a template's link, or a customer orders on its own; the
//! customer reviews what the product will access and submits; the operator's staff approve
//! (a sales unit is created or connected and the product activated, in one transaction) or
//! reject. Only forward, each step in the timeline and the audit log.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
