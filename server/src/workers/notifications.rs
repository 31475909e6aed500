//! The upgrade-notification worker.
use app::server::AppState;

/// Turns the upgrade queue into notifications and e-mails, every two seconds.
pub async fn run(state: AppState) {
    loop {
        if let Err(e) = app::features::products::service::upgrade_queue::process_upgrade_queue(
            &state.db,
            &state.config,
        )
        .await
        {
            tracing::warn!(error = %e, "processing the upgrade-notification queue failed");
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
}
