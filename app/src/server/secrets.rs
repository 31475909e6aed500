//! Random tokens and their hashes. Tokens are 256-bit random values, so a fast hash (SHA-256)
//! is the right way to store them; only the hash ever reaches the database.
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A new random token: 32 bytes from the OS, URL-safe base64 (43 characters).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new random UUID (version 4), as a user ID is shown: `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
pub fn new_uuid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the operating system's random source failed");
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The hex SHA-256 of a token, as stored.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A server-side key, never printed (its `Debug` is redacted).
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(std::sync::Arc<[u8]>);

impl SecretKey {
    pub fn new(key: &str) -> Self {
        Self(key.as_bytes().into())
    }

    /// The hex HMAC-SHA256 of a random secret under this key: how product secrets are stored.
    /// A fast keyed hash is right for 256-bit random secrets (argon2 is for passwords), and the
    /// key keeps a stolen database from being enough to check guesses.
    pub fn hash(&self, secret: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(secret.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The prefix of a value sealed by [`SecretKey::seal`].
const SEALED: &str = "enc1:";

impl SecretKey {
    /// The 256-bit key that seals stored secrets, derived from this key for that one purpose.
    fn sealing_key(&self) -> chacha20poly1305::Key {
        use hmac::{Hmac, Mac};
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(b"portico: sealed secrets v1");
        mac.finalize().into_bytes()
    }

    /// Encrypts a secret the server must read back later (a push signing secret), as
    /// `enc1:<base64 of nonce and ChaCha20-Poly1305 ciphertext>`.
    pub fn seal(&self, plaintext: &str) -> String {
        use chacha20poly1305::aead::{Aead, KeyInit};
        use chacha20poly1305::ChaCha20Poly1305;
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).expect("the operating system's random source failed");
        let cipher = ChaCha20Poly1305::new(&self.sealing_key());
        let sealed = cipher
            .encrypt((&nonce).into(), plaintext.as_bytes())
            .expect("ChaCha20-Poly1305 encrypts any message this short");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        format!(
            "{SEALED}{}",
            base64::engine::general_purpose::STANDARD.encode(out)
        )
    }

    /// The secret [`seal`](Self::seal) encrypted, or `None` when it was sealed under another key
    /// or altered.
    pub fn open(&self, sealed: &str) -> Option<String> {
        use chacha20poly1305::aead::{Aead, KeyInit};
        use chacha20poly1305::ChaCha20Poly1305;
        let raw = base64::engine::general_purpose::STANDARD
            .decode(sealed.strip_prefix(SEALED)?)
            .ok()?;
        if raw.len() < 12 {
            return None;
        }
        let (nonce, ciphertext) = raw.split_at(12);
        let cipher = ChaCha20Poly1305::new(&self.sealing_key());
        let plain = cipher.decrypt(nonce.into(), ciphertext).ok()?;
        String::from_utf8(plain).ok()
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

/// Compares two strings in time that depends only on their length.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn user_ids_are_version_4_uuids_and_differ() {
        let (a, b) = (super::new_uuid(), super::new_uuid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        let groups: Vec<&str> = a.split('-').collect();
        assert_eq!(
            groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(groups[2].starts_with('4'), "{a}");
        assert!("89ab".contains(&groups[3][..1]), "{a}");
        assert!(a
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn keyed_hashes_depend_on_the_key_and_hide_it() {
        let (a, b) = (
            super::SecretKey::new("key one"),
            super::SecretKey::new("key two"),
        );
        assert_eq!(a.hash("s"), a.hash("s"));
        assert_ne!(a.hash("s"), b.hash("s"));
        assert_eq!(a.hash("s").len(), 64);
        assert_eq!(format!("{a:?}"), "SecretKey(…)");
        assert!(super::constant_time_eq("abc", "abc") && !super::constant_time_eq("abc", "abd"));
    }

    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn sealed_secrets_open_only_with_their_key() {
        let (a, b) = (SecretKey::new("key one"), SecretKey::new("key two"));
        let sealed = a.seal("whsec_abc");
        assert!(sealed.starts_with("enc1:") && !sealed.contains("whsec_abc"));
        assert_ne!(a.seal("whsec_abc"), sealed, "a fresh nonce every time");
        assert_eq!(a.open(&sealed).as_deref(), Some("whsec_abc"));
        assert_eq!(b.open(&sealed), None);
        let mut tampered = sealed.clone();
        tampered.replace_range(10..11, if &sealed[10..11] == "A" { "B" } else { "A" });
        assert_eq!(a.open(&tampered), None);
        assert_eq!(a.open("whsec_abc"), None);
    }
}
