//! The sales units' services: which installations are a partner's sales units (the connection
//! rule), the list and its search, a sales unit's page and history.
pub mod connection;
pub mod customer;
pub mod detail;
pub mod edit;
pub mod figures;
pub mod list;
pub mod picture;
pub mod search;
