//! The access requests' services: the public side here (ask, preview and confirm the e-mailed
//! link), the operator's queue in [`queue`].
pub mod queue;

use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::features::onboarding::dto::{
    AccessRequestInput, AccessRequestKind, AccessRequestPreview, AccessRequestStatus, MESSAGE_MAX,
};
use crate::glossary::OrgKind;
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::{access_request as ar, organization};
use crate::server::secrets::{hash_token, new_token};
use crate::server::{mail, rate_limit, validate, Config};
use crate::t;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use std::str::FromStr;

/// How long the e-mailed confirmation link stays valid; unconfirmed requests older than this are
/// swept away.
pub const CONFIRM_TTL: Duration = Duration::hours(24);
/// Requests one client (an IP address) may send per [`LIMIT_WINDOW`].
pub const LIMIT_PER_CLIENT: u64 = 10;
/// Requests for one e-mail address per [`LIMIT_WINDOW`]: each sends that address a mail.
pub const LIMIT_PER_ADDRESS: u64 = 3;
/// The rate limits' window.
pub const LIMIT_WINDOW: Duration = Duration::hours(1);
/// Unconfirmed requests kept at most, whoever sent them: past this, new requests wait.
pub const UNCONFIRMED_MAX: u64 = 1000;

/// The form's fields, checked: what is wrong is said in `lang`, naming the field.
fn checked(lang: Lang, input: &AccessRequestInput) -> Result<ar::ActiveModel, AppError> {
    let kind = AccessRequestKind::from_str(input.kind.trim())
        .map_err(|_| AppError::invalid(t!(lang, "access-request-bad-kind")))?;
    let what = match kind {
        AccessRequestKind::Partner => t!(lang, "access-request-company"),
        AccessRequestKind::Join => t!(lang, "access-request-join-org"),
    };
    let organization_name = validate::name(lang, &input.organization_name, &what)?;
    let contact_name = validate::name(lang, &input.contact_name, &t!(lang, "access-request-name"))?;
    let email = validate::email(lang, &input.email)?;
    // The form preselects a scheme: without an ID it means nothing.
    let id = input
        .business_id
        .as_deref()
        .filter(|id| !id.trim().is_empty());
    let scheme = id.and(input.business_id_scheme.as_deref());
    let business_id = validate::business_identifier(lang, scheme, id)?;
    // A partner is a company: it is known by its business identifier.
    if kind == AccessRequestKind::Partner && business_id.is_none() {
        return Err(AppError::invalid(t!(
            lang,
            "access-request-business-id-needed"
        )));
    }
    let what = t!(lang, "access-request-message");
    let message = validate::optional(lang, Some(&input.message), MESSAGE_MAX, &what)?;
    if kind == AccessRequestKind::Partner && message.is_none() {
        return Err(AppError::invalid(t!(lang, "access-request-message-needed")));
    }
    if [&organization_name, &contact_name]
        .iter()
        .any(|s| s.chars().any(char::is_control))
    {
        return Err(AppError::invalid(t!(lang, "access-request-control-chars")));
    }
    let (scheme, id) = match business_id {
        Some(b) => (Some(b.scheme.as_str().to_owned()), Some(b.id)),
        None => (None, None),
    };
    Ok(ar::ActiveModel {
        kind: Set(kind),
        status: Set(AccessRequestStatus::Unconfirmed),
        organization_name: Set(organization_name),
        business_id_scheme: Set(scheme),
        business_id: Set(id),
        contact_name: Set(contact_name),
        email: Set(email),
        message: Set(message.unwrap_or_default()),
        locale: Set(Some(lang)),
        ..Default::default()
    })
}

