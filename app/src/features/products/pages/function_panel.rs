//! The picker's right-hand panel: one function's details, its "Require access to function"
//! box and filter values. Its controls change the picker's local state; without JavaScript the
//! same controls post as a plain form that saves this one function.
use crate::features::catalog::dto::ApiFunctionDto;
use crate::features::products::dto::GrantFilters;
use leptos::prelude::*;
use leptos_fluent::tr;
use std::collections::BTreeMap;

/// One function's details. Its controls change the local state; without JavaScript the same
/// controls post as a plain form to the server and save this one function.
#[component]
pub fn FunctionPanel(
    f: ApiFunctionDto,
    state: RwSignal<BTreeMap<String, GrantFilters>>,
    locked: bool,
    org: i32,
    product_id: i32,
    version: i32,
    /// The product takes orders: object-scoped functions then need one (rule 12).
    order_integration: bool,
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
            {f.object_type.clone().map(|t| {
                let text = if order_integration {
                    tr!("picker-object-scoped-order", { "object" => t })
                } else {
                    tr!("picker-object-scoped-rights", { "object" => t })
                };
                view! { <p class="notice" role="note">{text}</p> }
            })}
            <form method="post" action=format!("/o/{org}/products/{product_id}/functions/save")>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="function_key" value=f.key.clone()/>
                <div class="field checkbox">
                    <input id="fn-required" type="checkbox" name="required" value="on" disabled=locked
                        prop:checked=required on:change=toggle/>
                    <label for="fn-required">{tr!("picker-require")}</label>
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
                                <label for=input_id.clone() class="muted">{tr!("picker-free-text-help")}</label>
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
                                <p class="muted">{tr!("picker-none-ticked")}</p>
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
                    <h3>{tr!("picker-push-events")}</h3>
                    <p class="muted">{tr!("picker-push-explained")}</p>
                    <ul class="plain-list">{f.push_event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
                    <Show when=required>
                        <p><a class="button secondary" href=format!("/o/{org}/products/{product_id}/subscriptions/new?function={}", key.get_value())>{tr!("picker-create-subscription")}</a>
                        <span class="muted">" "{tr!("picker-save-first")}</span></p>
                    </Show>
                })}
                <button type="submit" class="secondary nojs-only" disabled=locked>{tr!("picker-save-function")}</button>
            </form>
        </section>
    }
}
