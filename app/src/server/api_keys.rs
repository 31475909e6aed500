//! What product access keys and partner API keys share (rule 8): at most two active at once in
//! slots 1 and 2, so a key can be rotated without downtime; a random secret shown once and
//! stored only as a keyed hash, compared in constant time; "last used" written at most once a
//! minute a key.
use super::secrets::{constant_time_eq, new_token};
use super::Config;

/// How many keys may be active at once.
pub const MAX_ACTIVE_KEYS: usize = 2;

/// How often "last used" is written per key: often enough to read, rare enough not to load the
/// database.
pub const LAST_USED_RESOLUTION: chrono::Duration = chrono::Duration::minutes(1);

/// The slot (1 or 2) a new key takes beside the active keys' slots, or `None` when both are
/// taken.
pub fn free_slot(active_slots: &[i32]) -> Option<i32> {
    if active_slots.len() >= MAX_ACTIVE_KEYS {
        return None;
    }
    Some(if active_slots.contains(&1) { 2 } else { 1 })
}

/// A public identifier: `prefix` and 24 random URL-safe characters (`pc_...`, `pk_...`).
pub fn public_id(prefix: &str) -> String {
    format!("{prefix}{}", &new_token()[..24])
}

/// A new secret, `prefix` and 43 random URL-safe characters (256 bits), and the hash to store.
pub fn new_secret(config: &Config, prefix: &str) -> (String, String) {
    let secret = format!("{prefix}{}", new_token());
    let hash = config.secret_key.hash(&secret);
    (secret, hash)
}

/// The first of `keys` whose stored hash (`hash_of`) is that of `secret`.
pub fn matching<'k, K>(
    config: &Config,
    keys: &'k [K],
    hash_of: impl Fn(&K) -> &str,
    secret: &str,
) -> Option<&'k K> {
    let hash = config.secret_key.hash(secret);
    keys.iter().find(|k| constant_time_eq(hash_of(k), &hash))
}

/// Whether a use at `at` should be written as the key's "last used".
pub fn use_due(
    last_used: Option<chrono::DateTime<chrono::Utc>>,
    at: chrono::DateTime<chrono::Utc>,
) -> bool {
    last_used.is_none_or(|t| at - t > LAST_USED_RESOLUTION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_fill_one_then_two_and_never_a_third() {
        assert_eq!(free_slot(&[]), Some(1));
        assert_eq!(free_slot(&[1]), Some(2));
        assert_eq!(free_slot(&[2]), Some(1));
        assert_eq!(free_slot(&[1, 2]), None);
    }

    #[test]
    fn use_is_written_at_most_once_a_minute() {
        let at = chrono::Utc::now();
        assert!(use_due(None, at));
        assert!(!use_due(Some(at - chrono::Duration::seconds(30)), at));
        assert!(use_due(Some(at - chrono::Duration::seconds(61)), at));
    }
}
