//! Orders' server functions.
use super::dto::{OrderDetail, OrderRow, OrdersPage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::dto::OrderQuery, super::service, crate::server::lookups::shared, crate::server::request,
};

/// The "Orders" page: a partner's orders across its products, or a customer's on its
/// installations, filtered, newest first.
#[server]
pub async fn list_orders(
    org_id: i32,
    status: String,
    product: String,
    object: String,
    cursor: String,
) -> Result<OrdersPage, AppError> {
    let q = OrderQuery {
        status,
        product,
        object,
        cursor,
    };
    shared(format!("orders {org_id} {q:?}"), || async move {
        let (st, actor) = request::actor().await?;
        service::list::for_org(&st.db, &actor, org_id, &q).await
    })
    .await
}

/// An order's page.
#[server]
pub async fn get_order(org_id: i32, order_id: String) -> Result<OrderDetail, AppError> {
    shared(format!("order {org_id} {order_id:?}"), || async move {
        let (st, actor) = request::actor().await?;
        service::detail::detail(&st.db, &actor, org_id, &order_id).await
    })
    .await
}

/// The partner accepts, completes or declines an order; a customer's admin cancels it.
#[server]
pub async fn update_order(
    org_id: i32,
    order_id: String,
    status: String,
    message: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::status::move_order(&st.db, &actor, org_id, &order_id, &status, &message).await
}

/// The latest orders of a product on one of the customer's installations.
#[server]
pub async fn get_recent_orders(
    org_id: i32,
    installation_id: String,
    product_id: i32,
) -> Result<Vec<OrderRow>, AppError> {
    shared(
        format!("recent orders {org_id} {installation_id:?} {product_id}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::list::customer_recent(&st.db, &actor, org_id, &installation_id, product_id)
                .await
        },
    )
    .await
}
