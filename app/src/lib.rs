//! Portico's user interface, server functions and shared types, grouped by feature
//! ([`features`]). With `ssr` it also holds the entities and domain services (the shared base
//! in [`server`], the services in each feature); with `hydrate` it runs in the browser.
#![recursion_limit = "256"]

pub mod app;
pub mod business_id;
pub mod components;
pub mod error;
pub mod features;
pub mod glossary;
pub mod i18n;
pub mod money;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod server;

pub use app::{shell, App};
