//! Push subscriptions (rule 7): a partner's receiver URL for event types of push-capable
//! functions its product requires. Creating one, or changing its URL ([`super::manage`]), first
//! sends a signed verification event; unless the receiver answers 2xx within 10 seconds nothing
//! is saved and the partner is told what happened.
use super::delivery_log::{self, LogQuery};
use crate::error::AppError;
use crate::features::catalog;
use crate::features::products::service::own_product;
use crate::features::push::dto::{
    PushFunctionDto, SubscriptionDetail, SubscriptionDto, SubscriptionFormData,
};
use crate::glossary::{Environment, Role, SubscriptionStatus};
use crate::server::clock::{local, now};
use crate::server::entities::{
    api_function, json, product, product_version as pv, push_subscription as ps, version_grant,
};
use crate::server::net::sender::PushClient;
use crate::server::net::{address, sender, signing};
use crate::server::scope::{require_partner, require_partner_admin, Actor};
use crate::server::secrets::new_token;
use crate::server::{audit, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// How long a receiver has to confirm the verification event.
pub const VERIFY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the old secret keeps signing after a rotation.
pub const ROTATION_OVERLAP: chrono::Duration = chrono::Duration::hours(24);
/// How long after creation or rotation the new secret can be shown (until confirmed saved).
pub const SECRET_SHOWN_FOR: chrono::Duration = chrono::Duration::minutes(15);
/// The longest description.
pub const MAX_DESCRIPTION: usize = 200;

/// `<prefix>_<random>`: the IDs partners and receivers see.
pub fn public_id(prefix: &str) -> String {
    format!("{prefix}_{}", &new_token()[..22])
}

/// A subscription's event types; an unreadable stored value refuses (rule 13).
pub fn event_types_of(s: &ps::Model) -> Result<Vec<String>, AppError> {
    json(&s.event_types, "push_subscriptions.event_types")
}

/// Event types as they are stored.
pub(super) fn event_types_json(event_types: &[String]) -> String {
    serde_json::to_string(event_types).unwrap_or_else(|_| "[]".into())
}

/// The push-capable functions the product's newest version requires, and for an order
/// integration product its orders' events (named in `lang`).
pub async fn push_functions(
    db: &impl ConnectionTrait,
    lang: crate::i18n::Lang,
    p: &product::Model,
) -> Result<Vec<PushFunctionDto>, AppError> {
    let mut out: Vec<PushFunctionDto> = Vec::new();
    if p.kind == crate::glossary::ProductKind::OrderIntegration {
        out.push(PushFunctionDto {
            function: super::publish::ORDER_EVENTS_FUNCTION.into(),
            name: t!(lang, "push-order-events"),
            event_types: super::publish::ORDER_EVENT_TYPES
                .iter()
                .map(|t| t.to_string())
                .collect(),
        });
    }
    let Some(v) = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(p.id))
        .order_by_desc(pv::Column::Number)
        .one(db)
        .await?
    else {
        return Ok(out);
    };
    let ids: Vec<i32> = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(v.id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.function_id)
        .collect();
    for f in api_function::Entity::find()
        .filter(api_function::Column::Id.is_in(ids))
        .all(db)
        .await?
    {
        let event_types = catalog::service::event_types(&f)?;
        if !event_types.is_empty() {
            out.push(PushFunctionDto {
                function: f.key,
                name: f.name,
                event_types,
            });
        }
    }
    out.sort_by(|a, b| a.function.cmp(&b.function));
    Ok(out)
}

async fn form_data(
    db: &impl ConnectionTrait,
    config: &Config,
    lang: crate::i18n::Lang,
    p: &product::Model,
    role: Role,
) -> Result<SubscriptionFormData, AppError> {
    Ok(SubscriptionFormData {
        product_id: p.id,
        product_name: p.name.clone(),
        functions: push_functions(db, lang, p).await?,
        https_only: config.env == Environment::Production,
        can_manage: role == Role::Admin,
    })
}

/// What the "Create subscription" form offers; any member of the partner may look.
pub async fn form(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<SubscriptionFormData, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    form_data(db, config, actor.lang, &p, role).await
}

/// What the partner typed into the subscription form.
#[derive(Debug, Clone, Default)]
pub struct SubscriptionInput {
    pub url: String,
    pub event_types: Vec<String>,
    pub description: String,
}

/// The checked input: URL, event types (sorted, unique), description.
pub(super) fn validated(
    lang: crate::i18n::Lang,
    config: &Config,
    functions: &[PushFunctionDto],
    input: &SubscriptionInput,
) -> Result<(String, Vec<String>, String), AppError> {
    let https_only = config.env == Environment::Production;
    let url = address::check_url(lang, &input.url, https_only, &config.push_allow)
        .map_err(AppError::Invalid)?;
    let offered: BTreeSet<&str> = functions
        .iter()
        .flat_map(|f| f.event_types.iter().map(String::as_str))
        .collect();
    if offered.is_empty() {
        return Err(AppError::invalid(t!(lang, "push-invalid-no-functions")));
    }
    let chosen: BTreeSet<String> = input
        .event_types
        .iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    if chosen.is_empty() {
        return Err(AppError::invalid(t!(lang, "push-invalid-no-types")));
    }
    if let Some(bad) = chosen.iter().find(|t| !offered.contains(t.as_str())) {
        return Err(AppError::invalid(t!(
            lang,
            "push-invalid-type",
            event_type = bad.clone()
        )));
    }
    let description = validate::optional(
        lang,
        Some(&input.description),
        MAX_DESCRIPTION,
        &t!(lang, "field-description"),
    )?
    .unwrap_or_default();
    Ok((url.to_string(), chosen.into_iter().collect(), description))
}

