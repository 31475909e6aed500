//! The push worker of one server instance: claims due deliveries and sends them concurrently.
//! Each subscription gets at most `PER_SUBSCRIPTION` of the `CONCURRENCY` slots, and the
//! subscriptions with due work take turns, so one slow or hung receiver holds a few slots and
//! never the queue. Woken at once when an event queues deliveries, and every half second
//! otherwise (for retries and other instances' work). Once an hour it purges events older than
//! the retention period.
use app::server::services::deliveries;
use app::server::AppState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Deliveries in flight at once per instance.
pub const CONCURRENCY: usize = 64;
/// Deliveries in flight at once per subscription and instance.
pub const PER_SUBSCRIPTION: usize = 8;
/// How long the worker gathers wake-ups before claiming again.
const COALESCE: Duration = Duration::from_millis(5);

/// Deliveries in flight, by subscription.
#[derive(Default)]
struct InFlight(Mutex<HashMap<i32, usize>>);

impl InFlight {
    /// A copy to claim against (the claim must not hold the lock across the database).
    fn snapshot(&self) -> HashMap<i32, usize> {
        self.0.lock().map(|m| m.clone()).unwrap_or_default()
    }
    fn add(&self, sub: i32, delta: isize) {
        if let Ok(mut m) = self.0.lock() {
            let n = m.entry(sub).or_default();
            *n = n.saturating_add_signed(delta);
            if *n == 0 {
                m.remove(&sub);
            }
        }
    }
}

/// Runs until the process ends.
pub async fn run(state: AppState, retention: chrono::Duration) {
    let in_flight = Arc::new(InFlight::default());
    let mut last_purge = std::time::Instant::now() - Duration::from_secs(3600);
    // The subscription served last: the next claim starts after it.
    let mut after = 0;
    loop {
        let busy = in_flight.snapshot();
        let free = CONCURRENCY.saturating_sub(busy.values().sum());
        let room = deliveries::Room {
            total: free,
            per_subscription: PER_SUBSCRIPTION,
            in_flight: &busy,
            after,
        };
        let at = app::server::services::now();
        let claimed = deliveries::claim_due(&state.db, at, &room)
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "claiming push deliveries failed");
                Vec::new()
            });
        let got = claimed.len();
        after = claimed.last().map_or(after, |c| c.subscription_id);
        for c in claimed {
            in_flight.add(c.subscription_id, 1);
            let (state, in_flight) = (state.clone(), in_flight.clone());
            tokio::spawn(async move {
                let sent = deliveries::attempt(
                    &state.db,
                    &state.config,
                    &state.push_client,
                    c.delivery_id,
                )
                .await;
                if let Err(e) = sent {
                    tracing::warn!(delivery = c.delivery_id, error = %e, "a push delivery attempt failed to record");
                }
                in_flight.add(c.subscription_id, -1);
                // A freed slot may let a waiting delivery go.
                state.push_wake.notify_one();
            });
        }
        if last_purge.elapsed() > Duration::from_secs(3600) {
            last_purge = std::time::Instant::now();
            match deliveries::purge_older_than(&state.db, retention).await {
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
