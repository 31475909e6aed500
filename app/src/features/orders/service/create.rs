//! The platform posts an order (`POST /api/v1/orders`, service token) when a person starts one
//! from a sales object: only for an order integration product activated on that installation.
//! The order, its first timeline step, the audit entry and the `order.created` event for the
//! product's subscriptions are written in one transaction. Messages are the REST API's, in
//! English.
use crate::error::AppError;
use crate::features::push::service::publish::{publish_to_product, Published};
use crate::glossary::{ActiveStatus, OrderParty, OrderStatus, ProductKind};
use crate::server::clock::now;
use crate::server::entities::{
    activation, api_function, installation, order, order_update, product,
};
use crate::server::scope::Actor;
use crate::server::validate::{is_installation_id, is_object_id, is_object_type};
use crate::server::{audit, db};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// The largest `data` object, serialized.
pub const MAX_DATA_BYTES: usize = 64 * 1024;

/// What the platform sends.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub installation_id: String,
    pub product_id: i32,
    pub object_type: String,
    pub object_id: String,
    pub ordered_by_name: String,
    pub ordered_by_email: String,
    pub data: serde_json::Value,
}

/// The stored order and its `order.created` event.
#[derive(Debug, Clone)]
pub struct Created {
    pub order: order::Model,
    pub event: Published,
}

fn invalid(msg: impl Into<String>) -> AppError {
    AppError::invalid(msg)
}

/// Checks the fields that need no database.
fn check_shape(input: &NewOrder) -> Result<(), AppError> {
    if !is_installation_id(&input.installation_id) {
        return Err(invalid(
            "installation_id must be 2 to 32 letters, digits, '-' or '_' (for example SOLOSL).",
        ));
    }
    if !is_object_type(&input.object_type) {
        return Err(invalid(
            "object.type must be a lower-case word such as estate (letters, digits and '_', at most 32).",
        ));
    }
    if !is_object_id(&input.object_id) {
        return Err(invalid(
            "object.id must be 1 to 64 letters, digits, '-', '_', '.' or ':'.",
        ));
    }
    // Counted as sent (the API's schema states 1 to 200), then not blank.
    let name = &input.ordered_by_name;
    if name.trim().is_empty() || name.chars().count() > 200 {
        return Err(invalid("ordered_by.name must be 1 to 200 characters."));
    }
    crate::server::validate::email(crate::i18n::Lang::En, &input.ordered_by_email)
        .map_err(|_| invalid("ordered_by.email must be an e-mail address."))?;
    if !input.data.is_object() {
        return Err(invalid("data must be a JSON object."));
    }
    if input.data.to_string().len() > MAX_DATA_BYTES {
        return Err(invalid("data must be at most 64 KB of JSON."));
    }
    Ok(())
}

/// The installation (active, of an active customer) and the order integration product
/// activated there, or why the order is refused.
async fn target(
    db: &impl ConnectionTrait,
    input: &NewOrder,
) -> Result<(installation::Model, product::Model), AppError> {
    let iid = input.installation_id.to_uppercase();
    let Some(inst) = installation::find_visible(db, &iid).await? else {
        return Err(invalid(format!("There is no active installation {iid}.")));
    };
    let Some(p) = product::Entity::find_by_id(input.product_id)
        .one(db)
        .await?
    else {
        return Err(invalid(format!(
            "There is no product {}.",
            input.product_id
        )));
    };
    if p.kind != ProductKind::OrderIntegration {
        return Err(invalid(format!(
            "Product {} is a rights product: only order integration products take orders.",
            p.id
        )));
    }
    let activated = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(p.id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .count(db)
        .await?
        > 0;
    if !activated {
        return Err(invalid(format!(
            "Product {} is not activated on installation {iid}.",
            p.id
        )));
    }
    let known_type = api_function::Entity::find()
        .filter(api_function::Column::ObjectType.eq(&input.object_type))
        .count(db)
        .await?
        > 0;
    if !known_type {
        return Err(invalid(format!(
            "No function of the catalog acts on a {}: object.type must be one the catalog names (such as estate).",
            input.object_type
        )));
    }
    Ok((inst, p))
}

/// Stores a new `open` order and queues `order.created` to the product's subscriptions.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: NewOrder,
) -> Result<Created, AppError> {
    check_shape(&input)?;
    let actor = actor.clone();
    db::write(db, move |txn| {
        Box::pin(async move {
            let (inst, p) = target(txn, &input).await?;
            let at = now();
            let public_id = crate::features::push::service::subscriptions::public_id("ord");
            let o = order::ActiveModel {
                public_id: Set(public_id.clone()),
                installation_id: Set(inst.id),
                product_id: Set(p.id),
                object_type: Set(input.object_type.clone()),
                object_id: Set(input.object_id.clone()),
                ordered_by_name: Set(input.ordered_by_name.trim().to_owned()),
                ordered_by_email: Set(input.ordered_by_email.trim().to_lowercase()),
                data: Set(input.data.to_string()),
                status: Set(OrderStatus::Open),
                created_at: Set(at),
                updated_at: Set(at),
                completed_at: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            order_update::ActiveModel {
                order_id: Set(o.id),
                status: Set(OrderStatus::Open),
                message: Set(String::new()),
                by_party: Set(OrderParty::Platform),
                by_label: Set(actor.label.clone()),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            let event = publish_to_product(
                txn,
                inst.id,
                p.id,
                "order.created",
                &super::event_data(&o, &inst.installation_id),
            )
            .await?;
            audit::record(
                txn,
                &actor,
                Some(inst.customer_id),
                "order.created",
                &public_id,
                &format!(
                    "product {} on {} for {} {}",
                    p.id, inst.installation_id, o.object_type, o.object_id
                ),
            )
            .await?;
            Ok(Created { order: o, event })
        })
    })
    .await
}
