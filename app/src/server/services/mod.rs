//! Domain services. Each is a plain async fn taking a connection, the acting user and typed
//! input, and returning typed output or an [`AppError`](crate::error::AppError).
pub mod access;
pub mod access_cache;
pub mod audit;
pub mod auth;
pub mod bootstrap;
pub mod catalog;
pub mod credentials;
pub mod deliveries;
pub mod delivery_log;
pub mod legacy;
pub mod mail;
pub mod members;
pub mod notifications;
pub mod orgs;
pub mod products;
pub mod rate_limit;
pub mod subscriptions;
pub mod suppliers;
pub mod validate;
pub mod versions;

/// Who makes a change: a signed-in user, or a command-line tool. Used for authorization and
/// written to the audit log with the client address.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i32>,
    /// The user's e-mail, or `cli`.
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    /// A signed-in user.
    pub fn user(user_id: i32, email: &str, ip: Option<String>) -> Self {
        Self {
            user_id: Some(user_id),
            label: email.to_owned(),
            ip,
        }
    }
    /// Portico itself (the push worker disabling a failing subscription).
    pub fn system() -> Self {
        Self {
            user_id: None,
            label: "portico".into(),
            ip: None,
        }
    }
    /// The operator's command-line tools (`server seed-demo`, `create-operator`, ...).
    pub fn cli() -> Self {
        Self {
            user_id: None,
            label: "cli".into(),
            ip: None,
        }
    }
}

/// Now, truncated to whole microseconds so values read back from either database compare equal.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    let n = chrono::Utc::now();
    chrono::DateTime::from_timestamp_micros(n.timestamp_micros()).unwrap_or(n)
}

#[cfg(test)]
mod access_tests;
#[cfg(test)]
mod product_tests;
#[cfg(test)]
mod push_tests;
#[cfg(test)]
mod supplier_tests;
#[cfg(test)]
mod tests;
