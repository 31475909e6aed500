//! Outgoing mail is written to the `outbound_mail` table (so a restart loses none); the server's
//! mail worker sends it over SMTP, or, outside production without SMTP, into the in-memory dev
//! mailbox. A mail that carries a one-time link keeps its token sealed (under
//! `PORTICO_SECRET_KEY`) in the row, not in the text, until it is sent; then the sealed token is
//! dropped, and sent mail is purged after a retention period. No row ever holds a live token.
use super::clock::now;
use super::secrets::SecretKey;
use crate::error::AppError;
use crate::server::entities::outbound_mail as om;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::VecDeque;
use std::sync::Mutex;

/// Where the token of a one-time link goes in a mail's text.
pub const SECRET: &str = "{secret}";
/// Send attempts before a mail is given up.
pub const MAX_ATTEMPTS: i32 = 5;

/// Queues one plain-text message.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    text_body: &str,
) -> Result<(), AppError> {
    insert(db, to, subject, text_body, None).await
}

/// Queues a message whose text has [`SECRET`] where `secret` (a link's token) goes; the row
/// keeps the token sealed, and only the sender opens it.
pub async fn enqueue_with_secret(
    db: &impl ConnectionTrait,
    key: &SecretKey,
    to: &str,
    subject: &str,
    text_body: &str,
    secret: &str,
) -> Result<(), AppError> {
    insert(db, to, subject, text_body, Some(key.seal(secret))).await
}

