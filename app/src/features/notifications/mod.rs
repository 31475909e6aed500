//! Notifications: the bell's in-app list and the e-mails that go with each notification.
//! Owns `notifications`. Uses only the shared base; other features call
//! [`service::notify_admins`].
pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
