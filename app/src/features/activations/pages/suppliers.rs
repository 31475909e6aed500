//! The customer administrator's suppliers page ("Leverandører"): one card per product that is
//! active on, or available to, the chosen installation (upgradable first), and a side panel per
//! product with what it may access, its history, and the steps to activate, upgrade (choose →
//! "Next" → review → "Upgrade product") or deactivate. Every step is a URL, so it all works
//! without JavaScript too.
use crate::components::{
    org_param, BadgeStatus, EmptyState, ErrorView, FormResult, Loading, PageHeader, StatusBadge,
    Success,
};
use crate::features::activations::api::{
    get_product_panel, get_suppliers, ActivateProduct, DeactivateProduct, KeepVersion,
    UpgradeProduct,
};
use crate::features::activations::dto::{CardState, FunctionRef, ProductPanel, VersionDiff};
use crate::i18n::{lang, Lang};
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

impl BadgeStatus for CardState {
    fn badge_text(&self, lang: Lang) -> String {
        self.label(lang)
    }
    fn badge_tone(&self) -> &'static str {
        match self {
            CardState::UpgradeAvailable { .. } => "sandbox",
            CardState::Active { .. } => "customer",
            CardState::Available { .. } => "partner",
        }
    }
}

/// Functions grouped by area, in plain words.
#[component]
pub fn FunctionList(functions: Vec<FunctionRef>) -> impl IntoView {
    let mut areas: Vec<(String, Vec<FunctionRef>)> = Vec::new();
    for f in functions {
        match areas.iter_mut().find(|(a, _)| *a == f.area) {
            Some((_, l)) => l.push(f),
            None => areas.push((f.area.clone(), vec![f])),
        }
    }
    areas
        .into_iter()
        .map(|(area, fs)| {
            view! {
                <h4>{area}</h4>
                <ul class="plain-list">
                    {fs.into_iter().map(|f| view! {
                        <li>
                            <strong>{f.name}</strong>" — "{f.description}
                            {(!f.filters.is_empty()).then(|| view! { <br/><span class="muted">{tr!("suppliers-limited-to", { "filters" => f.filters.join("; ") })}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
        .collect_view()
}

/// `/o/:org/suppliers`.
#[component]
pub fn SuppliersPage() -> impl IntoView {
    let org = org_param();
    let query = use_query_map();
    let q = move |k: &'static str| query.read().get(k).unwrap_or_default();
    let activate = ServerAction::<ActivateProduct>::new();
    let upgrade = ServerAction::<UpgradeProduct>::new();
    let deactivate = ServerAction::<DeactivateProduct>::new();
    let keep = ServerAction::<KeepVersion>::new();
    let actions = PanelActions {
        activate,
        upgrade,
        deactivate,
        keep,
    };
    let acted = move || {
        (
            activate.version().get(),
            upgrade.version().get(),
            deactivate.version().get(),
            keep.version().get(),
        )
    };
    let page = Resource::new(
        move || (org.get(), q("installation"), q("q"), q("kind"), acted()),
        |(o, i, s, k, _)| get_suppliers(o, i, s, k),
    );
    // Created here, not inside the page's Suspend, so server and browser create resources in
    // the same order (hydration depends on it). The step and choice are in the URL.
    let panel = Resource::new(
        move || {
            (
                org.get(),
                q("installation"),
                q("product"),
                q("step"),
                q("choice"),
                acted(),
            )
        },
        |(o, i, p, ..)| async move {
            match p.parse::<i32>() {
                Ok(pid) if !i.is_empty() => get_product_panel(o, i, pid).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    // Set up here, beside the panel's own resource, for the same reason.
    let orders = use_context::<super::SupplierSections>().map(|s| {
        (s.orders)(
            Signal::derive(move || org.get()),
            Signal::derive(move || q("installation")),
            Signal::derive(move || q("product")),
        )
    });
    let done = move || match q("done").as_str() {
        "activated" => Some(tr!("suppliers-done-activated")),
        "upgraded" => Some(tr!("suppliers-done-upgraded")),
        "deactivated" => Some(tr!("suppliers-done-deactivated")),
        "kept" => Some(tr!("suppliers-done-kept")),
        _ => None,
    };
    view! {
        <PageHeader title=tr!("nav-suppliers") subtitle=tr!("suppliers-subtitle")>
            <a class="button secondary" href=move || format!("{}/new", crate::paths::product_orders(org.get()))>{tr!("product-orders-order-product")}</a>
        </PageHeader>
        {move || done().map(|d| view! { <Success text=d/> })}
        <FormResult value=activate.value()/>
        <FormResult value=upgrade.value()/>
        <FormResult value=deactivate.value()/>
        <FormResult value=keep.value()/>
        <Transition fallback=Loading>
            {move || {
            let orders = orders.clone();
            Suspend::new(async move {
                let p = match page.await {
                    Ok(p) => p,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                let panel = panel.await;
                // Awaited here with the page's data (see `SectionView`).
                let orders_view = match (&panel, orders.as_ref()) {
                    (Ok(Some(_)), Some(draw)) => Some(draw().await),
                    _ => None,
                };
                let panel_view = match panel {
                    Ok(Some(pp)) => Some(view! { <PanelView p=pp org=org.get() installation=q("installation") actions=actions orders=orders_view/> }.into_any()),
                    Ok(None) => None,
                    Err(e) => Some(view! { <ErrorView error=e/> }.into_any()),
                };
                let Some(inst) = p.installation.clone() else {
                    return view! { <EmptyState text=tr!("suppliers-no-installations")/> }.into_any();
                };
                let iid = inst.installation_id.clone();
                let selected = q("product").parse::<i32>().ok();
                let several = p.installations.len() > 1;
                let kind = q("kind");
                view! {
                    <form method="get" class="filters" role="search" aria-label=tr!("products-filter-label")>
                        {if several {
                            view! {
                                <div class="field">
                                    <label for="sup-installation">{tr!("product-installation")}</label>
                                    <select id="sup-installation" name="installation">
                                        {p.installations.iter().map(|i| view! {
                                            <option value=i.installation_id.clone() selected=i.installation_id == iid>
                                                {format!("{} ({})", i.name, i.installation_id)}
                                            </option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            }.into_any()
                        } else {
                            view! { <input type="hidden" name="installation" value=iid.clone()/> }.into_any()
                        }}
                        <div class="field">
                            <label for="sup-search">{tr!("search")}</label>
                            <input id="sup-search" name="q" type="search" value=q("q") placeholder=tr!("suppliers-search-placeholder")/>
                        </div>
                        <div class="field">
                            <label for="sup-kind">{tr!("kind")}</label>
                            <select id="sup-kind" name="kind">
                                <option value="" selected=kind.is_empty()>{tr!("suppliers-any-kind")}</option>
                                <option value="order_integration" selected=kind == "order_integration">{tr!("suppliers-order-integrations")}</option>
                                <option value="rights" selected=kind == "rights">{tr!("suppliers-rights-products")}</option>
                            </select>
                        </div>
                        <button type="submit" class="secondary">{tr!("filter")}</button>
                    </form>
                    <p class="muted">{tr!("suppliers-installation", { "name" => inst.name.clone(), "id" => inst.installation_id.clone() })}</p>
                    <div class="suppliers">
                        {if p.cards.is_empty() {
                            view! { <EmptyState text=tr!("suppliers-none")/> }.into_any()
                        } else {
                            view! {
                                <ul class="card-grid" aria-label=tr!("nav-products")>
                                    {p.cards.iter().map(|c| {
                                        let href = format!("?installation={}&product={}", iid, c.product_id);
                                        let current = (selected == Some(c.product_id)).then_some("true");
                                        view! {
                                            <li>
                                                <a class="product-card" href=href aria-current=current>
                                                    {if c.has_logo {
                                                        view! { <img class="product-logo" src=format!("/logos/{}", c.product_id) alt=""/> }.into_any()
                                                    } else {
                                                        view! { <span class="product-logo initial" aria-hidden="true">{c.name.chars().next().unwrap_or('?').to_string()}</span> }.into_any()
                                                    }}
                                                    <span class="card-text">
                                                        <strong>{c.name.clone()}</strong>
                                                        <span class="muted">{format!("{} · {}", c.partner, c.kind.label(lang()))}</span>
                                                        <StatusBadge status=c.state.clone()/>
                                                    </span>
                                                </a>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {panel_view}
                    </div>
                }
                .into_any()
            })}}
        </Transition>
    }
}

/// What the panel's steps do.
#[derive(Clone, Copy)]
struct PanelActions {
    activate: ServerAction<ActivateProduct>,
    upgrade: ServerAction<UpgradeProduct>,
    deactivate: ServerAction<DeactivateProduct>,
    keep: ServerAction<KeepVersion>,
}

#[component]
fn PanelView(
    p: ProductPanel,
    org: i32,
    installation: String,
    actions: PanelActions,
    /// The orders section, where the application has one.
    orders: Option<AnyView>,
) -> impl IntoView {
    let PanelActions {
        activate,
        upgrade,
        deactivate,
        keep,
    } = actions;
    let query = use_query_map();
    let step = query.read_untracked().get("step").unwrap_or_default();
    let choice = query.read_untracked().get("choice").unwrap_or_default();
    let c = p.card.clone();
    let base = format!("?installation={installation}&product={}", c.product_id);
    let hidden = {
        let installation = installation.clone();
        move || {
            view! {
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="installation" value=installation.clone()/>
                <input type="hidden" name="product_id" value=c.product_id/>
            }
        }
    };
    let actions = if !p.can_act {
        view! { <p class="muted">{tr!("suppliers-only-admins")}</p> }.into_any()
    } else {
        match (c.state.clone(), step.as_str()) {
            (CardState::UpgradeAvailable { current, latest }, "review") if choice == "keep" => view! {
                <div class="notice" role="status">
                    <p>{tr!("suppliers-keep-n", { "current" => current })}</p>
                    <p class="muted">{tr!("suppliers-available-n", { "latest" => latest })}</p>
                </div>
                <ActionForm action=keep attr:class="inline">
                    {hidden()}
                    <input type="hidden" name="version" value=latest/>
                    <button type="submit" class="primary">{tr!("suppliers-keep-version-n", { "current" => current })}</button>
                </ActionForm>
                " "<a href=base.clone()>{tr!("back")}</a>
            }.into_any(),
            (CardState::UpgradeAvailable { latest, .. }, "review") => {
                let diff = p.upgrade.clone();
                view! {
                    <h3>{tr!("suppliers-review-n", { "latest" => latest })}</h3>
                    {diff.map(|d| view! { <DiffView d=d/> })}
                    <ActionForm action=upgrade attr:class="inline">
                        {hidden()}
                        <input type="hidden" name="version" value=latest/>
                        <button type="submit" class="primary">{tr!("suppliers-upgrade-product")}</button>
                    </ActionForm>
                    " "<a href=base.clone()>{tr!("back")}</a>
                }.into_any()
            }
            (CardState::UpgradeAvailable { current, latest }, _) => view! {
                <form method="get" class="card form-card">
                    <input type="hidden" name="installation" value=installation.clone()/>
                    <input type="hidden" name="product" value=c.product_id/>
                    <input type="hidden" name="step" value="review"/>
                    <fieldset class="field">
                        <legend>{tr!("suppliers-available-runs", { "latest" => latest, "current" => current })}</legend>
                        <div class="radio">
                            <input type="radio" id="choice-upgrade" name="choice" value="upgrade" checked=true/>
                            <label for="choice-upgrade">{tr!("suppliers-upgrade-to", { "latest" => latest })}</label>
                        </div>
                        <div class="radio">
                            <input type="radio" id="choice-keep" name="choice" value="keep"/>
                            <label for="choice-keep">{tr!("suppliers-keep")}</label>
                        </div>
                    </fieldset>
                    <button type="submit" class="primary">{tr!("suppliers-next")}</button>
                </form>
            }.into_any(),
            (CardState::Available { version, .. }, "review") => view! {
                <h3>{tr!("suppliers-review")}</h3>
                <p>{tr!("suppliers-activating-gives", { "product" => c.name.clone(), "version" => version, "installation" => installation.clone() })}</p>
                <ActionForm action=activate attr:class="inline">
                    {hidden()}
                    <input type="hidden" name="version" value=version/>
                    <button type="submit" class="primary">{tr!("suppliers-activate-product")}</button>
                </ActionForm>
                " "<a href=base.clone()>{tr!("back")}</a>
            }.into_any(),
            (CardState::Available { .. }, _) => view! {
                <p><a class="button primary" href=format!("{base}&step=review")>{tr!("suppliers-next")}</a></p>
            }.into_any(),
            (CardState::Active { .. }, "confirm-deactivate") => view! {
                <div class="notice warn">
                    <p>{tr!("suppliers-confirm-deactivate", { "product" => c.name.clone(), "installation" => installation.clone() })}</p>
                    <ActionForm action=deactivate attr:class="inline">
                        {hidden()}
                        <button type="submit" class="danger">{tr!("suppliers-deactivate-product")}</button>
                    </ActionForm>
                    " "<a href=base.clone()>{tr!("cancel")}</a>
                </div>
            }.into_any(),
            (CardState::Active { .. }, _) => view! {
                <p><a class="button secondary" href=format!("{base}&step=confirm-deactivate")>{tr!("suppliers-deactivate")}</a></p>
            }.into_any(),
        }
    };
    view! {
        <aside class="side-panel card" aria-label=tr!("suppliers-details", { "product" => c.name.clone() })>
            <h2>{c.name.clone()}</h2>
            <p class="muted">{format!("{} · {}", c.partner, c.kind.label(lang()))}</p>
            <p><StatusBadge status=c.state.clone()/></p>
            <p>{p.description.clone()}</p>
            {(p.support_email.is_some() || p.support_url.is_some()).then(|| view! {
                <p class="muted">{tr!("suppliers-support")}" "{p.support_email.clone().unwrap_or_default()}" "{p.support_url.clone().unwrap_or_default()}</p>
            })}
            <h3>{tr!("suppliers-may-access", { "version" => p.version })}</h3>
            {if p.functions.is_empty() {
                view! { <p class="muted">{tr!("suppliers-no-functions")}</p> }.into_any()
            } else {
                view! { <FunctionList functions=p.functions.clone()/> }.into_any()
            }}
            {(!p.event_types.is_empty()).then(|| view! {
                <h3>{tr!("picker-push-events")}</h3>
                <ul class="plain-list">{p.event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
            })}
            <div class="panel-actions">{actions}</div>
            {(c.kind == crate::glossary::ProductKind::OrderIntegration && !matches!(c.state, CardState::Available { .. }))
                .then_some(orders)
                .flatten()}
            <h3>{tr!("suppliers-history")}</h3>
            {if p.history.is_empty() {
                view! { <p class="muted">{tr!("suppliers-nothing-yet")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label=tr!("suppliers-history")>
                        {p.history.iter().map(|h| view! { <li>{format!("{} — {} ({})", h.at.date_time(lang()), h.describe(lang()), h.who)}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </aside>
    }
}

/// The exact changes of an upgrade (rule 5).
#[component]
fn DiffView(d: VersionDiff) -> impl IntoView {
    let empty = d.is_empty();
    view! {
        <div class="diff" aria-label=tr!("suppliers-changes")>
            {d.note.clone().map(|n| view! { <blockquote class="note"><strong>{tr!("suppliers-from-partner")}" "</strong>{n}</blockquote> })}
            {empty.then(|| view! { <p>{tr!("suppliers-same")}</p> })}
            {(!d.added.is_empty()).then(|| view! {
                <h4>{tr!("suppliers-added")}</h4>
                <ul class="plain-list added">{d.added.iter().map(|f| view! { <li><strong>{f.name.clone()}</strong>" "<code>{f.key.clone()}</code>{(!f.filters.is_empty()).then(|| format!(" — {}", f.filters.join("; ")))}</li> }).collect_view()}</ul>
            })}
            {(!d.removed.is_empty()).then(|| view! {
                <h4>{tr!("suppliers-removed")}</h4>
                <ul class="plain-list removed">{d.removed.iter().map(|f| view! { <li><strong>{f.name.clone()}</strong>" "<code>{f.key.clone()}</code></li> }).collect_view()}</ul>
            })}
            {(!d.filter_changes.is_empty()).then(|| view! {
                <h4>{tr!("suppliers-changed-filters")}</h4>
                <ul class="plain-list">{d.filter_changes.iter().map(|c| view! { <li><strong>{c.function.clone()}</strong>": "{unrestricted_or(&c.before)}" → "{unrestricted_or(&c.after)}</li> }).collect_view()}</ul>
            })}
            {(!d.added_event_types.is_empty()).then(|| view! {
                <h4>{tr!("suppliers-new-events")}</h4>
                <ul class="plain-list">{d.added_event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
            })}
        </div>
    }
}

/// A grant's filters as listed, or "No restriction".
fn unrestricted_or(filters: &str) -> String {
    if filters.is_empty() {
        tr!("no-restriction")
    } else {
        filters.to_owned()
    }
}
