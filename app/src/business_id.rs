//! A customer's legal ID (the glossary's *business identifier*): a scheme and an ID, checked
//! by each scheme's own rule, so that a mistyped number is refused when it is entered rather
//! than found later by a partner who cannot find the customer.
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schemes Portico knows, with their stored and wire names (`business:NO:ORG`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scheme {
    /// Norway's organisation number: 9 digits, the last a mod-11 check digit.
    #[serde(rename = "business:NO:ORG")]
    NoOrg,
    /// Denmark's CVR number: 8 digits.
    #[serde(rename = "business:DK:CVR")]
    DkCvr,
    /// Finland's business ID: 7 digits, a hyphen and a check digit (`1234567-8`).
    #[serde(rename = "business:FI:Y-tunnus")]
    FiYTunnus,
}

impl Scheme {
    /// Every scheme, in the order forms offer them.
    pub const ALL: [Scheme; 3] = [Scheme::NoOrg, Scheme::DkCvr, Scheme::FiYTunnus];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::NoOrg => "business:NO:ORG",
            Scheme::DkCvr => "business:DK:CVR",
            Scheme::FiYTunnus => "business:FI:Y-tunnus",
        }
    }

    /// The scheme named `s`, with or without the `business:` prefix (as older data and people
    /// write it), any case.
    pub fn parse(s: &str) -> Option<Scheme> {
        let s = s.trim();
        let bare = s
            .get(..9)
            .filter(|p| p.eq_ignore_ascii_case("business:"))
            .map_or(s, |_| &s[9..]);
        Scheme::ALL
            .into_iter()
            .find(|k| k.as_str()[9..].eq_ignore_ascii_case(bare))
    }

    /// The market of the scheme's country (where a customer's price packages come from).
    pub fn market(self) -> crate::glossary::Market {
        use crate::glossary::Market;
        match self {
            Scheme::NoOrg => Market::No,
            Scheme::DkCvr => Market::Dk,
            Scheme::FiYTunnus => Market::Fi,
        }
    }

    /// The message key that says what the scheme's IDs look like, for a malformed one.
    pub fn format_key(self) -> &'static str {
        match self {
            Scheme::NoOrg => "invalid-business-id-format-no-org",
            Scheme::DkCvr => "invalid-business-id-format-dk-cvr",
            Scheme::FiYTunnus => "invalid-business-id-format-fi-y-tunnus",
        }
    }

    /// The message key of the scheme's name in forms (`business-scheme-no-org`, ...).
    pub fn label_key(self) -> &'static str {
        match self {
            Scheme::NoOrg => "business-scheme-no-org",
            Scheme::DkCvr => "business-scheme-dk-cvr",
            Scheme::FiYTunnus => "business-scheme-fi-y-tunnus",
        }
    }
}

/// Why an ID is not a valid business identifier of its scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// The scheme is none of [`Scheme::ALL`].
    UnknownScheme,
    /// Wrong length or characters for the scheme.
    Format(Scheme),
    /// The right shape, but the check digit does not match (a typing error).
    CheckDigit(Scheme),
}

/// A checked business identifier, its ID in the scheme's normal form (spaces removed, the
/// Finnish hyphen in place).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BusinessId {
    pub scheme: Scheme,
    pub id: String,
}

impl BusinessId {
    /// Checks `id` against `scheme`'s rule.
    pub fn parse(scheme: &str, id: &str) -> Result<BusinessId, Invalid> {
        let scheme = Scheme::parse(scheme).ok_or(Invalid::UnknownScheme)?;
        let id = normal_form(scheme, id)?;
        Ok(BusinessId { scheme, id })
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.scheme.as_str(), self.id)
    }
}

