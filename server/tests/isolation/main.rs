//! Every server function, plain form and file route refuses another organization's user, and
//! asks a signed-out visitor to sign in.
#[path = "../common/mod.rs"]
mod common;
mod onboarding;
mod orders;
mod partner_api;
mod pricing;
mod product_orders;
mod profile;

use app::error::AppError;
use app::features::access::api::*;
use app::features::accounts::api::*;
use app::features::activations::api::*;
use app::features::catalog::api::*;
use app::features::notifications::api::*;
use app::features::products::api::*;
use app::features::push::api::*;
use app::features::sales_units::api::*;
use app::glossary::Environment;
use app::server::entities::user;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn every_server_function_refuses_another_organizations_user() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await.to_string();
    let operator = org_id(&db, "Portico Platform").await.to_string();
    let solheim = org_id(&db, "Solheim Eiendom AS").await.to_string();
    let anna = user::Entity::find()
        .filter(user::Column::Email.eq("anna@nordic-integrations.example"))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let product = "1".to_string(); // the demo product of Nordic Integrations
                                   // Ingrid is an admin of Fjord Megling only.
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let mut calls: Vec<(&str, String)> = vec![
        (GetOrgOverview::PATH, form(&[("org_id", &nordic)])),
        (ListMembers::PATH, form(&[("org_id", &nordic)])),
        (
            InviteMember::PATH,
            form(&[
                ("org_id", &nordic),
                ("email", "eve@evil.example"),
                ("role", "admin"),
            ]),
        ),
        (
            ChangeRole::PATH,
            form(&[("org_id", &nordic), ("user_id", &anna), ("role", "member")]),
        ),
        (
            RemoveMember::PATH,
            form(&[("org_id", &nordic), ("user_id", &anna)]),
        ),
        (ListOrganizations::PATH, form(&[("org_id", &operator)])),
        (
            CreateOrganization::PATH,
            form(&[
                ("org_id", &operator),
                ("kind", "partner"),
                ("name", "Evil AS"),
            ]),
        ),
        (
            GetOrganizationDetail::PATH,
            form(&[("org_id", &operator), ("id", &nordic)]),
        ),
        (
            CreateInstallation::PATH,
            form(&[
                ("org_id", &operator),
                ("customer_id", &solheim),
                ("installation_id", "EVIL"),
                ("name", "Evil"),
            ]),
        ),
        (
            SetContactPerson::PATH,
            form(&[
                ("org_id", &operator),
                ("target_id", &nordic),
                ("email", "eve@evil.example"),
            ]),
        ),
        (ListCatalog::PATH, form(&[("org_id", &operator)])),
        (
            ImportCatalog::PATH,
            form(&[("org_id", &operator), ("catalog", r#"{"functions":[]}"#)]),
        ),
        (
            ListProducts::PATH,
            form(&[("org_id", &nordic), ("search", ""), ("status", "")]),
        ),
        (
            CreateProduct::PATH,
            form(&[
                ("org_id", &nordic),
                ("name", "Evil Sync"),
                ("kind", "rights"),
                ("description", ""),
            ]),
        ),
        (
            UpdateProduct::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("name", "Evil"),
                ("kind", "rights"),
                ("description", ""),
            ]),
        ),
        (
            GetProduct::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            SetProductAccess::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("mode", "all"),
            ]),
        ),
        (
            RetireProduct::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            GetPicker::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            NewVersion::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            DiscardDraft::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            ActivateVersion::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
    ];
    let customer_calls: Vec<(&str, String)> = vec![
        (
            GetSuppliers::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", ""),
                ("search", ""),
                ("kind", ""),
            ]),
        ),
        (
            GetProductPanel::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
            ]),
        ),
        (
            ActivateProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLBER"),
                ("product_id", &product),
                ("version", "1"),
            ]),
        ),
        (
            UpgradeProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
                ("version", "1"),
            ]),
        ),
        (
            KeepVersion::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
                ("version", "2"),
            ]),
        ),
        (
            DeactivateProduct::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation", "SOLOSL"),
                ("product_id", &product),
            ]),
        ),
        (ListNotifications::PATH, form(&[("org_id", &solheim)])),
        (MarkNotificationsRead::PATH, form(&[("org_id", &solheim)])),
    ];
    calls.extend(customer_calls);
    calls.push((
        GetCredentials::PATH,
        form(&[("org_id", &nordic), ("product_id", &product)]),
    ));
    calls.push((
        RevokeAccessKey::PATH,
        form(&[
            ("org_id", &nordic),
            ("product_id", &product),
            ("key_id", "1"),
        ]),
    ));
    // Legacy grants (operator) and push subscriptions (partner).
    let sub = ("subscription", "sub_unknown");
    let more: Vec<(&str, String)> = vec![
        (
            AddLegacyGrant::PATH,
            form(&[
                ("org_id", &operator),
                ("partner_id", &nordic),
                ("installation_id", "SOLOSL"),
                ("function", "bids.list"),
                ("note", ""),
            ]),
        ),
        (
            RemoveLegacyGrant::PATH,
            form(&[("org_id", &operator), ("grant_id", "1")]),
        ),
        (ListLegacyAccess::PATH, form(&[("org_id", &nordic)])),
        (
            ListPartnerLegacyGrants::PATH,
            form(&[("org_id", &operator), ("partner_id", &nordic)]),
        ),
        (
            SetOrganizationActive::PATH,
            form(&[
                ("org_id", &operator),
                ("target_id", &solheim),
                ("active", "false"),
            ]),
        ),
        (
            SetInstallationActive::PATH,
            form(&[
                ("org_id", &operator),
                ("installation", "1"),
                ("active", "false"),
            ]),
        ),
        (
            GetSubscriptionForm::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        (
            ListSubscriptions::PATH,
            form(&[("org_id", &nordic), ("filter", "")]),
        ),
        (
            ListSalesUnits::PATH,
            form(&[
                ("org_id", &nordic),
                ("q", ""),
                ("upgrade_pending", "false"),
                ("cursor", ""),
            ]),
        ),
        (
            GetSalesUnit::PATH,
            form(&[("org_id", &nordic), ("installation_id", "SOLOSL")]),
        ),
        (
            RenameSalesUnit::PATH,
            form(&[
                ("org_id", &nordic),
                ("installation_id", "SOLOSL"),
                ("name", "Evil"),
            ]),
        ),
        (
            RenameSalesUnit::PATH,
            form(&[
                ("org_id", &solheim),
                ("installation_id", "SOLOSL"),
                ("name", "Evil"),
            ]),
        ),
        (ListInstallations::PATH, form(&[("org_id", &solheim)])),
        (
            RequestSandboxActivation::PATH,
            form(&[("org_id", &nordic), ("product_id", &product)]),
        ),
        // Price packages and commission (isolation/pricing.rs).
        (GetFigures::PATH, form(&[("org_id", &nordic)])),
        (GetFigures::PATH, form(&[("org_id", &operator)])),
        (GetFigures::PATH, form(&[("org_id", &solheim)])),
        (
            GetInstallation::PATH,
            form(&[("org_id", &solheim), ("installation_id", "SOLOSL")]),
        ),
        (
            CreateSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                ("product_id", &product),
                ("url", "https://example.com/hook"),
                ("event_types[0]", "estate.updated"),
                ("description", ""),
            ]),
        ),
        (
            GetSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                sub,
                ("status", "all"),
                ("search", ""),
                ("before", ""),
                ("after", ""),
            ]),
        ),
        (
            UpdateSubscription::PATH,
            form(&[
                ("org_id", &nordic),
                sub,
                ("url", "https://example.com/hook"),
                ("description", ""),
            ]),
        ),
        (
            SetSubscriptionEnabled::PATH,
            form(&[("org_id", &nordic), sub, ("enable", "false")]),
        ),
        (
            DeleteSubscription::PATH,
            form(&[("org_id", &nordic), ("product_id", &product), sub]),
        ),
        (
            RotateSubscriptionSecret::PATH,
            form(&[("org_id", &nordic), sub]),
        ),
        (SendTestEvent::PATH, form(&[("org_id", &nordic), sub])),
        (
            HideSubscriptionSecret::PATH,
            form(&[("org_id", &nordic), sub]),
        ),
        (
            Redeliver::PATH,
            form(&[("org_id", &nordic), sub, ("delivery", "msg_x")]),
        ),
        (
            ReplayFailed::PATH,
            form(&[("org_id", &nordic), sub, ("since", "2026-11-01T00:00")]),
        ),
    ];
    calls.extend(more);
    calls.extend(pricing::calls(&nordic, &operator, &solheim));
    calls.extend(orders::calls(&nordic, &solheim));
    let fjord = org_id(&db, "Fjord Megling AS").await.to_string();
    orders::other_customers_orders_are_not_found(&app, &db, &fjord, &ingrid).await;
    calls.extend(product_orders::calls(&nordic, &operator, &solheim));
    product_orders::other_companies_orders_are_not_found(&app, &db, &fjord, &ingrid).await;
    calls.extend(partner_api::calls(&nordic));
    partner_api::create_form_refuses(&app, &nordic, &ingrid).await;
    // "Create access key" (a plain form) refuses too, and shows no secret.
    let (status, _, page) = send(
        &app,
        call(
            &format!("/o/{nordic}/products/{product}/keys"),
            "",
            Some(&ingrid),
        ),
    )
    .await;
    // The page answers in the app's shell: not a member of Nordic, she is refused there.
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        // Ingrid reads Norwegian (her saved language in the demo).
        page.contains("Du har ikke tilgang til denne siden") && !page.contains("psk_"),
        "{page}"
    );
    // "Save changes" in the picker posts JSON.
    let save = serde_json::json!({"org_id": nordic.parse::<i32>().unwrap(), "product_id": 1, "version": 1,
        "changes": [{"function_key": "bids.list", "required": true, "filters": {}}]});
    let mut req = call(SaveFunctions::PATH, &save.to_string(), Some(&ingrid));
    req.headers_mut()
        .insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    let (_, _, text) = send(&app, req).await;
    assert_eq!(error_of(&text), AppError::Forbidden, "save_functions");
    // The picker's plain form (no JavaScript) refuses too.
    let form_path = format!("/o/{nordic}/products/{product}/functions/save");
    let body = "version=1&function_key=bids.list&required=on";
    let (status, headers, _) = send(&app, call(&form_path, body, Some(&ingrid))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"].contains("error=Du%20har%20ikke%20tilgang"),
        "{:?}",
        headers["location"]
    );
    let (_, headers, _) = send(&app, call(&form_path, body, None)).await;
    assert_eq!(headers["location"], "/sign-in");
    // So does the logo upload, and no logo appears.
    let multipart = "--XB\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"l.svg\"\r\n\
                     Content-Type: image/svg+xml\r\n\r\n<svg></svg>\r\n--XB--\r\n";
    let mut req = call(
        &format!("/o/{nordic}/products/{product}/logo"),
        multipart,
        Some(&ingrid),
    );
    req.headers_mut().insert(
        header::CONTENT_TYPE,
        "multipart/form-data; boundary=XB".parse().unwrap(),
    );
    let (status, headers, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"].contains("error=Du%20har%20ikke%20tilgang"),
        "{:?}",
        headers["location"]
    );
    let (status, _, _) = send(
        &app,
        Request::get(format!("/logos/{product}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for (path, body) in &calls {
        let (status, _, text) = send(&app, call(path, body, Some(&ingrid))).await;
        assert_ne!(status, StatusCode::OK, "{path} answered OK to an outsider");
        assert_eq!(error_of(&text), AppError::Forbidden, "{path}");
        // Signed out, the same call asks to sign in.
        let (_, _, text) = send(&app, call(path, body, None)).await;
        assert_eq!(error_of(&text), AppError::NotSignedIn, "{path} signed out");
    }
}
