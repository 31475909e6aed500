//! Money: an integer number of minor units (øre, cents) with its currency, never a float, so
//! sums are exact. Parsed from and written as decimals (`1234.50`) in CSV, formatted for the
//! reader's language on pages (`NOK 1,234.50`, `NOK 1 234,50`).
pub use crate::glossary::Currency;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The largest amount, in minor units, Portico accepts (10^13, a hundred billion): sums of
/// the most rows a statement may have stay far from overflowing.
pub const MAX_MINOR: i64 = 10_000_000_000_000;

/// An amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Minor units: 12345 NOK is 123.45 kroner.
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// `minor` units of `currency`, when within ±[`MAX_MINOR`].
    pub fn new(minor: i64, currency: Currency) -> Option<Money> {
        (minor.abs() <= MAX_MINOR).then_some(Money { minor, currency })
    }

    /// A decimal such as `1234.5`, `-12` or `0.99` (a dot, at most two decimals, no grouping).
    pub fn parse_decimal(text: &str, currency: Currency) -> Option<Money> {
        Money::new(minor_units(text)?, currency)
    }

    /// The amount as a decimal with two places and a dot (`1234.50`), as CSV files carry it.
    pub fn decimal(&self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// The amount for a reader of `lang`: `NOK 1,234.50` in English, `NOK 1 234,50` in Norwegian.
    pub fn format(&self, lang: Lang) -> String {
        let point = match lang {
            Lang::En => '.',
            Lang::Nb => ',',
        };
        let abs = self.minor.unsigned_abs();
        let whole = crate::i18n::count(lang, (abs / 100) as i64);
        let sign = if self.minor < 0 { "−" } else { "" };
        format!("{} {sign}{whole}{point}{:02}", self.currency, abs % 100)
    }
}

/// The minor units of a decimal such as `1234.5`, `-12` or `0.99` (a dot, at most two
/// decimals, no grouping), within ±[`MAX_MINOR`].
pub fn minor_units(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 14 || fraction.len() > 2 {
        return None;
    }
    if !all_digits(whole) || !all_digits(fraction) || (digits.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let cents = format!("{fraction:0<2}");
    let minor = whole.parse::<i64>().ok()?.checked_mul(100)? + cents.parse::<i64>().ok()?;
    let minor = if negative { -minor } else { minor };
    (minor.abs() <= MAX_MINOR).then_some(minor)
}

/// The sums of `amounts` per currency, in currency order; `None` if a sum would overflow.
pub fn totals(amounts: impl IntoIterator<Item = Money>) -> Option<Vec<Money>> {
    let mut out: Vec<Money> = Vec::new();
    for m in amounts {
        match out.iter_mut().find(|t| t.currency == m.currency) {
            Some(t) => t.minor = t.minor.checked_add(m.minor)?,
            None => out.push(m),
        }
    }
    out.sort_by_key(|m| m.currency);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_exactly_and_written_back() {
        let nok = |s| Money::parse_decimal(s, Currency::Nok).map(|m| m.minor);
        assert_eq!(nok("1234.5"), Some(123_450));
        assert_eq!(nok("0.99"), Some(99));
        assert_eq!(nok("-12"), Some(-1200));
        assert_eq!(nok("100000000000"), Some(MAX_MINOR));
        for bad in [
            "",
            "-",
            "1.",
            ".5",
            "1,5",
            "1.999",
            "1e3",
            " 1",
            "1 000",
            "+1",
            "100000000000.01",
            "NaN",
        ] {
            assert_eq!(nok(bad), None, "{bad:?}");
        }
        let m = Money::new(-123_405, Currency::Eur).unwrap();
        assert_eq!(m.decimal(), "-1234.05");
        assert_eq!(Money::parse_decimal(&m.decimal(), Currency::Eur), Some(m));
        assert_eq!(Money::new(MAX_MINOR + 1, Currency::Eur), None);
    }

    #[test]
    fn amounts_read_as_each_language_writes_them() {
        let m = Money::new(123_456_789, Currency::Nok).unwrap();
        assert_eq!(m.format(Lang::En), "NOK 1,234,567.89");
        assert_eq!(m.format(Lang::Nb), "NOK 1\u{a0}234\u{a0}567,89");
        assert_eq!(
            Money::new(-5, Currency::Dkk).unwrap().format(Lang::En),
            "DKK −0.05"
        );
        assert_eq!(
            Money::new(100_000, Currency::Sek).unwrap().format(Lang::En),
            "SEK 1,000.00"
        );
    }

    #[test]
    fn totals_add_per_currency_without_floats() {
        let m = |minor, currency| Money { minor, currency };
        // 0.1 + 0.2 is exactly 0.3 here.
        let sums = totals([
            m(10, Currency::Nok),
            m(5, Currency::Eur),
            m(20, Currency::Nok),
        ])
        .unwrap();
        assert_eq!(sums, [m(30, Currency::Nok), m(5, Currency::Eur)]);
        assert_eq!(
            totals([m(i64::MAX, Currency::Nok), m(1, Currency::Nok)]),
            None
        );
    }
}
