//! Getting in ("Ny tilgang"): a company asks to become a partner, or a person to join an
//! organization, on a public page; the address is confirmed by an e-mailed link before the
//! request reaches anyone; the operator's staff approve (creating the partner and inviting its
//! contact person as admin, or inviting the person into the organization they choose) or
//! decline with a message, and the requester is told by e-mail in the language they asked in.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
