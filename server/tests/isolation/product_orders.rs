//! The product orders feature's server functions, for the isolation test.
use super::common::{call, error_of, form, send};
use app::error::AppError;
use app::features::product_orders::api::*;
use app::server::entities::product_order;
use axum::Router;
use leptos::server_fn::ServerFn;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Calls an outsider must be refused, as (path, form body): the partner's orders and
/// templates, the operator's queue and decisions, the customer's own ordering.
pub fn calls(nordic: &str, operator: &str, solheim: &str) -> Vec<(&'static str, String)> {
    let list = |org| {
        form(&[
            ("org_id", org),
            ("status", ""),
            ("order_type", ""),
            ("q", ""),
            ("include_expired", "false"),
            ("cursor", ""),
        ])
    };
    let order = |org| form(&[("org_id", org), ("order_id", "po_x")]);
    vec![
        (ListProductOrders::PATH, list(nordic)),
        (ListProductOrders::PATH, list(operator)),
        (ListProductOrders::PATH, list(solheim)),
        (GetProductOrder::PATH, order(nordic)),
        (DeleteProductOrder::PATH, order(nordic)),
        (
            CreateProductOrder::PATH,
            form(&[
                ("org_id", nordic),
                ("business_id_scheme", "business:NO:ORG"),
                ("business_id", "910000012"),
                ("product_id", "1"),
                ("price_package_id", ""),
                ("sales_unit_name", "Evil"),
                ("contact_email", ""),
                ("note", ""),
            ]),
        ),
        (
            ApproveProductOrder::PATH,
            form(&[
                ("org_id", operator),
                ("order_id", "po_x"),
                ("target", "new"),
            ]),
        ),
        (
            RejectProductOrder::PATH,
            form(&[("org_id", operator), ("order_id", "po_x"), ("reason", "x")]),
        ),
        (
            SetProductOrderAutoApprove::PATH,
            form(&[("org_id", operator), ("on", "true")]),
        ),
        (ListTemplates::PATH, form(&[("org_id", nordic)])),
        (
            CreateTemplate::PATH,
            form(&[
                ("org_id", nordic),
                ("name", "Evil"),
                ("product_id", "1"),
                ("price_package_id", ""),
            ]),
        ),
        (
            RetireTemplate::PATH,
            form(&[("org_id", nordic), ("template_id", "pot_x")]),
        ),
        (ListOrderableProducts::PATH, form(&[("org_id", solheim)])),
        (
            OrderProduct::PATH,
            form(&[("org_id", solheim), ("product_id", "1")]),
        ),
    ]
}

/// Acting as her own customer, Fjord's admin finds none of another company's product orders;
/// she cannot open another company's link; the sign-up calls ask signed-out visitors to sign in.
pub async fn other_companies_orders_are_not_found(
    app: &Router,
    db: &DatabaseConnection,
    fjord: &str,
    cookie: &str,
) {
    let all = product_order::Entity::find().all(db).await.unwrap();
    assert!(all.len() >= 2, "the demo has product orders");
    let fjords = all.iter().filter(|o| o.business_id == "987654325").count();
    for o in &all {
        let body = form(&[("org_id", fjord), ("order_id", &o.public_id)]);
        let (_, _, text) = send(app, call(GetProductOrder::PATH, &body, Some(cookie))).await;
        if o.business_id == "987654325" {
            assert!(!text.contains("\"error\""), "her own order: {text}");
        } else {
            assert_eq!(error_of(&text), AppError::NotFound, "{}", o.public_id);
        }
    }
    assert_eq!(fjords, 1);
    // A link that opens nothing is "expired"; signed out, the sign-up calls ask to sign in.
    let body = form(&[("token", &"A".repeat(43))]);
    let (_, _, text) = send(app, call(GetSignUp::PATH, &body, Some(cookie))).await;
    assert_eq!(error_of(&text), AppError::LinkExpired);
    for path in [GetSignUp::PATH, GetTemplateStart::PATH] {
        let (_, _, text) = send(app, call(path, &body, None)).await;
        assert_eq!(error_of(&text), AppError::NotSignedIn, "{path}");
    }
}
