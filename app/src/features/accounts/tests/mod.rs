//! The accounts' service tests, on SQLite and PostgreSQL.
mod links_tests;
mod organizations_tests;
mod profile_tests;
mod sign_in_tests;
