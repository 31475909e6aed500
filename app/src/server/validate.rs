//! Input validation at the service boundary, with messages that say what to fix.
use crate::business_id::{BusinessId, Invalid};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::t;

/// Trims and lower-cases an e-mail address, or explains (in `lang`) what is wrong with it.
pub fn email(lang: Lang, raw: &str) -> Result<String, AppError> {
    let e = raw.trim().to_lowercase();
    let bad = || AppError::invalid(t!(lang, "invalid-email"));
    if e.is_empty() {
        return Err(AppError::invalid(t!(lang, "invalid-email-empty")));
    }
    if e.len() > 254 || e.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = e.rsplit_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
        return Err(bad());
    }
    Ok(e)
}

/// A display name of an organization or installation: 2 to 200 characters after trimming.
/// `what` names the field in the message (in `lang`).
pub fn name(lang: Lang, raw: &str, what: &str) -> Result<String, AppError> {
    let n = raw.trim();
    if n.chars().count() < 2 || n.chars().count() > 200 {
        return Err(AppError::invalid(t!(
            lang,
            "invalid-name-length",
            what = what
        )));
    }
    Ok(n.to_owned())
}

/// [`is_installation_id`] as a regular expression (the OpenAPI document states it; a test keeps
/// the two in agreement).
pub const INSTALLATION_ID_PATTERN: &str = "^[A-Za-z0-9_-]{2,32}$";

/// Whether `s` is an installation ID exactly as written (any case, nothing around it): 2 to 32
/// letters, digits, `-` or `_`.
pub fn is_installation_id(s: &str) -> bool {
    (2..=32).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// [`is_key`] as a regular expression, for the OpenAPI document.
pub const KEY_PATTERN: &str = "^[a-z0-9_]+(\\.[a-z0-9_]+)*$";

/// Whether `s` is a catalog key (a function key or event type such as `estates.read`): lower-case
/// words of letters, digits and `_` joined by single dots, at most 100 characters.
pub fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// [`is_object_type`] as a regular expression (the OpenAPI document's pattern).
pub const OBJECT_TYPE_PATTERN: &str = "^[a-z][a-z0-9_]{0,31}$";

/// [`is_object_id`] as a regular expression (the OpenAPI document's pattern).
pub const OBJECT_ID_PATTERN: &str = "^[A-Za-z0-9_.:-]{1,64}$";

/// A sales object kind such as `estate`: a lower-case letter, then up to 31 lower-case letters,
/// digits or `_` (the pattern the catalog file and the orders API state).
pub fn is_object_type(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && s.len() <= 32
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A sales object's ID in the platform, such as `42` or `3f2a-77`: 1 to 64 letters, digits,
/// `-`, `_`, `.` or `:`, kept exactly as sent.
pub fn is_object_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// An installation ID such as `MSVPAR` or a six-digit MSN: 2 to 32 letters, digits, `-` or `_`,
/// stored upper-case.
pub fn installation_id(lang: Lang, raw: &str) -> Result<String, AppError> {
    let id = raw.trim().to_uppercase();
    if !is_installation_id(&id) {
        return Err(AppError::invalid(t!(lang, "invalid-installation-id")));
    }
    Ok(id)
}

/// An optional free-text field: trimmed, `None` when empty, at most `max` characters; `what`
/// names the field in the message (in `lang`).
pub fn optional(
    lang: Lang,
    raw: Option<&str>,
    max: usize,
    what: &str,
) -> Result<Option<String>, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if s.chars().count() > max => Err(AppError::invalid(t!(
            lang,
            "invalid-too-long",
            what = what,
            max = max
        ))),
        Some(s) => Ok(Some(s.to_owned())),
    }
}

/// An optional business identifier: both parts or neither, the ID checked by its scheme's rule
/// (see [`crate::business_id`]); the message says what to fix, in `lang`.
pub fn business_identifier(
    lang: Lang,
    scheme: Option<&str>,
    id: Option<&str>,
) -> Result<Option<BusinessId>, AppError> {
    fn given(s: Option<&str>) -> Option<&str> {
        s.map(str::trim).filter(|s| !s.is_empty())
    }
    match (given(scheme), given(id)) {
        (None, None) => Ok(None),
        (Some(scheme), Some(id)) => BusinessId::parse(scheme, id).map(Some).map_err(|e| {
            AppError::invalid(match e {
                Invalid::UnknownScheme => t!(lang, "invalid-business-id-scheme"),
                Invalid::Format(s) => crate::i18n::text(lang, s.format_key()),
                Invalid::CheckDigit(_) => {
                    t!(
                        lang,
                        "invalid-business-id-check",
                        id = id.chars().take(40).collect::<String>()
                    )
                }
            })
        }),
        _ => Err(AppError::invalid(t!(lang, "invalid-business-id-pair"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            email(Lang::En, "  Anna@Example.COM ").unwrap(),
            "anna@example.com"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "an na@example.com",
            "a@b@c.com",
            "a@.com",
            "a@b..com",
        ] {
            assert!(
                matches!(email(Lang::En, bad), Err(AppError::Invalid(_))),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn installation_ids() {
        assert_eq!(installation_id(Lang::En, " msvpar ").unwrap(), "MSVPAR");
        assert_eq!(installation_id(Lang::En, "123456").unwrap(), "123456");
        assert!(installation_id(Lang::En, "M").is_err());
        assert!(installation_id(Lang::En, "MS VPAR").is_err());
        assert!(installation_id(Lang::Nb, "ÆØÅ123").is_err());
    }
}
