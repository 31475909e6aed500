//! The customer side's service tests, on SQLite and PostgreSQL.
mod activation_tests;
mod cards_tests;
mod common;
mod concurrency_tests;
mod partner_notice_tests;
