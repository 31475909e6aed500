//! The products' service tests, on SQLite and PostgreSQL.
mod credentials_tests;
mod products_tests;
mod setup;
mod versions_tests;
