//! The access feature's services: decisions from the database ([`decisions`]) or from memory
//! ([`cache`]), and legacy grants ([`legacy`]).
pub mod cache;
pub mod decisions;
pub mod legacy;
