//! Numbers, dates and times as each language writes them: `1,234.5` and `1 December 2026,
//! 14:05` in English, `1 234,5` and `1. desember 2026 kl. 14:05` in Norwegian.
use super::{text, text_with, Lang};
use serde::{Deserialize, Serialize};

/// Groups of three digits, with the language's separator (Norwegian: a no-break space).
fn grouped(lang: Lang, digits: &str) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Nb => '\u{a0}',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number: `1,234` / `1 234`.
pub fn count(lang: Lang, n: i64) -> String {
    let digits = grouped(lang, &n.unsigned_abs().to_string());
    if n < 0 {
        format!("−{digits}")
    } else {
        digits
    }
}

/// A number with `places` decimals: `1,234.5` / `1 234,5`.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let fixed = format!("{:.*}", places, x.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mark = match lang {
        Lang::En => ".",
        Lang::Nb => ",",
    };
    let sign = if x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!("{mark}{frac}")
    };
    format!("{sign}{}{frac}", grouped(lang, whole))
}

/// A moment on the wall clock of Portico's time zone (`PORTICO_TIME_ZONE`): the server turns
/// stored UTC times into this, and the page writes it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LocalTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// A month of a year: `November 2026` / `november 2026`.
pub fn month_of_year(lang: Lang, year: i32, month: u8) -> String {
    let t = LocalTime {
        year,
        month,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
    };
    format!("{} {year}", t.month_name(lang))
}

impl LocalTime {
    /// The month's name (`December`, `desember`).
    fn month_name(self, lang: Lang) -> String {
        let key = match self.month {
            1 => "month-1",
            2 => "month-2",
            3 => "month-3",
            4 => "month-4",
            5 => "month-5",
            6 => "month-6",
            7 => "month-7",
            8 => "month-8",
            9 => "month-9",
            10 => "month-10",
            11 => "month-11",
            _ => "month-12",
        };
        text(lang, key)
    }

    /// The date: `1 December 2026` / `1. desember 2026`.
    pub fn date(self, lang: Lang) -> String {
        text_with(
            lang,
            "format-date",
            &[
                ("day", self.day.to_string().into()),
                ("month", self.month_name(lang).into()),
                ("year", self.year.to_string().into()),
            ],
        )
    }

    /// Date and time: `1 December 2026, 14:05` / `1. desember 2026 kl. 14:05`.
    pub fn date_time(self, lang: Lang) -> String {
        self.with_time(lang, format!("{:02}:{:02}", self.hour, self.minute))
    }

    /// Date and time to the second, for logs: `1 December 2026, 14:05:09`.
    pub fn date_time_seconds(self, lang: Lang) -> String {
        let time = format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second);
        self.with_time(lang, time)
    }

    fn with_time(self, lang: Lang, time: String) -> String {
        text_with(
            lang,
            "format-date-time",
            &[("date", self.date(lang).into()), ("time", time.into())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(count(Lang::En, 1234), "1,234");
        assert_eq!(count(Lang::Nb, 1234), "1\u{a0}234");
        assert_eq!(count(Lang::En, 999), "999");
        assert_eq!(count(Lang::En, -1234567), "−1,234,567");
        assert_eq!(decimal(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(decimal(Lang::Nb, 1234.5, 1), "1\u{a0}234,5");
        assert_eq!(decimal(Lang::Nb, 0.25, 2), "0,25");
        assert_eq!(decimal(Lang::En, -0.001, 2), "0.00");
        assert_eq!(decimal(Lang::En, f64::NAN, 2), "—");
    }

    #[test]
    fn dates_and_times_are_written_as_each_language_writes_them() {
        let t = LocalTime {
            year: 2026,
            month: 12,
            day: 1,
            hour: 14,
            minute: 5,
            second: 9,
        };
        assert_eq!(t.date_time(Lang::En), "1 December 2026, 14:05");
        assert_eq!(t.date_time(Lang::Nb), "1. desember 2026 kl. 14:05");
        assert_eq!(t.date(Lang::Nb), "1. desember 2026");
        assert_eq!(t.date_time_seconds(Lang::En), "1 December 2026, 14:05:09");
        for month in 1..=12 {
            for &lang in Lang::ALL {
                let name = LocalTime { month, ..t }.month_name(lang);
                assert!(!name.starts_with("month-"), "month {month} in {lang}");
            }
        }
    }
}
