//! The links customers open, signed in: `/sign-up/:token` (review a product order: what the
//! product will access, the sales unit's name and logo, the price package, consent, "Submit")
//! and `/sign-up/template/:token` (start an order from a partner's template).
use crate::components::{ErrorView, FormResult, Loading, Submit};
use crate::features::accounts::pages::{session_resource, signed_in, Header};
use crate::features::activations::pages::FunctionList;
use crate::features::product_orders::api::{
    get_sign_up, get_template_start, StartFromTemplate, SubmitSignUp,
};
use crate::features::product_orders::dto::{SignUpCustomer, SignUpView, TemplateStart};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The link's token.
fn token() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("token").unwrap_or_default())
}

/// The page around a link's content: the header and the main column, signed in.
#[component]
fn Frame(children: ChildrenFn) -> impl IntoView {
    let session = session_resource();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match signed_in(session.await) {
                    Ok(s) => view! {
                        <Header session=s/>
                        <main id="main" class="content narrow">{children.read_value()()}</main>
                    }.into_any(),
                    Err(instead) => instead,
                }
            })}
        </Suspense>
    }
}

/// What the person sees and does: the order, the access, the form.
#[component]
fn Review(v: SignUpView, submit: ServerAction<SubmitSignUp>) -> impl IntoView {
    let tok = token();
    let query = use_query_map();
    let logo_error = query.read_untracked().get("logo_error");
    let may_submit = v.status.is_open()
        && matches!(
            v.customer,
            SignUpCustomer::Admin { .. } | SignUpCustomer::New
        );
    let who = match &v.customer {
        SignUpCustomer::Admin { name, .. } => tr!("sign-up-for", { "customer" => name.clone() }),
        SignUpCustomer::Member { name } => {
            tr!("product-order-only-admins", { "customer" => name.clone() })
        }
        SignUpCustomer::Outsider => tr!("product-order-outsider"),
        SignUpCustomer::New => tr!("sign-up-new-company"),
    };
    let new_company = v.customer == SignUpCustomer::New;
    view! {
        <Title text=tr!("sign-up-title", { "product" => v.product_name.clone() })/>
        <h1>{tr!("sign-up-title", { "product" => v.product_name.clone() })}</h1>
        <p class="muted">{tr!("sign-up-from", { "partner" => v.partner_name.clone(), "id" => v.business_identifier.clone() })}</p>
        <p>{v.product_description.clone()}</p>
        {(!v.note.is_empty()).then(|| view! { <blockquote class="note"><strong>{tr!("suppliers-from-partner")}" "</strong>{v.note.clone()}</blockquote> })}
        <section class="card" aria-labelledby="sign-up-access-title">
            <h2 id="sign-up-access-title">{tr!("sign-up-access")}</h2>
            {if v.functions.is_empty() {
                view! { <p class="muted">{tr!("suppliers-no-functions")}</p> }.into_any()
            } else {
                view! { <FunctionList functions=v.functions.clone()/> }.into_any()
            }}
            {(!v.event_types.is_empty()).then(|| view! {
                <h3>{tr!("picker-push-events")}</h3>
                <ul class="plain-list">{v.event_types.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
            })}
        </section>
        {if !v.status.is_open() {
            let follow = v.follow_org.map(|o| view! { <p><a href=paths::product_orders(o)>{tr!("sign-up-follow")}</a></p> });
            view! {
                <div class="notice" role="status"><p>{tr!("sign-up-status", { "status" => v.status.label(lang()).to_lowercase() })}</p></div>
                {follow}
            }.into_any()
        } else if !may_submit {
            view! { <div class="notice warn" role="status"><p>{who}</p></div> }.into_any()
        } else {
            view! {
                <p>{who}</p>
                <form method="post" action=format!("/sign-up/{}/logo", tok.get_untracked()) enctype="multipart/form-data" class="logo-form card">
                    {v.has_logo.then(|| view! { <img class="unit-logo" src=format!("/sign-up/{}/logo", tok.get_untracked()) alt=tr!("unit-logo-alt", { "name" => v.sales_unit_name.clone() }) width="64" height="64"/> })}
                    <label for="sign-up-logo">{tr!("unit-logo-field")}</label>
                    <input id="sign-up-logo" type="file" name="logo" accept="image/png,image/jpeg"/>
                    <button type="submit" class="secondary">{tr!("unit-upload-logo")}</button>
                    <p class="muted">{tr!("unit-logo-help")}</p>
                    {logo_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                </form>
                <ActionForm action=submit attr:class="card form-card">
                    <input type="hidden" name="token" value=tok.get_untracked()/>
                    {new_company.then(|| view! {
                        <div class="field">
                            <label for="sign-up-company">{tr!("product-order-company-name")}</label>
                            <input id="sign-up-company" name="customer_name" required value=v.customer_name.clone()/>
                            <p class="muted">{tr!("sign-up-company-explained")}</p>
                        </div>
                    })}
                    {(!new_company).then(|| view! { <input type="hidden" name="customer_name" value=""/> })}
                    <div class="field">
                        <label for="sign-up-name">{tr!("product-order-sales-unit-name")}</label>
                        <input id="sign-up-name" name="sales_unit_name" required maxlength="40" value=v.sales_unit_name.clone()/>
                    </div>
                    {if v.package_locked {
                        let label = v.packages.first().map(|p| p.label.clone()).unwrap_or_default();
                        view! {
                            <input type="hidden" name="price_package_id" value=""/>
                            <p>{tr!("price-package")}": "<strong>{label}</strong>" "<span class="muted">{tr!("sign-up-package-chosen")}</span></p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="field">
                                <label for="sign-up-package">{tr!("price-package")}</label>
                                <select id="sign-up-package" name="price_package_id">
                                    <option value="">{tr!("sign-up-package-later")}</option>
                                    {v.packages.iter().map(|p| view! { <option value=p.id selected=v.price_package == Some(p.id)>{p.label.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        }.into_any()
                    }}
                    <div class="field checkbox">
                        <input id="sign-up-consent" type="checkbox" name="consent" value="on" required/>
                        <label for="sign-up-consent">{tr!("sign-up-consent", { "partner" => v.partner_name.clone(), "product" => v.product_name.clone() })}</label>
                    </div>
                    {v.expires_at.map(|t| view! { <p class="muted">{tr!("sign-up-expires", { "date" => t.date_time(lang()) })}</p> })}
                    <FormResult value=submit.value()/>
                    <Submit label=tr!("submit") busy=tr!("sign-up-submitting") pending=submit.pending()/>
                </ActionForm>
            }.into_any()
        }}
    }
}

/// `/sign-up/:token`: a product order's review.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let tok = token();
    let submit = ServerAction::<SubmitSignUp>::new();
    let view_ = Resource::new(
        move || (tok.get(), submit.version().get()),
        |(t, _)| get_sign_up(t),
    );
    view! {
        <Frame>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match view_.await {
                        Ok(v) => view! { <Review v=v submit=submit/> }.into_any(),
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </Frame>
    }
}

/// `/sign-up/template/:token`: choose whom to order for, then review.
#[component]
pub fn TemplateStartPage() -> impl IntoView {
    let tok = token();
    let start = ServerAction::<StartFromTemplate>::new();
    let view_ = Resource::new(move || tok.get(), get_template_start);
    view! {
        <Frame>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    let t: TemplateStart = match view_.await {
                        Ok(t) => t,
                        Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                    };
                    let title = tr!("sign-up-title", { "product" => t.product_name.clone() });
                    if !t.active {
                        return view! {
                            <Title text=title.clone()/>
                            <h1>{title}</h1>
                            <div class="notice warn" role="status"><p>{tr!("template-retired-link")}</p></div>
                        }.into_any();
                    }
                    let first = t.customers.first().map(|c| c.0);
                    view! {
                        <Title text=title.clone()/>
                        <h1>{title}</h1>
                        <p class="muted">{tr!("template-from", { "partner" => t.partner_name.clone(), "name" => t.name.clone() })}</p>
                        <ActionForm action=start attr:class="card form-card">
                            <input type="hidden" name="token" value=tok.get_untracked()/>
                            <fieldset class="field">
                                <legend>{tr!("template-order-for")}</legend>
                                {t.customers.iter().map(|(id, name, bid)| {
                                    let input = format!("for-{id}");
                                    view! {
                                        <div class="radio">
                                            <input type="radio" id=input.clone() name="customer" value=id.to_string() checked=first == Some(*id)/>
                                            <label for=input>{format!("{name} ({bid})")}</label>
                                        </div>
                                    }
                                }).collect_view()}
                                <div class="radio">
                                    <input type="radio" id="for-new" name="customer" value="new" checked=first.is_none()/>
                                    <label for="for-new">{tr!("template-new-company")}</label>
                                </div>
                            </fieldset>
                            <div class="field-row">
                                <div class="field">
                                    <label for="tpl-scheme">{tr!("product-order-scheme")}</label>
                                    <select id="tpl-scheme" name="business_id_scheme">
                                        {crate::business_id::Scheme::ALL.iter().map(|s| view! {
                                            <option value=s.as_str()>{crate::i18n::text(lang(), s.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field grow">
                                    <label for="tpl-number">{tr!("product-order-number")}</label>
                                    <input id="tpl-number" name="business_id" autocomplete="off"/>
                                </div>
                            </div>
                            <div class="field">
                                <label for="tpl-company">{tr!("product-order-company-name")}</label>
                                <input id="tpl-company" name="company_name" autocomplete="organization"/>
                            </div>
                            <p class="muted">{tr!("template-new-company-explained")}</p>
                            <FormResult value=start.value()/>
                            <button type="submit" class="primary">{tr!("suppliers-next")}</button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </Frame>
    }
}
