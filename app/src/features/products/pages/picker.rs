//! "Change functions": the function picker. The catalog is loaded once; search, "Only
//! required", selecting a function and ticking filters all happen in the browser, and
//! "Save changes" sends every change in one request (one transaction on the server).
//! Without JavaScript the page still lists the catalog and the required functions, selecting
//! is a link (`?f=key`), and each function's panel is a plain form that saves that function.
use crate::components::{id_param, loaded, org_param, Badge, FormResult, QueryMessages};
use crate::features::catalog::dto::ApiFunctionDto;
use crate::features::products::api::{get_picker, NewVersion, SaveFunctions};
use crate::features::products::dto::{GrantChange, GrantFilters, PickerData, SaveReport};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

/// `/o/:org/products/:id/functions`.
#[component]
pub fn FunctionsPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let save = ServerAction::<SaveFunctions>::new();
    let new_version = ServerAction::<NewVersion>::new();
    let data = Resource::new(
        move || {
            (
                org.get(),
                id.get(),
                save.version().get(),
                new_version.version().get(),
            )
        },
        |(o, p, ..)| get_picker(o, p),
    );
    view! {
        <Title text="Change functions"/>
        <QueryMessages successes=&["saved"]/>
        <FormResult value=save.value() success=|r: SaveReport| r.summary()/>
        <FormResult value=new_version.value()/>
        {loaded(data, move |d: PickerData| view! { <Picker d=d org=org.get() save=save new_version=new_version/> })}
    }
}

/// The changes between what was loaded and what the user has now.
fn diff(
    original: &BTreeMap<String, GrantFilters>,
    now: &BTreeMap<String, GrantFilters>,
) -> Vec<GrantChange> {
    let mut out = Vec::new();
    for (key, filters) in now {
        if original.get(key) != Some(filters) {
            out.push(GrantChange {
                function_key: key.clone(),
                required: true,
                filters: filters.clone(),
            });
        }
    }
    for key in original.keys().filter(|k| !now.contains_key(*k)) {
        out.push(GrantChange {
            function_key: key.clone(),
            required: false,
            filters: GrantFilters::new(),
        });
    }
    out
}

