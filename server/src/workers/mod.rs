//! Background work of each server instance. The work itself lives in database tables, so a
//! restart loses nothing: the push deliveries ([`push`]), outgoing mail ([`mail`]) and the
//! upgrade-notification queue ([`notifications`]).
pub mod mail;
pub mod notifications;
pub mod push;
