//! The orders feature's server functions, for the isolation test.
use super::common::{call, error_of, form, send};
use app::error::AppError;
use app::features::orders::api::*;
use app::server::entities::order;
use axum::Router;
use leptos::server_fn::ServerFn;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Calls an outsider must be refused, as (path, form body): the partner's orders and the
/// customer's.
pub fn calls(nordic: &str, solheim: &str) -> Vec<(&'static str, String)> {
    let list = |org| {
        form(&[
            ("org_id", org),
            ("status", ""),
            ("product", ""),
            ("object", ""),
            ("cursor", ""),
        ])
    };
    let mut out = Vec::new();
    for org in [nordic, solheim] {
        out.push((ListOrders::PATH, list(org)));
        out.push((
            GetOrder::PATH,
            form(&[("org_id", org), ("order_id", "ord_x")]),
        ));
        out.push((
            UpdateOrder::PATH,
            form(&[
                ("org_id", org),
                ("order_id", "ord_x"),
                ("status", "cancelled"),
                ("message", ""),
            ]),
        ));
    }
    out.push((
        GetRecentOrders::PATH,
        form(&[
            ("org_id", solheim),
            ("installation_id", "SOLOSL"),
            ("product_id", "1"),
        ]),
    ));
    out
}

/// Acting as her own customer, Fjord's admin finds none of Solheim's orders: not to read, not
/// to cancel, not on her supplier panel.
pub async fn other_customers_orders_are_not_found(
    app: &Router,
    db: &DatabaseConnection,
    fjord: &str,
    cookie: &str,
) {
    let theirs = order::Entity::find().all(db).await.unwrap();
    assert!(!theirs.is_empty(), "the demo has orders on SOLOSL");
    for o in theirs {
        let id = o.public_id.as_str();
        let (_, _, text) = send(
            app,
            call(
                GetOrder::PATH,
                &form(&[("org_id", fjord), ("order_id", id)]),
                Some(cookie),
            ),
        )
        .await;
        assert_eq!(error_of(&text), AppError::NotFound, "get {id}");
        let body = form(&[
            ("org_id", fjord),
            ("order_id", id),
            ("status", "cancelled"),
            ("message", ""),
        ]);
        let (_, _, text) = send(app, call(UpdateOrder::PATH, &body, Some(cookie))).await;
        assert_eq!(error_of(&text), AppError::NotFound, "cancel {id}");
    }
    let body = form(&[
        ("org_id", fjord),
        ("installation_id", "SOLOSL"),
        ("product_id", "1"),
    ]);
    let (_, _, text) = send(app, call(GetRecentOrders::PATH, &body, Some(cookie))).await;
    assert_eq!(error_of(&text), AppError::NotFound);
    let list = form(&[
        ("org_id", fjord),
        ("status", ""),
        ("product", ""),
        ("object", ""),
        ("cursor", ""),
    ]);
    let (_, _, text) = send(app, call(ListOrders::PATH, &list, Some(cookie))).await;
    assert!(text.contains("\"rows\":[]"), "{text}");
}
