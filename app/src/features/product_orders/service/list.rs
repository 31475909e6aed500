//! Reading product orders: a partner sees only the orders that name it, a customer its own (by
//! its organization or business identifier), the operator's staff all; newest first in cursor
//! pages of the same few queries whatever their size. An order's page, and a partner's delete.
use super::{business_identifier, link_of, package_label};
use crate::error::AppError;
use crate::features::product_orders::dto::{
    PackageOption, ProductOrderDetail, ProductOrderQuery, ProductOrderRow, ProductOrderStep,
    ProductOrdersPage, PAGE_SIZE,
};
use crate::glossary::{OrgKind, ProductOrderStatus, ProductOrderType, ProductStatus, Role};
use crate::i18n::Lang;
use crate::server::clock::local;
use crate::server::entities::{
    installation, organization, price_package, price_package_offer, product, product_order as po,
    product_order_logo, product_order_step,
};
use crate::server::names::Names;
use crate::server::paging;
use crate::server::scope::{require_member, Actor};
use crate::server::{audit, Config};
use crate::t;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};

/// The query's filters as a condition, or why one cannot be read.
pub fn filters(lang: Lang, q: &ProductOrderQuery) -> Result<Condition, AppError> {
    let mut all = Condition::all();
    let status = match q.status.trim() {
        "" => None,
        s => Some(
            s.parse::<ProductOrderStatus>()
                .map_err(|_| AppError::invalid(t!(lang, "product-orders-bad-status")))?,
        ),
    };
    match status {
        Some(s) => all = all.add(po::Column::Status.eq(s)),
        None if !q.include_expired => {
            all = all.add(po::Column::Status.ne(ProductOrderStatus::Expired))
        }
        None => {}
    }
    if !q.order_type.trim().is_empty() {
        let t: ProductOrderType = q
            .order_type
            .trim()
            .parse()
            .map_err(|_| AppError::invalid(t!(lang, "product-orders-bad-type")))?;
        all = all.add(po::Column::OrderType.eq(t));
    }
    let text = q.q.trim();
    if !text.is_empty() {
        if text.chars().count() > 100 {
            return Err(AppError::invalid(t!(lang, "product-orders-bad-search")));
        }
        // A business identifier as lists show it, or just its number; or part of a name.
        let number = text.rsplit(' ').next().unwrap_or(text).replace(' ', "");
        let pattern = format!(
            "%{}%",
            text.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let like = |col: po::Column| {
            Expr::expr(Func::lower(Expr::col((po::Entity, col))))
                .like(LikeExpr::new(pattern.clone()).escape('\\'))
        };
        let customer_named = organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .filter(
                Expr::expr(Func::lower(Expr::col((
                    organization::Entity,
                    organization::Column::Name,
                ))))
                .like(LikeExpr::new(pattern.clone()).escape('\\')),
            )
            .into_query();
        all = all.add(
            Condition::any()
                .add(po::Column::BusinessId.eq(number))
                .add(like(po::Column::CustomerName))
                .add(like(po::Column::SalesUnitName))
                .add(po::Column::CustomerId.in_subquery(customer_named)),
        );
    }
    Ok(all)
}

/// At most `size` orders in `scope` meeting the query, newest first, and where the next page
/// starts.
pub async fn page(
    db: &impl ConnectionTrait,
    lang: Lang,
    scope: Condition,
    q: &ProductOrderQuery,
    size: usize,
) -> Result<(Vec<po::Model>, Option<String>), AppError> {
    let bad = || AppError::invalid(t!(lang, "product-orders-bad-cursor"));
    let after = paging::cursor(&q.cursor, bad)?;
    let select = po::Entity::find().filter(scope).filter(filters(lang, q)?);
    paging::newest_first(db, select, po::Column::Id, after, size, |o| o.id).await
}

/// The orders an organization may see: a partner those that name it, a customer its own, the
/// operator's staff every one.
pub fn scope_of(org: &organization::Model) -> Condition {
    match org.kind {
        OrgKind::Partner => Condition::all().add(po::Column::PartnerId.eq(org.id)),
        OrgKind::Customer => {
            let mut own = Condition::any().add(po::Column::CustomerId.eq(org.id));
            if let (Some(s), Some(id)) = (&org.business_id_scheme, &org.business_id) {
                own = own.add(
                    Condition::all()
                        .add(po::Column::BusinessIdScheme.eq(s.clone()))
                        .add(po::Column::BusinessId.eq(id.clone())),
                );
            }
            own
        }
        OrgKind::Operator => Condition::all(),
    }
}

/// The packages offered to a partner, as forms offer them.
pub async fn offered_to(
    db: &impl ConnectionTrait,
    partner: i32,
) -> Result<Vec<PackageOption>, AppError> {
    let ids: Vec<i32> = price_package_offer::Entity::find()
        .filter(price_package_offer::Column::PartnerId.eq(partner))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.price_package_id)
        .collect();
    let mut out: Vec<PackageOption> = price_package::Entity::find()
        .filter(price_package::Column::Id.is_in(ids))
        .all(db)
        .await?
        .iter()
        .map(|p| PackageOption {
            id: p.id,
            label: package_label(p),
            market: p.market.as_str().to_owned(),
        })
        .collect();
    out.sort_by(|a, b| (&a.market, &a.label).cmp(&(&b.market, &b.label)));
    Ok(out)
}

