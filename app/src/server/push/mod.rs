//! Push delivery mechanics that do not touch the database: Standard Webhooks signatures, the
//! receiver address rules (SSRF), the retry schedule and the HTTP sender.
pub mod address;
pub mod schedule;
pub mod sender;
pub mod signing;
