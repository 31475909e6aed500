//! Lists of orders, newest first in cursor pages: a partner's (its products' orders on the
//! sales units it may see), a customer's (its installations' orders), and a product's for the
//! REST API. Each page costs the same few queries whatever its size.
use crate::error::AppError;
use crate::features::orders::dto::{OrderQuery, OrderRow, OrdersPage, PAGE_SIZE};
use crate::glossary::{OrderParty, OrderStatus};
use crate::i18n::Lang;
use crate::server::clock::local;
use crate::server::entities::{installation, order, product};
use crate::server::names::Names;
use crate::server::paging;
use crate::server::scope::{require_customer, require_partner, Actor};
use crate::server::validate::is_object_id;
use crate::t;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

/// The filters of a query as a condition, or why one cannot be read.
pub fn filters(lang: Lang, q: &OrderQuery) -> Result<Condition, AppError> {
    let mut all = Condition::all();
    if !q.status.trim().is_empty() {
        let status: OrderStatus = q
            .status
            .trim()
            .parse()
            .map_err(|_| AppError::invalid(t!(lang, "orders-bad-status")))?;
        all = all.add(order::Column::Status.eq(status));
    }
    if !q.product.trim().is_empty() {
        let id: i32 = q
            .product
            .trim()
            .parse()
            .map_err(|_| AppError::invalid(t!(lang, "orders-bad-product")))?;
        all = all.add(order::Column::ProductId.eq(id));
    }
    let object = q.object.trim();
    if !object.is_empty() {
        if !is_object_id(object) {
            return Err(AppError::invalid(t!(lang, "orders-bad-object")));
        }
        // Object IDs hold no '%'; '_' is escaped so that it matches only itself.
        let pattern = format!("{}%", object.replace('\\', "\\\\").replace('_', "\\_"));
        all = all.add(
            Expr::col((order::Entity, order::Column::ObjectId))
                .like(LikeExpr::new(pattern).escape('\\')),
        );
    }
    Ok(all)
}

/// At most `size` orders meeting `scope` and the query's filters, newest first, and where the
/// next page starts.
pub async fn page(
    db: &impl ConnectionTrait,
    lang: Lang,
    scope: Condition,
    q: &OrderQuery,
    size: usize,
) -> Result<(Vec<order::Model>, Option<String>), AppError> {
    let after = paging::cursor(&q.cursor, || {
        AppError::invalid(t!(lang, "orders-bad-cursor"))
    })?;
    let select = order::Entity::find()
        .filter(scope)
        .filter(filters(lang, q)?);
    paging::newest_first(db, select, order::Column::Id, after, size, |o| o.id).await
}

/// The orders partners may see of these products: on visible installations only.
pub fn partner_scope(products: impl IntoIterator<Item = i32>) -> Condition {
    Condition::all()
        .add(order::Column::ProductId.is_in(products))
        .add(order::Column::InstallationId.in_subquery(installation::visible_ids()))
}

/// A partner's products, by name.
async fn partner_products(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(product::Entity::find()
        .filter(product::Column::PartnerId.eq(org_id))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

/// A page of the orders of the partner's products (any member).
pub async fn partner_list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &OrderQuery,
) -> Result<OrdersPage, AppError> {
    require_partner(db, actor, org_id).await?;
    partner_page(db, actor.lang, org_id, q).await
}

/// [`partner_list`] once the actor is known to be a member of the partner `org_id`.
async fn partner_page(
    db: &impl ConnectionTrait,
    lang: Lang,
    org_id: i32,
    q: &OrderQuery,
) -> Result<OrdersPage, AppError> {
    let products = partner_products(db, org_id).await?;
    let scope = partner_scope(products.iter().map(|p| p.0));
    let (orders, next_cursor) = page(db, lang, scope, q, PAGE_SIZE).await?;
    Ok(OrdersPage {
        rows: describe(db, orders).await?,
        next_cursor,
        products,
        viewer: OrderParty::Partner,
    })
}

/// A page of the orders on the customer's installations (any member).
pub async fn customer_list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &OrderQuery,
) -> Result<OrdersPage, AppError> {
    require_customer(db, actor, org_id).await?;
    customer_page(db, actor.lang, org_id, q).await
}

