//! The accounts' services.
pub mod auth;
pub mod bootstrap;
pub mod installations;
pub mod language;
pub mod members;
pub mod orgs;
pub mod profile;
