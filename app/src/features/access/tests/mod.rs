//! The access feature's service tests, on SQLite and PostgreSQL.
mod common;
mod decisions_tests;
mod legacy_tests;
mod orders_tests;
