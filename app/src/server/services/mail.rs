//! Outgoing mail is written to the `outbound_mail` table (so a restart loses none); the server's
//! mail worker sends it over SMTP, and the dev mailbox shows it when enabled.
use super::now;
use crate::error::AppError;
use crate::server::entities::outbound_mail as om;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// Queues one plain-text message.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    text_body: &str,
) -> Result<(), AppError> {
    om::ActiveModel {
        to_address: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        text_body: Set(text_body.to_owned()),
        created_at: Set(now()),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest messages first (the dev mailbox).
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<om::Model>, AppError> {
    Ok(om::Entity::find()
        .order_by_desc(om::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Messages not yet sent that have not used up their attempts, oldest first.
pub async fn unsent(
    db: &impl ConnectionTrait,
    max_attempts: i32,
    limit: u64,
) -> Result<Vec<om::Model>, AppError> {
    Ok(om::Entity::find()
        .filter(om::Column::SentAt.is_null())
        .filter(om::Column::Attempts.lt(max_attempts))
        .order_by_asc(om::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Records the outcome of one send attempt.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    mail: om::Model,
    error: Option<String>,
) -> Result<(), AppError> {
    let attempts = mail.attempts + 1;
    let mut m: om::ActiveModel = mail.into();
    m.attempts = Set(attempts);
    match error {
        None => m.sent_at = Set(Some(now())),
        Some(e) => m.last_error = Set(Some(e)),
    }
    m.update(db).await?;
    Ok(())
}

/// The http(s) links in a message body, in order.
pub fn links_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')', '>']).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
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
