//! The product page's sections, one per tab: the overview (description, support, availability,
//! what the current version requires), versions (and activating, a new version, discarding a
//! draft), installations, credentials (loaded only here), and settings (logo, the fields,
//! access and security, retiring).
use super::credentials::Credentials;
use super::product::ProductActions;
use crate::components::{Confirmed, EmptyState, FormResult, Loading, StatusBadge};
use crate::features::products::api::{get_credentials, RequestSandboxActivation, RevokeAccessKey};
use crate::features::products::dto::{
    AccessMode, GrantView, ProductDetail, ProductStatus, VersionState,
};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

fn hidden(name: &'static str, value: i32) -> impl IntoView {
    view! { <input type="hidden" name=name value=value/> }
}

/// The overview: the description, support, availability, and what the product requires.
#[component]
pub(super) fn OverviewTab(d: ProductDetail, org: i32) -> impl IntoView {
    let p = d.product.clone();
    let base = paths::product(org, p.id);
    let mut areas: Vec<(String, Vec<GrantView>)> = Vec::new();
    for g in d.grants.clone() {
        match areas.iter_mut().find(|(a, _)| *a == g.area) {
            Some((_, list)) => list.push(g),
            None => areas.push((g.area.clone(), vec![g])),
        }
    }
    let active = d
        .versions
        .iter()
        .find(|v| v.state == VersionState::Active)
        .map(|v| v.number);
    view! {
        <section class="card">
            <p>{if p.description.is_empty() { tr!("product-no-description") } else { p.description.clone() }}</p>
            <dl class="facts">
                <dt>{tr!("products-active-version")}</dt>
                <dd>{active.map(|n| tr!("version-n", { "n" => n })).unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr!("installations")}</dt>
                <dd><a href=format!("{base}/installations")>{d.adoption.len()}</a></dd>
                <dt>{tr!("products-support-email")}</dt><dd>{p.support_email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr!("products-support-url")}</dt><dd>{p.support_url.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr!("product-available-to")}</dt>
                <dd>{match p.access_mode {
                    AccessMode::All => tr!("access-mode-all"),
                    AccessMode::Listed => d.access.iter().map(|i| format!("{} ({})", i.installation_id, i.name)).collect::<Vec<_>>().join(", "),
                }}</dd>
            </dl>
        </section>
        {active.filter(|_| d.can_admin).map(|n| view! { <SandboxRequest org=org product=p.id version=n/> })}
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
    }
}

/// "Request activation in the partner sandbox" for the active version `version`.
#[component]
fn SandboxRequest(org: i32, product: i32, version: i32) -> impl IntoView {
    let ask = ServerAction::<RequestSandboxActivation>::new();
    view! {
        <section class="card form-card" aria-labelledby="sandbox-title">
            <h2 id="sandbox-title">{tr!("sandbox-request")}</h2>
            <p class="muted">{tr!("sandbox-request-explained", { "version" => version })}</p>
            <ActionForm action=ask>
                {hidden("org_id", org)}
                {hidden("product_id", product)}
                <FormResult value=ask.value() success=|v: i32| tr!("sandbox-request-done", { "version" => v })/>
                <button type="submit" class="secondary" disabled=move || ask.pending().get()>{tr!("sandbox-request")}</button>
            </ActionForm>
        </section>
    }
}

/// The versions, and activating the draft, starting a new version or discarding the draft.
#[component]
pub(super) fn VersionsTab(d: ProductDetail, org: i32, actions: ProductActions) -> impl IntoView {
    let p = d.product.clone();
    let is_draft = d.current_state == VersionState::Draft;
    let several = d.versions.len() > 1;
    let retired = p.status == ProductStatus::Retired;
    let ProductActions {
        activate,
        new_version,
        discard,
        ..
    } = actions;
    view! {
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
    }
}

/// Which installations run which version, since when an upgrade waits, and the link to send.
#[component]
pub(super) fn InstallationsTab(d: ProductDetail) -> impl IntoView {
    view! {
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
    }
}

/// The client ID, the access keys and how to call the platform (read only on this tab).
#[component]
pub(super) fn CredentialsTab(org: i32, product_id: i32) -> impl IntoView {
    let revoke = ServerAction::<RevokeAccessKey>::new();
    let creds = Resource::new(
        move || (org, product_id, revoke.version().get()),
        |(o, p, _)| get_credentials(o, p),
    );
    view! {
        <FormResult value=revoke.value()/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                // A refusal is the product page's to show.
                creds.await.ok().map(|c| view! {
                    <section aria-labelledby="credentials-title">
                        <h2 id="credentials-title">{tr!("product-credentials")}</h2>
                        <Credentials c=c org=org product_id=product_id revoke=revoke/>
                    </section>
                })
            })}
        </Transition>
    }
}

/// The logo, the fields and access and security, and retiring the product.
#[component]
pub(super) fn SettingsTab(d: ProductDetail, org: i32, actions: ProductActions) -> impl IntoView {
    let p = d.product.clone();
    let base = paths::product(org, p.id);
    let retired = p.status == ProductStatus::Retired;
    let retire = actions.retire;
    view! {
        <section class="card" aria-labelledby="settings-title">
            <h2 id="settings-title">{tr!("product-tab-settings")}</h2>
            <dl class="facts">
                <dt>{tr!("product-logo")}</dt>
                <dd>
                    <form method="post" action=format!("{base}/logo") enctype="multipart/form-data" class="logo-form">
                        <label for="logo-file">{tr!("product-logo-field")}</label>
                        <input id="logo-file" type="file" name="logo" accept="image/png,image/svg+xml"/>
                        <button type="submit" class="secondary">{tr!("product-upload-logo")}</button>
                    </form>
                </dd>
                <dt>{tr!("product-tab-fields")}</dt>
                <dd><a href=format!("{base}/edit")>{tr!("edit")}</a></dd>
                <dt>{tr!("access-title")}</dt>
                <dd><a href=format!("{base}/access")>{tr!("product-available-to")}</a></dd>
            </dl>
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
