//! A product's logo: a PNG, or a plain-picture SVG ([`super::svg`]), of at most 256 KB.
use super::own_product;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::product_logo;
use crate::server::scope::{require_partner, Actor};
use crate::t;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;

/// The content type of an acceptable logo: a PNG, or an SVG without scripts.
fn logo_type(lang: Lang, data: &[u8]) -> Result<&'static str, AppError> {
    if data.is_empty() {
        return Err(AppError::invalid(t!(lang, "logo-choose")));
    }
    if data.len() > MAX_LOGO_BYTES {
        return Err(AppError::invalid(t!(
            lang,
            "logo-too-large",
            size = data.len().div_ceil(1024),
            max = MAX_LOGO_BYTES / 1024,
        )));
    }
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("image/png");
    }
    let text =
        std::str::from_utf8(data).map_err(|_| AppError::invalid(t!(lang, "logo-not-image")))?;
    // Logos are shown to customers: an SVG must be a picture, not a program.
    super::svg::check(lang, text).map_err(AppError::Invalid)?;
    Ok("image/svg+xml")
}

/// Uploads (or replaces) a product's logo.
pub async fn set_logo(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    data: Vec<u8>,
) -> Result<(), AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let content_type = logo_type(actor.lang, &data)?;
    let existing = product_logo::Entity::find()
        .filter(product_logo::Column::ProductId.eq(p.id))
        .one(db)
        .await?;
    let size = data.len();
    match existing {
        Some(l) => {
            let mut m: product_logo::ActiveModel = l.into();
            m.content_type = Set(content_type.to_owned());
            m.data = Set(data);
            m.updated_at = Set(now());
            m.update(db).await?;
        }
        None => {
            product_logo::ActiveModel {
                product_id: Set(p.id),
                content_type: Set(content_type.to_owned()),
                data: Set(data),
                updated_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    audit::record(
        db,
        actor,
        Some(org_id),
        "product.logo_changed",
        &p.name,
        &format!("{content_type}, {size} bytes"),
    )
    .await
}

/// A product's logo: content type and bytes. Logos are public, like the products' names.
pub async fn logo(
    db: &impl ConnectionTrait,
    product_id: i32,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    Ok(product_logo::Entity::find()
        .filter(product_logo::Column::ProductId.eq(product_id))
        .one(db)
        .await?
        .map(|l| (l.content_type, l.data)))
}

#[cfg(test)]
mod logo_tests {
    use super::*;

    #[test]
    fn accepts_png_and_plain_svg_and_refuses_the_rest() {
        assert_eq!(
            logo_type(Lang::En, b"\x89PNG\r\n\x1a\nrest").unwrap(),
            "image/png"
        );
        assert_eq!(
            logo_type(
                Lang::En,
                br#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#
            )
            .unwrap(),
            "image/svg+xml"
        );
        for bad in [
            &b""[..],
            b"GIF89a",
            br#"<svg><script>alert(1)</script></svg>"#,
            br#"<svg onload="alert(1)"></svg>"#,
            br#"<svg><a href="javascript:alert(1)"/></svg>"#,
        ] {
            assert!(
                matches!(logo_type(Lang::En, bad), Err(AppError::Invalid(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(
            matches!(logo_type(Lang::En, &vec![b'a'; MAX_LOGO_BYTES + 1]), Err(AppError::Invalid(m)) if m.contains("KB"))
        );
    }
}
