//! Prefilled product orders: a partner admin fills one in (in the portal, or by the Partner API
//! with an `Idempotency-Key`) and Portico answers with its link, valid 14 days, e-mailed to the
//! customer's contact if asked. Every order starts `RECEIVED` ([`insert`]), with its first step
//! and an audit entry; orders customers start themselves are in [`super::start`].
use super::{customer_with, link_of, new_link, record_step};
use crate::error::AppError;
use crate::features::products::service::own_product;
use crate::features::sales_units::service::{edit::valid_name, picture};
use crate::glossary::{ProductOrderStatus, ProductOrderType, ProductStatus};
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::{
    price_package, price_package_offer, product, product_order as po, product_order_logo, user,
};
use crate::server::scope::{require_partner_admin, Actor};
use crate::server::validate;
use crate::server::{audit, db::write, mail, Config};
use crate::t;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// The longest note.
pub const MAX_NOTE: usize = 1000;

/// What the partner fills in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrefillInput {
    pub business_id_scheme: String,
    pub business_id: String,
    pub product_id: i32,
    /// The price package; the customer cannot change it then.
    pub price_package_id: Option<i32>,
    pub sales_unit_name: String,
    /// An image the logo rules accept (it is stored re-encoded).
    pub logo: Option<Vec<u8>>,
    pub contact_email: Option<String>,
    pub note: String,
    /// E-mail the link to the contact.
    pub send_email: bool,
}

/// A started order and its link.
#[derive(Debug, Clone)]
pub struct Created {
    pub order: po::Model,
    /// The link the customer opens (`.../sign-up/<token>`).
    pub link: String,
    pub expires_at: Option<DateTime<Utc>>,
    /// The same `Idempotency-Key` and request as before: the earlier order, unchanged.
    pub replayed: bool,
}

/// The fields every new order has.
pub(super) struct NewOrder {
    pub(super) order_type: ProductOrderType,
    pub(super) partner_id: i32,
    pub(super) product_id: i32,
    pub(super) price_package_id: Option<i32>,
    pub(super) package_locked: bool,
    pub(super) business_id_scheme: String,
    pub(super) business_id: String,
    pub(super) customer_id: Option<i32>,
    pub(super) customer_name: Option<String>,
    pub(super) sales_unit_name: String,
    pub(super) contact_email: Option<String>,
    pub(super) note: String,
    pub(super) template_id: Option<i32>,
    pub(super) idempotency: Option<(String, String)>,
    /// How long its link works (a prefill's 14 days); `None`: until it is decided.
    pub(super) expires_in: Option<chrono::Duration>,
}

/// A price package the partner may put on an order of a customer in `scheme`'s market: offered
/// to the partner, of that market.
pub async fn offered_package(
    db: &impl ConnectionTrait,
    lang: Lang,
    partner_id: i32,
    package_id: i32,
    scheme: crate::business_id::Scheme,
) -> Result<price_package::Model, AppError> {
    let offered = price_package_offer::Entity::find()
        .filter(price_package_offer::Column::PricePackageId.eq(package_id))
        .filter(price_package_offer::Column::PartnerId.eq(partner_id))
        .count(db)
        .await?
        > 0;
    let p = price_package::Entity::find_by_id(package_id)
        .one(db)
        .await?
        .filter(|_| offered)
        .ok_or_else(|| AppError::invalid(t!(lang, "product-order-package-unknown")))?;
    if p.market != scheme.market() {
        return Err(AppError::invalid(t!(
            lang,
            "product-order-package-market",
            market = p.market.label(lang)
        )));
    }
    Ok(p)
}

