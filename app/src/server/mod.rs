//! The server-only shared base (compiled only with `ssr`): configuration and state, the
//! database, entities, the request context, the scope checks every service starts with, audit,
//! mail, validation, time, secrets and outbound HTTP. Features build on it; it uses no feature
//! (the test fixture, [`testing`], excepted).
pub mod api_keys;
pub mod assets;
pub mod audit;
pub mod clock;
pub mod db;
pub mod entities;
pub mod history;
pub mod locale;
pub mod lookups;
pub mod mail;
pub mod names;
pub mod net;
pub mod paging;
pub mod rate_limit;
pub mod request;
pub mod scope;
pub mod secrets;
pub mod service_tokens;
pub mod session;
pub mod testing;
pub mod validate;

use crate::glossary::Environment;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Runtime configuration the services need (the server binary reads it from the environment).
#[derive(Debug, Clone)]
pub struct Config {
    pub env: Environment,
    /// Base URL used in links sent by e-mail, without a trailing slash.
    pub public_url: String,
    /// Whether outgoing mail is kept for `/dev/mailbox`. Never true in production.
    pub dev_mailbox: bool,
    /// The key of the keyed hash that product secrets are stored as (`PORTICO_SECRET_KEY`).
    pub secret_key: secrets::SecretKey,
    /// Hosts and networks push deliveries may reach despite the address rules
    /// (`PORTICO_PUSH_ALLOW`).
    pub push_allow: net::address::AllowList,
    /// `/api/v1` requests allowed per credential and second before `429`
    /// (`PORTICO_API_RATE_LIMIT`).
    pub api_rate_limit: u32,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`PORTICO_TRUSTED_PROXIES`).
    pub trusted_proxies: net::address::AllowList,
    /// "Sign in" requests allowed per address, and per client, in 15 minutes
    /// (`PORTICO_SIGN_IN_LIMIT_PER_ADDRESS`, `PORTICO_SIGN_IN_LIMIT_PER_CLIENT`).
    pub sign_in_limits: SignInLimits,
    /// How long a session lives at most, however often it is used
    /// (`PORTICO_SESSION_MAX_AGE_DAYS`).
    pub session_max_age: chrono::Duration,
    /// The language of visitors who chose none and whose browser asks for none of ours
    /// (`PORTICO_DEFAULT_LOCALE`).
    pub default_lang: crate::i18n::Lang,
    /// The wall clock that pages show times on (`PORTICO_TIME_ZONE`).
    pub time_zone: chrono_tz::Tz,
    /// How long after an order completed its product may still act on its object
    /// (`PORTICO_ORDER_GRACE_DAYS`, rule 12).
    pub order_grace: chrono::Duration,
}

/// How many "Sign in" requests are allowed in [`SignInLimits::WINDOW`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLimits {
    pub per_address: u64,
    pub per_client: u64,
}

impl SignInLimits {
    /// The window the limits count in.
    pub const WINDOW: chrono::Duration = chrono::Duration::minutes(15);
}

impl Default for SignInLimits {
    fn default() -> Self {
        Self {
            per_address: 5,
            per_client: 100,
        }
    }
}

impl Config {
    /// Whether cookies must carry `Secure` and the `__Host-` prefix.
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
    /// The label of the environment badge in the header, `None` in production.
    pub fn env_badge(&self) -> Option<String> {
        match self.env {
            Environment::Production => None,
            Environment::Test => Some("TEST".into()),
            Environment::Dev => Some("DEV".into()),
        }
    }
}

/// What every request handler and server function can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    /// The HTTP client of push deliveries (address rules built in).
    pub push_client: net::sender::PushClient,
    /// Wakes this instance's push worker when deliveries were queued.
    pub push_wake: Arc<tokio::sync::Notify>,
    /// Wakes this instance's mail and sign-in jobs when work was queued.
    pub mail_wake: Arc<tokio::sync::Notify>,
    /// The in-memory dev mailbox, when mail goes there (never in production).
    pub dev_mailbox: Option<Arc<mail::DevMailbox>>,
}

impl AppState {
    /// The state of one server instance.
    pub fn new(db: DatabaseConnection, config: Config) -> Self {
        let push_client = net::sender::client(Arc::new(config.push_allow.clone()));
        clock::set_time_zone(config.time_zone);
        let dev_mailbox = config.dev_mailbox.then(Arc::default);
        Self {
            db,
            config: Arc::new(config),
            push_client,
            push_wake: Arc::default(),
            mail_wake: Arc::default(),
            dev_mailbox,
        }
    }
}