/// A partner's active products, by name.
pub async fn active_products(
    db: &impl ConnectionTrait,
    partner: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(product::Entity::find()
        .filter(product::Column::PartnerId.eq(partner))
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

/// The "Product orders" page of `org_id`.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    q: &ProductOrderQuery,
) -> Result<ProductOrdersPage, AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    let (orders, next_cursor) = page(db, actor.lang, scope_of(&org), q, PAGE_SIZE).await?;
    let partner = org.kind == OrgKind::Partner;
    let (products, packages) = if partner {
        (
            active_products(db, org.id).await?,
            offered_to(db, org.id).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(ProductOrdersPage {
        rows: describe(db, orders).await?,
        next_cursor,
        viewer: org.kind,
        can_manage: role == Role::Admin && org.kind != OrgKind::Customer,
        products,
        packages,
        auto_approve: org.kind == OrgKind::Operator
            && super::auto_approve::auto_approve(db).await?,
    })
}

/// The rows of these orders, with their products, partners, customers and sales units, in four
/// queries whatever their number.
pub async fn describe(
    db: &impl ConnectionTrait,
    orders: Vec<po::Model>,
) -> Result<Vec<ProductOrderRow>, AppError> {
    let names = Names::load(
        db,
        orders.iter().map(|o| o.product_id),
        orders.iter().filter_map(|o| o.installation_id),
        orders
            .iter()
            .map(|o| o.partner_id)
            .chain(orders.iter().filter_map(|o| o.customer_id)),
    )
    .await?;
    Ok(orders
        .into_iter()
        .map(|o| ProductOrderRow {
            id: o.public_id.clone(),
            order_type: o.order_type,
            status: o.status,
            product_id: o.product_id,
            product_name: names
                .product(o.product_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            partner_name: names.organization_name(o.partner_id).unwrap_or_default(),
            customer_name: o
                .customer_id
                .and_then(|c| names.organization_name(c))
                .or_else(|| o.customer_name.clone())
                .unwrap_or_default(),
            business_identifier: business_identifier(&o),
            sales_unit_name: o.sales_unit_name.clone(),
            installation_id: o
                .installation_id
                .and_then(|i| names.installation(i))
                .map(|i| i.installation_id.clone()),
            created_at: local(o.created_at),
            updated_at: local(o.updated_at),
        })
        .collect())
}

/// The order `order_id` if `org_id` may see it (anyone else: "not found"), the organization and
/// the actor's role in it.
pub async fn visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
) -> Result<(po::Model, organization::Model, Role), AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    let o = po::Entity::find()
        .filter(po::Column::PublicId.eq(order_id.trim()))
        .filter(scope_of(&org))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((o, org, role))
}

/// An order's page, as the partner, the customer or the operator sees it.
pub async fn detail(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
) -> Result<ProductOrderDetail, AppError> {
    let (o, org, role) = visible(db, actor, org_id, order_id).await?;
    let steps = product_order_step::Entity::find()
        .filter(product_order_step::Column::ProductOrderId.eq(o.id))
        .order_by_asc(product_order_step::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| ProductOrderStep {
            status: s.status,
            by: s.by_label,
            at: local(s.created_at),
        })
        .collect();
    let package = match o.price_package_id {
        Some(id) => price_package::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| package_label(&p)),
        None => None,
    };
    let admin = role == Role::Admin;
    let open = o.status.is_open();
    let connectable = match (org.kind, o.customer_id) {
        (OrgKind::Operator, Some(c)) if o.status == ProductOrderStatus::OrderSubmitted => {
            installation::Entity::find()
                .filter(installation::Column::CustomerId.eq(c))
                .filter(installation::Column::Status.eq(crate::glossary::ActiveStatus::Active))
                .order_by_asc(installation::Column::InstallationId)
                .all(db)
                .await?
                .into_iter()
                .map(|i| (i.installation_id, i.name))
                .collect()
        }
        _ => Vec::new(),
    };
    let has_logo = product_order_logo::Entity::find()
        .filter(product_order_logo::Column::ProductOrderId.eq(o.id))
        .count(db)
        .await?
        > 0;
    let link = link_of(config, o.link_sealed.as_deref()).filter(|_| open);
    Ok(ProductOrderDetail {
        viewer: org.kind,
        note: o.note.clone(),
        contact_email: o.contact_email.clone(),
        price_package: package,
        package_locked: o.package_locked,
        expires_at: o.expires_at.map(local),
        link: link
            .clone()
            .filter(|_| org.kind == OrgKind::Partner && o.order_type == ProductOrderType::Prefill),
        steps,
        rejection_reason: o
            .rejection_reason
            .clone()
            .filter(|_| org.kind == OrgKind::Operator),
        can_delete: admin
            && org.kind == OrgKind::Partner
            && open
            && o.order_type == ProductOrderType::Prefill,
        can_decide: admin
            && org.kind == OrgKind::Operator
            && o.status == ProductOrderStatus::OrderSubmitted,
        connectable,
        continue_link: link.filter(|_| org.kind == OrgKind::Customer),
        has_logo,
        order: describe(db, vec![o])
            .await?
            .pop()
            .ok_or(AppError::NotFound)?,
    })
}

/// A partner admin deletes its prefill before it is submitted; afterwards it is a conflict.
pub async fn delete(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
) -> Result<(), AppError> {
    let (o, org, role) = visible(db, actor, org_id, order_id).await?;
    if org.kind != OrgKind::Partner || role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    if !o.status.is_open() {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "product-order-delete-too-late",
            status = o.status.label(actor.lang).to_lowercase()
        )));
    }
    // Only while it is still open: a submission at the same moment wins, and this is refused.
    let gone = po::Entity::delete_many()
        .filter(po::Column::Id.eq(o.id))
        .filter(po::Column::Status.is_in([
            ProductOrderStatus::Received,
            ProductOrderStatus::MerchantViewed,
        ]))
        .exec(db)
        .await?;
    if gone.rows_affected != 1 {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "error-concurrent-change"
        )));
    }
    audit::record(
        db,
        actor,
        Some(org_id),
        "product_order.deleted",
        &o.public_id,
        "",
    )
    .await
}
