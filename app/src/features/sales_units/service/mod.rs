//! The sales units' services: which installations are a partner's sales units (the connection
//! rule), the list and its search, a sales unit's page and history.
pub mod connection;
pub mod detail;
pub mod list;
