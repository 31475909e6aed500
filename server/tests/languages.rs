//! English and Norwegian: how a request's language is chosen (saved on the user, the cookie,
//! `Accept-Language`), the switch, pages with no word of the other language, and e-mails in the
//! recipient's language.
mod common;

use app::glossary::{Environment, Lang};
use app::server::entities::user;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// A signed-out visitor's page, with these request headers.
fn visit(path: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut b = Request::get(path).header(header::ACCEPT, "text/html");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Body::empty()).unwrap()
}

/// The language switch's form post.
fn switch(lang: &str, back: &str, session: Option<&str>) -> Request<Body> {
    let mut b = Request::post("/language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin");
    if let Some(s) = session {
        b = b.header(header::COOKIE, format!("portico_session={s}"));
    }
    b.body(Body::from(form(&[("lang", lang), ("back", back)])))
        .unwrap()
}

/// What a reader sees: the page without its scripts and tags.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</script>")
            .map_or("", |end| &rest[start + end + 9..]);
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

async fn saved(db: &DatabaseConnection, email: &str) -> Option<Lang> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .locale
}

#[tokio::test]
async fn a_visitor_gets_the_cookies_language_else_the_browsers_else_the_default() {
    let (app, _) = app_with(Environment::Test).await;
    let (_, _, body) = send(
        &app,
        visit("/sign-in", &[("accept-language", "nb-NO,en;q=0.5")]),
    )
    .await;
    assert!(body.contains("<html lang=\"nb\""), "{body}");
    assert!(visible(&body).contains("Logg inn"));
    assert!(!visible(&body).contains("Sign in"));
    // The cookie wins over the browser.
    let (_, _, body) = send(
        &app,
        visit(
            "/sign-in",
            &[("accept-language", "nb"), ("cookie", "portico_lang=en")],
        ),
    )
    .await;
    assert!(body.contains("<html lang=\"en\""));
    // Neither: the default (English here).
    let (_, _, body) = send(&app, visit("/sign-in", &[("accept-language", "de")])).await;
    assert!(body.contains("<html lang=\"en\"") && visible(&body).contains("Sign in"));
}

