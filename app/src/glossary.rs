//! The glossary's closed sets of values (DESIGN.md): kinds, roles and states, as enums shared by
//! the database entities (with `ssr` they are sea-orm active enums stored as their snake_case
//! names) and the wire types. A stored value that is not one of these fails to load: bad data
//! refuses, it never falls back to a default (rule 13).
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a glossary enum: serde and the database both use the snake_case names below, which
/// `as_str` returns and `FromStr` parses; people see `label`, the message `<prefix>-<name>` in
/// their language (the REST API and the database keep the English names).
macro_rules! glossary_enum {
    ($(#[$meta:meta])* $name:ident $prefix:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] #[cfg_attr(feature = "ssr", sea_orm(string_value = $text))] $variant),+
        }

        impl $name {
            /// The stored and wire name.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// The message that names the value.
            pub fn label_key(self) -> &'static str {
                match self { $(Self::$variant => concat!($prefix, "-", $text)),+ }
            }
            /// The word people see, in `lang`.
            pub fn label(self, lang: crate::i18n::Lang) -> String {
                crate::i18n::text(lang, self.label_key())
            }
        }

        // The REST API's schema: a string of the stored names (written out here, since a derive
        // does not read the names through this macro's literals).
        #[cfg(feature = "ssr")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        #[cfg(feature = "ssr")]
        impl utoipa::ToSchema for $name {}

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($text => Ok(Self::$variant),)+ _ => Err(()) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

glossary_enum!(
    /// What an organization is to the platform.
    OrgKind "org-kind" { Partner = "partner", Customer = "customer", Operator = "operator" }
);

glossary_enum!(
    /// A member's role in an organization.
    Role "role" { Admin = "admin", Member = "member" }
);

glossary_enum!(
    /// Whether an organization, an installation or an activation is in use. Deactivated ones are
    /// kept, but out of every view and every access decision.
    ActiveStatus "active-status" { Active = "active", Deactivated = "deactivated" }
);

glossary_enum!(
    /// A product's kind.
    ProductKind "product-kind" { OrderIntegration = "order_integration", Rights = "rights" }
);

impl ProductKind {
    /// One sentence for the "New product" form.
    pub fn explanation(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::text(
            lang,
            match self {
                Self::OrderIntegration => "product-kind-order_integration-explained",
                Self::Rights => "product-kind-rights-explained",
            },
        )
    }
}

glossary_enum!(
    /// A product's life: a draft until its first version is activated, then active, until retired.
    ProductStatus "product-status" { Draft = "draft", Active = "active", Retired = "retired" }
);

glossary_enum!(
    /// A version's state: `draft` → `active` → `superseded`.
    VersionState "version-state" { Draft = "draft", Active = "active", Superseded = "superseded" }
);

glossary_enum!(
    /// Which installations may activate a product.
    AccessMode "access-mode" {
        /// Every installation.
        All = "all",
        /// Only the listed installations.
        Listed = "listed",
    }
);

glossary_enum!(
    /// Whether a push subscription receives deliveries.
    SubscriptionStatus "subscription-status" { Enabled = "enabled", Disabled = "disabled" }
);

glossary_enum!(
    /// Where a delivery is: waiting for (another) attempt, delivered, or given up.
    DeliveryStatus "delivery-status" { Pending = "pending", Succeeded = "succeeded", Failed = "failed" }
);

glossary_enum!(
    /// What happened to a sales unit, in its history (rule 10).
    HistoryKind "history-kind" {
        Activated = "activated",
        Upgraded = "upgraded",
        Deactivated = "deactivated",
        Renamed = "renamed",
        LogoChanged = "logo_changed",
        PricePackageChanged = "price_package_changed",
        /// The customer chose to keep its version when a newer one was offered.
        KeptVersion = "kept_version",
    }
);

glossary_enum!(
    /// The market a price package is sold in: the country of its customers' business
    /// identifiers.
    Market "market" { No = "NO", Dk = "DK", Fi = "FI" }
);

glossary_enum!(
    /// A currency commission is paid in (each has two decimals: amounts are stored as
    /// integer minor units, see [`crate::money`]).
    Currency "currency" { Nok = "NOK", Dkk = "DKK", Eur = "EUR", Sek = "SEK" }
);

glossary_enum!(
    /// Where a commission statement came from.
    StatementSource "statement-source" { Api = "api", Upload = "upload" }
);

glossary_enum!(
    /// What a partner API key may do: `read` keys may only GET.
    KeyAccess "key-access" { Read = "read", ReadWrite = "read_write" }
);

glossary_enum!(
    /// An order's state (an order integration product's order, DESIGN.md "Order"): `open` →
    /// `accepted` → `completed`, or `declined` (by the partner) or `cancelled` (by the customer
    /// or the platform). It only moves forward.
    OrderStatus "order-status" {
        Open = "open",
        Accepted = "accepted",
        Completed = "completed",
        Declined = "declined",
        Cancelled = "cancelled",
    }
);

impl OrderStatus {
    /// Whether the order still lets the product use its object-scoped functions on its object
    /// without counting a grace period (rule 12).
    pub fn is_live(self) -> bool {
        matches!(self, Self::Open | Self::Accepted)
    }
    /// Whether `next` may follow this status.
    pub fn may_become(self, next: Self) -> bool {
        use OrderStatus::*;
        matches!(
            (self, next),
            (Open, Accepted | Declined | Completed | Cancelled)
                | (Accepted, Completed | Declined | Cancelled)
        )
    }
}

glossary_enum!(
    /// Who changed an order: the platform (its service token), the partner (in the portal or
    /// with the product's credentials) or the customer.
    OrderParty "order-party" { Platform = "platform", Partner = "partner", Customer = "customer" }
);

glossary_enum!(
    /// How a product order started (DESIGN.md, "Product order").
    ProductOrderType "product-order-type" {
        /// The partner filled it in and sent the customer a link.
        Prefill = "PREFILL",
        /// A customer started it from a partner's product order template.
        Template = "TEMPLATE",
        /// A customer ordered on its own, naming the partner (through the product).
        Manual = "MANUAL",
    }
);

glossary_enum!(
    /// Where a product order is (rule 11): `RECEIVED` → `MERCHANT_VIEWED` → `ORDER_SUBMITTED` →
    /// `COMPLETED` or `REJECTED`; a prefill not submitted in time becomes `EXPIRED`. Only forward.
    ProductOrderStatus "product-order-status" {
        Received = "RECEIVED",
        MerchantViewed = "MERCHANT_VIEWED",
        OrderSubmitted = "ORDER_SUBMITTED",
        Completed = "COMPLETED",
        Rejected = "REJECTED",
        Expired = "EXPIRED",
    }
);

impl ProductOrderStatus {
    /// How far along the order is: a status may only be followed by a later one.
    pub fn rank(self) -> u8 {
        match self {
            Self::Received => 0,
            Self::MerchantViewed => 1,
            Self::OrderSubmitted => 2,
            Self::Completed | Self::Rejected | Self::Expired => 3,
        }
    }
    /// Whether the customer may still look at it and submit it.
    pub fn is_open(self) -> bool {
        self.rank() < 2
    }
    /// Whether `next` may follow this status: viewed after received, submitted while open,
    /// decided once submitted, expired while open.
    pub fn may_become(self, next: Self) -> bool {
        match next {
            Self::Received => false,
            Self::MerchantViewed => self == Self::Received,
            Self::OrderSubmitted | Self::Expired => self.is_open(),
            Self::Completed | Self::Rejected => self == Self::OrderSubmitted,
        }
    }
}

glossary_enum!(
    /// Whether a product order template still starts orders.
    TemplateStatus "template-status" { Active = "active", Retired = "retired" }
);

glossary_enum!(
    /// What an access request ("Ny tilgang") asks for.
    AccessRequestKind "access-request-kind" {
        /// A company asks to become a partner.
        Partner = "partner",
        /// A person asks to join an organization that exists.
        Join = "join",
    }
);

glossary_enum!(
    /// Where an access request is: waiting for its e-mailed link, then in the operator's queue,
    /// then decided.
    AccessRequestStatus "access-request-status" {
        Unconfirmed = "unconfirmed",
        New = "new",
        Approved = "approved",
        Declined = "declined",
    }
);

glossary_enum!(
    /// A language Portico speaks (see [`crate::i18n`]).
    Lang "lang" { En = "en", Nb = "nb" }
);

glossary_enum!(
    /// The deployment environment (`PORTICO_ENV`).
    Environment "environment" { Production = "production", Test = "test", Dev = "dev" }
);

impl Environment {
    /// Parses `PORTICO_ENV`, saying what is allowed.
    pub fn parse(s: &str) -> Result<Self, String> {
        s.parse()
            .map_err(|_| format!("PORTICO_ENV must be production, test or dev, not {s:?}"))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for k in ProductKind::ALL {
            assert_eq!(k.as_str().parse::<ProductKind>(), Ok(*k));
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!("Admin".parse::<Role>(), Err(()));
        assert!(serde_json::from_str::<DeliveryStatus>("\"lost\"").is_err());
        // Every value has its word in both languages.
        for &lang in Lang::ALL {
            let mut keys: Vec<&str> = Vec::new();
            keys.extend(OrgKind::ALL.iter().map(|v| v.label_key()));
            keys.extend(Role::ALL.iter().map(|v| v.label_key()));
            keys.extend(ActiveStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(ProductKind::ALL.iter().map(|v| v.label_key()));
            keys.extend(ProductStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(VersionState::ALL.iter().map(|v| v.label_key()));
            keys.extend(AccessMode::ALL.iter().map(|v| v.label_key()));
            keys.extend(SubscriptionStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(DeliveryStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(Lang::ALL.iter().map(|v| v.label_key()));
            keys.extend(Market::ALL.iter().map(|v| v.label_key()));
            keys.extend(Currency::ALL.iter().map(|v| v.label_key()));
            keys.extend(StatementSource::ALL.iter().map(|v| v.label_key()));
            keys.extend(KeyAccess::ALL.iter().map(|v| v.label_key()));
            keys.extend(OrderStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(OrderParty::ALL.iter().map(|v| v.label_key()));
            keys.extend(ProductOrderType::ALL.iter().map(|v| v.label_key()));
            keys.extend(ProductOrderStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(TemplateStatus::ALL.iter().map(|v| v.label_key()));
            keys.extend(Environment::ALL.iter().map(|v| v.label_key()));
            keys.extend(AccessRequestKind::ALL.iter().map(|v| v.label_key()));
            keys.extend(AccessRequestStatus::ALL.iter().map(|v| v.label_key()));
            for key in keys {
                assert_ne!(crate::i18n::text(lang, key), key, "{key} in {lang}");
            }
        }
        assert!(Environment::parse("staging")
            .unwrap_err()
            .contains("staging"));
    }
}
