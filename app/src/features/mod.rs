//! Portico by feature: one folder per bounded context, each with its wire types (`dto.rs`), its
//! server functions (`api.rs`), its pages and route group (`pages/`), its services (`service/`,
//! `ssr` only) and their tests (`tests/`).
//!
//! | Feature | Owns (writes) these tables | May use |
//! |---|---|---|
//! | [`catalog`] | `api_functions` | — |
//! | [`notifications`] | `notifications` | — |
//! | [`products`] | `products`, `product_access`, `product_logos`, `product_versions`, `version_grants`, `product_credentials`, `access_keys`, `upgrade_notifications` | catalog, notifications |
//! | [`accounts`] | `users`, `organizations`, `memberships`, `invitations`, `sign_in_tokens`, `sessions`, `installations`, `service_tokens`, `sign_in_requests` | notifications |
//! | [`activations`] | `activations` | products, catalog, notifications, accounts |
//! | [`access`] | `legacy_grants`, `access_epoch` (bumped by database triggers) | products, catalog, activations, accounts, orders |
//! | [`push`] | `push_subscriptions`, `push_events`, `push_deliveries`, `push_attempts`, `push_workers` | products, activations, notifications, catalog |
//! | [`pricing`] | `price_packages`, `price_package_offers`, `installation_price_packages` | — |
//! | [`partner_api`] | `partner_api_keys` | — |
//! | [`sales_units`] | `installation_logos` (names through accounts) | products, activations, accounts, notifications, pricing |
//! | [`orders`] | `orders`, `order_updates` | products, push |
//! | [`audit`] | — (reads `audit_log`, which every feature writes through the shared base) | — |
//! | [`onboarding`] | `access_requests` | accounts, notifications |
//! | [`product_orders`] | `product_orders`, `product_order_steps`, `product_order_logos`, `product_order_templates`, `settings` | products, activations, accounts, notifications, pricing, sales_units, push |
//!
//! A feature writes only its own tables; it may read any table through the shared entities, and
//! it calls another feature's services only when that feature is in its "may use" column. The
//! direction is one way: nothing a feature uses may use it back (see [`DEPENDENCIES`], checked
//! by a test). A sales unit's history (`sales_unit_history`) belongs to the shared base, like the
//! audit log: each feature that changes a sales unit records it there ([`crate::server::history`]).
//! Everything may use the shared base: [`crate::server`] (ssr), [`crate::components`],
//! [`crate::i18n`], [`crate::glossary`], [`crate::business_id`], [`crate::money`], [`crate::paths`] and
//! [`crate::error`]; the base uses
//! no feature. The
//! application ([`crate::app`]) sits above all of them: it wires their route groups together and
//! fills the sections a page leaves to other features (the product page's push subscriptions,
//! the operator's legacy grants on a partner's page).
//!
//! A new feature gets its own folder here, a row above and in [`DEPENDENCIES`], and its route
//! group in `app.rs`.
pub mod access;
pub mod accounts;
pub mod activations;
pub mod audit;
pub mod catalog;
pub mod notifications;
pub mod onboarding;
pub mod orders;
pub mod partner_api;
pub mod pricing;
pub mod product_orders;
pub mod products;
pub mod push;
pub mod sales_units;

/// Which other features each feature may use; the table above, as the dependency test reads it.
pub const DEPENDENCIES: &[(&str, &[&str])] = &[
    ("catalog", &[]),
    ("notifications", &[]),
    ("products", &["catalog", "notifications"]),
    ("accounts", &["notifications"]),
    (
        "activations",
        &["products", "catalog", "notifications", "accounts"],
    ),
    (
        "access",
        &["products", "catalog", "activations", "accounts", "orders"],
    ),
    (
        "push",
        &["products", "activations", "notifications", "catalog"],
    ),
    ("pricing", &[]),
    ("audit", &[]),
    ("onboarding", &["accounts", "notifications"]),
    ("partner_api", &[]),
    (
        "sales_units",
        &[
            "products",
            "activations",
            "accounts",
            "notifications",
            "pricing",
        ],
    ),
    ("orders", &["products", "push"]),
    (
        "product_orders",
        &[
            "products",
            "activations",
            "accounts",
            "notifications",
            "pricing",
            "sales_units",
            "push",
        ],
    ),
];

#[cfg(test)]
mod dependency_tests;
