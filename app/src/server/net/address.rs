//! Where push deliveries may go (SSRF rules): never to loopback, private, link-local, CGNAT,
//! multicast, reserved or metadata addresses, in any IPv4 or IPv6 spelling (IPv4-mapped,
//! NAT64, 6to4, decimal or hex hosts), unless the operator allows a host or network in
//! `PORTICO_PUSH_ALLOW` (which is how the tests reach a receiver on 127.0.0.1).
use crate::i18n::Lang;
use crate::t;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use url::{Host, Url};

/// The longest receiver URL accepted.
pub const MAX_URL_LEN: usize = 2048;

/// Hosts and networks the operator allows despite the address rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowList {
    hosts: Vec<String>,
    networks: Vec<(IpAddr, u8)>,
}

impl AllowList {
    /// Parses a comma-separated list of host names, addresses and CIDR networks
    /// (`receiver.internal, 127.0.0.1/32, 10.1.0.0/16, ::1`).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut list = Self::default();
        for item in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            match addr.parse::<IpAddr>() {
                Ok(ip) => {
                    let max = if ip.is_ipv4() { 32 } else { 128 };
                    let bits = match bits {
                        Some(b) => b
                            .parse::<u8>()
                            .ok()
                            .filter(|b| *b <= max)
                            .ok_or_else(|| format!("{item}: the prefix length is 0 to {max}"))?,
                        None => max,
                    };
                    list.networks.push((ip, bits));
                }
                Err(_) if bits.is_none() => list.hosts.push(item.to_ascii_lowercase()),
                Err(_) => return Err(format!("{item}: not an address or network")),
            }
        }
        Ok(list)
    }

    /// Whether the host name is allowed as such.
    pub fn allows_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    /// Whether the address lies in an allowed network.
    pub fn allows_ip(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.networks
            .iter()
            .any(|(net, bits)| in_network(ip, canonical(*net), *bits))
    }
}

fn in_network(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(bits)).unwrap_or(0);
            u32::from(a) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(bits)).unwrap_or(0);
            u128::from(a) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

/// The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let o = ip.octets();
    let tail = Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    if s[..5] == [0, 0, 0, 0, 0] && (s[5] == 0xffff || s[5] == 0) && u128::from(ip) > 1 {
        return Some(tail); // ::ffff:a.b.c.d and the deprecated ::a.b.c.d
    }
    if s[..4] == [0, 0, 0, 0] && s[4] == 0xffff && s[5] == 0 {
        return Some(tail); // ::ffff:0:a.b.c.d, IPv4-translated (SIIT)
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(tail); // NAT64
    }
    if s[0] == 0x2002 {
        return Some(Ipv4Addr::new(o[2], o[3], o[4], o[5])); // 6to4
    }
    None
}

/// IPv4 addresses in IPv6 clothing are judged as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => embedded_v4(v6).map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Whether a delivery must never go to this address.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            a == 0 // "this network"
                || a == 10
                || a == 127
                || (a == 100 && (64..128).contains(&b)) // CGNAT
                || (a == 169 && b == 254) // link-local, cloud metadata
                || (a == 172 && (16..32).contains(&b))
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 192 && b == 0 && c == 2) // documentation
                || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
                || (a == 198 && (18..20).contains(&b)) // benchmarking
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)
                || a >= 224 // multicast, reserved, broadcast
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            v6.is_unspecified()
                || v6.is_loopback()
                || (s[0] & 0xfe00) == 0xfc00 // unique local (incl. fd00:ec2::254 metadata)
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (s[0] & 0xff00) == 0xff00 // multicast
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || s[..4] == [0x0100, 0, 0, 0] // discard-only, 100::/64
                || (s[0] == 0x2001 && s[1] == 0) // Teredo: hides an IPv4 address
                || s[..6] == [0x64, 0xff9b, 1, 0, 0, 0] // local-use NAT64
                || s[..5] == [0, 0, 0, 0, 0] // anything else in ::/80
        }
    }
}

/// Whether deliveries may go to `ip`.
pub fn permitted(ip: IpAddr, allow: &AllowList) -> bool {
    !is_forbidden(ip) || allow.allows_ip(ip)
}

