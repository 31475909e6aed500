//! The push worker of one server instance: claims due deliveries and sends them concurrently,
//! so one slow or hung receiver holds one slot, never the queue. Woken at once when an event
//! queues deliveries, and every half second otherwise (for retries and other instances' work).
//! Once an hour it purges events older than the retention period.
use app::server::services::deliveries;
use app::server::AppState;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Deliveries in flight at once per instance.
pub const CONCURRENCY: usize = 64;

/// Runs until the process ends.
pub async fn run(state: AppState, retention: chrono::Duration) {
    let slots = Arc::new(Semaphore::new(CONCURRENCY));
    let mut last_purge = std::time::Instant::now() - Duration::from_secs(3600);
    loop {
        let free = slots.available_permits();
        let claimed = if free == 0 {
            Vec::new()
        } else {
            deliveries::claim_due(&state.db, app::server::services::now(), free as u64)
                .await
                .unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "claiming push deliveries failed");
                    Vec::new()
                })
        };
        let got = claimed.len();
        for id in claimed {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let state = state.clone();
            tokio::spawn(async move {
                if let Err(e) =
                    deliveries::attempt(&state.db, &state.config, &state.push_client, id).await
                {
                    tracing::warn!(delivery = id, error = %e, "a push delivery attempt failed to record");
                }
                drop(permit);
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
        if got == 0 || slots.available_permits() == 0 {
            let _ =
                tokio::time::timeout(Duration::from_millis(500), state.push_wake.notified()).await;
        }
    }
}
