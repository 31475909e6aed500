//! Background work of each server instance. The work itself lives in database tables, so a
//! restart loses nothing: the push deliveries ([`push`]), outgoing mail ([`mail`]) and the
//! upgrade-notification queue ([`notifications`]) and the expiry of product orders'
//! links ([`product_orders`]).
pub mod mail;
pub mod notifications;
pub mod product_orders;
pub mod push;