/// Checks a receiver URL as typed: absolute http(s) (https only when `https_only`), no user
/// name or password, and a host that is not a forbidden address literal (names are checked
/// again on every resolved address when connecting). Returns the normalized URL, or what is
/// wrong in `lang`.
pub fn check_url(
    lang: Lang,
    raw: &str,
    https_only: bool,
    allow: &AllowList,
) -> Result<Url, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(t!(lang, "url-empty"));
    }
    if raw.len() > MAX_URL_LEN {
        return Err(t!(lang, "url-too-long", max = MAX_URL_LEN));
    }
    let mut url = Url::parse(raw).map_err(|_| t!(lang, "url-not-url"))?;
    match url.scheme() {
        "https" => {}
        "http" if !https_only => {}
        "http" => return Err(t!(lang, "push-url-https")),
        _ => return Err(t!(lang, "url-scheme")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(t!(lang, "push-url-credentials"));
    }
    url.set_fragment(None);
    let forbidden = t!(lang, "url-internal");
    match url.host() {
        None => return Err(t!(lang, "url-no-host")),
        Some(Host::Ipv4(ip)) if !permitted(IpAddr::V4(ip), allow) => return Err(forbidden),
        Some(Host::Ipv6(ip)) if !permitted(IpAddr::V6(ip), allow) => return Err(forbidden),
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            let internal = d == "localhost"
                || d.ends_with(".localhost")
                || d.ends_with(".local")
                || d.ends_with(".internal")
                || !d.contains('.');
            if internal && !allow.allows_host(&d) {
                return Err(forbidden);
            }
        }
        Some(_) => {}
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forbidden(s: &str) -> bool {
        is_forbidden(s.parse().unwrap())
    }

    #[test]
    fn forbids_the_ranges_the_probe_found_open() {
        // IPv4-translated (SIIT) loopback and metadata, the discard prefix, the 6to4 relay.
        for a in [
            "::ffff:0:127.0.0.1",
            "::ffff:0:a9fe:a9fe",
            "100::1",
            "100::ffff:ffff:ffff:ffff",
            "192.88.99.1",
        ] {
            assert!(forbidden(a), "{a}");
        }
        // Their public neighbours stay allowed.
        for a in ["::ffff:0:8.8.8.8", "100:0:0:1::1", "192.88.98.1"] {
            assert!(!forbidden(a), "{a}");
        }
    }

    #[test]
    fn forbids_internal_ipv4() {
        for a in [
            "0.0.0.0",
            "127.0.0.1",
            "127.255.0.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "192.0.0.8",
            "198.18.0.1",
        ] {
            assert!(forbidden(a), "{a}");
        }
        for a in [
            "8.8.8.8",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "192.169.0.1",
        ] {
            assert!(!forbidden(a), "{a}");
        }
    }

    #[test]
    fn forbids_internal_ipv6_and_ipv4_in_disguise() {
        for a in [
            "::",
            "::1",
            "fc00::1",
            "fd00:ec2::254",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2001:db8::1",
            "2001:0:4136:e378::1",
            "fec0::1",
        ] {
            assert!(forbidden(a), "{a}");
        }
        for a in [
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
            "2002:0808:0808::1",
        ] {
            assert!(!forbidden(a), "{a}");
        }
    }

    #[test]
    fn urls_are_checked_in_every_spelling() {
        let none = AllowList::default();
        for u in [
            "http://127.0.0.1/x",
            "https://127.1/",
            "https://2130706433/", // decimal 127.0.0.1
            "https://0x7f000001/", // hex
            "https://0177.0.0.1/", // octal
            "https://[::1]/",
            "https://[::ffff:a9fe:a9fe]/latest/meta-data", // mapped 169.254.169.254
            "https://169.254.169.254/latest/meta-data",
            "https://localhost/",
            "https://api.localhost/",
            "https://intranet/",
            "https://user:pw@example.com/",
            "ftp://example.com/",
            "example.com/events",
            "",
        ] {
            assert!(check_url(Lang::En, u, false, &none).is_err(), "{u}");
        }
        assert!(
            check_url(Lang::En, "http://example.com/e", true, &none).is_err(),
            "https only"
        );
        let ok = check_url(Lang::En, " https://example.com/portico#frag ", true, &none).unwrap();
        assert_eq!(ok.as_str(), "https://example.com/portico");
        assert!(check_url(
            Lang::Nb,
            &format!("https://example.com/{}", "a".repeat(2100)),
            true,
            &none
        )
        .is_err());
    }

    #[test]
    fn the_operator_can_allow_hosts_and_networks() {
        let allow = AllowList::parse("receiver.local, 127.0.0.1/32, 10.20.0.0/16, ::1").unwrap();
        assert!(check_url(Lang::En, "http://127.0.0.1:9000/hook", false, &allow).is_ok());
        assert!(check_url(Lang::En, "http://[::1]:9000/hook", false, &allow).is_ok());
        assert!(check_url(Lang::En, "https://receiver.local/hook", true, &allow).is_ok());
        assert!(permitted("10.20.3.4".parse().unwrap(), &allow));
        assert!(permitted("::ffff:127.0.0.1".parse().unwrap(), &allow));
        assert!(!permitted("10.21.0.1".parse().unwrap(), &allow));
        assert!(!permitted("127.0.0.2".parse().unwrap(), &allow));
        assert!(AllowList::parse("10.0.0.0/33").is_err());
        assert!(AllowList::parse("nonsense/8").is_err());
    }
}
