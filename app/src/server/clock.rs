//! Time: the one `now()` every service uses, and the wall clock pages show times on.
use crate::i18n::LocalTime;
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::sync::OnceLock;

/// Now, truncated to whole microseconds so values read back from either database compare equal.
pub fn now() -> DateTime<Utc> {
    let n = Utc::now();
    DateTime::from_timestamp_micros(n.timestamp_micros()).unwrap_or(n)
}

/// The time zone of the wall clock (`PORTICO_TIME_ZONE`), set once when the server starts: the
/// services that describe times for the pages run far from the configuration.
static TIME_ZONE: OnceLock<chrono_tz::Tz> = OnceLock::new();

/// Sets the wall clock's time zone (the first setting of a process stays).
pub fn set_time_zone(tz: chrono_tz::Tz) {
    let _ = TIME_ZONE.set(tz);
}

/// A stored time on the wall clock, for the page to write in its reader's language (never the
/// raw timestamp): to the minute with [`LocalTime::date_time`], to the second in logs with
/// [`LocalTime::date_time_seconds`], or the day with [`LocalTime::date`]. `Europe/Oslo` until
/// [`set_time_zone`].
pub fn local(t: DateTime<Utc>) -> LocalTime {
    let t = t.with_timezone(TIME_ZONE.get().unwrap_or(&chrono_tz::Europe::Oslo));
    LocalTime {
        year: t.year(),
        month: t.month() as u8,
        day: t.day() as u8,
        hour: t.hour() as u8,
        minute: t.minute() as u8,
        second: t.second() as u8,
    }
}

/// A wall-clock time as RFC 3339 with its offset, as the REST API writes times
/// (`2026-12-03T21:09:00+01:00`); in the hour a clock repeats in autumn, the earlier one.
pub fn rfc3339(t: LocalTime) -> String {
    let tz = *TIME_ZONE.get().unwrap_or(&chrono_tz::Europe::Oslo);
    let naive = chrono::NaiveDate::from_ymd_opt(t.year, t.month.into(), t.day.into())
        .and_then(|d| d.and_hms_opt(t.hour.into(), t.minute.into(), t.second.into()));
    match naive.and_then(|n| n.and_local_timezone(tz).earliest()) {
        Some(at) => at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        // A time the clock skips in spring cannot come from `local`; write it without offset.
        None => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.year, t.month, t.day, t.hour, t.minute, t.second
        ),
    }
}

/// When the day `d` begins on the wall clock, in UTC (a day filter's bound).
pub fn day_start(d: chrono::NaiveDate) -> DateTime<Utc> {
    let tz = *TIME_ZONE.get().unwrap_or(&chrono_tz::Europe::Oslo);
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    match midnight.and_local_timezone(tz).earliest() {
        Some(at) => at.with_timezone(&Utc),
        // Midnight skipped by a clock change: the day begins an hour later.
        None => (midnight + chrono::Duration::hours(1))
            .and_local_timezone(tz)
            .earliest()
            .map(|at| at.with_timezone(&Utc))
            .unwrap_or_else(|| midnight.and_utc()),
    }
}