/// Sends the signed `portico.verification` event; `Err` says what happened when the receiver
/// did not answer 2xx in time.
pub(super) async fn verify(
    client: &PushClient,
    url: &str,
    secret: &str,
    product_id: i32,
) -> Result<(), AppError> {
    let msg_id = public_id("msg");
    let at = now();
    let body = serde_json::json!({
        "type": "portico.verification",
        "timestamp": at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": { "product_id": product_id, "message": "Answer 2xx to confirm this receiver." },
    })
    .to_string();
    let msg = sender::Message {
        url,
        msg_id: &msg_id,
        timestamp: at.timestamp(),
        body: &body,
        secrets: &[secret],
    };
    let outcome = sender::send(client, &msg, VERIFY_TIMEOUT).await;
    if outcome.succeeded() {
        Ok(())
    } else {
        Err(AppError::Invalid(format!(
            "The receiver did not confirm the verification event, so nothing was saved. {}",
            outcome.describe()
        )))
    }
}

/// Creates a verified subscription; partner admins only. Returns its `sub_...` ID; the
/// subscription page then shows the signing secret once.
pub async fn create(
    db: &impl ConnectionTrait,
    config: &Config,
    client: &PushClient,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    input: SubscriptionInput,
) -> Result<String, AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let functions = push_functions(db, actor.lang, &p).await?;
    let (url, event_types, description) = validated(actor.lang, config, &functions, &input)?;
    let secret = signing::new_secret();
    verify(client, &url, &secret, p.id).await?;
    let id = public_id("sub");
    let at = now();
    ps::ActiveModel {
        public_id: Set(id.clone()),
        product_id: Set(p.id),
        url: Set(url.clone()),
        event_types: Set(event_types_json(&event_types)),
        description: Set(description),
        status: Set(SubscriptionStatus::Enabled),
        secret: Set(config.secret_key.seal(&secret)),
        secret_revealed: Set(false),
        secret_created_at: Set(Some(at)),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(db, actor, Some(org_id), "subscription.created", &id, &url).await?;
    Ok(id)
}

/// The partner's subscription by its public ID; another partner's is "not found".
pub(super) async fn own_subscription(
    db: &impl ConnectionTrait,
    org_id: i32,
    public_id: &str,
) -> Result<(ps::Model, product::Model), AppError> {
    let sub = ps::Entity::find()
        .filter(ps::Column::PublicId.eq(public_id.trim()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = own_product(db, org_id, sub.product_id).await?;
    Ok((sub, p))
}

fn dto(s: &ps::Model, product_name: &str) -> Result<SubscriptionDto, AppError> {
    Ok(SubscriptionDto {
        id: s.public_id.clone(),
        product_id: s.product_id,
        product_name: product_name.to_owned(),
        url: s.url.clone(),
        event_types: event_types_of(s)?,
        description: s.description.clone(),
        enabled: s.status == SubscriptionStatus::Enabled,
        disabled_reason: s.disabled_reason.clone(),
        created_at: local(s.created_at),
        failing_since: s.failing_since.map(local),
        previous_secret_until: s.previous_secret_until.filter(|t| *t > now()).map(local),
    })
}

/// The partner's subscriptions, of one product or of all, filtered by a piece of the URL or
/// the subscription ID (the "Webhooks" page); any member may look.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: Option<i32>,
    filter: &str,
) -> Result<Vec<SubscriptionDto>, AppError> {
    require_partner(db, actor, org_id).await?;
    let products: HashMap<i32, String> = product::Entity::find()
        .filter(product::Column::PartnerId.eq(org_id))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| product_id.is_none_or(|id| id == p.id))
        .map(|p| (p.id, p.name))
        .collect();
    if let Some(id) = product_id {
        if !products.contains_key(&id) {
            return Err(AppError::NotFound);
        }
    }
    let needle = filter.trim().to_lowercase();
    let mut subs: Vec<SubscriptionDto> = ps::Entity::find()
        .filter(ps::Column::ProductId.is_in(products.keys().copied()))
        .order_by_asc(ps::Column::Id)
        .all(db)
        .await?
        .iter()
        .filter(|s| {
            needle.is_empty()
                || s.url.to_lowercase().contains(&needle)
                || s.public_id.to_lowercase() == needle
        })
        .map(|s| dto(s, products.get(&s.product_id).map_or("", String::as_str)))
        .collect::<Result<_, _>>()?;
    subs.sort_by(|a, b| (&a.product_name, &a.created_at).cmp(&(&b.product_name, &b.created_at)));
    Ok(subs)
}

/// The subscription page with one page of its delivery log. Admins see the signing secret
/// after it was created or rotated, until one confirms it is saved.
pub async fn detail(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
    log: &LogQuery,
) -> Result<SubscriptionDetail, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let (sub, p) = own_subscription(db, org_id, public_id).await?;
    // Shown to admins until one confirms it is saved, and never later than SECRET_SHOWN_FOR
    // after the secret was made (editing the subscription does not bring it back). (Not "on
    // the first read": a page may render twice, and a secret lost to a double render would
    // force a rotation.)
    let fresh = sub
        .secret_created_at
        .is_some_and(|t| now() - t < SECRET_SHOWN_FOR);
    let secret_once = (role == Role::Admin && !sub.secret_revealed && fresh)
        .then(|| config.secret_key.open(&sub.secret))
        .flatten();
    Ok(SubscriptionDetail {
        subscription: dto(&sub, &p.name)?,
        secret_once,
        form: form_data(db, config, actor.lang, &p, role).await?,
        log: delivery_log::page(db, sub.id, log).await?,
    })
}
