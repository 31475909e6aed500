//! `/api/docs`: the API reference for partners' developers, written by Portico itself from its
//! OpenAPI document (no script, nothing from elsewhere): each operation with its
//! authentication, parameters and their constraints, body and answers, then every schema.
use crate::api_v1::ApiDoc;
use crate::html::escape;
use app::i18n::Lang;
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use serde_json::{Map, Value};
use std::fmt::Write;
use utoipa::OpenApi;

/// `GET /api/docs`.
pub async fn page(lang: Option<Extension<Lang>>) -> Response {
    let lang = lang.map(|l| l.0).unwrap_or_default();
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    Html(render(lang, &doc)).into_response()
}

fn t(lang: Lang, key: &str) -> String {
    escape(&app::i18n::text(lang, key))
}

/// The operations of the document: (tag, method, path, operation), the Partner API first.
fn operations(doc: &Value) -> Vec<(String, String, String, &Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let tag = op["tags"][0].as_str().unwrap_or("Platform API").to_owned();
            ops.push((tag, method.to_uppercase(), path.clone(), op));
        }
    }
    ops.sort_by(|a, b| {
        let partner = |t: &str| t != "Partner API";
        (partner(&a.0), &a.2, &a.1).cmp(&(partner(&b.0), &b.2, &b.1))
    });
    ops
}

fn anchor(method: &str, path: &str) -> String {
    let slug: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("op-{}{slug}", method.to_lowercase())
}

/// A schema's type as a reader wants it: a link to a named schema, `array of ...`, or the
/// type with its constraints.
fn type_of(s: &Value) -> String {
    if let Some(r) = s["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("<a href=\"#schema-{0}\">{0}</a>", escape(name));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = s[key].as_array() {
            let parts: Vec<String> = list.iter().map(type_of).collect();
            return parts.join(" | ");
        }
    }
    let types: Vec<String> = match &s["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(ts) => ts
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        _ => vec![],
    };
    let mut out = types
        .iter()
        .map(|t| match t.as_str() {
            "array" => format!("array of {}", type_of(&s["items"])),
            t => escape(t),
        })
        .collect::<Vec<_>>()
        .join(" | ");
    if out.is_empty() {
        out = "any".into();
    }
    let mut limits = Vec::new();
    for (key, label) in [
        ("format", "format"),
        ("minLength", "min length"),
        ("maxLength", "max length"),
        ("minimum", "minimum"),
        ("maximum", "maximum"),
        ("maxItems", "max items"),
        ("pattern", "pattern"),
    ] {
        if let Some(v) = s.get(key).filter(|v| !v.is_null()) {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            limits.push(format!("{label} <code>{}</code>", escape(&v)));
        }
    }
    if let Some(values) = s["enum"].as_array() {
        let names: Vec<String> = values
            .iter()
            .map(|v| format!("<code>{}</code>", escape(v.as_str().unwrap_or_default())))
            .collect();
        limits.push(format!("one of {}", names.join(", ")));
    }
    if !limits.is_empty() {
        out.push_str(&format!(" ({})", limits.join(", ")));
    }
    out
}

fn text_of(v: &Value) -> String {
    escape(v.as_str().unwrap_or_default())
}

