//! Push's services: subscriptions ([`subscriptions`], [`manage`]), the outbox ([`publish`]),
//! the worker's claims and attempts ([`claims`], [`attempts`], [`schedule`]) and the delivery
//! log ([`delivery_log`]).
pub mod attempts;
pub mod claims;
pub mod delivery_log;
pub mod manage;
pub mod publish;
pub mod schedule;
pub mod subscriptions;
