//! "Name and logo" of a sales unit, on the partner's and the customer's page alike: the name
//! through a server function, the logo as a plain multipart form (with or without JavaScript).
use crate::components::{FormResult, Submit};
use crate::features::sales_units::api::RenameSalesUnit;
use crate::features::sales_units::dto::SalesUnitDetail;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// The section; `page` is the page's own address (the logo form posts to `{page}/logo`).
#[component]
pub fn NameAndLogo(
    org: i32,
    page: String,
    detail: SalesUnitDetail,
    rename: ServerAction<RenameSalesUnit>,
) -> impl IntoView {
    let query = use_query_map();
    let logo_saved = move || query.read().get("logo").is_some_and(|v| v == "saved");
    let logo_error = move || query.read().get("logo_error");
    let u = detail.unit;
    view! {
        <section class="card" aria-labelledby="unit-edit-title">
            <h2 id="unit-edit-title">{tr!("unit-name-and-logo")}</h2>
            {match detail.logo_url.clone() {
                Some(src) => view! { <img class="unit-logo" src=src alt=tr!("unit-logo-alt", { "name" => u.name.clone() }) width="96" height="96"/> }.into_any(),
                None => view! { <p class="muted">{tr!("unit-no-logo")}</p> }.into_any(),
            }}
            {detail.can_edit.then(|| view! {
                <ActionForm action=rename>
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="installation_id" value=u.installation_id.clone()/>
                    <div class="field">
                        <label for="unit-name">{tr!("unit-name")}</label>
                        <input id="unit-name" name="name" type="text" maxlength="40" value=u.name.clone() aria-describedby="unit-name-help"/>
                        <p id="unit-name-help" class="muted">{tr!("unit-name-help")}</p>
                    </div>
                    <FormResult value=rename.value() success=|_| tr!("unit-name-saved")/>
                    <Submit label=tr!("unit-save-name") busy=tr!("unit-saving") pending=rename.pending()/>
                </ActionForm>
                <form method="post" action=format!("{page}/logo") enctype="multipart/form-data" class="logo-form">
                    <div class="field">
                        <label for="unit-logo-file">{tr!("unit-logo-field")}</label>
                        <input id="unit-logo-file" type="file" name="logo" accept="image/png,image/jpeg" aria-describedby="unit-logo-help"/>
                        <p id="unit-logo-help" class="muted">{tr!("unit-logo-help")}</p>
                    </div>
                    <Show when=logo_saved><p class="form-success" role="status">{tr!("unit-logo-saved")}</p></Show>
                    {move || logo_error().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                    <button type="submit" class="secondary">{tr!("unit-upload-logo")}</button>
                </form>
            })}
        </section>
    }
}
