//! The Partner API keys' services.
pub mod keys;
