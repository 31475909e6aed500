//! The mail worker: sends queued mail over SMTP. Without SMTP the queue is left for the dev
//! mailbox (outside production) and a warning is logged at start.
use crate::config::SmtpConfig;
use app::server::mail;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::DatabaseConnection;
use std::time::Duration;

const MAX_ATTEMPTS: i32 = 5;

/// Runs forever, polling the queue every two seconds.
pub async fn run(db: DatabaseConnection, smtp: SmtpConfig) {
    let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp.url) {
        Ok(b) => b.build(),
        Err(e) => {
            tracing::error!(error = %e, "PORTICO_SMTP_URL is not a valid SMTP URL; mail will not be sent");
            return;
        }
    };
    let from: Mailbox = match smtp.from.parse() {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "PORTICO_MAIL_FROM is not a valid mailbox; mail will not be sent");
            return;
        }
    };
    loop {
        match mail::unsent(&db, MAX_ATTEMPTS, 20).await {
            Ok(batch) => {
                for m in batch {
                    // Another instance may have taken it since the read.
                    if !matches!(mail::claim(&db, &m).await, Ok(true)) {
                        continue;
                    }
                    let result =
                        send(&transport, &from, &m.to_address, &m.subject, &m.text_body).await;
                    if let Err(e) = &result {
                        tracing::warn!(mail_id = m.id, error = %e, "sending mail failed");
                    }
                    let _ = mail::record_attempt(&db, m, result.err()).await;
                }
            }
            Err(e) => tracing::warn!(error = %e, "reading the mail queue failed"),
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

async fn send(
    t: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), String> {
    let msg = Message::builder()
        .from(from.clone())
        .to(to.parse().map_err(|e| format!("bad recipient: {e}"))?)
        .subject(subject)
        .body(body.to_owned())
        .map_err(|e| e.to_string())?;
    t.send(msg).await.map(|_| ()).map_err(|e| e.to_string())
}
