//! URL builders: the links services and pages make to Portico's pages, in one place.

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `raw` when it is a path on this site (`/…`, never `//host` or `/\host`, no control
/// characters, at most 2,000 bytes): what a "go back" or "next" parameter may send a browser
/// to, so no link to Portico can forward to another site.
pub fn local(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && raw.len() <= 2000
        && !raw.chars().any(|c| c.is_control() || c == '\\');
    local.then_some(raw)
}

/// `raw` when signing in may continue there: a [`local`] path other than the start page (where
/// signing in lands anyway) and the sign-in pages themselves. The one rule for `next`, wherever
/// it is read: the sign-in page's link, the stored request, the mail and the confirmation.
pub fn continue_at(raw: &str) -> Option<&str> {
    local(raw).filter(|p| *p != "/" && !p.starts_with("/sign-in"))
}

/// The sign-in page, asked to continue at `next` ([`continue_at`]) once signed in.
pub fn sign_in_then(next: &str) -> String {
    match continue_at(next) {
        Some(next) => format!("/sign-in?next={}", encode(next)),
        None => "/sign-in".to_owned(),
    }
}

/// An organization's dashboard, `/o/{org}`; every page of it starts with this.
pub fn org(org: i32) -> String {
    format!("/o/{org}")
}

/// The operator's page of one organization.
pub fn organization(operator: i32, id: i32) -> String {
    format!("/o/{operator}/organizations/{id}")
}

/// The operator's queue of access requests.
pub fn access_requests(operator: i32) -> String {
    format!("/o/{operator}/access-requests")
}

/// The partner's product list.
pub fn products(org: i32) -> String {
    format!("/o/{org}/products")
}

/// A product's page.
pub fn product(org: i32, product: i32) -> String {
    format!("/o/{org}/products/{product}")
}

/// A product's function picker ("Change functions").
pub fn product_functions(org: i32, product: i32) -> String {
    format!("/o/{org}/products/{product}/functions")
}

/// A push subscription's page.
pub fn subscription(org: i32, product: i32, subscription: &str) -> String {
    format!("/o/{org}/products/{product}/subscriptions/{subscription}")
}

/// The "Price packages" page (the operator's and a partner's).
pub fn price_packages(org: i32) -> String {
    format!("/o/{org}/price-packages")
}

/// A price package's page (the operator's).
pub fn price_package(org: i32, id: i32) -> String {
    format!("/o/{org}/price-packages/{id}")
}

/// The "Commission" page (the operator's and a partner's).
pub fn commission(org: i32) -> String {
    format!("/o/{org}/commission")
}

/// A month of a partner's commission (`period` is `YYYY-MM`).
pub fn commission_month(org: i32, period: &str) -> String {
    format!("/o/{org}/commission/{period}")
}

/// A month of a partner's commission as a CSV file.
pub fn commission_csv(org: i32, period: &str) -> String {
    format!("/o/{org}/commission/{period}/csv")
}

/// The partner's sales units list.
pub fn sales_units(org: i32) -> String {
    format!("/o/{org}/sales-units")
}

/// A sales unit's page.
pub fn sales_unit(org: i32, installation_id: &str) -> String {
    format!("/o/{org}/sales-units/{}", encode(installation_id))
}

/// An organization's audit log (`.csv` after it: the download).
pub fn audit_log(org: i32) -> String {
    format!("/o/{org}/audit-log")
}

/// A customer's installations.
pub fn installations(org: i32) -> String {
    format!("/o/{org}/installations")
}

/// A customer's installation page (its sales unit, as the customer sees it).
pub fn installation(org: i32, installation_id: &str) -> String {
    format!("/o/{org}/installations/{}", encode(installation_id))
}

/// The orders of an organization's products (a partner) or installations (a customer).
pub fn orders(org: i32) -> String {
    format!("/o/{org}/orders")
}

/// The orders of one of the partner's products.
pub fn orders_of_product(org: i32, product: i32) -> String {
    format!("/o/{org}/orders?product={product}")
}

/// An order's page.
pub fn order(org: i32, order_id: &str) -> String {
    format!("/o/{org}/orders/{}", encode(order_id))
}

/// An organization's product orders (a partner's, a customer's, or the operator's queue).
pub fn product_orders(org: i32) -> String {
    format!("/o/{org}/product-orders")
}

/// A product order's page.
pub fn product_order(org: i32, order_id: &str) -> String {
    format!("/o/{org}/product-orders/{}", encode(order_id))
}

/// A partner's product order templates.
pub fn product_order_templates(org: i32) -> String {
    format!("/o/{org}/product-order-templates")
}

/// The link of a product order: where the customer reviews and submits it.
pub fn sign_up(token: &str) -> String {
    format!("/sign-up/{token}")
}

/// The link of a product order template: where any customer starts an order from it.
pub fn sign_up_template(token: &str) -> String {
    format!("/sign-up/template/{token}")
}

/// The customer's panel for a product on an installation (where upgrades are reviewed).
pub fn supplier_panel(customer: i32, installation_id: &str, product: i32) -> String {
    format!(
        "/o/{customer}/suppliers?installation={}&product={product}",
        encode(installation_id)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn links() {
        assert_eq!(super::encode("a b/é"), "a%20b%2F%C3%A9");
        assert_eq!(
            super::supplier_panel(4, "SOLOSL", 1),
            "/o/4/suppliers?installation=SOLOSL&product=1"
        );
    }

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert_eq!(super::local("/o/2/products?q=a"), Some("/o/2/products?q=a"));
        for away in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/o/2\\x",
            "evil.example",
            "",
            "/a\nb",
            "javascript:alert(1)",
        ] {
            assert_eq!(super::local(away), None, "{away:?}");
        }
        assert_eq!(
            super::sign_in_then("/o/4/suppliers?installation=SOLOSL&product=1"),
            "/sign-in?next=%2Fo%2F4%2Fsuppliers%3Finstallation%3DSOLOSL%26product%3D1"
        );
        assert_eq!(super::sign_in_then("/"), "/sign-in");
        assert_eq!(super::sign_in_then("/sign-in?next=%2F"), "/sign-in");
        assert_eq!(super::sign_in_then("//evil.example"), "/sign-in");
    }
}