#[tokio::test]
async fn the_switch_keeps_the_choice_and_refuses_what_is_not_a_language() {
    let (app, db) = app_with(Environment::Test).await;
    let (status, headers, _) = send(&app, switch("nb", "/sign-in?sent=1", None)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/sign-in?sent=1");
    assert!(
        headers["set-cookie"].starts_with("portico_lang=nb;"),
        "{headers:?}"
    );
    // Not a language: a clear answer and no cookie; a foreign "back" goes home instead.
    let (status, headers, body) = send(&app, switch("klingon", "/", None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("English (en) and Norwegian (nb)"), "{body}");
    assert!(!headers.contains_key("set-cookie"));
    let (_, headers, _) = send(&app, switch("en", "https://evil.example/", None)).await;
    assert_eq!(headers["location"], "/");

    // Signed in, the choice is saved on the user and follows them to a new session (a browser
    // with no language cookie); it changes nobody else.
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    assert_eq!(
        saved(&db, "anna@nordic-integrations.example").await,
        Some(Lang::En)
    );
    send(&app, switch("nb", "/", Some(&anna))).await;
    assert_eq!(
        saved(&db, "anna@nordic-integrations.example").await,
        Some(Lang::Nb)
    );
    assert_eq!(saved(&db, "kari@solheim.example").await, None);
    let again = sign_in(&app, "anna@nordic-integrations.example").await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let (_, _, body) = send(&app, page(&format!("/o/{nordic}/products"), &again)).await;
    assert!(body.contains("<html lang=\"nb\""));
    assert!(visible(&body).contains("Produkter"));
}

/// Words of the English pages that no Norwegian page may show, and the reverse.
const ENGLISH: &[&str] = &[
    "Products",
    "Save changes",
    "Suppliers",
    "Next",
    "Dashboard",
    "Users",
    "Sign out",
    "Acting as",
    "Search",
    "Installations",
    "Loading",
    "Change functions",
    "New product",
    "Versions",
    "Credentials",
    "Notifications",
    "Catalog",
    "Organizations",
    "Legacy access",
    "Upgrade",
    "Members",
    "Access keys",
    "Required",
    // ("Orders" is also an area of the demo catalog, whose words are the operator's data.)
    "Ordered by",
    "Timeline",
];
const NORWEGIAN: &[&str] = &[
    "Produkter",
    "Lagre endringer",
    "Leverandør",
    "Videre",
    "Oversikt",
    "Brukere",
    "Logg ut",
    "Opptrer som",
    "Søk",
    "Installasjoner",
    "Endre funksjoner",
    "Nytt produkt",
    "Versjoner",
    "Varsler",
    "Katalog",
    "Organisasjoner",
    "Medlemmer",
    "Påkrevd",
    "Ordrer",
    "Bestilt av",
    "Tidslinje",
];

#[tokio::test]
async fn no_page_of_the_demo_mixes_the_languages() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let solheim = org_id(&db, "Solheim Eiendom AS").await;
    let operator = org_id(&db, server::seed::OPERATOR).await;
    let planner = demo_product(&db).await.id;
    let order = app::server::entities::order::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .expect("the demo has orders")
        .public_id;
    let product_order = app::server::entities::product_order::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .expect("the demo has product orders")
        .public_id;
    let pages = [
        (
            "anna@nordic-integrations.example",
            vec![
                format!("/o/{nordic}"),
                format!("/o/{nordic}/products"),
                format!("/o/{nordic}/products/new"),
                format!("/o/{nordic}/products/{planner}"),
                format!("/o/{nordic}/products/{planner}/edit"),
                format!("/o/{nordic}/products/{planner}/functions"),
                format!("/o/{nordic}/products/{planner}/access"),
                format!("/o/{nordic}/webhooks"),
                format!("/o/{nordic}/legacy-access"),
                format!("/o/{nordic}/users"),
                format!("/o/{nordic}/notifications"),
                format!("/o/{nordic}/orders"),
                format!("/o/{nordic}/orders/{order}"),
                format!("/o/{nordic}/product-orders"),
                format!("/o/{nordic}/product-orders/new"),
                format!("/o/{nordic}/product-orders/{product_order}"),
                format!("/o/{nordic}/product-order-templates"),
            ],
        ),
        (
            "kari@solheim.example",
            vec![
                format!("/o/{solheim}"),
                format!("/o/{solheim}/suppliers"),
                format!("/o/{solheim}/suppliers?installation=SOLOSL&product={planner}"),
                format!("/o/{solheim}/users"),
                format!("/o/{solheim}/orders"),
                format!("/o/{solheim}/orders/{order}"),
                format!("/o/{solheim}/product-orders"),
                format!("/o/{solheim}/product-orders/new"),
            ],
        ),
        (
            "ops@portico.example",
            vec![
                format!("/o/{operator}"),
                format!("/o/{operator}/organizations"),
                format!("/o/{operator}/organizations/{solheim}"),
                format!("/o/{operator}/catalog"),
                format!("/o/{operator}/product-orders"),
                format!("/o/{operator}/product-orders/{product_order}"),
            ],
        ),
    ];
    for (email, paths) in pages {
        let session = sign_in(&app, email).await;
        for (lang, foreign) in [("nb", ENGLISH), ("en", NORWEGIAN)] {
            send(&app, switch(lang, "/", Some(&session))).await;
            for path in &paths {
                let (status, _, body) = send(&app, page(path, &session)).await;
                assert_eq!(status, StatusCode::OK, "{path} ({lang}): {body}");
                assert!(body.contains(&format!("<html lang=\"{lang}\"")), "{path}");
                let text = visible(&body);
                for word in foreign {
                    assert!(
                        !text.contains(word),
                        "{path} in {lang} shows {word:?}: {text}"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn mail_goes_out_in_the_recipients_language() {
    let (app, db) = app_with(Environment::Test).await;
    // Ingrid saved Norwegian in the demo; Kari never chose, and asks from a Norwegian page.
    assert_eq!(
        saved(&db, "ingrid@fjord-megling.example").await,
        Some(Lang::Nb)
    );
    let ask = |email: &str, accept: &str| {
        Request::post(app::features::accounts::api::RequestSignIn::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header("sec-fetch-site", "same-origin")
            .header("accept-language", accept.to_owned())
            .body(Body::from(form(&[("email", email)])))
            .unwrap()
    };
    for (email, accept) in [
        ("ingrid@fjord-megling.example", "en"),
        ("kari@solheim.example", "nb"),
        ("anna@nordic-integrations.example", "en"),
    ] {
        let (status, _, body) = send(&app, ask(email, accept)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, _, mailbox) = send(&app, visit("/dev/mailbox.json", &[])).await;
    let mails: Vec<serde_json::Value> = serde_json::from_str(&mailbox).unwrap();
    let subject = |to: &str| {
        mails
            .iter()
            .find(|m| m["to"] == to)
            .unwrap_or_else(|| panic!("a mail to {to}: {mailbox}"))["subject"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        subject("ingrid@fjord-megling.example"),
        "Innloggingslenken din til Portico"
    );
    assert_eq!(
        subject("kari@solheim.example"),
        "Innloggingslenken din til Portico"
    );
    assert_eq!(
        subject("anna@nordic-integrations.example"),
        "Your Portico sign-in link"
    );
}

#[tokio::test]
async fn bad_input_is_explained_in_the_users_language() {
    use app::features::products::api::CreateProduct;
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let bad = form(&[
        ("org_id", &nordic),
        ("name", "X"),
        ("kind", "rights"),
        ("description", ""),
    ]);
    let (_, _, body) = send(&app, call(CreateProduct::PATH, &bad, Some(&anna))).await;
    assert_eq!(
        error_of(&body),
        app::error::AppError::invalid("The product name must be 3 to 100 characters.")
    );
    send(&app, switch("nb", "/", Some(&anna))).await;
    let (_, _, body) = send(&app, call(CreateProduct::PATH, &bad, Some(&anna))).await;
    assert_eq!(
        error_of(&body),
        app::error::AppError::invalid("Produktnavnet må være 3 til 100 tegn.")
    );
}
