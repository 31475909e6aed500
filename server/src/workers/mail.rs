//! The mail worker: answers queued "Sign in" requests (mailing links to known addresses), then
//! sends queued mail over SMTP, or, without SMTP outside production, into the in-memory dev
//! mailbox; once an hour it deletes sent mail older than the retention period. Without SMTP in
//! production mail stays queued and a warning is logged at start.
use crate::config::SmtpConfig;
use app::features::accounts::service::auth;
use app::server::{mail, AppState};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::{Duration, Instant};

/// An SMTP transport and the sender's address.
struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    fn new(config: &SmtpConfig) -> Option<Self> {
        let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.url) {
            Ok(b) => b.build(),
            Err(e) => {
                tracing::error!(error = %e, "PORTICO_SMTP_URL is not a valid SMTP URL; mail will not be sent");
                return None;
            }
        };
        let from = match config.from.parse() {
            Ok(f) => f,
            Err(e) => {
                tracing::error!(error = %e, "PORTICO_MAIL_FROM is not a valid mailbox; mail will not be sent");
                return None;
            }
        };
        Some(Self { transport, from })
    }

    /// Sends every queued mail; the token of a link is opened only here.
    async fn send_queued(&self, state: &AppState) {
        let batch = match mail::unsent(&state.db, 20).await {
            Ok(b) => b,
            Err(e) => return tracing::warn!(error = %e, "reading the mail queue failed"),
        };
        for m in batch {
            // Another instance may have taken it since the read.
            if !matches!(mail::claim(&state.db, &m).await, Ok(true)) {
                continue;
            }
            let result = match mail::render(&m, &state.config.secret_key) {
                Some(text) => self.send(&m.to_address, &m.subject, &text).await,
                None => {
                    Err("cannot open the link's token (was PORTICO_SECRET_KEY changed?)".into())
                }
            };
            if let Err(e) = &result {
                tracing::warn!(mail_id = m.id, error = %e, "sending mail failed");
            }
            let _ = mail::record_attempt(&state.db, m, result.err()).await;
        }
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let msg = Message::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(|e| format!("bad recipient: {e}"))?)
            .subject(subject)
            .body(body.to_owned())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Answers the queued "Sign in" requests and, when mail goes to the dev mailbox, delivers it
/// there now (the dev mailbox's pages call this, so what they show is never behind).
pub async fn deliver_now(state: &AppState) {
    if let Err(e) = auth::answer_sign_in_requests(&state.db, &state.config).await {
        tracing::warn!(error = %e, "answering sign-in requests failed");
    }
    if let Some(mailbox) = &state.dev_mailbox {
        if let Err(e) = mailbox.deliver(&state.db, &state.config.secret_key).await {
            tracing::warn!(error = %e, "delivering to the dev mailbox failed");
        }
    }
}

/// Runs forever: at once when woken (a sign-in request, an invitation), else every two seconds.
pub async fn run(state: AppState, smtp: Option<SmtpConfig>, retention: chrono::Duration) {
    let smtp = smtp.as_ref().and_then(Smtp::new);
    let mut last_purge: Option<Instant> = None;
    loop {
        deliver_now(&state).await;
        if let Some(smtp) = &smtp {
            smtp.send_queued(&state).await;
        }
        if last_purge.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
            last_purge = Some(Instant::now());
            let cutoff = app::server::clock::now() - retention;
            match mail::purge_before(&state.db, cutoff).await {
                Ok(n) if n > 0 => tracing::info!(purged = n, "purged sent mail"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "purging sent mail failed"),
            }
        }
        let _ = tokio::time::timeout(Duration::from_secs(2), state.mail_wake.notified()).await;
    }
}
