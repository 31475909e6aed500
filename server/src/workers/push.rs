//! The push worker of one server instance: claims due deliveries and sends them concurrently.
//! The subscriptions with due work take turns, and each gets a share of the `CONCURRENCY`
//! slots: up to half of them while its receiver answers well, a few once it fails or its
//! oldest request has waited `SLOW`, so a hung receiver holds a few slots and never the queue.
//! Woken at once when an event queues deliveries, and every half second otherwise (for retries
//! and other instances' work). Once an hour it purges events older than the retention period.
use app::features::push::service::attempts;
use app::features::push::service::claims::{self, Claimed, DueSubscription, Room};
use app::server::AppState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Deliveries in flight at once per instance.
pub const CONCURRENCY: usize = 64;
/// Deliveries in flight at once for one subscription whose receiver answers well: half the
/// slots, so a receiver that hangs without warning still leaves the other half.
pub const HEALTHY_SHARE: usize = CONCURRENCY / 2;
/// Deliveries in flight at once for a failing or slow subscription.
pub const STRUGGLING_SHARE: usize = 4;
/// A subscription whose oldest request in flight has waited this long counts as slow.
pub const SLOW: Duration = Duration::from_secs(5);
// A struggling subscription gets less than a healthy one, and no one subscription gets it all.
const _: () = assert!(STRUGGLING_SHARE < HEALTHY_SHARE && HEALTHY_SHARE < CONCURRENCY);
/// How long the worker gathers wake-ups before claiming again.
const COALESCE: Duration = Duration::from_millis(5);

/// How many more deliveries a subscription may start, with `in_flight` of them in flight (the
/// oldest started `oldest` ago) and `failing` when its latest attempt failed.
pub fn share(in_flight: usize, oldest: Option<Duration>, failing: bool) -> usize {
    let slow = oldest.is_some_and(|age| age >= SLOW);
    let cap = if failing || slow {
        STRUGGLING_SHARE
    } else {
        HEALTHY_SHARE
    };
    cap.saturating_sub(in_flight)
}

/// Deliveries in flight: by subscription, when each started.
#[derive(Default)]
struct InFlight(Mutex<HashMap<i32, HashMap<i32, Instant>>>);

impl InFlight {
    /// By subscription: how many are in flight and how long the oldest has waited. A copy, so
    /// the claim does not hold the lock across the database.
    fn snapshot(&self) -> HashMap<i32, (usize, Option<Duration>)> {
        let Ok(m) = self.0.lock() else {
            return HashMap::new();
        };
        m.iter()
            .map(|(sub, started)| {
                let oldest = started.values().min().map(|t| t.elapsed());
                (*sub, (started.len(), oldest))
            })
            .collect()
    }
    fn start(&self, c: Claimed) {
        if let Ok(mut m) = self.0.lock() {
            m.entry(c.subscription_id)
                .or_default()
                .insert(c.delivery_id, Instant::now());
        }
    }
    fn finish(&self, c: Claimed) {
        if let Ok(mut m) = self.0.lock() {
            if let Some(started) = m.get_mut(&c.subscription_id) {
                started.remove(&c.delivery_id);
                if started.is_empty() {
                    m.remove(&c.subscription_id);
                }
            }
        }
    }
}

/// How often the worker says it is alive (well within [`claims::HEARTBEAT_STALE`]).
const HEARTBEAT: Duration = Duration::from_secs(3);

/// Runs until the process ends, as `instance` (the same name across restarts).
pub async fn run(state: AppState, retention: chrono::Duration, instance: String) {
    // Deliveries this instance held when it last stopped resume now, not when their leases
    // expire.
    match claims::reclaim_own(&state.db, &instance).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(
            deliveries = n,
            "resumed the deliveries this instance held before it stopped"
        ),
        Err(e) => tracing::warn!(error = %e, "reclaiming this instance's leases failed"),
    }
    let mut last_beat = std::time::Instant::now();
    let in_flight = Arc::new(InFlight::default());
    let mut last_purge = std::time::Instant::now() - Duration::from_secs(3600);
    // The subscription served last: the next claim starts after it.
    let mut after = 0;
    loop {
        if last_beat.elapsed() > HEARTBEAT {
            last_beat = std::time::Instant::now();
            if let Err(e) = claims::heartbeat(&state.db, &instance).await {
                tracing::warn!(error = %e, "the push worker's heartbeat failed");
            }
        }
        let busy = in_flight.snapshot();
        let free = CONCURRENCY.saturating_sub(busy.values().map(|(n, _)| n).sum());
        let share_of = |s: DueSubscription| {
            let (n, oldest) = busy.get(&s.id).copied().unwrap_or((0, None));
            share(n, oldest, s.failing)
        };
        let room = Room {
            total: free,
            share: &share_of,
            after,
            instance: &instance,
        };
        let at = app::server::clock::now();
        let claimed = claims::claim_due(&state.db, at, &room)
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "claiming push deliveries failed");
                Vec::new()
            });
        let got = claimed.len();
        after = claimed.last().map_or(after, |c| c.subscription_id);
        for c in claimed {
            in_flight.start(c);
            let (state, in_flight) = (state.clone(), in_flight.clone());
            tokio::spawn(async move {
                let sent =
                    attempts::attempt(&state.db, &state.config, &state.push_client, c.delivery_id)
                        .await;
                if let Err(e) = sent {
                    tracing::warn!(delivery = c.delivery_id, error = %e, "a push delivery attempt failed to record");
                }
                in_flight.finish(c);
                // A freed slot may let a waiting delivery go.
                state.push_wake.notify_one();
            });
        }
        if last_purge.elapsed() > Duration::from_secs(3600) {
            last_purge = std::time::Instant::now();
            match claims::purge_older_than(&state.db, retention).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(events = n, "purged push events past retention"),
                Err(e) => tracing::warn!(error = %e, "purging push events failed"),
            }
        }
        // A full batch means more may be due: go again at once; otherwise wait to be woken.
        if got == 0 || got < free {
            let _ =
                tokio::time::timeout(Duration::from_millis(500), state.push_wake.notified()).await;
            // Let wake-ups that arrive together (finished deliveries, new events) make one
            // claim.
            tokio::time::sleep(COALESCE).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_healthy_subscription_gets_half_the_slots_a_struggling_one_a_few() {
        assert_eq!(share(0, None, false), HEALTHY_SHARE);
        assert_eq!(share(30, Some(Duration::from_millis(20)), false), 2);
        assert_eq!(share(HEALTHY_SHARE, Some(Duration::ZERO), false), 0);
        // Failing (its latest attempt failed), or slow (a request has waited SLOW).
        assert_eq!(share(0, None, true), STRUGGLING_SHARE);
        assert_eq!(share(1, Some(SLOW), false), STRUGGLING_SHARE - 1);
        assert_eq!(share(20, Some(SLOW), false), 0);
    }
}
