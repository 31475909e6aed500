//! The dev mailbox: mail Portico would have sent, kept in this process's memory, at
//! `/dev/mailbox` (a page) and `/dev/mailbox.json`. Never routed in production.
use crate::html::escape;
use app::server::mail::MailboxEntry;
use app::server::AppState;
use axum::http::StatusCode;
use axum::response::Html;
use axum::Json;

/// The mailbox's mails, newest first, after delivering whatever is queued.
async fn mailbox_entries(state: &AppState) -> Result<Vec<MailboxEntry>, StatusCode> {
    crate::workers::mail::deliver_now(state).await;
    let mailbox = state.dev_mailbox.as_ref().ok_or(StatusCode::NOT_FOUND)?;
    Ok(mailbox.entries())
}

/// `/dev/mailbox.json`: the newest mail first.
pub async fn mailbox_json(
    axum::Extension(state): axum::Extension<AppState>,
) -> Result<Json<Vec<MailboxEntry>>, StatusCode> {
    Ok(Json(mailbox_entries(&state).await?))
}

/// `/dev/mailbox`: the same as a page, with clickable links.
pub async fn mailbox_html(
    axum::Extension(state): axum::Extension<AppState>,
) -> Result<Html<String>, StatusCode> {
    let entries = mailbox_entries(&state).await?;
    let mut body = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dev mailbox · Portico</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portico.css\"><script src=\"/copy.js\" defer></script></head><body><main class=\"content narrow\">\
         <h1>Dev mailbox</h1><p class=\"muted\">Mail Portico would have sent, newest first. Not available in production.</p>",
    );
    if entries.is_empty() {
        body.push_str(
            "<p class=\"empty\">No mail yet. Ask for a sign-in link and it appears here.</p>",
        );
    }
    for e in entries {
        body.push_str(&format!(
            "<article class=\"card mail\"><h2>{}</h2><p class=\"muted\">To {} · {}</p><pre>{}</pre><ul>",
            escape(&e.subject),
            escape(&e.to),
            escape(&e.created_at),
            escape(&e.text)
        ));
        for l in e.links {
            body.push_str(&format!("<li><a href=\"{0}\">{0}</a></li>", escape(&l)));
        }
        body.push_str("</ul></article>");
    }
    body.push_str("</main></body></html>");
    Ok(Html(body))
}
