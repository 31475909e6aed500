//! Accounts: passwordless sign-in, the organizations a user acts as, their members and
//! installations, and the operator's onboarding of partners and customers.
//! Owns `users`, `organizations`, `memberships`, `invitations`, `sign_in_tokens`, `sessions`
//! (the shared base reads and refreshes them per request), `installations` and
//! `service_tokens` (issued and checked by the shared base). Uses notifications (the bell's
//! counts).
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(test)]
mod tests;