async fn insert(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    text_body: &str,
    sealed_secret: Option<String>,
) -> Result<(), AppError> {
    om::ActiveModel {
        to_address: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        text_body: Set(text_body.to_owned()),
        sealed_secret: Set(sealed_secret),
        created_at: Set(now()),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The text as the recipient gets it, with its token in place; `None` when the sealed token
/// cannot be opened (a changed `PORTICO_SECRET_KEY`).
pub fn render(mail: &om::Model, key: &SecretKey) -> Option<String> {
    match &mail.sealed_secret {
        Some(sealed) => Some(mail.text_body.replace(SECRET, &key.open(sealed)?)),
        None => Some(mail.text_body.clone()),
    }
}

/// The newest messages first (tests).
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<om::Model>, AppError> {
    Ok(om::Entity::find()
        .order_by_desc(om::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Messages not yet sent that have not used up their attempts, oldest first.
pub async fn unsent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<om::Model>, AppError> {
    Ok(om::Entity::find()
        .filter(om::Column::SentAt.is_null())
        .filter(om::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(om::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Claims a message for one send attempt by counting the attempt first (compare-and-set), so
/// two server instances never send the same message; returns whether this caller won it.
pub async fn claim(db: &impl ConnectionTrait, mail: &om::Model) -> Result<bool, AppError> {
    let res = om::Entity::update_many()
        .col_expr(om::Column::Attempts, Expr::value(mail.attempts + 1))
        .filter(om::Column::Id.eq(mail.id))
        .filter(om::Column::Attempts.eq(mail.attempts))
        .filter(om::Column::SentAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Records the outcome of a claimed send attempt. Once sent, the sealed token is dropped; a
/// mail that used up its attempts drops it too (its link can no longer arrive).
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    mail: om::Model,
    error: Option<String>,
) -> Result<(), AppError> {
    // The attempt was counted when the message was claimed.
    let done = error.is_none() || mail.attempts + 1 >= MAX_ATTEMPTS;
    let mut m: om::ActiveModel = mail.into();
    match error {
        None => m.sent_at = Set(Some(now())),
        Some(e) => m.last_error = Set(Some(e)),
    }
    if done {
        m.sealed_secret = Set(None);
    }
    m.update(db).await?;
    Ok(())
}

/// Deletes mail sent (or given up) before `cutoff`. Returns how many.
pub async fn purge_before(
    db: &impl ConnectionTrait,
    cutoff: chrono::DateTime<chrono::Utc>,
) -> Result<u64, AppError> {
    let res = om::Entity::delete_many()
        .filter(om::Column::CreatedAt.lt(cutoff))
        .filter(
            Condition::any()
                .add(om::Column::SentAt.is_not_null())
                .add(om::Column::Attempts.gte(MAX_ATTEMPTS)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// The http(s) links in a message body, in order.
pub fn links_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')', '>']).to_owned())
        .collect()
}

/// One mail in the dev mailbox.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MailboxEntry {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub links: Vec<String>,
    pub created_at: String,
}

/// The dev mailbox: mail "sent" outside production without SMTP, kept in this process's
/// memory (the newest [`DevMailbox::CAPACITY`]), never in the database.
#[derive(Default)]
pub struct DevMailbox {
    entries: Mutex<VecDeque<MailboxEntry>>,
}

impl DevMailbox {
    /// How many mails it keeps.
    pub const CAPACITY: usize = 1000;

    /// The mails, newest first.
    pub fn entries(&self) -> Vec<MailboxEntry> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().rev().cloned().collect()
    }

    fn push(&self, entry: MailboxEntry) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= Self::CAPACITY {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    /// "Sends" every queued mail into the mailbox, as the SMTP worker would send it.
    pub async fn deliver(
        &self,
        db: &impl ConnectionTrait,
        key: &SecretKey,
    ) -> Result<usize, AppError> {
        let mut delivered = 0;
        for m in unsent(db, 100).await? {
            if !claim(db, &m).await? {
                continue;
            }
            let Some(text) = render(&m, key) else {
                record_attempt(db, m, Some("cannot open the link's token".into())).await?;
                continue;
            };
            self.push(MailboxEntry {
                to: m.to_address.clone(),
                subject: m.subject.clone(),
                links: links_in(&text),
                text,
                created_at: m.created_at.to_rfc3339(),
            });
            record_attempt(db, m, None).await?;
            delivered += 1;
        }
        Ok(delivered)
    }
}

#[cfg(test)]
mod tests {
    use crate::server::testing::{config, each_db};

    #[tokio::test]
    async fn a_message_is_claimed_by_one_sender_only() {
        each_db(|db| async move {
            super::enqueue(&db, "a@example.com", "Hi", "Body")
                .await
                .unwrap();
            let m = super::unsent(&db, 10).await.unwrap().remove(0);
            assert!(super::claim(&db, &m).await.unwrap());
            assert!(
                !super::claim(&db, &m).await.unwrap(),
                "a second instance with the same read loses"
            );
            super::record_attempt(&db, m, None).await.unwrap();
            assert!(super::unsent(&db, 10).await.unwrap().is_empty());
            let sent = super::recent(&db, 1).await.unwrap().remove(0);
            assert_eq!((sent.attempts, sent.sent_at.is_some()), (1, true));
        })
        .await;
    }

    #[tokio::test]
    async fn a_link_is_sealed_until_sent_then_gone_and_sent_mail_is_purged() {
        each_db(|db| async move {
            let key = config().secret_key;
            let text = format!("Sign in: http://x.example/confirm?token={}", super::SECRET);
            super::enqueue_with_secret(&db, &key, "a@example.com", "Hi", &text, "tok123")
                .await
                .unwrap();
            let row = super::recent(&db, 1).await.unwrap().remove(0);
            assert!(!row.text_body.contains("tok123"));
            assert!(!row.sealed_secret.as_deref().unwrap().contains("tok123"));
            let mailbox = super::DevMailbox::default();
            assert_eq!(mailbox.deliver(&db, &key).await.unwrap(), 1);
            assert_eq!(
                mailbox.entries()[0].links,
                vec!["http://x.example/confirm?token=tok123"]
            );
            let row = super::recent(&db, 1).await.unwrap().remove(0);
            assert_eq!(row.sealed_secret, None, "dropped once sent");
            let later = crate::server::clock::now() + chrono::Duration::days(1);
            assert_eq!(super::purge_before(&db, later).await.unwrap(), 1);
            assert!(super::recent(&db, 1).await.unwrap().is_empty());
        })
        .await;
    }

    #[test]
    fn finds_links() {
        let t =
            "Open http://127.0.0.1:3000/sign-in/confirm?token=abc. Or https://x.example/y, then go";
        assert_eq!(
            super::links_in(t),
            vec![
                "http://127.0.0.1:3000/sign-in/confirm?token=abc",
                "https://x.example/y"
            ]
        );
    }
}
