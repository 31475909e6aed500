//! The server-only shared base (compiled only with `ssr`): configuration and state, the
//! database, entities, the request context, the scope checks every service starts with, audit,
//! mail, validation, time, secrets and outbound HTTP. Features build on it; it uses no feature
//! (the test fixture, [`testing`], excepted).
pub mod audit;
pub mod clock;
pub mod db;
pub mod entities;
pub mod mail;
pub mod net;
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
    pub push_client: reqwest::Client,
    /// Wakes this instance's push worker when deliveries were queued.
    pub push_wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// The state of one server instance.
    pub fn new(db: DatabaseConnection, config: Config) -> Self {
        let push_client = net::sender::client(Arc::new(config.push_allow.clone()));
        Self {
            db,
            config: Arc::new(config),
            push_client,
            push_wake: Arc::default(),
        }
    }
}
