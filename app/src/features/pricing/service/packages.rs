//! Price packages: the operator creates and edits them and offers each to partners; a partner
//! reads those offered to it.
use crate::error::AppError;
use crate::features::pricing::dto::{
    Market, PartnerRef, PricePackageDetail, PricePackageDto, PricePackageInput, PricePackagesView,
    MAX_COMMISSION, MAX_DESCRIPTION, MAX_NAME, MAX_PACKAGES,
};
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::i18n::Lang;
use crate::server::audit;
use crate::server::clock::now;
use crate::server::db::write;
use crate::server::entities::{
    installation, installation_price_package as ipp, organization, price_package as pp,
    price_package_offer as offer,
};
use crate::server::scope::{require_member, require_operator, require_operator_admin, Actor};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set, TransactionTrait,
};

/// A package's fields as the form gave them, checked.
struct Fields {
    name: String,
    description: String,
    market: Market,
    commission: Option<String>,
    visible_in_signup: bool,
}

/// `raw` trimmed, when it is 1 to `max` printable characters (`min` 0 allows empty).
fn text(raw: &str, min: usize, max: usize) -> Option<String> {
    let s = raw.trim();
    let n = s.chars().count();
    (n >= min && n <= max && !s.chars().any(char::is_control)).then(|| s.to_owned())
}

/// Checks a price package form; the message says what to fix, in `lang`.
fn fields(lang: Lang, input: &PricePackageInput) -> Result<Fields, AppError> {
    let name = text(&input.name, 1, MAX_NAME)
        .ok_or_else(|| AppError::invalid(t!(lang, "price-package-name-invalid", max = MAX_NAME)))?;
    let description = text(&input.description, 1, MAX_DESCRIPTION).ok_or_else(|| {
        AppError::invalid(t!(
            lang,
            "price-package-description-invalid",
            max = MAX_DESCRIPTION
        ))
    })?;
    let market = input
        .market
        .trim()
        .to_uppercase()
        .parse::<Market>()
        .map_err(|_| AppError::invalid(t!(lang, "price-package-market-invalid")))?;
    let commission = text(&input.commission, 0, MAX_COMMISSION).ok_or_else(|| {
        AppError::invalid(t!(
            lang,
            "price-package-commission-invalid",
            max = MAX_COMMISSION
        ))
    })?;
    Ok(Fields {
        name,
        description,
        market,
        commission: Some(commission).filter(|c| !c.is_empty()),
        visible_in_signup: input.visible_in_signup,
    })
}

/// The packages as lists show them; with `operator`, whom each is offered to and how many
/// active sales units have it.
async fn dtos(
    db: &impl ConnectionTrait,
    packages: Vec<pp::Model>,
    operator: bool,
) -> Result<Vec<PricePackageDto>, AppError> {
    let ids: Vec<i32> = packages.iter().map(|p| p.id).collect();
    let (offers, partners, counts) = if operator {
        let offers = offer::Entity::find()
            .filter(offer::Column::PricePackageId.is_in(ids.clone()))
            .all(db)
            .await?;
        let partners = organization::Entity::find()
            .filter(organization::Column::Id.is_in(offers.iter().map(|o| o.partner_id)))
            .order_by_asc(organization::Column::Name)
            .all(db)
            .await?;
        let counts: Vec<(i32, i64)> = ipp::Entity::find()
            .select_only()
            .column(ipp::Column::PricePackageId)
            .column_as(ipp::Column::Id.count(), "n")
            .filter(ipp::Column::PricePackageId.is_in(ids))
            .filter(ipp::Column::InstallationId.in_subquery(installation::visible_ids()))
            .group_by(ipp::Column::PricePackageId)
            .into_tuple()
            .all(db)
            .await?;
        (offers, partners, counts)
    } else {
        Default::default()
    };
    Ok(packages
        .into_iter()
        .map(|p| PricePackageDto {
            offered_to: partners
                .iter()
                .filter(|o| {
                    offers
                        .iter()
                        .any(|x| x.price_package_id == p.id && x.partner_id == o.id)
                })
                .map(|o| PartnerRef {
                    id: o.id,
                    name: o.name.clone(),
                })
                .collect(),
            sales_units: counts
                .iter()
                .find(|c| c.0 == p.id)
                .map_or(0, |c| c.1 as u64),
            id: p.id,
            name: p.name,
            description: p.description,
            market: p.market,
            commission: p.commission,
            visible_in_signup: p.visible_in_signup,
        })
        .collect())
}

/// The "Price packages" page: every package for the operator's staff, those offered to it for a
/// partner; customers have none.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<PricePackagesView, AppError> {
    let (org, _) = require_member(db, actor, org_id).await?;
    let ordered = pp::Entity::find()
        .order_by_asc(pp::Column::Market)
        .order_by_asc(pp::Column::Name)
        .order_by_asc(pp::Column::Id)
        .limit(MAX_PACKAGES);
    let (packages, operator) = match org.kind {
        OrgKind::Operator => (ordered.all(db).await?, true),
        OrgKind::Partner => {
            let mine = offer::Entity::find()
                .select_only()
                .column(offer::Column::PricePackageId)
                .filter(offer::Column::PartnerId.eq(org_id))
                .into_query();
            let packages = ordered
                .filter(pp::Column::Id.in_subquery(mine))
                .all(db)
                .await?;
            (packages, false)
        }
        OrgKind::Customer => return Err(AppError::Forbidden),
    };
    Ok(PricePackagesView {
        can_manage: operator,
        packages: dtos(db, packages, operator).await?,
    })
}

