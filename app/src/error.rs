//! The one error type of every server function and service: user-meaningful variants only.
//! Database and other internal details are logged where they happen and never reach the page.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error("You do not have access to this.")]
    Forbidden,
    #[error("Not found.")]
    NotFound,
    /// Input that fails validation; the text tells the user what to fix.
    #[error("{0}")]
    Invalid(String),
    /// The action conflicts with the current state; the text says how.
    #[error("{0}")]
    Conflict(String),
    #[error("Too many requests. Wait a few minutes and try again.")]
    RateLimited,
    #[error("This link is invalid or has expired. Request a new one.")]
    LinkExpired,
    #[error("Something went wrong on our side. Try again in a moment.")]
    Internal,
}

impl AppError {
    pub fn invalid(msg: impl Into<String>) -> Self {
        Self::Invalid(msg.into())
    }

    /// What the page says, in `lang`. `Invalid` and `Conflict` carry their text, which the
    /// service wrote in the user's language; the English `Display` is for logs and the REST API.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Self::Invalid(text) | Self::Conflict(text) => return text.clone(),
            Self::NotSignedIn => "error-not-signed-in",
            Self::Forbidden => "error-forbidden",
            Self::NotFound => "error-not-found",
            Self::RateLimited => "error-rate-limited",
            Self::LinkExpired => "error-link-expired",
            Self::Internal => "error-internal",
        };
        crate::i18n::text(lang, key)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed form input (for example a missing field) is the user's to fix.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::invalid(crate::t!(crate::i18n::lang(), "error-form-incomplete"))
            }
            _ => Self::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        // Two people doing the same thing at once: the database kept one; the other is told.
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(detail)) = err.sql_err() {
            tracing::info!(%detail, "a concurrent change won a unique constraint");
            return Self::Conflict(crate::t!(crate::i18n::lang(), "error-concurrent-change"));
        }
        tracing::error!(error = %err, "database error");
        Self::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(err: sea_orm::TransactionError<AppError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}
