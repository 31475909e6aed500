//! Sends one signed push request and reports what happened in words a partner understands.
//! Redirects are not followed, proxies from the environment are ignored, and every address a
//! host name resolves to is checked against the address rules; the connection then uses only
//! those checked addresses (no second lookup an attacker could answer differently).
use super::address::{permitted, AllowList};
use super::signing::signature_header;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::error::Error as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How much of a receiver's answer is kept in the delivery log.
pub const BODY_START_CHARS: usize = 300;

/// Checks every resolved address before reqwest may connect to it.
struct CheckedResolver {
    allow: Arc<AllowList>,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow = self.allow.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let host_allowed = allow.allows_host(&host);
            if addrs.is_empty() {
                return Err(format!("{host} has no address").into());
            }
            if !host_allowed && addrs.iter().any(|a| !permitted(a.ip(), &allow)) {
                return Err(ForbiddenAddress(host).into());
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

#[derive(Debug)]
struct ForbiddenAddress(String);

impl std::fmt::Display for ForbiddenAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} resolves to an internal address Portico does not send to",
            self.0
        )
    }
}

impl std::error::Error for ForbiddenAddress {}

/// The HTTP client of push deliveries and the address rules it applies to every request.
#[derive(Clone)]
pub struct PushClient {
    http: reqwest::Client,
    allow: Arc<AllowList>,
}

/// The HTTP client of push deliveries.
pub fn client(allow: Arc<AllowList>) -> PushClient {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .dns_resolver(Arc::new(CheckedResolver {
            allow: allow.clone(),
        }))
        .user_agent("Portico-Webhooks/1")
        .connect_timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(8)
        .build()
        .expect("the push HTTP client builds");
    PushClient { http, allow }
}

/// Why a request to `url` must not be made, for a host written as an address: those never
/// reach the resolver, so the address rules are applied here, on every send (a subscription
/// saved under a wider `PORTICO_PUSH_ALLOW` is held to today's rules).
fn refused(url: &str, allow: &AllowList) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let ip = match parsed.host()? {
        url::Host::Ipv4(ip) => std::net::IpAddr::V4(ip),
        url::Host::Ipv6(ip) => std::net::IpAddr::V6(ip),
        url::Host::Domain(_) => return None,
    };
    (!permitted(ip, allow))
        .then(|| format!("Not sent: {ip} is an internal address Portico does not send to."))
}

/// What one attempt found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Option<u16>,
    pub duration_ms: i32,
    /// The start of the answer's body.
    pub body_start: String,
    /// Why no answer came (timeout, connection refused, TLS error, ...).
    pub error: Option<String>,
    /// The receiver's `Retry-After`, in seconds.
    pub retry_after: Option<i64>,
}

impl Outcome {
    /// A 2xx answer.
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// One line for a form: what happened.
    pub fn describe(&self) -> String {
        match (&self.error, self.status) {
            (Some(e), _) => e.clone(),
            (None, Some(s)) if self.body_start.is_empty() => format!("The receiver answered {s}."),
            (None, Some(s)) => format!("The receiver answered {s}: {}", self.body_start),
            (None, None) => "No answer.".into(),
        }
    }
}

/// A request to send: `body` is the exact JSON that is signed.
pub struct Message<'a> {
    pub url: &'a str,
    pub msg_id: &'a str,
    pub timestamp: i64,
    pub body: &'a str,
    /// The secrets to sign with (the new one first during a rotation).
    pub secrets: &'a [&'a str],
}

/// Posts the message and waits at most `timeout` for the answer.
pub async fn send(client: &PushClient, msg: &Message<'_>, timeout: Duration) -> Outcome {
    let started = Instant::now();
    if let Some(error) = refused(msg.url, &client.allow) {
        return Outcome {
            status: None,
            duration_ms: 0,
            body_start: String::new(),
            error: Some(error),
            retry_after: None,
        };
    }
    let request = client
        .http
        .post(msg.url)
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("webhook-id", msg.msg_id)
        .header("webhook-timestamp", msg.timestamp.to_string())
        .header(
            "webhook-signature",
            signature_header(msg.secrets, msg.msg_id, msg.timestamp, msg.body),
        )
        .body(msg.body.to_owned());
    let result = request.send().await;
    let elapsed = |s: Instant| i32::try_from(s.elapsed().as_millis()).unwrap_or(i32::MAX);
    match result {
        Ok(res) => {
            let status = res.status().as_u16();
            let retry_after = res
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<i64>().ok());
            // Only the start of the body is kept; stop reading after a little more than that.
            let mut body = Vec::new();
            let mut res = res;
            let read = tokio::time::timeout(timeout.saturating_sub(started.elapsed()), async {
                while let Ok(Some(chunk)) = res.chunk().await {
                    body.extend_from_slice(&chunk);
                    if body.len() > BODY_START_CHARS * 4 {
                        break;
                    }
                }
            })
            .await;
            let _ = read;
            let text: String = String::from_utf8_lossy(&body)
                .chars()
                .take(BODY_START_CHARS)
                .collect();
            Outcome {
                status: Some(status),
                duration_ms: elapsed(started),
                body_start: text.trim().to_owned(),
                error: None,
                retry_after,
            }
        }
        Err(e) => Outcome {
            status: None,
            duration_ms: elapsed(started),
            body_start: String::new(),
            error: Some(explain(&e, timeout)),
            retry_after: None,
        },
    }
}

/// A partner-readable reason for a failed request.
fn explain(e: &reqwest::Error, timeout: Duration) -> String {
    let mut chain = String::new();
    let mut source: Option<&dyn std::error::Error> = e.source();
    while let Some(s) = source {
        if let Some(f) = s.downcast_ref::<ForbiddenAddress>() {
            return format!("Not sent: {f}.");
        }
        chain.push_str(&s.to_string());
        chain.push_str("; ");
        source = s.source();
    }
    let lower = chain.to_lowercase();
    if e.is_timeout() {
        format!("Timed out: no answer within {} seconds.", timeout.as_secs())
    } else if lower.contains("refused") {
        "Connection refused: nothing listens at that address and port.".into()
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        format!("TLS error: {}", first_line(&chain))
    } else if lower.contains("dns")
        || lower.contains("no address")
        || lower.contains("lookup")
        || lower.contains("resolve")
    {
        format!(
            "The host name could not be resolved: {}",
            first_line(&chain)
        )
    } else if e.is_connect() {
        format!("Could not connect: {}", first_line(&chain))
    } else {
        format!("The request failed: {}", first_line(&chain))
    }
}

fn first_line(chain: &str) -> String {
    chain.trim_end_matches("; ").chars().take(200).collect()
}