/// A price package's page, for the operator's staff.
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    id: i32,
) -> Result<PricePackageDetail, AppError> {
    let role = require_operator(db, actor, operator_org_id).await?;
    let p = pp::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let package = dtos(db, vec![p], true)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let offered: Vec<i32> = package.offered_to.iter().map(|o| o.id).collect();
    let other_partners = organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Partner))
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .filter(organization::Column::Id.is_not_in(offered))
        .order_by_asc(organization::Column::Name)
        .limit(1000)
        .all(db)
        .await?
        .into_iter()
        .map(|o| PartnerRef {
            id: o.id,
            name: o.name,
        })
        .collect();
    Ok(PricePackageDetail {
        package,
        other_partners,
        can_edit: role == Role::Admin,
    })
}

/// Refuses a name another package of the same market has (any case).
async fn name_free(
    db: &impl ConnectionTrait,
    lang: Lang,
    f: &Fields,
    except: Option<i32>,
) -> Result<(), AppError> {
    let same_market = pp::Entity::find()
        .filter(pp::Column::Market.eq(f.market))
        .all(db)
        .await?;
    let taken = same_market
        .iter()
        .any(|p| Some(p.id) != except && p.name.to_lowercase() == f.name.to_lowercase());
    if taken {
        return Err(AppError::Conflict(t!(
            lang,
            "price-package-name-taken",
            name = f.name.clone(),
            market = f.market.label(lang)
        )));
    }
    Ok(())
}

/// "Create price package": returns its ID.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    input: &PricePackageInput,
) -> Result<i32, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let lang = actor.lang;
    let f = fields(lang, input)?;
    let actor = actor.clone();
    write(db, |txn| {
        Box::pin(async move {
            if pp::Entity::find().count(txn).await? >= MAX_PACKAGES {
                return Err(AppError::Conflict(t!(
                    lang,
                    "price-package-too-many",
                    max = MAX_PACKAGES
                )));
            }
            name_free(txn, lang, &f, None).await?;
            let at = now();
            let p = pp::ActiveModel {
                name: Set(f.name.clone()),
                description: Set(f.description),
                market: Set(f.market),
                commission: Set(f.commission),
                visible_in_signup: Set(f.visible_in_signup),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            let target = format!("price package {}", p.id);
            audit::record(
                txn,
                &actor,
                Some(operator_org_id),
                "price_package.created",
                &target,
                &f.name,
            )
            .await?;
            Ok(p.id)
        })
    })
    .await
}

/// "Save": changes a package's fields. Its market cannot change while sales units have it.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    id: i32,
    input: &PricePackageInput,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let lang = actor.lang;
    let f = fields(lang, input)?;
    let actor = actor.clone();
    write(db, |txn| {
        Box::pin(async move {
            let p = pp::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or(AppError::NotFound)?;
            name_free(txn, lang, &f, Some(id)).await?;
            if p.market != f.market {
                let units = ipp::Entity::find()
                    .filter(ipp::Column::PricePackageId.eq(id))
                    .count(txn)
                    .await?;
                if units > 0 {
                    return Err(AppError::Conflict(t!(
                        lang,
                        "price-package-market-in-use",
                        count = units
                    )));
                }
            }
            let mut m: pp::ActiveModel = p.into();
            m.name = Set(f.name.clone());
            m.description = Set(f.description);
            m.market = Set(f.market);
            m.commission = Set(f.commission);
            m.visible_in_signup = Set(f.visible_in_signup);
            m.updated_at = Set(now());
            m.update(txn).await?;
            let target = format!("price package {id}");
            audit::record(
                txn,
                &actor,
                Some(operator_org_id),
                "price_package.updated",
                &target,
                &f.name,
            )
            .await?;
            Ok(())
        })
    })
    .await
}

/// "Offer" (`offered`) or "Withdraw" a package to or from an active partner. Offering twice,
/// or withdrawing what is not offered, changes nothing.
pub async fn set_offered(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    id: i32,
    partner_id: i32,
    offered: bool,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    pp::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let existing = offer::Entity::find()
        .filter(offer::Column::PricePackageId.eq(id))
        .filter(offer::Column::PartnerId.eq(partner_id))
        .one(db)
        .await?;
    let target = format!("price package {id}");
    let details = format!("partner {partner_id}");
    match (existing, offered) {
        (None, true) => {
            let partner = organization::Entity::find_by_id(partner_id).one(db).await?;
            if !partner
                .is_some_and(|o| o.kind == OrgKind::Partner && o.status == ActiveStatus::Active)
            {
                return Err(AppError::invalid(t!(
                    actor.lang,
                    "price-package-offer-not-partner"
                )));
            }
            offer::ActiveModel {
                price_package_id: Set(id),
                partner_id: Set(partner_id),
                created_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            let action = "price_package.offered";
            audit::record(db, actor, Some(operator_org_id), action, &target, &details).await
        }
        (Some(o), false) => {
            offer::Entity::delete_by_id(o.id).exec(db).await?;
            let action = "price_package.withdrawn";
            audit::record(db, actor, Some(operator_org_id), action, &target, &details).await
        }
        _ => Ok(()),
    }
}
