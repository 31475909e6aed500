//! "Change functions": the function picker. The catalog is loaded once; search, "Only
//! required", selecting a function and ticking filters all happen in the browser, and
//! "Save changes" sends every change in one request (one transaction on the server).
//! Without JavaScript the page still lists the catalog and the required functions, selecting
//! is a link (`?f=key`), and each function's panel is a plain form that saves that function.
//! However large the catalog, the list renders at most [`PAGE`] matches at a time ("Show more"
//! adds more: a button with JavaScript, a link without).
use super::function_panel::FunctionPanel;
use crate::components::{
    id_param, loaded, org_param, query_string, Badge, FormResult, QueryMessages,
};
use crate::features::products::api::{get_picker, NewVersion, SaveFunctions};
use crate::features::products::dto::{GrantChange, GrantFilters, PickerData, SaveReport};
use crate::i18n::{count, lang};
use leptos::prelude::*;
use leptos_fluent::tr;
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
    let looking = Looking::from_query();
    view! {
        <Title text=tr!("change-functions")/>
        <QueryMessages successes=&["saved"]/>
        <FormResult value=save.value() success=|r: SaveReport| r.summary(crate::i18n::lang())/>
        <FormResult value=new_version.value()/>
        {loaded(data, move |d: PickerData| view! { <Picker d=d org=org.get() save=save new_version=new_version looking=looking/> })}
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

/// How many matching functions the list shows at first, and how many more each "Show more"
/// adds. A catalog can hold thousands of functions: rendering only these keeps the page's
/// render and each search keystroke fast however large it grows.
pub const PAGE: usize = 200;

/// One area of the shown list: its place among the catalog's areas, how many functions of it
/// match, and the catalog indexes of those shown.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ShownArea {
    area: usize,
    matching: usize,
    shown: Vec<usize>,
}

/// Groups the first `limit` matches (catalog indexes, in catalog order) by area.
fn group(matches: &[usize], area_of: &[usize], limit: usize) -> Vec<ShownArea> {
    let mut out: Vec<ShownArea> = Vec::new();
    for (n, &i) in matches.iter().enumerate() {
        let area = area_of[i];
        if out.last().is_none_or(|a| a.area != area) {
            out.push(ShownArea {
                area,
                matching: 0,
                shown: Vec::new(),
            });
        }
        if let Some(a) = out.last_mut() {
            a.matching += 1;
            if n < limit {
                a.shown.push(i);
            }
        }
    }
    out.retain(|a| !a.shown.is_empty());
    out
}

/// What the partner is looking at in the picker: the search, "Only required" and how many
/// matches are shown. The page keeps it, so a save, which reloads the picker's data and renders
/// the picker anew, leaves the partner where they were.
#[derive(Clone, Copy)]
struct Looking {
    search: RwSignal<String>,
    only_required: RwSignal<bool>,
    limit: RwSignal<usize>,
    /// How far the list was scrolled when "Save changes" was pressed.
    scroll: StoredValue<i32>,
}

impl Looking {
    /// From the URL (`q`, `required`, `show`), where the no-JavaScript picker keeps them.
    fn from_query() -> Self {
        let query = use_query_map();
        let q = query.read_untracked();
        // Without JavaScript "Show more" is a link that asks for more (`show`).
        let asked = q.get("show").and_then(|s| s.parse::<usize>().ok());
        Looking {
            search: RwSignal::new(q.get("q").unwrap_or_default()),
            only_required: RwSignal::new(q.get("required").is_some()),
            limit: RwSignal::new(asked.unwrap_or(PAGE).max(PAGE)),
            scroll: StoredValue::new(0),
        }
    }
}

