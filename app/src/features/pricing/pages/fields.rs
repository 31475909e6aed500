//! The fields of "New price package" and a package's "Save".
use crate::features::pricing::dto::{
    Market, PricePackageDto, MAX_COMMISSION, MAX_DESCRIPTION, MAX_NAME,
};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// A price package's fields, filled from `p` when it is given.
#[component]
pub fn PackageFields(#[prop(optional)] p: Option<PricePackageDto>) -> impl IntoView {
    let market = p.as_ref().map(|p| p.market);
    let visible = p.as_ref().is_some_and(|p| p.visible_in_signup);
    let field = |f: fn(&PricePackageDto) -> String| p.as_ref().map(f).unwrap_or_default();
    view! {
        <div class="field-row">
            <div class="field grow">
                <label for="package-name">{tr!("name")}</label>
                <input id="package-name" name="name" type="text" maxlength=MAX_NAME autocomplete="off"
                    value=field(|p| p.name.clone()) aria-describedby="package-name-help"/>
                <p id="package-name-help" class="muted">{tr!("price-package-name-help", { "max" => MAX_NAME })}</p>
            </div>
            <div class="field">
                <label for="package-description">{tr!("description")}</label>
                <input id="package-description" name="description" type="text" maxlength=MAX_DESCRIPTION size="8"
                    placeholder="2.99%" autocomplete="off" value=field(|p| p.description.clone())/>
            </div>
        </div>
        <div class="field-row">
            <div class="field">
                <label for="package-market">{tr!("price-package-market")}</label>
                <select id="package-market" name="market">
                    {Market::ALL.iter().map(|m| view! {
                        <option value=m.as_str() selected=Some(*m) == market>{m.label(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="package-commission">{tr!("price-package-commission")}</label>
                <input id="package-commission" name="commission" type="text" maxlength=MAX_COMMISSION size="10"
                    placeholder="30 %" autocomplete="off" value=field(|p| p.commission.clone().unwrap_or_default())
                    aria-describedby="package-commission-help"/>
                <p id="package-commission-help" class="muted">{tr!("price-package-commission-help")}</p>
            </div>
        </div>
        <div class="field checkbox">
            <input id="package-visible" name="visible_in_signup" type="checkbox" value="on" checked=visible/>
            <label for="package-visible">{tr!("price-package-visible-in-signup")}</label>
        </div>
    }
}