/// "Send request" on the public page: checks the form, counts it against the limits, stores it
/// unconfirmed and e-mails the address a confirmation link. The answer is the same whatever
/// organizations and users exist, so the page tells nobody who is already here.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    input: &AccessRequestInput,
    client: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let mut request = checked(lang, input)?;
    let email = request.email.clone().unwrap();
    let client_key = format!("access-request:client:{client}");
    rate_limit::hit(db, &client_key, LIMIT_PER_CLIENT, LIMIT_WINDOW).await?;
    let address_key = format!("access-request:address:{email}");
    rate_limit::hit(db, &address_key, LIMIT_PER_ADDRESS, LIMIT_WINDOW).await?;
    let unconfirmed =
        || ar::Entity::find().filter(ar::Column::Status.eq(AccessRequestStatus::Unconfirmed));
    // Links nobody followed in time are swept, and never more than a bounded number wait.
    ar::Entity::delete_many()
        .filter(ar::Column::Status.eq(AccessRequestStatus::Unconfirmed))
        .filter(ar::Column::CreatedAt.lt(now() - CONFIRM_TTL))
        .exec(db)
        .await?;
    if unconfirmed().count(db).await? >= UNCONFIRMED_MAX {
        tracing::warn!("access requests: {UNCONFIRMED_MAX} unconfirmed requests are waiting");
        return Err(AppError::RateLimited);
    }
    let token = new_token();
    request.token_hash = Set(Some(hash_token(&token)));
    request.created_at = Set(now());
    let link = format!(
        "{}/request-access/confirm?token={}",
        config.public_url,
        mail::SECRET
    );
    let subject = t!(lang, "mail-access-confirm-subject");
    let body = t!(lang, "mail-access-confirm-text", link = link);
    let key = config.secret_key.clone();
    crate::server::db::write(db, move |txn| {
        Box::pin(async move {
            request.insert(txn).await?;
            mail::enqueue_with_secret(txn, &key, &email, &subject, &body, &token).await
        })
    })
    .await
}

/// The unconfirmed request a link names, while the link is valid.
async fn by_link(db: &impl ConnectionTrait, token: &str) -> Result<ar::Model, AppError> {
    let found = ar::Entity::find()
        .filter(ar::Column::TokenHash.eq(hash_token(token.trim())))
        .filter(ar::Column::Status.eq(AccessRequestStatus::Unconfirmed))
        .one(db)
        .await?;
    match found {
        Some(r) if r.created_at > now() - CONFIRM_TTL => Ok(r),
        _ => Err(AppError::LinkExpired),
    }
}

/// What the confirmation page shows, without confirming (mail scanners follow links).
pub async fn preview(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<AccessRequestPreview, AppError> {
    let r = by_link(db, token).await?;
    Ok(AccessRequestPreview {
        kind: r.kind,
        organization_name: r.organization_name,
        email: r.email,
    })
}

/// The confirmation page's button: the address is the requester's, so the request joins the
/// operator's queue, and the operator's admins are told (bell and e-mail).
pub async fn confirm(
    db: &impl ConnectionTrait,
    config: &Config,
    token: &str,
) -> Result<(), AppError> {
    let r = by_link(db, token).await?;
    let (id, kind, name) = (r.id, r.kind, r.organization_name.clone());
    let mut m: ar::ActiveModel = r.into();
    m.status = Set(AccessRequestStatus::New);
    m.token_hash = Set(None);
    m.confirmed_at = Set(Some(now()));
    m.update(db).await?;
    let Some(operator) = organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Operator))
        .one(db)
        .await?
    else {
        tracing::warn!("an access request is waiting, but there is no operator to tell");
        return Ok(());
    };
    let link = crate::paths::access_requests(operator.id);
    notify_admins(
        db,
        config,
        operator.id,
        &format!("access-request:{id}"),
        |lang| {
            let title = match kind {
                AccessRequestKind::Partner => {
                    t!(lang, "access-request-notice-partner", name = name.clone())
                }
                AccessRequestKind::Join => {
                    t!(lang, "access-request-notice-join", name = name.clone())
                }
            };
            (title, t!(lang, "access-request-notice-body"))
        },
        &link,
    )
    .await
}
