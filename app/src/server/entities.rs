//! sea-orm entities, one module per table. Relations are expressed as explicit queries in the
//! services, so the entities stay plain.
#![allow(missing_docs)]

macro_rules! plain_entity {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod user {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
        pub name: String,
        pub created_at: DateTimeUtc,
        pub last_sign_in_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod organization {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "organizations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub kind: String,
        pub name: String,
        pub business_id_scheme: Option<String>,
        pub business_id: Option<String>,
        pub status: String,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod membership {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "memberships")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub organization_id: i32,
        pub role: String,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod invitation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub organization_id: i32,
        pub user_id: i32,
        pub role: String,
        pub invited_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub accepted_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod sign_in_token {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sign_in_tokens")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub token_hash: String,
        /// `sign_in` or `invitation`.
        pub purpose: String,
        /// For an invitation: the organization the user was invited to.
        pub organization_id: Option<i32>,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod session {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub ip: Option<String>,
        pub user_agent: Option<String>,
    }
    plain_entity!();
}

pub mod installation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "installations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub installation_id: String,
        pub name: String,
        pub customer_id: i32,
        pub status: String,
        pub is_sandbox: bool,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod audit_entry {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor_user_id: Option<i32>,
        /// The actor's e-mail, or `cli` / `system`.
        pub actor: String,
        /// The organization the actor was acting as.
        pub organization_id: Option<i32>,
        pub action: String,
        pub target: String,
        pub details: String,
        pub ip: Option<String>,
    }
    plain_entity!();
}

pub mod outbound_mail {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbound_mail")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub to_address: String,
        pub subject: String,
        pub text_body: String,
        pub created_at: DateTimeUtc,
        pub sent_at: Option<DateTimeUtc>,
        pub attempts: i32,
        pub last_error: Option<String>,
    }
    plain_entity!();
}

pub mod service_token {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "service_tokens")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod rate_limit_event {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rate_limit_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub key: String,
        pub at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod api_function {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "api_functions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub key: String,
        pub name: String,
        pub area: String,
        pub description: String,
        pub http_method: String,
        pub path: String,
        /// JSON array of event types; `[]` when the function does not support push.
        pub push_event_types: String,
        /// JSON array of [`crate::dto::FilterDimension`].
        pub filter_dimensions: String,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod product {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "products")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub partner_id: i32,
        pub name: String,
        /// `order_integration` or `rights`.
        pub kind: String,
        pub description: String,
        pub support_email: Option<String>,
        pub support_url: Option<String>,
        /// `draft`, `active` or `retired`.
        pub status: String,
        /// `all` installations, or only the `listed` ones in `product_access`.
        pub access_mode: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod product_access {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "product_access")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        /// The installation's row ID (not its `installation_id` text).
        pub installation_id: i32,
    }
    plain_entity!();
}

pub mod product_version {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "product_versions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        pub number: i32,
        /// `draft`, `active` or `superseded`.
        pub state: String,
        /// The partner's note to customers about this version.
        pub note: Option<String>,
        pub created_at: DateTimeUtc,
        pub activated_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod version_grant {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "version_grants")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub version_id: i32,
        pub function_id: i32,
        /// JSON object: dimension key -> chosen values; an absent dimension is unrestricted.
        pub filters: String,
    }
    plain_entity!();
}

pub mod activation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "activations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The installation's row ID.
        pub installation_id: i32,
        pub product_id: i32,
        pub version_id: i32,
        /// `active` or `deactivated`.
        pub status: String,
        pub activated_by: Option<i32>,
        pub activated_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod upgrade_notification {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "upgrade_notifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        pub version_id: i32,
        pub installation_id: i32,
        pub created_at: DateTimeUtc,
        pub processed_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod product_logo {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "product_logos")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        /// `image/png` or `image/svg+xml`.
        pub content_type: String,
        pub data: Vec<u8>,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod notification {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        /// The organization the notification is about (where its link leads).
        pub organization_id: i32,
        /// What the notification is for, such as `upgrade:17:4`; unique, so nobody gets it twice.
        pub dedupe_key: String,
        pub title: String,
        pub body: String,
        pub link: String,
        pub created_at: DateTimeUtc,
        pub read_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod product_credential {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "product_credentials")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        /// The public half of the product's credentials (the Basic auth user name).
        pub client_id: String,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod access_key {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub product_id: i32,
        /// "Access key 1" or "Access key 2".
        pub slot: i32,
        /// Keyed hash of the secret (see `SecretKey::hash`); the secret itself is never stored.
        pub secret_hash: String,
        pub created_at: DateTimeUtc,
        pub last_used_at: Option<DateTimeUtc>,
        pub revoked_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod legacy_grant {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "legacy_grants")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The partner organization the right was given to.
        pub partner_id: i32,
        /// The installation's row ID.
        pub installation_id: i32,
        pub function_id: i32,
        /// JSON object like a version grant's filters.
        pub filters: String,
        /// Where the grant came from (e.g. the old agreement's reference).
        pub note: String,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod access_epoch {
    use sea_orm::entity::prelude::*;
    /// A single row (id 1) whose `epoch` the database bumps on every change that can alter an
    /// access decision (see migration `m20261122_000006_access_epoch`).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_epoch")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub epoch: i64,
    }
    plain_entity!();
}

pub mod push_subscription {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "push_subscriptions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// `sub_...`, shown to the partner.
        pub public_id: String,
        pub product_id: i32,
        pub url: String,
        /// JSON array of event types.
        pub event_types: String,
        pub description: String,
        /// `enabled` or `disabled`.
        pub status: String,
        pub disabled_reason: Option<String>,
        /// The signing secret (`whsec_...`), sealed under `PORTICO_SECRET_KEY`
        /// ([`SecretKey::seal`](crate::server::secrets::SecretKey::seal)); the server opens it
        /// to sign every delivery.
        pub secret: String,
        /// Whether the partner has been shown the current secret (it is shown once).
        pub secret_revealed: bool,
        /// After a rotation, the old secret (sealed) keeps signing until `previous_secret_until`.
        pub previous_secret: Option<String>,
        pub previous_secret_until: Option<DateTimeUtc>,
        /// Since when every delivery has failed; cleared by any success.
        pub failing_since: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod push_event {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "push_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// `evt_...`, returned by `POST /api/v1/events`.
        pub public_id: String,
        /// The installation's row ID (`None` for test events).
        pub installation_id: Option<i32>,
        pub event_type: String,
        /// The exact JSON body sent, `{"type", "timestamp", "data"}`; `None` once purged.
        pub body: Option<String>,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod push_delivery {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "push_deliveries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// `msg_...`: the `webhook-id`, the same on every attempt so receivers can deduplicate.
        pub public_id: String,
        pub event_id: i32,
        pub subscription_id: i32,
        /// `pending`, `succeeded` or `failed`.
        pub status: String,
        pub attempts: i32,
        pub next_attempt_at: Option<DateTimeUtc>,
        /// A worker holds the delivery until then; an expired lease is claimed again.
        pub lease_until: Option<DateTimeUtc>,
        pub last_status_code: Option<i32>,
        pub created_at: DateTimeUtc,
        pub first_attempt_at: Option<DateTimeUtc>,
        pub completed_at: Option<DateTimeUtc>,
    }
    plain_entity!();
}

pub mod push_attempt {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "push_attempts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub delivery_id: i32,
        pub attempted_at: DateTimeUtc,
        pub status_code: Option<i32>,
        pub duration_ms: i32,
        pub response_start: String,
        pub error: Option<String>,
    }
    plain_entity!();
}