/// The partner's product, if it can be ordered: it is active (its first version activated).
pub async fn orderable(
    db: &impl ConnectionTrait,
    lang: Lang,
    partner_id: i32,
    product_id: i32,
) -> Result<product::Model, AppError> {
    let p = own_product(db, partner_id, product_id)
        .await
        .map_err(|_| AppError::invalid(t!(lang, "product-order-product-unknown")))?;
    if p.status != ProductStatus::Active {
        return Err(AppError::invalid(t!(
            lang,
            "product-order-product-inactive",
            product = p.name.clone()
        )));
    }
    Ok(p)
}

/// Inserts the order (with its logo, its first step and the audit entry) and returns it with
/// its link token.
pub(super) async fn insert(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    new: NewOrder,
    logo: Option<Vec<u8>>,
) -> Result<(po::Model, String), AppError> {
    let (token, hash, sealed) = new_link(config);
    let at = now();
    let (key, request_hash) = new.idempotency.unzip();
    let o = po::ActiveModel {
        public_id: Set(crate::features::push::service::subscriptions::public_id(
            "po",
        )),
        order_type: Set(new.order_type),
        status: Set(ProductOrderStatus::Received),
        partner_id: Set(new.partner_id),
        product_id: Set(new.product_id),
        price_package_id: Set(new.price_package_id),
        package_locked: Set(new.package_locked),
        business_id_scheme: Set(new.business_id_scheme),
        business_id: Set(new.business_id),
        customer_name: Set(new.customer_name),
        customer_id: Set(new.customer_id),
        sales_unit_name: Set(new.sales_unit_name),
        contact_email: Set(new.contact_email),
        note: Set(new.note),
        link_hash: Set(Some(hash)),
        link_sealed: Set(Some(sealed)),
        template_id: Set(new.template_id),
        idempotency_key: Set(key),
        request_hash: Set(request_hash),
        created_by: Set(actor.label.chars().take(320).collect()),
        created_at: Set(at),
        updated_at: Set(at),
        expires_at: Set(new.expires_in.map(|d| at + d)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if let Some(data) = logo {
        product_order_logo::ActiveModel {
            product_order_id: Set(o.id),
            data: Set(data),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    record_step(db, o.id, ProductOrderStatus::Received, &actor.label).await?;
    let details = format!(
        "{} order of product {} for {} {}",
        o.order_type.as_str(),
        o.product_id,
        o.business_id_scheme,
        o.business_id
    );
    audit::record(
        db,
        actor,
        Some(new.partner_id),
        "product_order.received",
        &o.public_id,
        &details,
    )
    .await?;
    Ok((o, token))
}

/// The order an `Idempotency-Key` already made for this partner: the same order for the same
/// request, a refusal for another.
async fn replay(
    db: &impl ConnectionTrait,
    config: &Config,
    lang: Lang,
    partner_id: i32,
    key: &str,
    request_hash: &str,
) -> Result<Option<Created>, AppError> {
    let Some(o) = po::Entity::find()
        .filter(po::Column::PartnerId.eq(partner_id))
        .filter(po::Column::IdempotencyKey.eq(key))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if o.request_hash.as_deref() != Some(request_hash) {
        return Err(AppError::invalid(t!(lang, "product-order-key-reused")));
    }
    Ok(Some(Created {
        link: link_of(config, o.link_sealed.as_deref()).unwrap_or_default(),
        expires_at: o.expires_at,
        order: o,
        replayed: true,
    }))
}

/// A partner admin prefills an order (`idempotency`: the API's key and a hash of its request).
pub async fn prefill<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    input: PrefillInput,
    idempotency: Option<(String, String)>,
) -> Result<Created, AppError> {
    let lang = actor.lang;
    require_partner_admin(db, actor, org_id).await?;
    if let Some((key, hash)) = &idempotency {
        if let Some(earlier) = replay(db, config, lang, org_id, key, hash).await? {
            return Ok(earlier);
        }
    }
    let bid = validate::business_identifier(
        lang,
        Some(&input.business_id_scheme),
        Some(&input.business_id),
    )?
    .ok_or_else(|| AppError::invalid(t!(lang, "product-order-business-id-required")))?;
    let product = orderable(db, lang, org_id, input.product_id).await?;
    let package = match input.price_package_id {
        Some(id) => Some(offered_package(db, lang, org_id, id, bid.scheme).await?),
        None => None,
    };
    let sales_unit_name = valid_name(lang, &input.sales_unit_name)?;
    let logo = match &input.logo {
        Some(data) if !data.is_empty() => Some(picture::normalize(lang, data)?),
        _ => None,
    };
    let contact = match input.contact_email.as_deref().map(str::trim) {
        Some(e) if !e.is_empty() => Some(validate::email(lang, e)?),
        _ => None,
    };
    if input.send_email && contact.is_none() {
        return Err(AppError::invalid(t!(
            lang,
            "product-order-send-needs-contact"
        )));
    }
    let note = input.note.trim().to_owned();
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::invalid(t!(
            lang,
            "product-order-note-too-long",
            max = MAX_NOTE
        )));
    }
    let scheme = bid.scheme.as_str().to_owned();
    let customer = customer_with(db, &scheme, &bid.id).await?;
    let new = NewOrder {
        order_type: ProductOrderType::Prefill,
        partner_id: org_id,
        product_id: product.id,
        price_package_id: package.as_ref().map(|p| p.id),
        package_locked: package.is_some(),
        business_id_scheme: scheme,
        business_id: bid.id,
        customer_id: customer.map(|c| c.id),
        customer_name: None,
        sales_unit_name,
        contact_email: contact.clone(),
        note,
        template_id: None,
        idempotency: idempotency.clone(),
        expires_in: Some(chrono::Duration::days(super::super::dto::LINK_DAYS)),
    };
    let (config2, actor2) = (config.clone(), actor.clone());
    let made = write(db, move |txn| {
        Box::pin(async move {
            let (o, token) = insert(txn, &config2, &actor2, new, logo).await?;
            if input.send_email {
                if let Some(to) = &contact {
                    mail_link(txn, &config2, to, &product.name, &token, &o).await?;
                }
            }
            Ok((o, token))
        })
    })
    .await;
    let (o, token) = match made {
        Ok(made) => made,
        // The same key sent twice at once: the database kept one; answer as the replay would.
        Err(AppError::Conflict(_)) if idempotency.is_some() => {
            let (key, hash) = idempotency.unwrap_or_default();
            return replay(db, config, lang, org_id, &key, &hash)
                .await?
                .ok_or(AppError::Internal);
        }
        Err(e) => return Err(e),
    };
    Ok(Created {
        link: format!("{}{}", config.public_url, crate::paths::sign_up(&token)),
        expires_at: o.expires_at,
        order: o,
        replayed: false,
    })
}

/// E-mails the order's link to the customer's contact, in their language if they use Portico
/// (else the default). The token stays sealed in the mail queue.
async fn mail_link(
    db: &impl ConnectionTrait,
    config: &Config,
    to: &str,
    product: &str,
    token: &str,
    o: &po::Model,
) -> Result<(), AppError> {
    let lang = user::Entity::find()
        .filter(user::Column::Email.eq(to))
        .one(db)
        .await?
        .and_then(|u| u.locale)
        .unwrap_or(config.default_lang);
    let partner = crate::server::entities::organization::Entity::find_by_id(o.partner_id)
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let link = format!(
        "{}{}",
        config.public_url,
        crate::paths::sign_up(mail::SECRET)
    );
    let subject = t!(
        lang,
        "product-order-mail-subject",
        partner = partner.clone()
    );
    let expires = o
        .expires_at
        .map(|t| crate::server::clock::local(t).date(lang))
        .unwrap_or_default();
    let text = t!(
        lang,
        "product-order-mail-body",
        partner = partner,
        product = product.to_owned(),
        link = link,
        expires = expires
    );
    mail::enqueue_with_secret(db, &config.secret_key, to, &subject, &text, token).await
}
