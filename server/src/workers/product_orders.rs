//! The product order expiry worker.
use app::server::AppState;

/// Expires prefills not submitted within their 14 days, every minute (several instances may
/// run it: each order moves once, by compare-and-set).
pub async fn run(state: AppState) {
    loop {
        match app::features::product_orders::service::expiry::expire_due(&state.db).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(expired = n, "product orders expired"),
            Err(e) => tracing::warn!(error = %e, "expiring product orders failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}
