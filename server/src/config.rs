//! Configuration from the environment (and a `.env` file, loaded by `main`) or the command line:
//! every setting is a `server` option with its environment variable and default, so
//! `server --help` lists them all. The checks that span several settings follow in
//! [`ServerConfig::from_args`].
use app::glossary::Environment;
use app::server::net::address::AllowList;
use app::server::SignInLimits;
use clap::Parser;
use std::net::SocketAddr;

/// The settings, as `server` options and environment variables.
#[derive(clap::Args, Debug, Clone)]
pub struct ConfigArgs {
    /// The database: a SQLite file (created with its folder) or postgres://user:pass@host/db.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/portico.db?mode=rwc",
        global = true,
        hide_env_values = true
    )]
    pub database_url: String,
    /// The address to listen on.
    #[arg(
        long,
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub site_addr: String,
    /// Where the built site (WASM, JS, CSS) is.
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: String,
    /// production, test or dev; outside production the header shows a badge.
    #[arg(
        long = "portico-env",
        env = "PORTICO_ENV",
        default_value = "dev",
        global = true
    )]
    pub env: String,
    /// The base URL of links in e-mail [default: http://LEPTOS_SITE_ADDR]; https:// makes the
    /// session cookie Secure and __Host- prefixed.
    #[arg(long, env = "PORTICO_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Outgoing mail, such as smtps://user:password@mail.example.com.
    #[arg(long, env = "PORTICO_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of all mail.
    #[arg(
        long,
        env = "PORTICO_MAIL_FROM",
        default_value = "Portico <no-reply@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// At least 32 random characters (required in production): the key of stored access keys'
    /// hashes, of sealed secrets and of signed page messages.
    #[arg(
        long,
        env = "PORTICO_SECRET_KEY",
        global = true,
        hide_env_values = true
    )]
    pub secret_key: Option<String>,
    /// /api/v1 requests per second per credential before 429 (per server instance).
    #[arg(long, env = "PORTICO_API_RATE_LIMIT", default_value_t = crate::api_v1::RATE_LIMIT_PER_SECOND, global = true)]
    pub api_rate_limit: u32,
    /// Failed /api/v1 authentications per minute per client address before 429.
    #[arg(long, env = "PORTICO_API_FAILURE_LIMIT", default_value_t = crate::api_v1::FAILURES_PER_MINUTE, global = true)]
    pub api_failure_limit: u32,
    /// Your reverse proxies' addresses or networks, whose X-Forwarded-For gives the client
    /// address, such as 10.0.0.0/8.
    #[arg(long, env = "PORTICO_TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// Hosts and networks push deliveries may reach despite the address rules.
    #[arg(long, env = "PORTICO_PUSH_ALLOW", global = true)]
    pub push_allow: Option<String>,
    /// Days push events and their delivery logs are kept (1 to 3650).
    #[arg(
        long,
        env = "PORTICO_PUSH_RETENTION_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub push_retention_days: i64,
    /// Days sent mail is kept (1 to 3650).
    #[arg(
        long,
        env = "PORTICO_MAIL_RETENTION_DAYS",
        default_value_t = 7,
        global = true
    )]
    pub mail_retention_days: i64,
    /// 1 keeps mail viewable at /dev/mailbox (always on outside production without SMTP;
    /// refused in production).
    #[arg(long, env = "PORTICO_DEV_MAILBOX", global = true)]
    pub dev_mailbox: Option<String>,
    /// "Sign in" requests per e-mail address in 15 minutes.
    #[arg(
        long,
        env = "PORTICO_SIGN_IN_LIMIT_PER_ADDRESS",
        default_value_t = 5,
        global = true
    )]
    pub sign_in_limit_per_address: u64,
    /// "Sign in" requests per client address in 15 minutes.
    #[arg(
        long,
        env = "PORTICO_SIGN_IN_LIMIT_PER_CLIENT",
        default_value_t = 100,
        global = true
    )]
    pub sign_in_limit_per_client: u64,
    /// Days a session lives at most, however often it is used (1 to 365).
    #[arg(
        long,
        env = "PORTICO_SESSION_MAX_AGE_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub session_max_age_days: i64,
    /// Days after an order completed during which its order integration product may still
    /// call object-scoped functions on its object (0 to 3650).
    #[arg(
        long,
        env = "PORTICO_ORDER_GRACE_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub order_grace_days: i64,
    /// This instance's name, the same across its restarts [default: the host name and
    /// LEPTOS_SITE_ADDR]: its push leases are reclaimed at start.
    #[arg(long, env = "PORTICO_INSTANCE_ID", global = true)]
    pub instance_id: Option<String>,
    /// The language of visitors who chose none and whose browser asks for none of Portico's:
    /// `en` or `nb`.
    #[arg(
        long,
        env = "PORTICO_DEFAULT_LOCALE",
        default_value = "en",
        global = true
    )]
    pub default_locale: String,
    /// The time zone pages show times in (an IANA name such as `Europe/Oslo`).
    #[arg(
        long,
        env = "PORTICO_TIME_ZONE",
        default_value = "Europe/Oslo",
        global = true
    )]
    pub time_zone: String,
}

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
    /// Days sent mail is kept (`PORTICO_MAIL_RETENTION_DAYS`).
    pub mail_retention_days: i64,
    /// Failed `/api/v1` authentications per minute per client address (`PORTICO_API_FAILURE_LIMIT`).
    pub api_failure_limit: u32,
    /// This instance's name (`PORTICO_INSTANCE_ID`).
    pub instance_id: String,
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

