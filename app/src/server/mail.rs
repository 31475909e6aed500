//! Outgoing mail is written to the `outbound_mail` table (so a restart loses none); the server's
//! mail worker sends it over SMTP, and the dev mailbox shows it when enabled.
use super::clock::now;
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

/// Claims a message for one send attempt by counting the attempt first (compare-and-set), so
/// two server instances never send the same message; returns whether this caller won it.
pub async fn claim(db: &impl ConnectionTrait, mail: &om::Model) -> Result<bool, AppError> {
    use sea_orm::sea_query::Expr;
    let res = om::Entity::update_many()
        .col_expr(om::Column::Attempts, Expr::value(mail.attempts + 1))
        .filter(om::Column::Id.eq(mail.id))
        .filter(om::Column::Attempts.eq(mail.attempts))
        .filter(om::Column::SentAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Records the outcome of a claimed send attempt.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    mail: om::Model,
    error: Option<String>,
) -> Result<(), AppError> {
    // The attempt was counted when the message was claimed.
    let mut m: om::ActiveModel = mail.into();
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
    #[tokio::test]
    async fn a_message_is_claimed_by_one_sender_only() {
        crate::server::testing::each_db(|db| async move {
            super::enqueue(&db, "a@example.com", "Hi", "Body")
                .await
                .unwrap();
            let m = super::unsent(&db, 5, 10).await.unwrap().remove(0);
            assert!(super::claim(&db, &m).await.unwrap());
            assert!(
                !super::claim(&db, &m).await.unwrap(),
                "a second instance with the same read loses"
            );
            super::record_attempt(&db, m, None).await.unwrap();
            assert!(super::unsent(&db, 5, 10).await.unwrap().is_empty());
            let sent = super::recent(&db, 1).await.unwrap().remove(0);
            assert_eq!((sent.attempts, sent.sent_at.is_some()), (1, true));
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
