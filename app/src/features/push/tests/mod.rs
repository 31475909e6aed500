//! Push's service tests against a real receiver, on SQLite and PostgreSQL.
mod common;
mod deliveries_tests;
mod hardening_tests;
mod subscriptions_tests;
