//! The notifications' wire types.
use serde::{Deserialize, Serialize};

/// A notification in the bell's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationDto {
    pub id: i32,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: crate::i18n::LocalTime,
    pub read: bool,
}
