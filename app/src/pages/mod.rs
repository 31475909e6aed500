//! One module per page (or group of pages).
pub mod dashboard;
pub mod errors;
pub mod home;
pub mod legacy;
pub mod notifications;
pub mod operator;
pub mod picker;
pub mod products;
pub mod push;
pub mod sign_in;
pub mod suppliers;
pub mod users;
