//! Orders of order integration products (DESIGN.md, "Order", rule 12): the platform posts an
//! order when a person starts one from a sales object; the partner accepts, completes or
//! declines it; the customer follows it and may cancel it. While an order is open or accepted
//! (and for a grace period after it completed) the product may call its object-scoped
//! functions on that one object; the access decisions ask [`service::window`].
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
