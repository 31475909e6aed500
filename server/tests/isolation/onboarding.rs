//! The access requests' server functions, for the isolation test: the queue and its decisions
//! are the operator's alone; a partner's admin (as their own organization or naming the
//! operator's) is refused, and a signed-out visitor is asked to sign in.
use super::common::*;
use app::error::AppError;
use app::features::onboarding::api::{
    ApproveAccessRequest, DeclineAccessRequest, ListAccessRequests,
};
use app::glossary::Environment;
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn the_access_request_queue_is_the_operators_alone() {
    let (app, db) = app_with(Environment::Test).await;
    let operator = org_id(&db, "Portico Platform").await.to_string();
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    for org in [&operator, &nordic] {
        let calls = [
            (
                ListAccessRequests::PATH,
                form(&[("org_id", org), ("status", ""), ("cursor", "")]),
            ),
            (
                ApproveAccessRequest::PATH,
                form(&[("org_id", org), ("id", "1")]),
            ),
            (
                DeclineAccessRequest::PATH,
                form(&[("org_id", org), ("id", "1"), ("message", "")]),
            ),
        ];
        for (path, body) in calls {
            let (_, _, text) = send(&app, call(path, &body, Some(&anna))).await;
            assert_eq!(error_of(&text), AppError::Forbidden, "{path} as {org}");
            let (_, _, text) = send(&app, call(path, &body, None)).await;
            assert_eq!(error_of(&text), AppError::NotSignedIn, "{path} signed out");
        }
    }
}