/// Only the digits of `s`, or `None` if anything but digits, spaces, dots and hyphens is in it.
fn digits(s: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for c in s.chars() {
        match c {
            '0'..='9' => out.push(c as u32 - '0' as u32),
            ' ' | '.' | '-' | '\u{a0}' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The check digit of a weighted mod-11 sum, as Norway's and Finland's rules compute it.
fn mod11(ds: &[u32], weights: &[u32]) -> u32 {
    ds.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11
}

fn normal_form(scheme: Scheme, raw: &str) -> Result<String, Invalid> {
    let ds = digits(raw).ok_or(Invalid::Format(scheme))?;
    let text = |ds: &[u32]| {
        ds.iter()
            .map(|d| char::from(b'0' + *d as u8))
            .collect::<String>()
    };
    match scheme {
        Scheme::NoOrg => {
            if ds.len() != 9 {
                return Err(Invalid::Format(scheme));
            }
            let check = match 11 - mod11(&ds[..8], &[3, 2, 7, 6, 5, 4, 3, 2]) {
                11 => 0,
                10 => return Err(Invalid::CheckDigit(scheme)),
                c => c,
            };
            if check != ds[8] {
                return Err(Invalid::CheckDigit(scheme));
            }
            Ok(text(&ds))
        }
        Scheme::DkCvr => {
            if ds.len() != 8 || ds[0] == 0 {
                return Err(Invalid::Format(scheme));
            }
            Ok(text(&ds))
        }
        Scheme::FiYTunnus => {
            // 7 digits and the check digit, the hyphen where it belongs if written at all.
            let hyphen_ok = match raw.trim().find('-') {
                None => true,
                Some(at) => at == 7 && raw.trim().matches('-').count() == 1,
            };
            if ds.len() != 8 || !hyphen_ok {
                return Err(Invalid::Format(scheme));
            }
            let check = match mod11(&ds[..7], &[7, 9, 10, 5, 8, 4, 2]) {
                0 => 0,
                1 => return Err(Invalid::CheckDigit(scheme)),
                r => 11 - r,
            };
            if check != ds[7] {
                return Err(Invalid::CheckDigit(scheme));
            }
            Ok(format!("{}-{}", text(&ds[..7]), ds[7]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_organisation_numbers_carry_a_mod_11_check_digit() {
        let ok = BusinessId::parse("business:NO:ORG", "923 609 016").unwrap();
        assert_eq!(ok.id, "923609016");
        assert_eq!(ok.to_string(), "business:NO:ORG 923609016");
        // The scheme as older data wrote it.
        assert_eq!(
            BusinessId::parse("NO:ORG", "987654325").unwrap().id,
            "987654325"
        );
        assert_eq!(
            BusinessId::parse("NO:ORG", "987654321"),
            Err(Invalid::CheckDigit(Scheme::NoOrg))
        );
        // 91234567 sums to a remainder that leaves no valid check digit at all.
        assert_eq!(
            BusinessId::parse("NO:ORG", "912345670"),
            Err(Invalid::CheckDigit(Scheme::NoOrg))
        );
        for bad in ["92360901", "9236090160", "92360901x", ""] {
            assert_eq!(
                BusinessId::parse("business:NO:ORG", bad),
                Err(Invalid::Format(Scheme::NoOrg)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn danish_cvr_and_finnish_business_ids() {
        assert_eq!(
            BusinessId::parse("business:DK:CVR", "1234 5678")
                .unwrap()
                .id,
            "12345678"
        );
        assert!(BusinessId::parse("business:DK:CVR", "1234567").is_err());
        assert!(BusinessId::parse("business:DK:CVR", "02345678").is_err());
        // 0112038-9 is a real Y-tunnus; the hyphen may be left out.
        assert_eq!(
            BusinessId::parse("business:FI:Y-tunnus", "0112038-9")
                .unwrap()
                .id,
            "0112038-9"
        );
        assert_eq!(
            BusinessId::parse("FI:Y-TUNNUS", "01120389").unwrap().id,
            "0112038-9"
        );
        assert_eq!(
            BusinessId::parse("business:FI:Y-tunnus", "0112038-8"),
            Err(Invalid::CheckDigit(Scheme::FiYTunnus))
        );
        assert_eq!(
            BusinessId::parse("business:FI:Y-tunnus", "011203-89"),
            Err(Invalid::Format(Scheme::FiYTunnus))
        );
        assert_eq!(
            BusinessId::parse("business:SE:ORG", "5560000000"),
            Err(Invalid::UnknownScheme)
        );
    }
}
