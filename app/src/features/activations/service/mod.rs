//! The customer side's services.
pub mod activation;
pub mod cards;
pub mod diff;
pub mod partner_notice;
