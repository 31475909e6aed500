//! Push: partners' subscriptions to events of push-capable functions their products require,
//! verified receivers, and the outbox of deliveries the push worker sends (Standard Webhooks),
//! with the delivery log.
//! Owns `push_subscriptions`, `push_events`, `push_deliveries` and `push_attempts`. Uses
//! products, activations and notifications.
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
