//! The pricing feature's server functions, for the isolation test: price packages (the
//! operator's and a partner's pages) and commission.
use super::common::form;
use app::features::pricing::api::*;
use leptos::server_fn::ServerFn;

/// Calls an outsider must be refused, as (path, form body).
pub fn calls(nordic: &str, operator: &str, solheim: &str) -> Vec<(&'static str, String)> {
    vec![
        (ListPricePackages::PATH, form(&[("org_id", nordic)])),
        (GetCommission::PATH, form(&[("org_id", nordic)])),
        (GetCommission::PATH, form(&[("org_id", operator)])),
        (
            GetCommissionMonth::PATH,
            form(&[("org_id", nordic), ("period", "2026-11"), ("cursor", "0")]),
        ),
        (ListPricePackages::PATH, form(&[("org_id", operator)])),
        (
            GetPricePackage::PATH,
            form(&[("org_id", operator), ("id", "1")]),
        ),
        (
            CreatePricePackage::PATH,
            form(&[
                ("org_id", operator),
                ("name", "Evil"),
                ("description", "0%"),
                ("market", "NO"),
                ("commission", ""),
            ]),
        ),
        (
            UpdatePricePackage::PATH,
            form(&[
                ("org_id", operator),
                ("id", "1"),
                ("name", "Evil"),
                ("description", "0%"),
                ("market", "NO"),
                ("commission", ""),
            ]),
        ),
        (
            SetPricePackageOffered::PATH,
            form(&[
                ("org_id", operator),
                ("id", "1"),
                ("partner_id", nordic),
                ("offered", "true"),
            ]),
        ),
        (
            GetCustomerPackages::PATH,
            form(&[("org_id", operator), ("customer_id", solheim)]),
        ),
        (
            SetInstallationPricePackage::PATH,
            form(&[
                ("org_id", operator),
                ("installation", "1"),
                ("price_package_id", ""),
            ]),
        ),
    ]
}