#[component]
fn Picker(
    d: PickerData,
    org: i32,
    save: ServerAction<SaveFunctions>,
    new_version: ServerAction<NewVersion>,
) -> impl IntoView {
    let query = use_query_map();
    let selected = Memo::new(move |_| query.read().get("f"));
    let search = RwSignal::new(query.read_untracked().get("q").unwrap_or_default());
    let only_required = RwSignal::new(query.read_untracked().get("required").is_some());
    let original: BTreeMap<String, GrantFilters> = d
        .grants
        .iter()
        .map(|g| (g.function_key.clone(), g.filters.clone()))
        .collect();
    let state = RwSignal::new(original.clone());
    let original = StoredValue::new(original);
    let changes = Memo::new(move |_| state.with(|s| original.with_value(|o| diff(o, s))));
    let locked = d.locked_reason.is_some();
    let catalog = StoredValue::new(d.catalog.clone());
    // Lower-cased "key name description" of each function, computed once for the search.
    let haystacks = StoredValue::new(
        d.catalog
            .iter()
            .map(|f| format!("{} {} {}", f.key, f.name, f.description).to_lowercase())
            .collect::<Vec<_>>(),
    );
    let visible = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        let only = only_required.get();
        state.with(|st| {
            catalog.with_value(|cat| {
                haystacks.with_value(|hay| {
                    cat.iter()
                        .zip(hay)
                        .map(|(f, h)| {
                            (!only || st.contains_key(&f.key)) && (q.is_empty() || h.contains(&q))
                        })
                        .collect::<Vec<bool>>()
                })
            })
        })
    });
    // Areas in catalog order, each with the indexes of its functions.
    let mut areas: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in d.catalog.iter().enumerate() {
        match areas.last_mut() {
            Some((a, idx)) if *a == f.area => idx.push(i),
            _ => areas.push((f.area.clone(), vec![i])),
        }
    }
    let total = d.catalog.len();

    #[cfg(feature = "hydrate")]
    {
        // Leaving with unsaved changes asks first.
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if !changes.get_untracked().is_empty() {
                ev.prevent_default();
                ev.set_return_value("You have unsaved changes.");
            }
        });
        on_cleanup(move || handle.remove());
    }

    let (product_id, version) = (d.product_id, d.version);
    let on_save = move |_| {
        let changes = changes.get_untracked();
        if !changes.is_empty() {
            save.dispatch(SaveFunctions {
                org_id: org,
                product_id,
                version,
                changes,
            });
        }
    };
    view! {
        <p><a href=format!("/o/{org}/products/{product_id}")>{format!("← {}", d.product_name)}</a></p>
        <header class="page-header">
            <h1>"Change functions"</h1>
            <p class="muted">{format!("Version {} ({})", d.version, d.version_state)}</p>
        </header>
        {d.locked_reason.clone().map(|reason| view! {
            <div class="notice warn" role="status">
                <p>{reason}</p>
                <ActionForm action=new_version attr:class="inline">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="product_id" value=product_id/>
                    <button type="submit" class="primary">"New version"</button>
                </ActionForm>
            </div>
        })}
        <div class="picker">
            <div class="picker-list">
                <form method="get" role="search" aria-label="Search functions" on:submit=|ev| ev.prevent_default()>
                    <label for="fn-search" class="visually-hidden">"Search functions"</label>
                    <input id="fn-search" name="q" type="search" placeholder="Search functions" autocomplete="off"
                        prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                    <div class="field checkbox">
                        <input id="fn-only-required" name="required" type="checkbox" prop:checked=move || only_required.get()
                            on:change=move |ev| only_required.set(event_target_checked(&ev))/>
                        <label for="fn-only-required">"Only required"</label>
                    </div>
                    <button type="submit" class="secondary nojs-only">"Search"</button>
                </form>
                <p class="muted" role="status" data-testid="picker-counts">
                    {move || format!(
                        "{} of {} functions · {} required",
                        visible.with(|v| v.iter().filter(|b| **b).count()),
                        total,
                        state.with(|s| s.len())
                    )}
                </p>
                {areas.into_iter().map(|(area, idx)| {
                    let idx = StoredValue::new(idx);
                    let count = move || idx.with_value(|ix| visible.with(|v| ix.iter().filter(|i| v[**i]).count()));
                    view! {
                        <section class="picker-area" hidden=move || count() == 0 aria-label=area.clone()>
                            <h2>{area.clone()}" "<span class="muted">{move || format!("({})", count())}</span></h2>
                            <ul>
                                {idx.get_value().into_iter().map(|i| {
                                    let f = catalog.with_value(|c| c[i].clone());
                                    let key = f.key.clone();
                                    let k1 = key.clone();
                                    let k2 = key.clone();
                                    let required = move || state.with(|s| s.contains_key(&k1));
                                    let is_selected = move || selected.get().as_deref() == Some(k2.as_str());
                                    view! {
                                        <li hidden=move || !visible.with(|v| v[i])>
                                            <a href=format!("?f={key}") class:selected=is_selected.clone()
                                                aria-current=move || is_selected().then_some("true")>
                                                <span>{f.name.clone()}</span>
                                                <code>{key.clone()}</code>
                                                {move || required().then(|| view! { <Badge text="Required" tone="customer"/> })}
                                            </a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
            <div class="picker-detail">
                {move || {
                    let key = selected.get();
                    let f = key.and_then(|k| catalog.with_value(|c| c.iter().find(|f| f.key == k).cloned()));
                    match f {
                        Some(f) => view! { <FunctionPanel f=f state=state locked=locked org=org product_id=product_id version=version/> }.into_any(),
                        None => view! { <p class="empty">"Choose a function on the left to see what it does and to require it."</p> }.into_any(),
                    }
                }}
            </div>
        </div>
        <div class="picker-footer">
            <span class="muted" role="status">{move || match changes.with(|c| c.len()) {
                0 => "No unsaved changes.".to_string(),
                1 => "1 unsaved change.".to_string(),
                n => format!("{n} unsaved changes."),
            }}</span>
            <button type="button" class="primary" on:click=on_save
                disabled=move || locked || save.pending().get() || changes.with(|c| c.is_empty())>"Save changes"</button>
        </div>
    }
}

/// One function's details. Its controls change the local state; without JavaScript the same
/// controls post as a plain form to the server and save this one function.
#[component]
fn FunctionPanel(
    f: ApiFunctionDto,
    state: RwSignal<BTreeMap<String, GrantFilters>>,
    locked: bool,
    org: i32,
    product_id: i32,
    version: i32,
) -> impl IntoView {
    let key = StoredValue::new(f.key.clone());
    let required = move || state.with(|s| key.with_value(|k| s.contains_key(k)));
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state.update(|s| {
            key.with_value(|k| {
                if on {
                    s.entry(k.clone()).or_default();
                } else {
                    s.remove(k);
                }
            })
        });
    };
    let set_values = move |dim: String, values: Vec<String>| {
        state.update(|s| {
            key.with_value(|k| {
                // Choosing a filter value requires the function.
                let filters = s.entry(k.clone()).or_default();
                if values.is_empty() {
                    filters.remove(&dim);
                } else {
                    filters.insert(dim, values);
                }
            })
        })
    };
    let current = move |dim: &str| -> Vec<String> {
        state.with(|s| {
            key.with_value(|k| {
                s.get(k)
                    .and_then(|f| f.get(dim).cloned())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="fn-title">
            <h2 id="fn-title">{f.name.clone()}</h2>
            <p><code>{format!("{} {}", f.method, f.path)}</code>" · "<code>{f.key.clone()}</code></p>
            <p>{f.description.clone()}</p>
            <form method="post" action=format!("/o/{org}/products/{product_id}/functions/save")>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="function_key" value=f.key.clone()/>
                <div class="field checkbox">
                    <input id="fn-required" type="checkbox" name="required" value="on" disabled=locked
                        prop:checked=required on:change=toggle/>
                    <label for="fn-required">"Require access to function"</label>
                </div>
                {f.filters.iter().map(|dim| {
                    let dim_key = dim.key.clone();
                    let legend = dim.label.clone();
                    if dim.free_text {
                        let input_id = format!("filter-{}", dim.key);
                        let dk = dim_key.clone();
                        view! {
                            <fieldset class="field">
                                <legend>{legend}</legend>
                                <label for=input_id.clone() class="muted">"Values, separated by commas. Empty: no restriction."</label>
                                <input id=input_id type="text" name=format!("text:{dim_key}") value=untrack(|| current(&dim_key)).join(", ")
                                    disabled=locked
                                    on:input=move |ev| {
                                        let vals = event_target_value(&ev).split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
                                        set_values(dk.clone(), vals);
                                    }/>
                            </fieldset>
                        }.into_any()
                    } else {
                        view! {
                            <fieldset class="field">
                                <legend>{legend}</legend>
                                <p class="muted">"None ticked: no restriction."</p>
                                {dim.values.iter().map(|v| {
                                    let (dk, dk2, val, val2) = (dim_key.clone(), dim_key.clone(), v.clone(), v.clone());
                                    let id = format!("filter-{dim_key}-{v}");
                                    view! {
                                        <div class="checkbox-inline">
                                            <input type="checkbox" id=id.clone() name="filter" value=format!("{dim_key}={v}")
                                                disabled=locked
                                                prop:checked=move || current(&dk).contains(&val)
                                                on:change=move |ev| {
                                                    let mut vals = current(&dk2);
                                                    vals.retain(|x| x != &val2);
                                                    if event_target_checked(&ev) { vals.push(val2.clone()); vals.sort(); }
                                                    set_values(dk2.clone(), vals);
                                                }/>
                                            <label for=id>{v.clone()}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }.into_any()
                    }
                }).collect_view()}
                {(!f.push_event_types.is_empty()).then(|| view! {
                    <h3>"Push events"</h3>
                    <p class="muted">"Subscriptions can receive these events once the product requires this function:"</p>
                    <ul class="plain-list">{f.push_event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
                    <Show when=required>
                        <p><a class="button secondary" href=format!("/o/{org}/products/{product_id}/subscriptions/new?function={}", key.get_value())>"Create subscription"</a>
                        <span class="muted">" (save your changes first)"</span></p>
                    </Show>
                })}
                <button type="submit" class="secondary nojs-only" disabled=locked>"Save this function"</button>
            </form>
        </section>
    }
}
