//! Small coloured labels: a kind or role, and the state of something ([`StatusBadge`]).
use crate::glossary::{
    ActiveStatus, DeliveryStatus, OrderStatus, OrgKind, ProductOrderStatus, ProductStatus, Role,
    SubscriptionStatus, TemplateStatus, VersionState,
};
use crate::i18n::{lang, Lang};
use leptos::prelude::*;

/// A small coloured label, such as an organization kind or a role.
#[component]
pub fn Badge(#[prop(into)] text: String, #[prop(into, optional)] tone: String) -> impl IntoView {
    view! { <span class=format!("badge {tone}")>{text}</span> }
}

/// A state that has a badge: its text and its colour.
pub trait BadgeStatus {
    /// The word on the badge, in `lang`.
    fn badge_text(&self, lang: Lang) -> String;
    /// The CSS tone: `customer` (green), `sandbox` (amber) or empty (grey).
    fn badge_tone(&self) -> &'static str;
}

/// The badge of a state (a product's status, a version's state, ...).
#[component]
pub fn StatusBadge<S: BadgeStatus + 'static>(status: S) -> impl IntoView {
    view! { <Badge text=status.badge_text(lang()) tone=status.badge_tone()/> }
}

impl BadgeStatus for ProductStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Active => "customer",
            Self::Retired => "",
            Self::Draft => "sandbox",
        }
    }
}

impl BadgeStatus for VersionState {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Active => "customer",
            Self::Superseded => "",
            Self::Draft => "sandbox",
        }
    }
}

impl BadgeStatus for ActiveStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Active => "customer",
            Self::Deactivated => "",
        }
    }
}

impl BadgeStatus for OrderStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Open => "sandbox",
            Self::Accepted | Self::Completed => "customer",
            Self::Declined | Self::Cancelled => "",
        }
    }
}

impl BadgeStatus for ProductOrderStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Received | Self::MerchantViewed => "partner",
            Self::OrderSubmitted => "sandbox",
            Self::Completed => "customer",
            Self::Rejected | Self::Expired => "",
        }
    }
}

impl BadgeStatus for TemplateStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Active => "customer",
            Self::Retired => "",
        }
    }
}

impl BadgeStatus for SubscriptionStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Enabled => "customer",
            Self::Disabled => "operator",
        }
    }
}

impl BadgeStatus for DeliveryStatus {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            Self::Succeeded => "customer",
            Self::Pending => "sandbox",
            Self::Failed => "danger",
        }
    }
}

impl BadgeStatus for OrgKind {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        self.as_str()
    }
}

impl BadgeStatus for Role {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        self.as_str()
    }
}
