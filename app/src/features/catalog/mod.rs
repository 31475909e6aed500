//! The operator's API function catalog: the functions products can require, imported from a
//! catalog file (all or nothing) and read by the picker, the panels and the access decisions.
//! Owns `api_functions`. Uses only the shared base.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