#[component]
fn Picker(
    d: PickerData,
    org: i32,
    save: ServerAction<SaveFunctions>,
    new_version: ServerAction<NewVersion>,
    looking: Looking,
) -> impl IntoView {
    let query = use_query_map();
    let selected = Memo::new(move |_| query.read().get("f"));
    let Looking {
        search,
        only_required,
        limit,
        scroll,
    } = looking;
    // The list scrolls where it was before a save rendered it anew.
    let list_box = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = list_box.get() {
            el.set_scroll_top(scroll.get_value());
        }
    });
    // At most the whole catalog is shown.
    let total = d.catalog.len();
    limit.update_untracked(|l| *l = (*l).clamp(PAGE, total.max(PAGE)));
    let original: BTreeMap<String, GrantFilters> = d
        .grants
        .iter()
        .map(|g| (g.function_key.clone(), g.filters.clone()))
        .collect();
    let state = RwSignal::new(original.clone());
    let original = StoredValue::new(original);
    let changes = Memo::new(move |_| state.with(|s| original.with_value(|o| diff(o, s))));
    let locked = d.locked_reason.is_some();
    // Lower-cased "key name description" of each function, computed once for the search.
    let haystacks = StoredValue::new(
        d.catalog
            .iter()
            .map(|f| format!("{} {} {}", f.key, f.name, f.description).to_lowercase())
            .collect::<Vec<_>>(),
    );
    // Areas in catalog order (a name that comes back later is a new area, as it is listed).
    let mut areas: Vec<String> = Vec::new();
    let mut area_of = Vec::with_capacity(total);
    for f in &d.catalog {
        if areas.last() != Some(&f.area) {
            areas.push(f.area.clone());
        }
        area_of.push(areas.len() - 1);
    }
    let areas = StoredValue::new(areas);
    let (product_id, version, product_name) = (d.product_id, d.version, d.product_name);
    let order_integration = d.product_kind == crate::glossary::ProductKind::OrderIntegration;
    let version_state = d.version_state;
    let locked_reason = d.locked_reason;
    let catalog = StoredValue::new(d.catalog);
    // The catalog indexes that match the search (and "Only required").
    let matches = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        // Only read (and so only follow) the required set when the box is ticked.
        let required = only_required.get().then(|| {
            state.with(|st| {
                catalog.with_value(|c| {
                    c.iter()
                        .map(|f| st.contains_key(&f.key))
                        .collect::<Vec<_>>()
                })
            })
        });
        haystacks.with_value(|hay| {
            (0..hay.len())
                .filter(|&i| {
                    required.as_ref().is_none_or(|r| r[i]) && (q.is_empty() || hay[i].contains(&q))
                })
                .collect::<Vec<usize>>()
        })
    });
    let shown = Memo::new(move |_| matches.with(|m| group(m, &area_of, limit.get())));
    let more = move || matches.with(|m| m.len()) > limit.get();
    let link = move |f: Option<&str>, show: usize| {
        let show = if show > PAGE {
            show.to_string()
        } else {
            String::new()
        };
        let required = if only_required.get() { "on" } else { "" };
        query_string(&[
            ("q", &search.get()),
            ("required", required),
            ("show", &show),
            ("f", f.unwrap_or("")),
        ])
    };

    #[cfg(feature = "hydrate")]
    {
        // Leaving with unsaved changes asks first. (The listener runs outside the page's
        // reactive tree, so its text is looked up now.)
        let leave = tr!("picker-unsaved-leave");
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if !changes.get_untracked().is_empty() {
                ev.prevent_default();
                ev.set_return_value(&leave);
            }
        });
        on_cleanup(move || handle.remove());
    }

    let on_save = move |_| {
        let changes = changes.get_untracked();
        if let Some(el) = list_box.get_untracked() {
            scroll.set_value(el.scroll_top());
        }
        if !changes.is_empty() {
            save.dispatch(SaveFunctions {
                org_id: org,
                product_id,
                version,
                changes,
            });
        }
    };
    let item = move |i: usize| {
        let (key, name, scoped) = catalog.with_value(|c| {
            (
                c[i].key.clone(),
                c[i].name.clone(),
                c[i].object_type.clone(),
            )
        });
        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
        let required = move || state.with(|s| s.contains_key(&k1));
        let is_selected = move || selected.get().as_deref() == Some(k2.as_str());
        view! {
            <li>
                <a href=move || link(Some(&k3), limit.get()) class:selected=is_selected.clone()
                    aria-current=move || is_selected().then_some("true")>
                    <span>{name}</span>
                    <code>{key}</code>
                    {move || required().then(|| view! { <Badge text=tr!("picker-required-badge") tone="customer"/> })}
                    {scoped.clone().map(|t| view! { <Badge text=tr!("picker-per-object", { "object" => t })/> })}
                </a>
            </li>
        }
    };
    view! {
        <p><a href=format!("/o/{org}/products/{product_id}")>{format!("← {product_name}")}</a></p>
        <header class="page-header">
            <h1>{tr!("change-functions")}</h1>
            <p class="muted">{tr!("picker-version", { "version" => version, "state" => version_state.label(lang()).to_lowercase() })}</p>
        </header>
        <super::ProductTabs org=org product_id=product_id current=super::ProductTab::Functions/>
        {locked_reason.map(|reason| view! {
            <div class="notice warn" role="status">
                <p>{reason}</p>
                <ActionForm action=new_version attr:class="inline">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="product_id" value=product_id/>
                    <button type="submit" class="primary">{tr!("product-new-version")}</button>
                </ActionForm>
            </div>
        })}
        <div class="picker">
            <div class="picker-list" node_ref=list_box>
                <form method="get" role="search" aria-label=tr!("picker-search") on:submit=|ev| ev.prevent_default()>
                    <label for="fn-search" class="visually-hidden">{tr!("picker-search")}</label>
                    <input id="fn-search" name="q" type="search" placeholder=tr!("picker-search") autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| { limit.set(PAGE); search.set(event_target_value(&ev)); }/>
                    <div class="field checkbox">
                        <input id="fn-only-required" name="required" type="checkbox" prop:checked=move || only_required.get()
                            on:change=move |ev| { limit.set(PAGE); only_required.set(event_target_checked(&ev)); }/>
                        <label for="fn-only-required">{tr!("picker-only-required")}</label>
                    </div>
                    <button type="submit" class="secondary nojs-only">{tr!("search")}</button>
                </form>
                <p class="muted" role="status" data-testid="picker-counts">
                    {move || tr!("picker-counts", {
                        "shown" => count(lang(), matches.with(|m| m.len()) as i64),
                        "total" => count(lang(), total as i64),
                        "n" => total,
                        "required" => count(lang(), state.with(|s| s.len()) as i64),
                    })}
                </p>
                <For each=move || shown.get() key=|a| a.clone() children=move |a: ShownArea| {
                    let name = areas.with_value(|n| n[a.area].clone());
                    let label = name.clone();
                    view! {
                        <section class="picker-area" aria-label=label>
                            <h2>{name}" "<span class="muted">{format!("({})", a.matching)}</span></h2>
                            <ul>{a.shown.into_iter().map(item).collect_view()}</ul>
                        </section>
                    }
                }/>
                <Show when=more>
                    <p class="picker-more" data-testid="picker-more">
                        <span class="muted">{move || tr!("picker-showing", {
                            "shown" => count(lang(), limit.get() as i64),
                            "total" => count(lang(), matches.with(|m| m.len()) as i64),
                        })}</span>" "
                        <a class="button secondary" href=move || link(selected.get().as_deref(), limit.get() + PAGE)
                            on:click=move |ev| { ev.prevent_default(); limit.update(|l| *l += PAGE); }>{tr!("picker-show-more")}</a>
                    </p>
                </Show>
            </div>
            <div class="picker-detail">
                {move || {
                    let key = selected.get();
                    let f = key.and_then(|k| catalog.with_value(|c| c.iter().find(|f| f.key == k).cloned()));
                    match f {
                        Some(f) => view! { <FunctionPanel f=f state=state locked=locked org=org product_id=product_id version=version order_integration=order_integration/> }.into_any(),
                        None => view! { <p class="empty">{tr!("picker-choose")}</p> }.into_any(),
                    }
                }}
            </div>
        </div>
        <div class="picker-footer">
            <span class="muted" role="status">{move || match changes.with(|c| c.len()) {
                0 => tr!("picker-no-unsaved"),
                n => tr!("picker-unsaved", { "count" => n }),
            }}</span>
            <button type="button" class="primary" on:click=on_save
                disabled=move || locked || save.pending().get() || changes.with(|c| c.is_empty())>{tr!("save-changes")}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn the_first_matches_are_grouped_by_area_and_the_rest_only_counted() {
        // Functions 0-2 in area 0, 3-4 in area 1, 5 in area 2.
        let area_of = [0, 0, 0, 1, 1, 2];
        let g = group(&[0, 2, 3, 4, 5], &area_of, 3);
        assert_eq!(g.len(), 2);
        assert_eq!(
            (g[0].area, g[0].matching, g[0].shown.clone()),
            (0, 2, vec![0, 2])
        );
        // Area 1 has two matches; only the first fits the limit; area 2 shows nothing.
        assert_eq!(
            (g[1].area, g[1].matching, g[1].shown.clone()),
            (1, 2, vec![3])
        );
        assert!(group(&[], &area_of, 3).is_empty());
    }
}
