//! `/o/:org/catalog`: the API function catalog by area, and "Import catalog".
use crate::components::{
    loaded, org_param, DataTable, EmptyState, FormResult, PageHeader, QueryMessages, Submit,
};
use crate::features::catalog::api::{list_catalog, ImportCatalog};
use crate::features::catalog::dto::{ApiFunctionDto, ImportReport};
use crate::i18n::{count, lang};
use leptos::prelude::*;
use leptos_fluent::tr;

/// One area's counts: functions, push-capable ones, object-scoped ones.
type AreaCounts = (String, usize, usize, usize);

/// Functions per area, in catalog order.
fn areas(functions: &[ApiFunctionDto]) -> Vec<AreaCounts> {
    let mut areas: Vec<AreaCounts> = Vec::new();
    for f in functions {
        let push = usize::from(!f.push_event_types.is_empty());
        let scoped = usize::from(f.object_type.is_some());
        match areas.iter_mut().find(|(a, ..)| *a == f.area) {
            Some((_, n, p, o)) => {
                *n += 1;
                *p += push;
                *o += scoped;
            }
            None => areas.push((f.area.clone(), 1, push, scoped)),
        }
    }
    areas
}

/// `/o/:org/catalog`.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let org = org_param();
    let import = ServerAction::<ImportCatalog>::new();
    let list = Resource::new(
        move || (org.get(), import.version().get()),
        |(o, _)| list_catalog(o),
    );
    view! {
        <PageHeader title=tr!("catalog-title")/>
        {loaded(list, |functions: Vec<ApiFunctionDto>| {
            if functions.is_empty() {
                return view! { <EmptyState text=tr!("catalog-empty")/> }.into_any();
            }
            let areas = areas(&functions);
            let push_total: usize = areas.iter().map(|a| a.2).sum();
            let scoped_total: usize = areas.iter().map(|a| a.3).sum();
            let mut object_types: Vec<String> = functions.iter().filter_map(|f| f.object_type.clone()).collect();
            object_types.sort();
            object_types.dedup();
            view! {
                <p class="muted">{tr!("catalog-stats", { "functions" => count(lang(), functions.len() as i64), "areas" => areas.len(), "push" => push_total })}</p>
                <p class="muted">{tr!("catalog-object-scoped-stats", { "count" => scoped_total, "types" => object_types.join(", ") })}</p>
                <DataTable label=tr!("catalog-areas") headers=vec![{tr!("catalog-area")}, {tr!("product-functions")}, {tr!("catalog-push-capable")}, {tr!("catalog-object-scoped")}]>
                    {areas.into_iter().map(|(a, n, p, o)| view! { <tr><td>{a}</td><td>{n}</td><td>{p}</td><td>{o}</td></tr> }).collect_view()}
                </DataTable>
            }
            .into_any()
        })}
        <QueryMessages successes=&["imported"]/>
        <section class="card form-card" aria-labelledby="upload-title">
            <h2 id="upload-title">{tr!("catalog-upload")}</h2>
            <p class="muted">{tr!("catalog-upload-explained")}</p>
            <form method="post" action=move || format!("/o/{}/catalog/upload", org.get()) enctype="multipart/form-data" class="logo-form">
                <label for="catalog-file">{tr!("catalog-file")}</label>
                <input id="catalog-file" type="file" name="catalog" accept="application/json,.json"/>
                <button type="submit" class="primary">{tr!("catalog-upload")}</button>
            </form>
        </section>
        <section class="card form-card" aria-labelledby="import-title">
            <h2 id="import-title">{tr!("catalog-or-paste")}</h2>
            <ActionForm action=import>
                <input type="hidden" name="org_id" value=move || org.get()/>
                <div class="field">
                    <label for="catalog-json">{tr!("catalog-json")}</label>
                    <textarea id="catalog-json" name="catalog" rows="10" spellcheck="false"></textarea>
                </div>
                <FormResult value=import.value() success=|r: ImportReport| r.summary(crate::i18n::lang())/>
                <Submit label=tr!("catalog-import") busy=tr!("catalog-importing") pending=import.pending()/>
            </ActionForm>
        </section>
    }
}
