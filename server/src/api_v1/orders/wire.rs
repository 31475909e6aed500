//! The orders API's wire types: what the platform posts, what an order looks like, the
//! partner's answer and the list's parameters, with their OpenAPI schemas.
use app::features::access::dto::ObjectRef;
use app::glossary::{OrderParty, OrderStatus};
use app::server::entities::order;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Who ordered.
#[derive(Deserialize, Serialize, ToSchema)]
pub(in crate::api_v1) struct OrderedBy {
    #[schema(min_length = 1, max_length = 200, example = "Eva Megler")]
    pub(super) name: String,
    #[schema(min_length = 3, max_length = 254, example = "eva@solheim.example")]
    pub(super) email: String,
}

/// An order a person started from a sales object.
#[derive(Deserialize, ToSchema)]
pub(in crate::api_v1) struct OrderRequest {
    /// The installation, in any case.
    #[schema(
        pattern = "^[A-Za-z0-9_-]{2,32}$",
        min_length = 2,
        max_length = 32,
        example = "SOLOSL"
    )]
    pub(super) installation_id: String,
    /// An order integration product activated on the installation.
    #[schema(minimum = 1, example = 1)]
    pub(super) product_id: i32,
    pub(super) object: ObjectRef,
    pub(super) ordered_by: OrderedBy,
    /// Anything the partner needs, passed on in `order.created` (a JSON object, at most 64 KB).
    #[serde(default = "empty_object")]
    #[schema(value_type = Object)]
    pub(super) data: serde_json::Value,
}

pub(super) fn empty_object() -> serde_json::Value {
    serde_json::json!({})
}

/// One step of an order's timeline.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct OrderStep {
    pub(super) status: OrderStatus,
    /// The partner's (or customer's) message; may be empty.
    pub(super) message: String,
    /// `platform`, `partner` or `customer`.
    pub(super) by: OrderParty,
    /// RFC 3339.
    pub(super) at: String,
}

/// An order.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Order {
    /// `ord_...`
    pub(super) order_id: String,
    pub(super) product_id: i32,
    pub(super) installation_id: String,
    pub(super) object: ObjectRef,
    pub(super) ordered_by: OrderedBy,
    #[schema(value_type = Object)]
    pub(super) data: serde_json::Value,
    pub(super) status: OrderStatus,
    /// RFC 3339.
    pub(super) created_at: String,
    /// RFC 3339.
    pub(super) updated_at: String,
    /// RFC 3339, once completed.
    pub(super) completed_at: Option<String>,
    /// Oldest first; only on a single order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) steps: Option<Vec<OrderStep>>,
}

/// A page of orders, newest first.
#[derive(Serialize, ToSchema)]
pub(in crate::api_v1) struct Orders {
    pub(super) items: Vec<Order>,
    pub(super) next_cursor: Option<String>,
}

/// The partner's answer to an order.
#[derive(Deserialize, ToSchema)]
pub(in crate::api_v1) struct OrderPatch {
    /// `accepted`, `completed` or `declined`.
    pub(super) status: OrderStatus,
    /// To the customer; required when declining.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub(super) message: String,
}

/// Why the platform cancels an order.
#[derive(Deserialize, ToSchema, Default)]
pub(in crate::api_v1) struct CancelRequest {
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub(super) message: String,
}

/// `status`, `cursor` and `limit` of the orders list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::api_v1) struct OrderParams {
    /// Only orders in this status.
    pub(super) status: Option<OrderStatus>,
    /// The `next_cursor` of the page before; none for the first page.
    #[param(max_length = 20, pattern = "^[0-9]{1,10}$")]
    pub(super) cursor: Option<String>,
    /// Orders on the page (50 unless given).
    #[param(minimum = 1, maximum = 100)]
    pub(super) limit: Option<u32>,
}

pub(super) fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An order as the API shows it (`installation_id` is the platform's).
pub(super) fn order_json(
    o: order::Model,
    installation_id: String,
    steps: Option<Vec<OrderStep>>,
) -> Order {
    Order {
        data: serde_json::from_str(&o.data).unwrap_or_else(|_| empty_object()),
        order_id: o.public_id,
        product_id: o.product_id,
        installation_id,
        object: ObjectRef {
            object_type: o.object_type,
            id: o.object_id,
        },
        ordered_by: OrderedBy {
            name: o.ordered_by_name,
            email: o.ordered_by_email,
        },
        status: o.status,
        created_at: rfc3339(o.created_at),
        updated_at: rfc3339(o.updated_at),
        completed_at: o.completed_at.map(rfc3339),
        steps,
    }
}
