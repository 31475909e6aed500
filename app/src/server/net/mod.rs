//! Outbound HTTP to partners' receivers, without the database: the address rules (SSRF), the
//! Standard Webhooks signatures and the sender that applies both.
pub mod address;
pub mod sender;
pub mod signing;
