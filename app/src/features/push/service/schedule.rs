//! When a failed delivery is tried again: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h,
//! 10 h and 10 h (DESIGN.md), each with ±10% jitter so retries of many deliveries spread out.
use chrono::Duration;

/// The waits before attempts 2, 3, …; attempt 1 is immediate.
pub const RETRY_DELAYS_SECS: [i64; 7] = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000];

/// Attempts in all, the first included.
pub const MAX_ATTEMPTS: i32 = RETRY_DELAYS_SECS.len() as i32 + 1;

/// The longest `Retry-After` honoured; a receiver asking for more gets the schedule's maximum.
pub const MAX_RETRY_AFTER_SECS: i64 = 36_000;

/// The wait after `attempts_made` failed attempts, or `None` when no attempt is left.
/// `jitter` is in [-1, 1]; `retry_after` is the receiver's `Retry-After` in seconds.
pub fn next_delay(attempts_made: i32, jitter: f64, retry_after: Option<i64>) -> Option<Duration> {
    let base = *RETRY_DELAYS_SECS.get(usize::try_from(attempts_made - 1).ok()?)?;
    let jittered = base as f64 * (1.0 + 0.1 * jitter.clamp(-1.0, 1.0));
    let millis = (jittered * 1000.0).round() as i64;
    let wait = match retry_after {
        Some(s) if s > 0 => (s.min(MAX_RETRY_AFTER_SECS) * 1000).max(millis),
        _ => millis,
    };
    Some(Duration::milliseconds(wait))
}

/// A random jitter in [-1, 1].
pub fn random_jitter() -> f64 {
    let mut b = [0u8; 2];
    getrandom::fill(&mut b).unwrap_or(());
    f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX) * 2.0 - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_schedule_then_stops() {
        let secs: Vec<i64> = (1..MAX_ATTEMPTS)
            .map(|n| next_delay(n, 0.0, None).unwrap().num_seconds())
            .collect();
        assert_eq!(secs, RETRY_DELAYS_SECS);
        assert_eq!(MAX_ATTEMPTS, 8);
        assert_eq!(next_delay(MAX_ATTEMPTS, 0.0, None), None);
        assert_eq!(next_delay(0, 0.0, None), None);
    }

    #[test]
    fn jitter_stays_within_ten_percent() {
        assert_eq!(next_delay(2, 1.0, None).unwrap().num_seconds(), 330);
        assert_eq!(next_delay(2, -1.0, None).unwrap().num_seconds(), 270);
        assert_eq!(next_delay(2, 7.0, None).unwrap().num_seconds(), 330);
        for _ in 0..100 {
            let j = random_jitter();
            assert!((-1.0..=1.0).contains(&j));
        }
    }

    #[test]
    fn retry_after_is_honoured_within_bounds() {
        assert_eq!(next_delay(1, 0.0, Some(120)).unwrap().num_seconds(), 120);
        // Never sooner than the schedule, never later than the longest wait.
        assert_eq!(next_delay(3, 0.0, Some(1)).unwrap().num_seconds(), 1_800);
        assert_eq!(
            next_delay(1, 0.0, Some(10_000_000)).unwrap().num_seconds(),
            MAX_RETRY_AFTER_SECS
        );
    }
}
