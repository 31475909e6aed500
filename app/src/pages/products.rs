//! The partner's product workshop: list, "New product", the product page, "Edit" and
//! "Access and security". The function picker lives in [`super::picker`].
use crate::api::{
    get_credentials, get_product, list_products, list_subscriptions, ActivateVersion,
    CreateProduct, DiscardDraft, NewVersion, RetireProduct, RevokeAccessKey, SetProductAccess,
    UpdateProduct,
};
use crate::components::{id_param, org_param, Badge, ErrorView, FormResult};
use crate::dto::{AccessMode, InstallationRef, ProductDetail, ProductDto, ProductKind};
use crate::pages::push::ProductSubscriptions;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn status_tone(status: &str) -> &'static str {
    match status {
        "active" => "customer",
        "retired" => "",
        _ => "sandbox",
    }
}

/// `/o/:org/products`: search and status filter (a GET form, so it works without JavaScript).
#[component]
pub fn ProductsPage() -> impl IntoView {
    let org = org_param();
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let list = Resource::new(
        move || (org.get(), search(), status()),
        |(o, q, s)| list_products(o, q, s),
    );
    let status_option = move |value: &'static str, label: &'static str| {
        view! { <option value=value selected=move || status() == value>{label}</option> }
    };
    view! {
        <Title text="Products"/>
        <header class="page-header with-actions">
            <h1>"Products"</h1>
            <a class="button primary" href=move || format!("/o/{}/products/new", org.get())>"New product"</a>
        </header>
        <form method="get" class="filters" role="search" aria-label="Filter products">
            <div class="field">
                <label for="product-search">"Search"</label>
                <input id="product-search" name="q" type="search" value=search placeholder="Name or description"/>
            </div>
            <div class="field">
                <label for="product-status">"Status"</label>
                <select id="product-status" name="status">
                    {status_option("", "Any status")}
                    {status_option("draft", "Draft")}
                    {status_option("active", "Active")}
                    {status_option("retired", "Retired")}
                </select>
            </div>
            <button type="submit" class="secondary">"Filter"</button>
        </form>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let products = match list.await {
                    Ok(p) => p,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                if products.is_empty() {
                    let msg = if search().is_empty() && status().is_empty() {
                        "No products yet. Create your first one with New product."
                    } else {
                        "No products match. Clear the search or choose another status."
                    };
                    return view! { <p class="empty">{msg}</p> }.into_any();
                }
                view! {
                    <table aria-label="Products">
                        <thead><tr>
                            <th scope="col">"Name"</th><th scope="col">"Kind"</th><th scope="col">"Status"</th>
                            <th scope="col">"Active version"</th><th scope="col">"Draft"</th><th scope="col">"Installations"</th>
                        </tr></thead>
                        <tbody>
                            {products.into_iter().map(|p| view! {
                                <tr>
                                    <td><a href=format!("/o/{}/products/{}", org.get(), p.id)>{p.name.clone()}</a></td>
                                    <td>{p.kind.label()}</td>
                                    <td><Badge text=p.status.clone() tone=status_tone(&p.status)/></td>
                                    <td>{p.active_version.map(|v| format!("Version {v}")).unwrap_or_else(|| "—".into())}</td>
                                    <td>{p.draft_version.map(|v| format!("Version {v}")).unwrap_or_else(|| "—".into())}</td>
                                    <td>{p.installations}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            })}
        </Transition>
    }
}

/// The fields shared by "New product" and "Edit".
#[component]
fn ProductFields(#[prop(optional)] p: Option<ProductDto>) -> impl IntoView {
    let kind = p
        .as_ref()
        .map(|p| p.kind)
        .unwrap_or(ProductKind::OrderIntegration);
    let text = |f: fn(&ProductDto) -> Option<String>| p.as_ref().and_then(f).unwrap_or_default();
    view! {
        <div class="field">
            <label for="product-name">"Product name"</label>
            <input id="product-name" name="name" type="text" maxlength="100" value=text(|p| Some(p.name.clone()))
                aria-describedby="product-name-help"/>
            <p id="product-name-help" class="muted">"Customers see products from many partners: include your company name."</p>
        </div>
        <fieldset class="field">
            <legend>"Kind"</legend>
            {[ProductKind::OrderIntegration, ProductKind::Rights].into_iter().map(|k| view! {
                <div class="radio">
                    <input type="radio" name="kind" id=format!("kind-{}", k.as_str()) value=k.as_str() checked=k == kind/>
                    <label for=format!("kind-{}", k.as_str())>{k.label()}</label>
                    <p class="muted">{k.explanation()}</p>
                </div>
            }).collect_view()}
        </fieldset>
        <div class="field">
            <label for="product-description">"Description"</label>
            <textarea id="product-description" name="description" rows="4" maxlength="2000">{text(|p| Some(p.description.clone()))}</textarea>
        </div>
        <div class="field-row">
            <div class="field grow">
                <label for="product-support-email">"Support e-mail"</label>
                <input id="product-support-email" name="support_email" type="text" inputmode="email" value=text(|p| p.support_email.clone())/>
            </div>
            <div class="field grow">
                <label for="product-support-url">"Support URL"</label>
                <input id="product-support-url" name="support_url" type="text" inputmode="url" placeholder="https://" value=text(|p| p.support_url.clone())/>
            </div>
        </div>
    }
}

/// `/o/:org/products/new`.
#[component]
pub fn NewProductPage() -> impl IntoView {
    let org = org_param();
    let create = ServerAction::<CreateProduct>::new();
    view! {
        <Title text="New product"/>
        <p><a href=move || format!("/o/{}/products", org.get())>"← Products"</a></p>
        <header class="page-header"><h1>"New product"</h1></header>
        <ActionForm action=create attr:class="card form-card">
            <input type="hidden" name="org_id" value=move || org.get()/>
            <ProductFields/>
            <FormResult value=create.value()/>
            <button type="submit" class="primary" disabled=move || create.pending().get()>"Add"</button>
        </ActionForm>
    }
}

/// `/o/:org/products/:id/edit`: fields change in place; no new version is needed.
#[component]
pub fn EditProductPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let update = ServerAction::<UpdateProduct>::new();
    let detail = Resource::new(move || (org.get(), id.get()), |(o, p)| get_product(o, p));
    view! {
        <Title text="Edit product"/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let d = match detail.await {
                    Ok(d) => d,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                view! {
                    <p><a href=format!("/o/{}/products/{}", org.get(), d.product.id)>{format!("← {}", d.product.name)}</a></p>
                    <header class="page-header"><h1>"Edit product"</h1>
                        <p class="muted">"Changes apply at once to every version; customers need not upgrade."</p></header>
                    <ActionForm action=update attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org.get()/>
                        <input type="hidden" name="product_id" value=d.product.id/>
                        <ProductFields p=d.product.clone()/>
                        <FormResult value=update.value()/>
                        <button type="submit" class="primary">"Save changes"</button>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
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
    let subs = Resource::new(
        move || (org.get(), id.get()),
        |(o, p)| list_subscriptions(o, Some(p), String::new()),
    );
    let sub_deleted = move || query.read().get("subscription_deleted").is_some();
    let generic = move || query.read().get("generic_name").is_some();
    // Outcomes of the plain logo form, which returns here with a query parameter.
    let logo_saved = move || query.read().get("logo").is_some();
    let form_error = move || query.read().get("error");
    view! {
        <Show when=logo_saved><p class="form-success" role="status">"Logo uploaded."</p></Show>
        <Show when=sub_deleted><p class="form-success" role="status">"Subscription deleted."</p></Show>
        {move || form_error().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        <Show when=generic>
            <p class="notice warn" role="status">"The product name is generic. Customers see products from many partners: consider adding your company name (Edit)."</p>
        </Show>
        <FormResult value=activate.value() success=|n: i32| format!("Version {n} is active. Customers on older versions will be asked to upgrade.")/>
        <FormResult value=new_version.value()/>
        <FormResult value=discard.value()/>
        <FormResult value=retire.value()/>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let creds = creds.await;
                let subs = subs.await;
                match detail.await {
                    Ok(d) => view! {
                        <ProductView d=d org=org.get() activate=activate new_version=new_version discard=discard retire=retire creds=creds revoke=revoke/>
                        <ProductSubscriptions org=org.get() product_id=id.get() subs=subs/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
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
    creds: Result<crate::dto::CredentialsDto, crate::error::AppError>,
    revoke: ServerAction<RevokeAccessKey>,
) -> impl IntoView {
    let p = d.product.clone();
    let base = format!("/o/{org}/products/{}", p.id);
    let is_draft = d.current_state == "draft";
    let several = d.versions.len() > 1;
    let retired = p.status == "retired";
    let mut areas: Vec<(String, Vec<crate::dto::GrantView>)> = Vec::new();
    for g in d.grants.clone() {
        match areas.iter_mut().find(|(a, _)| *a == g.area) {
            Some((_, list)) => list.push(g),
            None => areas.push((g.area.clone(), vec![g])),
        }
    }
    let hidden = move |name: &'static str, value: i32| view! { <input type="hidden" name=name value=value/> };
    view! {
        <Title text=p.name.clone()/>
        <p><a href=format!("/o/{org}/products")>"← Products"</a></p>
        <header class="page-header with-actions">
            {p.has_logo.then(|| view! { <img class="product-logo" src=format!("/logos/{}", p.id) alt=format!("{} logo", p.name)/> })}
            <div class="grow">
                <h1>{p.name.clone()}</h1>
                <p class="muted">{p.kind.label()}" · "<Badge text=p.status.clone() tone=status_tone(&p.status)/></p>
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
                            <td><Badge text=v.state.clone() tone=status_tone(&v.state)/></td>
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
                view! { <p class="empty">"No installation has activated this product yet."</p> }.into_any()
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

fn access_saved(listed: Vec<InstallationRef>) -> String {
    if listed.is_empty() {
        return "Saved: every installation may activate the product.".into();
    }
    let names: Vec<String> = listed
        .iter()
        .map(|i| format!("{} ({})", i.installation_id, i.name))
        .collect();
    format!("Saved: only {}.", names.join(", "))
}

/// `/o/:org/products/:id/access`: every installation, or only listed installation IDs.
#[component]
pub fn AccessPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let save = ServerAction::<SetProductAccess>::new();
    let detail = Resource::new(
        move || (org.get(), id.get(), save.version().get()),
        |(o, p, _)| get_product(o, p),
    );
    view! {
        <Title text="Access and security"/>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let d = match detail.await {
                    Ok(d) => d,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                let listed = d.product.access_mode == AccessMode::Listed;
                let ids = d.access.iter().map(|i| i.installation_id.clone()).collect::<Vec<_>>().join("\n");
                view! {
                    <p><a href=format!("/o/{}/products/{}", org.get(), d.product.id)>{format!("← {}", d.product.name)}</a></p>
                    <header class="page-header"><h1>"Access and security"</h1></header>
                    <ActionForm action=save attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org.get()/>
                        <input type="hidden" name="product_id" value=d.product.id/>
                        <fieldset class="field">
                            <legend>"Which installations may activate this product?"</legend>
                            <div class="radio">
                                <input type="radio" id="access-all" name="mode" value="all" checked=!listed/>
                                <label for="access-all">"Every installation"</label>
                            </div>
                            <div class="radio">
                                <input type="radio" id="access-listed" name="mode" value="listed" checked=listed/>
                                <label for="access-listed">"Only these installations"</label>
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="access-ids">"Installation IDs"</label>
                            <textarea id="access-ids" name="installation_ids" rows="4" aria-describedby="access-ids-help">{ids}</textarea>
                            <p id="access-ids-help" class="muted">"One per line or separated by commas, for example MSVPAR."</p>
                        </div>
                        <FormResult value=save.value() success=access_saved/>
                        <button type="submit" class="primary">"Save changes"</button>
                    </ActionForm>
                    {listed.then(|| view! {
                        <h2>"Listed installations"</h2>
                        <ul class="plain-list" aria-label="Listed installations">
                            {d.access.iter().map(|i| view! {
                                <li><code>{i.installation_id.clone()}</code>" "{i.name.clone()}
                                    {i.is_sandbox.then(|| view! { " " <Badge text="Partner sandbox" tone="sandbox"/> })}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
                .into_any()
            })}
        </Transition>
    }
}

/// The client ID, "Access key 1" and "Access key 2", and how to call the platform.
#[component]
fn Credentials(
    c: crate::dto::CredentialsDto,
    org: i32,
    product_id: i32,
    revoke: ServerAction<RevokeAccessKey>,
) -> impl IntoView {
    let active = c.keys.iter().filter(|k| k.revoked_at.is_none()).count();
    let can_manage = c.can_manage;
    let example = format!(
        "curl -u {}:YOUR_SECRET -H 'Content-Type: application/json' \\\n  -d '{{\"installation_id\": \"MSVPAR\", \"function\": \"estates.read\"}}' \\\n  https://your-portico/api/v1/access-checks",
        c.client_id
    );
    view! {
        <div class="card">
            <dl class="facts">
                <dt>"Client ID"</dt>
                <dd class="copy-row">
                    <input id="client-id" type="text" readonly class="copy-link" value=c.client_id.clone() aria-label="Client ID"/>
                    <button type="button" class="secondary copy-button" data-copy="client-id" aria-label="Copy client ID">"Copy"</button>
                </dd>
            </dl>
            {if c.keys.is_empty() {
                view! { <p class="empty">"No access keys yet. Create access key 1; create key 2 when you rotate."</p> }.into_any()
            } else {
                view! {
                    <table aria-label="Access keys">
                        <thead><tr><th scope="col">"Key"</th><th scope="col">"Created"</th><th scope="col">"Last used"</th>
                            <th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                        <tbody>
                            {c.keys.clone().into_iter().map(|k| {
                                let name = format!("Access key {}", k.slot);
                                let (key_id, revocable) = (k.id, can_manage && k.revoked_at.is_none());
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{k.created_at.clone()}</td>
                                        <td>{k.last_used_at.clone().unwrap_or_else(|| "Never".into())}</td>
                                        <td>{match &k.revoked_at { Some(t) => format!("Revoked {t}"), None => "Active".into() }}</td>
                                        <td class="row-actions">
                                            {revocable.then(|| view! {
                                                <ActionForm action=revoke attr:class="inline">
                                                    <input type="hidden" name="org_id" value=org/>
                                                    <input type="hidden" name="product_id" value=product_id/>
                                                    <input type="hidden" name="key_id" value=key_id/>
                                                    <button type="submit" class="danger" aria-label=format!("Revoke {name}")>"Revoke"</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {if !c.can_manage {
                view! { <p class="muted">"Only partner admins can create or revoke access keys."</p> }.into_any()
            } else if active >= 2 {
                view! { <p class="muted">"Both access keys are active. Revoke the old one after switching to the new one."</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=format!("/o/{org}/products/{product_id}/keys")>
                        <button type="submit" class="primary">"Create access key"</button>
                    </form>
                }.into_any()
            }}
            <h3>"How to call the platform"</h3>
            <p class="muted">"Ask Portico before serving a call: HTTP Basic with the client ID and an access key's secret."</p>
            <pre class="example">{example}</pre>
        </div>
    }
}
