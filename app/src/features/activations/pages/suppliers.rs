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
    get_product_panel, get_suppliers, ActivateProduct, DeactivateProduct, UpgradeProduct,
};
use crate::features::activations::dto::{CardState, FunctionRef, ProductPanel, VersionDiff};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

impl BadgeStatus for CardState {
    fn badge_text(&self) -> String {
        self.label()
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
fn FunctionList(functions: Vec<FunctionRef>) -> impl IntoView {
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
                            {(!f.filters.is_empty()).then(|| view! { <br/><span class="muted">{format!("Limited to {}", f.filters.join("; "))}</span> })}
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
    let acted = move || {
        (
            activate.version().get(),
            upgrade.version().get(),
            deactivate.version().get(),
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
    let done = move || match q("done").as_str() {
        "activated" => Some("The product is active on this installation."),
        "upgraded" => Some("Upgraded. The new version's access applies from now on."),
        "deactivated" => Some("Deactivated. The product's access has ended for this installation."),
        _ => None,
    };
    view! {
        <PageHeader title="Suppliers" subtitle="Partner products that are active on, or available to, your installation. Upgrades wait for your review."/>
        {move || done().map(|d| view! { <Success text=d/> })}
        <FormResult value=activate.value()/>
        <FormResult value=upgrade.value()/>
        <FormResult value=deactivate.value()/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let p = match page.await {
                    Ok(p) => p,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                let panel_view = match panel.await {
                    Ok(Some(pp)) => Some(view! { <PanelView p=pp org=org.get() installation=q("installation") activate=activate upgrade=upgrade deactivate=deactivate/> }.into_any()),
                    Ok(None) => None,
                    Err(e) => Some(view! { <ErrorView error=e/> }.into_any()),
                };
                let Some(inst) = p.installation.clone() else {
                    return view! { <EmptyState text="Your organization has no installations yet. The platform operator adds them."/> }.into_any();
                };
                let iid = inst.installation_id.clone();
                let selected = q("product").parse::<i32>().ok();
                let several = p.installations.len() > 1;
                let kind = q("kind");
                view! {
                    <form method="get" class="filters" role="search" aria-label="Filter products">
                        {if several {
                            view! {
                                <div class="field">
                                    <label for="sup-installation">"Installation"</label>
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
                            <label for="sup-search">"Search"</label>
                            <input id="sup-search" name="q" type="search" value=q("q") placeholder="Product or partner"/>
                        </div>
                        <div class="field">
                            <label for="sup-kind">"Kind"</label>
                            <select id="sup-kind" name="kind">
                                <option value="" selected=kind.is_empty()>"Any kind"</option>
                                <option value="order_integration" selected=kind == "order_integration">"Order integration products"</option>
                                <option value="rights" selected=kind == "rights">"Rights products"</option>
                            </select>
                        </div>
                        <button type="submit" class="secondary">"Filter"</button>
                    </form>
                    <p class="muted">{format!("Installation {} ({})", inst.name, inst.installation_id)}</p>
                    <div class="suppliers">
                        {if p.cards.is_empty() {
                            view! { <EmptyState text="No products match. Partners' products appear here when they are available to this installation."/> }.into_any()
                        } else {
                            view! {
                                <ul class="card-grid" aria-label="Products">
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
                                                        <span class="muted">{format!("{} · {}", c.partner, c.kind.label())}</span>
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
            })}
        </Transition>
    }
}

#[component]
fn PanelView(
    p: ProductPanel,
    org: i32,
    installation: String,
    activate: ServerAction<ActivateProduct>,
    upgrade: ServerAction<UpgradeProduct>,
    deactivate: ServerAction<DeactivateProduct>,
) -> impl IntoView {
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
        view! { <p class="muted">"Only your organization's administrators can activate, upgrade or deactivate products."</p> }.into_any()
    } else {
        match (c.state.clone(), step.as_str()) {
            (CardState::UpgradeAvailable { current, latest }, "review") if choice == "keep" => view! {
                <div class="notice" role="status">
                    <p>{format!("You keep version {current}. Nothing changes, and the product stays marked as upgradable until you upgrade.")}</p>
                    <p><a href=base.clone()>"Back to the product"</a></p>
                    <p class="muted">{format!("Version {latest} is available.")}</p>
                </div>
            }.into_any(),
            (CardState::UpgradeAvailable { latest, .. }, "review") => {
                let diff = p.upgrade.clone();
                view! {
                    <h3>{format!("Review the changes in version {latest}")}</h3>
                    {diff.map(|d| view! { <DiffView d=d/> })}
                    <ActionForm action=upgrade attr:class="inline">
                        {hidden()}
                        <input type="hidden" name="version" value=latest/>
                        <button type="submit" class="primary">"Upgrade product"</button>
                    </ActionForm>
                    " "<a href=base.clone()>"Back"</a>
                }.into_any()
            }
            (CardState::UpgradeAvailable { current, latest }, _) => view! {
                <form method="get" class="card form-card">
                    <input type="hidden" name="installation" value=installation.clone()/>
                    <input type="hidden" name="product" value=c.product_id/>
                    <input type="hidden" name="step" value="review"/>
                    <fieldset class="field">
                        <legend>{format!("Version {latest} is available; this installation runs version {current}.")}</legend>
                        <div class="radio">
                            <input type="radio" id="choice-upgrade" name="choice" value="upgrade" checked=true/>
                            <label for="choice-upgrade">{format!("Upgrade to version {latest}")}</label>
                        </div>
                        <div class="radio">
                            <input type="radio" id="choice-keep" name="choice" value="keep"/>
                            <label for="choice-keep">"Keep current version"</label>
                        </div>
                    </fieldset>
                    <button type="submit" class="primary">"Next"</button>
                </form>
            }.into_any(),
            (CardState::Available { version, .. }, "review") => view! {
                <h3>"Review"</h3>
                <p>{format!("Activating gives {} the access listed above (version {version}) on {installation}.", c.name)}</p>
                <ActionForm action=activate attr:class="inline">
                    {hidden()}
                    <input type="hidden" name="version" value=version/>
                    <button type="submit" class="primary">"Activate product"</button>
                </ActionForm>
                " "<a href=base.clone()>"Back"</a>
            }.into_any(),
            (CardState::Available { .. }, _) => view! {
                <p><a class="button primary" href=format!("{base}&step=review")>"Next"</a></p>
            }.into_any(),
            (CardState::Active { .. }, "confirm-deactivate") => view! {
                <div class="notice warn">
                    <p>{format!("Deactivate {} on {installation}? Its access ends at once.", c.name)}</p>
                    <ActionForm action=deactivate attr:class="inline">
                        {hidden()}
                        <button type="submit" class="danger">"Deactivate product"</button>
                    </ActionForm>
                    " "<a href=base.clone()>"Cancel"</a>
                </div>
            }.into_any(),
            (CardState::Active { .. }, _) => view! {
                <p><a class="button secondary" href=format!("{base}&step=confirm-deactivate")>"Deactivate"</a></p>
            }.into_any(),
        }
    };
    view! {
        <aside class="side-panel card" aria-label=format!("{} details", c.name)>
            <h2>{c.name.clone()}</h2>
            <p class="muted">{format!("{} · {}", c.partner, c.kind.label())}</p>
            <p><StatusBadge status=c.state.clone()/></p>
            <p>{p.description.clone()}</p>
            {(p.support_email.is_some() || p.support_url.is_some()).then(|| view! {
                <p class="muted">"Support: "{p.support_email.clone().unwrap_or_default()}" "{p.support_url.clone().unwrap_or_default()}</p>
            })}
            <h3>{format!("What version {} may access", p.version)}</h3>
            {if p.functions.is_empty() {
                view! { <p class="muted">"No functions."</p> }.into_any()
            } else {
                view! { <FunctionList functions=p.functions.clone()/> }.into_any()
            }}
            {(!p.event_types.is_empty()).then(|| view! {
                <h3>"Push events"</h3>
                <ul class="plain-list">{p.event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
            })}
            <div class="panel-actions">{actions}</div>
            <h3>"History"</h3>
            {if p.history.is_empty() {
                view! { <p class="muted">"Nothing recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label="History">
                        {p.history.iter().map(|h| view! { <li>{format!("{} — {} ({})", h.at, h.what, h.who)}</li> }).collect_view()}
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
        <div class="diff" aria-label="Changes">
            {d.note.clone().map(|n| view! { <blockquote class="note"><strong>"From the partner: "</strong>{n}</blockquote> })}
            {empty.then(|| view! { <p>"The functions and filters are the same as in your version."</p> })}
            {(!d.added.is_empty()).then(|| view! {
                <h4>"Added functions"</h4>
                <ul class="plain-list added">{d.added.iter().map(|f| view! { <li><strong>{f.name.clone()}</strong>" "<code>{f.key.clone()}</code>{(!f.filters.is_empty()).then(|| format!(" — {}", f.filters.join("; ")))}</li> }).collect_view()}</ul>
            })}
            {(!d.removed.is_empty()).then(|| view! {
                <h4>"Removed functions"</h4>
                <ul class="plain-list removed">{d.removed.iter().map(|f| view! { <li><strong>{f.name.clone()}</strong>" "<code>{f.key.clone()}</code></li> }).collect_view()}</ul>
            })}
            {(!d.filter_changes.is_empty()).then(|| view! {
                <h4>"Changed filters"</h4>
                <ul class="plain-list">{d.filter_changes.iter().map(|c| view! { <li><strong>{c.function.clone()}</strong>": "{c.before.clone()}" → "{c.after.clone()}</li> }).collect_view()}</ul>
            })}
            {(!d.added_event_types.is_empty()).then(|| view! {
                <h4>"New push event types"</h4>
                <ul class="plain-list">{d.added_event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
            })}
        </div>
    }
}
