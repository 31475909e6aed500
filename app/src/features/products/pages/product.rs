//! `/o/:org/products/:id`: the product page ("preview"): fields, versions, installations,
//! required functions, credentials, retiring, and the sections other features add
//! ([`ProductSections`]).
use super::credentials::Credentials;
use crate::components::{
    id_param, org_param, Confirmed, EmptyState, ErrorView, FormResult, Loading, QueryMessages,
    StatusBadge, Success,
};
use crate::error::AppError;
use crate::features::products::api::{
    get_credentials, get_product, ActivateVersion, DiscardDraft, NewVersion, RetireProduct,
    RevokeAccessKey,
};
use crate::features::products::dto::{
    AccessMode, CredentialsDto, GrantView, ProductDetail, ProductStatus, VersionState,
};
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
        <Show when=logo_saved><Success text=tr!("product-logo-uploaded")/></Show>
        <QueryMessages/>
        <Show when=generic>
            <p class="notice warn" role="status">{tr!("product-generic-name")}</p>
        </Show>
        <FormResult value=activate.value() success=|n: i32| tr!("product-activated-n", { "n" => n })/>
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
        <section class="card">
            <p>{if p.description.is_empty() { tr!("product-no-description") } else { p.description.clone() }}</p>
            <dl class="facts">
                <dt>{tr!("products-support-email")}</dt><dd>{p.support_email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr!("products-support-url")}</dt><dd>{p.support_url.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr!("product-logo")}</dt>
                <dd>
                    <form method="post" action=format!("{base}/logo") enctype="multipart/form-data" class="logo-form">
                        <label for="logo-file">{tr!("product-logo-field")}</label>
                        <input id="logo-file" type="file" name="logo" accept="image/png,image/svg+xml"/>
                        <button type="submit" class="secondary">{tr!("product-upload-logo")}</button>
                    </form>
                </dd>
                <dt>{tr!("product-available-to")}</dt>
                <dd>{match p.access_mode {
                    AccessMode::All => tr!("access-mode-all"),
                    AccessMode::Listed => d.access.iter().map(|i| format!("{} ({})", i.installation_id, i.name)).collect::<Vec<_>>().join(", "),
                }}</dd>
            </dl>
        </section>

        <section aria-labelledby="versions-title">
            <h2 id="versions-title">{tr!("product-versions")}</h2>
            <div class="table-scroll">
                <table aria-label=tr!("product-versions")>
                <thead><tr><th scope="col">{tr!("product-version")}</th><th scope="col">{tr!("product-state")}</th><th scope="col">{tr!("product-functions")}</th>
                    <th scope="col">{tr!("installations")}</th><th scope="col">{tr!("product-activated")}</th><th scope="col">{tr!("product-note")}</th></tr></thead>
                <tbody>
                    {d.versions.iter().map(|v| view! {
                        <tr>
                            <td>{tr!("version-n", { "n" => v.number })}</td>
                            <td><StatusBadge status=v.state/></td>
                            <td>{v.functions}</td>
                            <td>{v.installations}</td>
                            <td>{v.activated_at.map(|t| t.date_time(lang())).unwrap_or_else(|| "—".into())}</td>
                            <td>{v.note.clone().unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                </table>
            </div>
            {(!retired).then(|| if is_draft {
                if d.can_admin {
                    view! {
                        <ActionForm action=activate attr:class="card form-card">
                            <h3>{tr!("product-activate-n", { "n" => d.current_version })}</h3>
                            {hidden("org_id", org)}{hidden("product_id", p.id)}
                            <div class="field">
                                <label for="activate-note">{tr!("product-note-field")}</label>
                                <textarea id="activate-note" name="note" rows="3" maxlength="2000"></textarea>
                            </div>
                            <button type="submit" class="primary">{tr!("product-activate")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <p class="muted">{tr!("product-draft-n", { "n" => d.current_version })}</p> }.into_any()
                }
            } else {
                view! {
                    <ActionForm action=new_version attr:class="inline">
                        {hidden("org_id", org)}{hidden("product_id", p.id)}
                        <button type="submit" class="secondary">{tr!("product-new-version")}</button>
                    </ActionForm>
                }.into_any()
            })}
            {(is_draft && several).then(|| view! {
                <Confirmed key="discard-draft".to_owned() label=tr!("product-discard-draft") done=discard.version()
                    warning=tr!("product-confirm-discard", { "n" => d.current_version })>
                    <ActionForm action=discard attr:class="inline">
                        {hidden("org_id", org)}{hidden("product_id", p.id)}
                        <button type="submit" class="danger">{tr!("product-discard-draft")}</button>
                    </ActionForm>
                </Confirmed>
            })}
        </section>

        <section aria-labelledby="adoption-title">
            <h2 id="adoption-title">{tr!("installations")}</h2>
            {if d.adoption.is_empty() {
                view! { <EmptyState text=tr!("product-no-installations")/> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table aria-label=tr!("product-adoption")>
                        <thead><tr><th scope="col">{tr!("product-installation")}</th><th scope="col">{tr!("org-kind-customer")}</th><th scope="col">{tr!("product-version")}</th>
                            <th scope="col">{tr!("product-upgrade")}</th><th scope="col">{tr!("product-link-to-send")}</th></tr></thead>
                        <tbody>
                            {d.adoption.iter().map(|a| view! {
                                <tr>
                                    <td><code>{a.installation_id.clone()}</code>" "{a.installation_name.clone()}</td>
                                    <td>{a.customer.clone()}</td>
                                    <td>{tr!("version-n", { "n" => a.version })}</td>
                                    <td>{match &a.upgrade_pending_since {
                                        Some(t) => tr!("product-pending-since", { "t" => t.date_time(lang()) }),
                                        None => tr!("product-up-to-date"),
                                    }}</td>
                                    <td><input type="text" readonly class="copy-link" value=a.link.clone()
                                        aria-label=tr!("product-link-for", { "id" => a.installation_id.clone() })/></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>

        <section aria-labelledby="grants-title">
            <h2 id="grants-title">{tr!("product-required-functions", { "n" => d.current_version })}</h2>
            {if areas.is_empty() {
                view! { <p class="empty">{tr!("product-no-functions")}" "<a href=format!("{base}/functions")>{tr!("change-functions")}</a>"."</p> }.into_any()
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
            <h2 id="credentials-title">{tr!("product-credentials")}</h2>
            <FormResult value=revoke.value()/>
            {match creds {
                Ok(c) => view! { <Credentials c=c org=org product_id=p.id revoke=revoke/> }.into_any(),
                Err(e) => view! { <ErrorView error=e/> }.into_any(),
            }}
        </section>

        {(d.can_admin && !retired).then(|| view! {
            <section aria-labelledby="retire-title">
                <h2 id="retire-title">{tr!("product-retire")}</h2>
                <p class="muted">{tr!("product-retire-explained")}</p>
                <Confirmed key="retire".to_owned() label=tr!("product-retire") done=retire.version()
                    warning=tr!("product-confirm-retire", { "name" => p.name.clone() })>
                    <ActionForm action=retire attr:class="inline">
                        {hidden("org_id", org)}{hidden("product_id", p.id)}
                        <button type="submit" class="danger">{tr!("product-retire")}</button>
                    </ActionForm>
                </Confirmed>
            </section>
        })}
    }
}
