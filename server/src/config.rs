//! Configuration from the environment (and a `.env` file, loaded by `main`).
use app::glossary::Environment;
use std::net::SocketAddr;

/// Everything the server process needs to know at start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub database_url: String,
    pub site_addr: SocketAddr,
    /// Where `cargo leptos build` left the site (`target/site`).
    pub site_root: String,
    pub app: app::server::Config,
    pub smtp: Option<SmtpConfig>,
    /// Days push event payloads and delivery logs are kept (`PORTICO_PUSH_RETENTION_DAYS`).
    pub push_retention_days: i64,
}

/// Outgoing mail over SMTP (`PORTICO_SMTP_URL`, for example `smtps://user:pass@mail.example.com`).
#[derive(Clone)]
pub struct SmtpConfig {
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for SmtpConfig {
    // The URL may carry the SMTP password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl ServerConfig {
    /// Reads the configuration from the environment, or says which variable is wrong.
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let var = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let env = Environment::parse(&var("PORTICO_ENV").unwrap_or_else(|| "dev".into()))?;
        let site_addr: SocketAddr = var("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| format!("LEPTOS_SITE_ADDR is not an address like 127.0.0.1:3000: {e}"))?;
        let public_url = var("PORTICO_PUBLIC_URL").unwrap_or_else(|| format!("http://{site_addr}"));
        let public_url = public_url.trim_end_matches('/').to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err("PORTICO_PUBLIC_URL must start with http:// or https://".into());
        }
        let smtp = var("PORTICO_SMTP_URL").map(|url| SmtpConfig {
            url,
            from: var("PORTICO_MAIL_FROM").unwrap_or_else(|| "Portico <no-reply@localhost>".into()),
        });
        let wants_mailbox = var("PORTICO_DEV_MAILBOX").is_some_and(|v| v == "1" || v == "true");
        if env == Environment::Production && wants_mailbox {
            return Err(
                "PORTICO_DEV_MAILBOX cannot be enabled when PORTICO_ENV=production.".into(),
            );
        }
        let secret_key =
            match var("PORTICO_SECRET_KEY") {
                Some(k) if k.len() >= 32 => k,
                Some(_) => return Err("PORTICO_SECRET_KEY must be at least 32 characters.".into()),
                None if env == Environment::Production => return Err(
                    "PORTICO_SECRET_KEY is required in production (at least 32 random characters)."
                        .into(),
                ),
                // Outside production a fixed key keeps development and test databases usable.
                None => "portico development key, not for production use".into(),
            };
        let push_allow = app::server::net::address::AllowList::parse(
            &var("PORTICO_PUSH_ALLOW").unwrap_or_default(),
        )
        .map_err(|e| format!("PORTICO_PUSH_ALLOW: {e}"))?;
        let push_retention_days = match var("PORTICO_PUSH_RETENTION_DAYS") {
            None => 30,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or("PORTICO_PUSH_RETENTION_DAYS must be a number of days from 1 to 3650.")?,
        };
        let api_rate_limit =
            match var("PORTICO_API_RATE_LIMIT") {
                None => crate::api_v1::RATE_LIMIT_PER_SECOND,
                Some(v) => v.parse::<u32>().ok().filter(|n| *n > 0).ok_or(
                    "PORTICO_API_RATE_LIMIT must be a positive number of requests a second.",
                )?,
            };
        let trusted_proxies = app::server::net::address::AllowList::parse(
            &var("PORTICO_TRUSTED_PROXIES").unwrap_or_default(),
        )
        .map_err(|e| format!("PORTICO_TRUSTED_PROXIES: {e}"))?;
        // Outside production, mail that cannot be sent is shown in the dev mailbox.
        let dev_mailbox = env != Environment::Production && (wants_mailbox || smtp.is_none());
        Ok(Self {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/portico.db?mode=rwc".into()),
            site_addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            app: app::server::Config {
                secret_key: app::server::secrets::SecretKey::new(&secret_key),
                env,
                public_url,
                dev_mailbox,
                push_allow,
                api_rate_limit,
                trusted_proxies,
            },
            smtp,
            push_retention_days,
        })
    }
}
