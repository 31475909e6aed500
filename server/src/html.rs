//! The few pages written by hand: escaping, and the page that shows a new secret once.
use app::i18n::Lang;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A value the secret page shows in a read-only field with a copy button.
pub struct Shown<'a> {
    /// The field's HTML ID (`client-id`, `secret`).
    pub id: &'a str,
    pub label: String,
    pub copy_label: String,
    pub value: &'a str,
}

/// The body of a new key's page: that it was created, "copy it now", and its fields.
pub fn secret_fields(lang: Lang, created: &str, fields: &[Shown]) -> String {
    let copy = escape(&app::t!(lang, "copy"));
    let mut body = format!(
        "<p role=\"status\" class=\"form-success\">{created}</p>\
         <div class=\"notice warn\" role=\"alert\"><strong>{copy_now}</strong> {once}</div>",
        created = escape(created),
        copy_now = escape(&app::t!(lang, "credentials-copy-now")),
        once = escape(&app::t!(lang, "credentials-shown-once")),
    );
    for f in fields {
        body.push_str(&format!(
            "<div class=\"field\"><label for=\"{id}\">{label}</label><div class=\"copy-row\">\
             <input id=\"{id}\" type=\"text\" readonly class=\"copy-link\" value=\"{value}\">\
             <button type=\"button\" class=\"secondary copy-button\" data-copy=\"{id}\" aria-label=\"{copy_label}\">{copy}</button></div></div>",
            id = escape(f.id),
            label = escape(&f.label),
            value = escape(f.value),
            copy_label = escape(&f.copy_label),
        ));
    }
    body
}

/// An error's body on the secret page.
pub fn secret_error(message: &str) -> String {
    format!(
        "<p role=\"alert\" class=\"form-error\">{}</p>",
        escape(message)
    )
}

/// The page that shows a new secret once: not a redirect, so the secret never appears in a
/// URL, and never stored by the browser or a proxy (`no-store`).
pub fn secret_page(lang: Lang, title: &str, body: &str, back: &str, back_label: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{title} · Portico</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portico.css\"><script src=\"/copy.js\" defer></script></head><body><main id=\"main\" class=\"content narrow\">\
         <h1>{title}</h1>{body}<p><a href=\"{back}\">{back_label}</a></p></main></body></html>",
        code = lang.code(),
        title = escape(title),
        back = escape(back),
        back_label = escape(back_label),
    );
    let mut res = Html(html).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}