/// Parses only the settings (for tests and [`ServerConfig::from_lookup`]).
#[derive(Parser)]
struct SettingsOnly {
    #[command(flatten)]
    args: ConfigArgs,
}

/// A days setting within `range`, or what is wrong with it.
fn days(value: i64, name: &str, max: i64) -> Result<i64, String> {
    (1..=max)
        .contains(&value)
        .then_some(value)
        .ok_or_else(|| format!("{name} must be a number of days from 1 to {max}."))
}

impl ServerConfig {
    /// Checks the settings against each other, or says which one is wrong.
    pub fn from_args(a: ConfigArgs) -> Result<Self, String> {
        // An empty variable counts as unset.
        let some = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let env = Environment::parse(a.env.trim())?;
        let site_addr: SocketAddr =
            a.site_addr.trim().parse().map_err(|e| {
                format!("LEPTOS_SITE_ADDR is not an address like 127.0.0.1:3000: {e}")
            })?;
        let public_url = some(a.public_url).unwrap_or_else(|| format!("http://{site_addr}"));
        let public_url = public_url.trim_end_matches('/').to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err("PORTICO_PUBLIC_URL must start with http:// or https://".into());
        }
        let smtp = some(a.smtp_url).map(|url| SmtpConfig {
            url,
            from: a.mail_from.clone(),
        });
        let wants_mailbox = some(a.dev_mailbox).is_some_and(|v| v == "1" || v == "true");
        if env == Environment::Production && wants_mailbox {
            return Err(
                "PORTICO_DEV_MAILBOX cannot be enabled when PORTICO_ENV=production.".into(),
            );
        }
        let secret_key =
            match some(a.secret_key) {
                Some(k) if k.len() >= 32 => k,
                Some(_) => return Err("PORTICO_SECRET_KEY must be at least 32 characters.".into()),
                None if env == Environment::Production => return Err(
                    "PORTICO_SECRET_KEY is required in production (at least 32 random characters)."
                        .into(),
                ),
                // Outside production a fixed key keeps development and test databases usable.
                None => "portico development key, not for production use".into(),
            };
        let push_allow = AllowList::parse(&some(a.push_allow).unwrap_or_default())
            .map_err(|e| format!("PORTICO_PUSH_ALLOW: {e}"))?;
        let trusted_proxies = AllowList::parse(&some(a.trusted_proxies).unwrap_or_default())
            .map_err(|e| format!("PORTICO_TRUSTED_PROXIES: {e}"))?;
        if a.api_rate_limit == 0 || a.api_failure_limit == 0 {
            return Err(
                "PORTICO_API_RATE_LIMIT and PORTICO_API_FAILURE_LIMIT must be positive.".into(),
            );
        }
        if a.sign_in_limit_per_address == 0 || a.sign_in_limit_per_client == 0 {
            return Err("The sign-in limits must be positive numbers.".into());
        }
        let push_retention_days = days(a.push_retention_days, "PORTICO_PUSH_RETENTION_DAYS", 3650)?;
        let mail_retention_days = days(a.mail_retention_days, "PORTICO_MAIL_RETENTION_DAYS", 3650)?;
        let session_days = days(a.session_max_age_days, "PORTICO_SESSION_MAX_AGE_DAYS", 365)?;
        if !(0..=3650).contains(&a.order_grace_days) {
            return Err("PORTICO_ORDER_GRACE_DAYS must be a number of days from 0 to 3650.".into());
        }
        let instance_id = some(a.instance_id).unwrap_or_else(|| {
            let host = std::fs::read_to_string("/etc/hostname")
                .map(|h| h.trim().to_owned())
                .unwrap_or_else(|_| "portico".into());
            format!("{host}:{site_addr}")
        });
        if instance_id.len() > 100 {
            return Err("PORTICO_INSTANCE_ID is at most 100 characters.".into());
        }
        let default_lang = app::i18n::Lang::parse(&a.default_locale).ok_or_else(|| {
            format!(
                "PORTICO_DEFAULT_LOCALE must be en or nb, not {:?}.",
                a.default_locale
            )
        })?;
        let time_zone: chrono_tz::Tz = a.time_zone.parse().map_err(|_| {
            format!(
                "PORTICO_TIME_ZONE must be an IANA time zone such as Europe/Oslo, not {:?}.",
                a.time_zone
            )
        })?;
        // Outside production, mail that cannot be sent is shown in the dev mailbox.
        let dev_mailbox = env != Environment::Production && (wants_mailbox || smtp.is_none());
        Ok(Self {
            database_url: a.database_url,
            site_addr,
            site_root: a.site_root,
            app: app::server::Config {
                secret_key: app::server::secrets::SecretKey::new(&secret_key),
                env,
                public_url,
                dev_mailbox,
                push_allow,
                api_rate_limit: a.api_rate_limit,
                trusted_proxies,
                sign_in_limits: SignInLimits {
                    per_address: a.sign_in_limit_per_address,
                    per_client: a.sign_in_limit_per_client,
                },
                session_max_age: chrono::Duration::days(session_days),
                default_lang,
                time_zone,
                order_grace: chrono::Duration::days(a.order_grace_days),
            },
            smtp,
            push_retention_days,
            mail_retention_days,
            api_failure_limit: a.api_failure_limit,
            instance_id,
        })
    }

    /// Reads the settings through `lookup` (a map in tests) instead of the environment:
    /// each variable `lookup` knows is passed as its option.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let command = <SettingsOnly as clap::CommandFactory>::command();
        let mut argv = vec!["server".to_string()];
        for arg in command.get_arguments() {
            let (Some(var), Some(long)) = (arg.get_env(), arg.get_long()) else {
                continue;
            };
            if let Some(value) = var.to_str().and_then(&lookup) {
                argv.push(format!("--{long}={value}"));
            }
        }
        let parsed = SettingsOnly::try_parse_from(argv).map_err(|e| e.to_string())?;
        Self::from_args(parsed.args)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn help_lists_every_setting_with_its_variable_and_default() {
        let help = <super::SettingsOnly as clap::CommandFactory>::command()
            .render_long_help()
            .to_string();
        for var in [
            "DATABASE_URL",
            "PORTICO_ENV",
            "PORTICO_SECRET_KEY",
            "PORTICO_SIGN_IN_LIMIT_PER_ADDRESS",
            "PORTICO_SESSION_MAX_AGE_DAYS",
            "PORTICO_API_FAILURE_LIMIT",
            "PORTICO_INSTANCE_ID",
            "PORTICO_DEFAULT_LOCALE",
            "PORTICO_TIME_ZONE",
            "PORTICO_ORDER_GRACE_DAYS",
        ] {
            assert!(help.contains(var), "{var} missing from --help");
        }
        assert!(help.contains("[default: 5]"), "{help}");
    }
}