/// [`customer_list`] once the actor is known to be a member of the customer `org_id`.
async fn customer_page(
    db: &impl ConnectionTrait,
    lang: Lang,
    org_id: i32,
    q: &OrderQuery,
) -> Result<OrdersPage, AppError> {
    let own = installation::Entity::find()
        .select_only()
        .column(installation::Column::Id)
        .filter(installation::Column::CustomerId.eq(org_id))
        .into_query();
    let scope = Condition::all().add(order::Column::InstallationId.in_subquery(own.clone()));
    let (orders, next_cursor) = page(db, lang, scope, q, PAGE_SIZE).await?;
    let ordered = order::Entity::find()
        .select_only()
        .column(order::Column::ProductId)
        .distinct()
        .filter(order::Column::InstallationId.in_subquery(own))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    let mut products: Vec<(i32, String)> = product::Entity::find()
        .filter(product::Column::Id.is_in(ordered))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    products.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(OrdersPage {
        rows: describe(db, orders).await?,
        next_cursor,
        products,
        viewer: OrderParty::Customer,
    })
}

/// The latest orders of a product on one installation (the customer's supplier panel).
pub async fn recent(
    db: &impl ConnectionTrait,
    installation: i32,
    product_id: i32,
    n: u64,
) -> Result<Vec<OrderRow>, AppError> {
    let orders = order::Entity::find()
        .filter(order::Column::InstallationId.eq(installation))
        .filter(order::Column::ProductId.eq(product_id))
        .order_by_desc(order::Column::Id)
        .limit(n)
        .all(db)
        .await?;
    describe(db, orders).await
}

/// The rows of these orders with their products, partners, installations and customers, in
/// four queries whatever their number.
pub async fn describe(
    db: &impl ConnectionTrait,
    orders: Vec<order::Model>,
) -> Result<Vec<OrderRow>, AppError> {
    let names = Names::load(
        db,
        orders.iter().map(|o| o.product_id),
        orders.iter().map(|o| o.installation_id),
        [],
    )
    .await?;
    let org_name = |id: i32| names.organization_name(id).unwrap_or_default();
    Ok(orders
        .into_iter()
        .filter_map(|o| {
            let p = names.product(o.product_id)?;
            let i = names.installation(o.installation_id)?;
            Some(OrderRow {
                id: o.public_id,
                product_id: p.id,
                product_name: p.name.clone(),
                partner_name: org_name(p.partner_id),
                installation_id: i.installation_id.clone(),
                installation_name: i.name.clone(),
                customer_name: org_name(i.customer_id),
                object_type: o.object_type,
                object_id: o.object_id,
                ordered_by_name: o.ordered_by_name,
                ordered_by_email: o.ordered_by_email,
                status: o.status,
                created_at: local(o.created_at),
                updated_at: local(o.updated_at),
            })
        })
        .collect())
}

/// The orders page of `org_id`: a partner's or a customer's list.
pub async fn for_org(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &OrderQuery,
) -> Result<OrdersPage, AppError> {
    // One membership check: the page's request-scoped lookups do not reach past an await.
    let (org, _) = crate::server::scope::require_member(db, actor, org_id).await?;
    match org.kind {
        crate::glossary::OrgKind::Partner => partner_page(db, actor.lang, org_id, q).await,
        crate::glossary::OrgKind::Customer => customer_page(db, actor.lang, org_id, q).await,
        crate::glossary::OrgKind::Operator => Err(AppError::Forbidden),
    }
}

/// The latest orders of a product on one of the customer's installations (its supplier panel),
/// for any member of the customer.
pub async fn customer_recent(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
) -> Result<Vec<OrderRow>, AppError> {
    require_customer(db, actor, org_id).await?;
    let inst = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id.trim().to_uppercase()))
        .filter(installation::Column::CustomerId.eq(org_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    recent(db, inst.id, product_id, 5).await
}
