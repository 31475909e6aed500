//! Time: the one `now()` every service uses, and how times are written on the pages.
use chrono::{DateTime, Utc};

/// Now, truncated to whole microseconds so values read back from either database compare equal.
pub fn now() -> DateTime<Utc> {
    let n = Utc::now();
    DateTime::from_timestamp_micros(n.timestamp_micros()).unwrap_or(n)
}

/// A time to the minute, as the pages show it: `2026-11-20 08:00 UTC`.
pub fn minute(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A time to the second, for logs people compare: `2026-11-20 08:00:05 UTC`.
pub fn second(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// A day: `2026-11-20`.
pub fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}
