//! The function picker with a catalog of over a thousand functions: the page renders only the
//! first matches ("Show more" asks for the next ones), and a search finds any function.
mod common;

use app::features::catalog::service::import;
use app::features::products::pages::PICKER_PAGE;
use app::glossary::Environment;
use axum::http::StatusCode;
use common::*;
use server::bench::generated_catalog;

/// The function items the page's list renders.
fn listed(body: &str) -> usize {
    let start = body
        .find("class=\"picker-list\"")
        .expect("the picker's list");
    let end = body
        .find("class=\"picker-detail\"")
        .expect("the picker's panel");
    body[start..end].matches("<li>").count()
}

#[tokio::test]
async fn a_large_catalog_is_listed_a_page_at_a_time_and_searched_whole() {
    let (app, db) = app_with(Environment::Dev).await;
    import(&db, &generated_catalog(0, 1_200)).await.unwrap();
    let cookie = sign_in(&app, "anna@nordic-integrations.example").await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let picker = format!(
        "/o/{nordic}/products/{}/functions",
        demo_product(&db).await.id
    );
    let total = 1_200 + 153;
    let shown = "1,353";

    let (status, _, body) = send(&app, page(&picker, &cookie)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(listed(&body), PICKER_PAGE);
    assert!(
        body.contains(&format!("{shown} of {shown} functions")),
        "{body}"
    );
    assert!(body.contains(&format!(
        "Showing {PICKER_PAGE} of {shown} matching functions."
    )));
    // "Show more" without JavaScript: a link to the next page, which lists twice as many.
    let more = format!("?show={}", 2 * PICKER_PAGE);
    assert!(body.contains(&format!("href=\"{more}\"")), "{body}");
    let (_, _, body) = send(&app, page(&format!("{picker}{more}"), &cookie)).await;
    assert_eq!(listed(&body), 2 * PICKER_PAGE);
    // Asking for more than there is lists everything, without a "Show more".
    let (_, _, body) = send(&app, page(&format!("{picker}?show=999999"), &cookie)).await;
    assert_eq!(listed(&body), total);
    assert!(!body.contains("data-testid=\"picker-more\""));
    // A nonsense count is the first page, not an error.
    let (status, _, body) = send(&app, page(&format!("{picker}?show=-3"), &cookie)).await;
    assert_eq!((status, listed(&body)), (StatusCode::OK, PICKER_PAGE));

    // A search reaches past the first page: function 1177 is far down the catalog. Its link
    // keeps the search, so choosing it does not lose the list.
    let (_, _, body) = send(&app, page(&format!("{picker}?q=function%201177"), &cookie)).await;
    assert_eq!(listed(&body), 1);
    assert!(body.contains("1 of 1,353 functions"), "{body}");
    assert!(
        body.contains("href=\"?q=function%201177&amp;f=generated.f1177\""),
        "{body}"
    );
    assert!(!body.contains("data-testid=\"picker-more\""));
}
