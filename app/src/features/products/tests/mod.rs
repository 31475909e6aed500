//! The products' service tests, on SQLite and PostgreSQL.
mod concurrency_tests;
mod credentials_tests;
mod products_tests;
mod sandbox_tests;
mod setup;
mod versions_tests;
