//! `/o/:org/products/:id` and its tabs: the product page in sections, each its own URL
//! (Overview, Functions, Versions, Installations, Credentials, Webhooks, Settings), as
//! consoles such as GitHub's and Stripe's split a project. The sections themselves are in
//! `product_tabs.rs`; other features fill some ([`ProductSections`]).
use super::product_tabs::{
    CredentialsTab, InstallationsTab, OverviewTab, SettingsTab, VersionsTab,
};
use crate::components::{
    id_param, org_param, ErrorView, FormResult, Loading, QueryMessages, StatusBadge, Success,
};
use crate::features::products::api::{
    get_product, ActivateVersion, DiscardDraft, NewVersion, RetireProduct,
};
use crate::features::products::dto::ProductDetail;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Sections of the product page that other features render (the app provides them as
/// context, so products need not know those features): `(org, product) -> view`. A section
/// shows nothing when its data is refused: the page itself says why.
#[derive(Clone, Copy)]
pub struct ProductSections {
    /// The push subscriptions of the product.
    pub subscriptions: fn(i32, i32) -> AnyView,
}

/// The product page's tabs, each at its own address below the product's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductTab {
    Overview,
    /// The function picker (`/functions`), a page of its own.
    Functions,
    Versions,
    Installations,
    Credentials,
    Webhooks,
    Settings,
}

impl ProductTab {
    /// Every tab, in the order the navigation shows them.
    pub const ALL: [ProductTab; 7] = [
        Self::Overview,
        Self::Functions,
        Self::Versions,
        Self::Installations,
        Self::Credentials,
        Self::Webhooks,
        Self::Settings,
    ];

    /// The tab's address below the product's (`""` for the overview).
    pub fn suffix(self) -> &'static str {
        match self {
            Self::Overview => "",
            Self::Functions => "/functions",
            Self::Versions => "/versions",
            Self::Installations => "/installations",
            Self::Credentials => "/credentials",
            Self::Webhooks => "/webhooks",
            Self::Settings => "/settings",
        }
    }

    fn label(self) -> String {
        match self {
            Self::Overview => tr!("product-tab-overview"),
            Self::Functions => tr!("product-tab-functions"),
            Self::Versions => tr!("product-versions"),
            Self::Installations => tr!("installations"),
            Self::Credentials => tr!("product-credentials"),
            Self::Webhooks => tr!("nav-webhooks"),
            Self::Settings => tr!("product-tab-settings"),
        }
    }
}

/// The product's sub-navigation, with `current` marked.
#[component]
pub fn ProductTabs(org: i32, product_id: i32, current: ProductTab) -> impl IntoView {
    let base = paths::product(org, product_id);
    view! {
        <nav class="tabs" aria-label=tr!("product-sections-nav")>
            <ul>
                {ProductTab::ALL.into_iter().map(|t| view! {
                    <li><a href=format!("{base}{}", t.suffix()) aria-current=(t == current).then_some("page")>{t.label()}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The product's header: logo, name, kind and status, and the main actions.
#[component]
fn ProductHeader(d: ProductDetail, org: i32) -> impl IntoView {
    let p = d.product;
    let base = paths::product(org, p.id);
    view! {
        <Title text=p.name.clone()/>
        <p><a href=paths::products(org)>{tr!("products-back")}</a></p>
        <header class="page-header with-actions">
            {p.has_logo.then(|| view! { <img class="product-logo" src=format!("/logos/{}", p.id) alt=tr!("product-logo-alt", { "name" => p.name.clone() })/> })}
            <div class="grow">
                <h1>{p.name.clone()}</h1>
                <p class="muted">{p.kind.label(lang())}" · "<StatusBadge status=p.status/></p>
            </div>
            <nav class="actions" aria-label=tr!("product-nav")>
                <a class="button secondary" href=format!("{base}/edit")>{tr!("edit")}</a>
                <a class="button secondary" href=format!("{base}/functions")>{tr!("change-functions")}</a>
                <a class="button secondary" href=format!("{base}/access")>{tr!("access-title")}</a>
                {(p.kind == crate::glossary::ProductKind::OrderIntegration).then(|| view! {
                    <a class="button secondary" href=paths::orders_of_product(org, p.id)>{tr!("nav-orders")}</a>
                })}
            </nav>
        </header>
    }
}

/// The actions a product's tabs may run; one set per page, so each tab's outcome shows.
#[derive(Clone, Copy)]
pub(super) struct ProductActions {
    pub activate: ServerAction<ActivateVersion>,
    pub new_version: ServerAction<NewVersion>,
    pub discard: ServerAction<DiscardDraft>,
    pub retire: ServerAction<RetireProduct>,
}

/// A tab of the product page.
#[component]
pub fn ProductPage(tab: ProductTab) -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let query = use_query_map();
    let actions = ProductActions {
        activate: ServerAction::<ActivateVersion>::new(),
        new_version: ServerAction::<NewVersion>::new(),
        discard: ServerAction::<DiscardDraft>::new(),
        retire: ServerAction::<RetireProduct>::new(),
    };
    let detail = Resource::new(
        move || {
            (
                org.get(),
                id.get(),
                actions.activate.version().get(),
                actions.discard.version().get(),
                actions.retire.version().get(),
            )
        },
        |(o, p, ..)| get_product(o, p),
    );
    let generic = move || query.read().get("generic_name").is_some();
    // Outcomes of the plain logo form, which returns here with a query parameter.
    let logo_saved = move || query.read().get("logo").is_some();
    let sections = use_context::<ProductSections>();
    view! {
        <Show when=logo_saved><Success text=tr!("product-logo-uploaded")/></Show>
        <QueryMessages/>
        <Show when=generic>
            <p class="notice warn" role="status">{tr!("product-generic-name")}</p>
        </Show>
        <FormResult value=actions.activate.value() success=|n: i32| tr!("product-activated-n", { "n" => n })/>
        <FormResult value=actions.new_version.value()/>
        <FormResult value=actions.discard.value()/>
        <FormResult value=actions.retire.value()/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => {
                        let org = org.get();
                        let pid = d.product.id;
                        let body = match tab {
                            ProductTab::Versions => view! { <VersionsTab d=d.clone() org=org actions=actions/> }.into_any(),
                            ProductTab::Installations => view! { <InstallationsTab d=d.clone()/> }.into_any(),
                            ProductTab::Settings => view! { <SettingsTab d=d.clone() org=org actions=actions/> }.into_any(),
                            _ => view! { <OverviewTab d=d.clone() org=org/> }.into_any(),
                        };
                        view! {
                            <ProductHeader d=d org=org/>
                            <ProductTabs org=org product_id=pid current=tab/>
                            {body}
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
        // Outside the Suspend above, so the sections' resources are created in the same order
        // on the server and in the browser (one created inside would not hydrate); they show
        // nothing where the product is refused.
        {(tab == ProductTab::Credentials).then(|| view! { <CredentialsTab org=org.get() product_id=id.get()/> })}
        {(tab == ProductTab::Webhooks).then(|| sections.map(|s| (s.subscriptions)(org.get(), id.get())))}
    }
}
