//! Push's wire types.
pub use crate::glossary::DeliveryStatus;
use serde::{Deserialize, Serialize};

/// A push-capable function a product requires, with its event types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushFunctionDto {
    pub function: String,
    pub name: String,
    pub event_types: Vec<String>,
}

/// What the "Create subscription" form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionFormData {
    pub product_id: i32,
    pub product_name: String,
    pub functions: Vec<PushFunctionDto>,
    /// Receivers must use https (production).
    pub https_only: bool,
    pub can_manage: bool,
}

/// A push subscription as the partner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDto {
    /// `sub_...`.
    pub id: String,
    pub product_id: i32,
    pub product_name: String,
    pub url: String,
    pub event_types: Vec<String>,
    pub description: String,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub created_at: crate::i18n::LocalTime,
    /// Since when every delivery has failed.
    pub failing_since: Option<crate::i18n::LocalTime>,
    /// Until when the previous secret still signs, after a rotation.
    pub previous_secret_until: Option<crate::i18n::LocalTime>,
}

/// One attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptDto {
    pub at: crate::i18n::LocalTime,
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    pub response_start: String,
    pub error: Option<String>,
}

/// One event sent to one subscription, with its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryDto {
    /// `msg_...` (the `webhook-id` header).
    pub id: String,
    /// `evt_...`.
    pub event_id: String,
    pub event_type: String,
    pub status: DeliveryStatus,
    pub created_at: crate::i18n::LocalTime,
    pub next_attempt_at: Option<crate::i18n::LocalTime>,
    pub attempts: Vec<AttemptDto>,
}

/// The subscription page: the subscription, its secret if not yet shown, and its delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDetail {
    pub subscription: SubscriptionDto,
    /// The signing secret, shown to admins after it was created or rotated until one confirms
    /// it is saved (at most 15 minutes).
    pub secret_once: Option<String>,
    pub form: SubscriptionFormData,
    pub log: DeliveryLog,
}

/// One page of a subscription's delivery log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryLog {
    pub deliveries: Vec<DeliveryDto>,
    /// The status filter (`all`, `pending`, `succeeded`, `failed`).
    pub status: String,
    /// The event or delivery ID searched for; empty for all.
    pub search: String,
    /// The delivery ID to page to newer deliveries from (`after=`), if there are any.
    pub newer: Option<String>,
    /// The delivery ID to page to older deliveries from (`before=`), if there are any.
    pub older: Option<String>,
}

/// Why a subscription was disabled, in `lang`: the stored reason is a code (`gone`,
/// `failing`, `partner`); older rows hold an English sentence, shown as it is.
pub fn disabled_reason(lang: crate::i18n::Lang, stored: &str) -> String {
    match stored {
        "gone" => crate::t!(lang, "push-disabled-gone"),
        "failing" => crate::t!(lang, "push-disabled-failing"),
        "partner" => crate::t!(lang, "push-disabled-partner"),
        other => other.to_owned(),
    }
}
