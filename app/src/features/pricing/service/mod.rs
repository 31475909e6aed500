//! Pricing's services: price packages and their offers ([`packages`]), each sales unit's
//! package ([`assign`]), and commission statements in ([`commission`], [`commission_csv`])
//! and out ([`commission_read`]).
pub mod assign;
pub mod commission;
pub mod commission_csv;
pub mod commission_read;
pub mod packages;
