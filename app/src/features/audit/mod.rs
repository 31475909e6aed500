//! The audit log's reader: the operator's admins see every entry; an organization's admins see
//! what was done as it or to it (by the operator's staff too). Filtered, newest first in cursor
//! pages, and exported as CSV in chunks. The log itself is written by every feature through the
//! shared base ([`crate::server::audit`]); this feature only reads it.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
