//! "Access and security": every installation, or only listed installation IDs.
use crate::components::{id_param, loaded, org_param, Badge, FormResult, PageHeader};
use crate::features::products::api::{get_product, SetProductAccess};
use crate::features::products::dto::{AccessMode, InstallationRef, ProductDetail};
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

fn access_saved(listed: Vec<InstallationRef>) -> String {
    if listed.is_empty() {
        return tr!("access-saved-all");
    }
    let names: Vec<String> = listed
        .iter()
        .map(|i| format!("{} ({})", i.installation_id, i.name))
        .collect();
    tr!("access-saved-only", { "list" => names.join(", ") })
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
        {loaded(detail, move |d: ProductDetail| {
                let listed = d.product.access_mode == AccessMode::Listed;
                let ids = d.access.iter().map(|i| i.installation_id.clone()).collect::<Vec<_>>().join("\n");
                view! {
                    <p><a href=paths::product(org.get(), d.product.id)>{format!("← {}", d.product.name)}</a></p>
                    <PageHeader title=tr!("access-title")/>
                    <super::ProductTabs org=org.get() product_id=d.product.id current=super::ProductTab::Settings/>
                    <ActionForm action=save attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org.get()/>
                        <input type="hidden" name="product_id" value=d.product.id/>
                        <fieldset class="field">
                            <legend>{tr!("access-which")}</legend>
                            <div class="radio">
                                <input type="radio" id="access-all" name="mode" value="all" checked=!listed/>
                                <label for="access-all">{tr!("access-mode-all")}</label>
                            </div>
                            <div class="radio">
                                <input type="radio" id="access-listed" name="mode" value="listed" checked=listed/>
                                <label for="access-listed">{tr!("access-only-these")}</label>
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="access-ids">{tr!("access-ids")}</label>
                            <textarea id="access-ids" name="installation_ids" rows="4" aria-describedby="access-ids-help">{ids}</textarea>
                            <p id="access-ids-help" class="muted">{tr!("access-ids-help")}</p>
                        </div>
                        <FormResult value=save.value() success=access_saved/>
                        <button type="submit" class="primary">{tr!("save-changes")}</button>
                    </ActionForm>
                    {listed.then(|| view! {
                        <h2>{tr!("access-listed")}</h2>
                        <ul class="plain-list" aria-label=tr!("access-listed")>
                            {d.access.iter().map(|i| view! {
                                <li><code>{i.installation_id.clone()}</code>" "{i.name.clone()}
                                    {i.is_sandbox.then(|| view! { " " <Badge text=tr!("partner-sandbox") tone="sandbox"/> })}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
        })}
    }
}
