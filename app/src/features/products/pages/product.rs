//! `/o/:org/products/:id`: the product page ("preview"): fields, versions, installations,
//! required functions, credentials, retiring, and the sections other features add
//! ([`ProductSections`]).
use super::credentials::Credentials;
use crate::components::{
    id_param, org_param, EmptyState, ErrorView, FormResult, Loading, QueryMessages, StatusBadge,
    Success,
};
use crate::error::AppError;
use crate::features::products::api::{
    get_credentials, get_product, ActivateVersion, DiscardDraft, NewVersion, RetireProduct,
    RevokeAccessKey,
};
use crate::features::products::dto::{
    AccessMode, CredentialsDto, GrantView, ProductDetail, ProductStatus, VersionState,
};
use crate::paths;
use leptos::prelude::*;
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

/// `/o/:org/products/:id`: the product page ("preview").
#[component]
pub fn ProductPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let query = use_query_map();
    let activate = ServerAction::<ActivateVersion>::new();
    let new_version = ServerAction::<NewVersion>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    let retire = ServerAction::<RetireProduct>::new();
    let detail = Resource::new(
        move || {
            (
                org.get(),
                id.get(),
                activate.version().get(),
                discard.version().get(),
                retire.version().get(),
            )
        },
        |(o, p, ..)| get_product(o, p),
    );
    let revoke = ServerAction::<RevokeAccessKey>::new();
    let creds = Resource::new(
        move || (org.get(), id.get(), revoke.version().get()),
        |(o, p, _)| get_credentials(o, p),
    );
    let generic = move || query.read().get("generic_name").is_some();
    // Outcomes of the plain logo form, which returns here with a query parameter.
    let logo_saved = move || query.read().get("logo").is_some();
    let sections = use_context::<ProductSections>();
    view! {
        <Show when=logo_saved><Success text="Logo uploaded."/></Show>
        <QueryMessages/>
        <Show when=generic>
            <p class="notice warn" role="status">"The product name is generic. Customers see products from many partners: consider adding your company name (Edit)."</p>
        </Show>
        <FormResult value=activate.value() success=|n: i32| format!("Version {n} is active. Customers on older versions will be asked to upgrade.")/>
        <FormResult value=new_version.value()/>
        <FormResult value=discard.value()/>
        <FormResult value=retire.value()/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let creds = creds.await;
                match detail.await {
                    Ok(d) => view! {
                        <ProductView d=d org=org.get() activate=activate new_version=new_version discard=discard retire=retire creds=creds revoke=revoke/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
        // Outside the Suspend above, so the sections' resources are created in the same order
        // on the server and in the browser; they show nothing where the product is refused.
        {sections.map(|s| (s.subscriptions)(org.get(), id.get()))}
    }
}

#[component]
fn ProductView(
    d: ProductDetail,
    org: i32,
    activate: ServerAction<ActivateVersion>,
    new_version: ServerAction<NewVersion>,
    discard: ServerAction<DiscardDraft>,
    retire: ServerAction<RetireProduct>,
    creds: Result<CredentialsDto, AppError>,
    revoke: ServerAction<RevokeAccessKey>,
) -> impl IntoView {
    let p = d.product.clone();
    let base = paths::product(org, p.id);
    let is_draft = d.current_state == VersionState::Draft;
    let several = d.versions.len() > 1;
    let retired = p.status == ProductStatus::Retired;
    let mut areas: Vec<(String, Vec<GrantView>)> = Vec::new();
    for g in d.grants.clone() {
        match areas.iter_mut().find(|(a, _)| *a == g.area) {
            Some((_, list)) => list.push(g),
            None => areas.push((g.area.clone(), vec![g])),
        }
    }
    let hidden = move |name: &'static str, value: i32| view! { <input type="hidden" name=name value=value/> };
    view! {
        <Title text=p.name.clone()/>
        <p><a href=paths::products(org)>"← Products"</a></p>
        <header class="page-header with-actions">
            {p.has_logo.then(|| view! { <img class="product-logo" src=format!("/logos/{}", p.id) alt=format!("{} logo", p.name)/> })}
            <div class="grow">
                <h1>{p.name.clone()}</h1>
                <p class="muted">{p.kind.label()}" · "<StatusBadge status=p.status/></p>
            </div>
            <nav class="actions" aria-label="Product">
                <a class="button secondary" href=format!("{base}/edit")>"Edit"</a>
                <a class="button secondary" href=format!("{base}/functions")>"Change functions"</a>
                <a class="button secondary" href=format!("{base}/access")>"Access and security"</a>
            </nav>
        </header>
        <section class="card">
            <p>{if p.description.is_empty() { "No description yet.".to_string() } else { p.description.clone() }}</p>
            <dl class="facts">
                <dt>"Support e-mail"</dt><dd>{p.support_email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Support URL"</dt><dd>{p.support_url.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Logo"</dt>
                <dd>
                    <form method="post" action=format!("{base}/logo") enctype="multipart/form-data" class="logo-form">
                        <label for="logo-file">"Logo (PNG or SVG, at most 256 KB)"</label>
                        <input id="logo-file" type="file" name="logo" accept="image/png,image/svg+xml"/>
                        <button type="submit" class="secondary">"Upload logo"</button>
                    </form>
                </dd>
                <dt>"Available to"</dt>
                <dd>{match p.access_mode {
                    AccessMode::All => "Every installation".to_string(),
                    AccessMode::Listed => d.access.iter().map(|i| format!("{} ({})", i.installation_id, i.name)).collect::<Vec<_>>().join(", "),
                }}</dd>
            </dl>
        </section>

        <section aria-labelledby="versions-title">
            <h2 id="versions-title">"Versions"</h2>
            <table aria-label="Versions">
                <thead><tr><th scope="col">"Version"</th><th scope="col">"State"</th><th scope="col">"Functions"</th>
                    <th scope="col">"Installations"</th><th scope="col">"Activated"</th><th scope="col">"Note to customers"</th></tr></thead>
                <tbody>
                    {d.versions.iter().map(|v| view! {
                        <tr>
                            <td>{format!("Version {}", v.number)}</td>
                            <td><StatusBadge status=v.state/></td>
                            <td>{v.functions}</td>
                            <td>{v.installations}</td>
                            <td>{v.activated_at.clone().unwrap_or_else(|| "—".into())}</td>
                            <td>{v.note.clone().unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!retired).then(|| if is_draft {
                if d.can_admin {
                    view! {
                        <ActionForm action=activate attr:class="card form-card">
                            <h3>{format!("Activate version {}", d.current_version)}</h3>
                            {hidden("org_id", org)}{hidden("product_id", p.id)}
                            <div class="field">
                                <label for="activate-note">"Note to customers (why these changes)"</label>
                                <textarea id="activate-note" name="note" rows="3" maxlength="2000"></textarea>
                            </div>
                            <button type="submit" class="primary">"Activate"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <p class="muted">"Version "{d.current_version}" is a draft. A partner admin can activate it."</p> }.into_any()
                }
            } else {
                view! {
                    <ActionForm action=new_version attr:class="inline">
                        {hidden("org_id", org)}{hidden("product_id", p.id)}
                        <button type="submit" class="secondary">"New version"</button>
                    </ActionForm>
                }.into_any()
            })}
            {(is_draft && several).then(|| view! {
                <ActionForm action=discard attr:class="inline">
                    {hidden("org_id", org)}{hidden("product_id", p.id)}
                    <button type="submit" class="danger">"Discard draft"</button>
                </ActionForm>
            })}
        </section>

        <section aria-labelledby="adoption-title">
            <h2 id="adoption-title">"Installations"</h2>
            {if d.adoption.is_empty() {
                view! { <EmptyState text="No installation has activated this product yet."/> }.into_any()
            } else {
                view! {
                    <table aria-label="Adoption">
                        <thead><tr><th scope="col">"Installation"</th><th scope="col">"Customer"</th><th scope="col">"Version"</th>
                            <th scope="col">"Upgrade"</th><th scope="col">"Link to send the customer"</th></tr></thead>
                        <tbody>
                            {d.adoption.iter().map(|a| view! {
                                <tr>
                                    <td><code>{a.installation_id.clone()}</code>" "{a.installation_name.clone()}</td>
                                    <td>{a.customer.clone()}</td>
                                    <td>{format!("Version {}", a.version)}</td>
                                    <td>{match &a.upgrade_pending_since {
                                        Some(t) => format!("Pending since {t}"),
                                        None => "Up to date".to_string(),
                                    }}</td>
                                    <td><input type="text" readonly class="copy-link" value=a.link.clone()
                                        aria-label=format!("Upgrade panel link for {}", a.installation_id)/></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>

        <section aria-labelledby="grants-title">
            <h2 id="grants-title">{format!("Required functions (version {})", d.current_version)}</h2>
            {if areas.is_empty() {
                view! { <p class="empty">"No functions yet. Choose them with "<a href=format!("{base}/functions")>"Change functions"</a>"."</p> }.into_any()
            } else {
                view! {
                    <div class="grant-areas">
                        {areas.into_iter().map(|(area, grants)| view! {
                            <div>
                                <h3>{area}</h3>
                                <ul class="plain-list">
                                    {grants.into_iter().map(|g| view! {
                                        <li><strong>{g.name}</strong>" "<code>{g.key}</code>
                                            {(!g.filters.is_empty()).then(|| view! { <span class="muted">{format!(" — {}", g.filters.join("; "))}</span> })}</li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </section>

        <section aria-labelledby="credentials-title">
            <h2 id="credentials-title">"Credentials"</h2>
            <FormResult value=revoke.value()/>
            {match creds {
                Ok(c) => view! { <Credentials c=c org=org product_id=p.id revoke=revoke/> }.into_any(),
                Err(e) => view! { <ErrorView error=e/> }.into_any(),
            }}
        </section>

        {(d.can_admin && !retired).then(|| view! {
            <section aria-labelledby="retire-title">
                <h2 id="retire-title">"Retire product"</h2>
                <p class="muted">"Customers who do not have the product stop seeing it; existing activations keep working until those customers deactivate it."</p>
                <ActionForm action=retire attr:class="inline">
                    {hidden("org_id", org)}{hidden("product_id", p.id)}
                    <button type="submit" class="danger">"Retire product"</button>
                </ActionForm>
            </section>
        })}
    }
}