fn operation(lang: Lang, out: &mut String, method: &str, path: &str, op: &Value) {
    let _ = write!(
        out,
        "<section class=\"card\" id=\"{id}\" aria-labelledby=\"{id}-title\"><h3 id=\"{id}-title\"><code>{method} {path}</code></h3><p><strong>{summary}</strong></p>",
        id = anchor(method, path),
        path = escape(path),
        summary = text_of(&op["summary"]),
    );
    if let Some(d) = op["description"].as_str() {
        let _ = write!(out, "<p>{}</p>", escape(d));
    }
    let schemes: Vec<String> = op["security"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_object().and_then(|o| o.keys().next().cloned()))
        .collect();
    let _ = write!(
        out,
        "<p>{}: <code>{}</code></p>",
        t(lang, "api-docs-auth"),
        escape(&schemes.join(", "))
    );
    if let Some(params) = op["parameters"].as_array().filter(|p| !p.is_empty()) {
        let _ = write!(
            out,
            "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            t(lang, "api-docs-parameters"),
            t(lang, "name"),
            t(lang, "api-docs-in"),
            t(lang, "api-docs-type"),
            t(lang, "description")
        );
        for p in params {
            let required = if p["required"].as_bool() == Some(true) {
                " *"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<tr><td><code>{}</code>{required}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                text_of(&p["name"]),
                text_of(&p["in"]),
                type_of(&p["schema"]),
                text_of(&p["description"])
            );
        }
        out.push_str("</tbody></table>");
    }
    if let Some(body) = op["requestBody"]["content"].as_object() {
        for (media, c) in body {
            let _ = write!(
                out,
                "<p>{}: <code>{}</code> {}</p>",
                t(lang, "api-docs-body"),
                escape(media),
                type_of(&c["schema"])
            );
        }
    }
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        t(lang, "api-docs-responses"),
        t(lang, "status"),
        t(lang, "description"),
        t(lang, "api-docs-body")
    );
    for (status, r) in op["responses"].as_object().into_iter().flatten() {
        let body = r["content"]
            .as_object()
            .and_then(|c| c.values().next())
            .map(|c| type_of(&c["schema"]))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{body}</td></tr>",
            escape(status),
            text_of(&r["description"])
        );
    }
    out.push_str("</tbody></table></section>");
}

fn schema(lang: Lang, out: &mut String, name: &str, s: &Map<String, Value>) {
    let _ = write!(
        out,
        "<section class=\"card\" id=\"schema-{0}\" aria-labelledby=\"schema-{0}-title\"><h3 id=\"schema-{0}-title\"><code>{0}</code></h3>",
        escape(name)
    );
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        let _ = write!(out, "<p>{}</p>", escape(d));
    }
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    match s.get("properties").and_then(Value::as_object) {
        Some(props) => {
            let _ = write!(
                out,
                "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                escape(name),
                t(lang, "name"),
                t(lang, "api-docs-type"),
                t(lang, "description")
            );
            for (prop, p) in props {
                let mark = if required.contains(&prop.as_str()) {
                    " *"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code>{mark}</td><td>{}</td><td>{}</td></tr>",
                    escape(prop),
                    type_of(p),
                    text_of(&p["description"])
                );
            }
            out.push_str("</tbody></table>");
        }
        None => {
            let _ = write!(out, "<p>{}</p>", type_of(&Value::Object(s.clone())));
        }
    }
    out.push_str("</section>");
}

/// The whole page.
fn render(lang: Lang, doc: &Value) -> String {
    let ops = operations(doc);
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Portico</title><link rel=\"stylesheet\" href=\"/pkg/portico.css\"></head><body>\
         <main id=\"main\" class=\"content api-docs\"><h1>{title}</h1><p>{intro}</p>\
         <p><a href=\"/api/v1/openapi.json\">{openapi}</a> · <a href=\"/\">Portico</a></p>",
        code = lang.code(),
        title = t(lang, "api-docs-title"),
        intro = t(lang, "api-docs-intro"),
        openapi = t(lang, "api-docs-openapi"),
    );
    let _ = write!(
        out,
        "<nav aria-label=\"{}\"><ul>",
        t(lang, "api-docs-operations")
    );
    for (_, method, path, op) in &ops {
        let _ = write!(
            out,
            "<li><a href=\"#{}\"><code>{method} {}</code></a> {}</li>",
            anchor(method, path),
            escape(path),
            text_of(&op["summary"])
        );
    }
    out.push_str("</ul></nav>");
    let mut group = String::new();
    for (tag, method, path, op) in &ops {
        if *tag != group {
            group = tag.clone();
            let _ = write!(out, "<h2>{}</h2>", escape(tag));
        }
        operation(lang, &mut out, method, path, op);
    }
    let _ = write!(out, "<h2>{}</h2>", t(lang, "api-docs-schemas"));
    for (name, s) in doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        if let Some(s) = s.as_object() {
            schema(lang, &mut out, name, s);
        }
    }
    out.push_str("</main></body></html>");
    out
}
