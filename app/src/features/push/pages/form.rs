//! "Create subscription", and the fields the subscription page's "Edit" shares with it.
use super::product_param;
use crate::components::{loaded, org_param, EmptyState, FormResult, PageHeader, Submit};
use crate::features::push::api::{get_subscription_form, CreateSubscription};
use crate::features::push::dto::SubscriptionFormData;
use crate::i18n::{lang, text};
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// What is wrong with a receiver URL as typed (the message's key), checked in the browser while
/// typing (the server checks again, including every address the host resolves to).
fn url_hint(raw: &str, https_only: bool) -> Option<&'static str> {
    let u = raw.trim().to_ascii_lowercase();
    if u.is_empty() {
        return None;
    }
    let rest = match u.strip_prefix("https://") {
        Some(r) => r,
        None if u.starts_with("http://") && !https_only => &u[7..],
        None if u.starts_with("http://") => return Some("push-url-https"),
        None if "https://".starts_with(&u) => return None,
        None => return Some("push-url-start"),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Some("push-url-host");
    }
    if host.contains('@') {
        return Some("push-url-credentials");
    }
    let name = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if name == "localhost" || name.ends_with(".localhost") || name.starts_with("127.") {
        return Some("push-url-internal");
    }
    None
}

/// The event type checkboxes, grouped by function; `only` limits them to one function.
#[component]
pub(super) fn EventTypeChoices(
    form: SubscriptionFormData,
    chosen: Vec<String>,
    /// Only this function's event types (the picker's "Create subscription").
    only: Option<String>,
) -> impl IntoView {
    let mut index = 0;
    let groups = form
        .functions
        .into_iter()
        .filter(|f| only.as_ref().is_none_or(|o| *o == f.function))
        .map(|f| {
            let boxes = f
                .event_types
                .iter()
                .map(|t| {
                    let (id, name) = (format!("event-type-{index}"), format!("event_types[{index}]"));
                    index += 1;
                    let checked = chosen.contains(t);
                    view! {
                        <div class="field checkbox">
                            <input id=id.clone() type="checkbox" name=name value=t.clone() checked=checked/>
                            <label for=id>{t.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{f.name.clone()}" "<code>{f.function.clone()}</code></legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view();
    view! { <div class="event-types">{groups}</div> }
}

/// The receiver URL field, validated as the partner types.
#[component]
pub(super) fn UrlField(value: String, https_only: bool) -> impl IntoView {
    let typed = RwSignal::new(value.clone());
    let hint = move || url_hint(&typed.get(), https_only);
    view! {
        <div class="field">
            <label for="sub-url">{tr!("push-receiver-url")}</label>
            <input id="sub-url" name="url" type="url" inputmode="url" autocomplete="off" required
                placeholder="https://example.com/portico/events" value=value
                on:input=move |ev| typed.set(event_target_value(&ev))
                aria-describedby="sub-url-hint"/>
            <p id="sub-url-hint" class="field-hint" role="status">
                {move || hint().map_or_else(|| tr!("push-url-help"), |key| text(lang(), key))}
            </p>
        </div>
    }
}

/// `/o/:org/products/:id/subscriptions/new` (`?function=` limits the event types to one
/// function, as the picker's "Create subscription" does).
#[component]
pub fn NewSubscriptionPage() -> impl IntoView {
    let org = org_param();
    let product = product_param();
    let query = use_query_map();
    let create = ServerAction::<CreateSubscription>::new();
    let form = Resource::new(
        move || (org.get(), product.get()),
        |(o, p)| get_subscription_form(o, p),
    );
    view! {
        {loaded(form, move |f: SubscriptionFormData| {
                let (org, pid) = (org.get(), f.product_id);
                let only = query.read().get("function").filter(|k| f.functions.iter().any(|x| x.function == *k));
                let back = paths::product(org, pid);
                if f.functions.is_empty() {
                    return view! {
                        <p><a href=back>"← "{f.product_name.clone()}</a></p>
                        <PageHeader title=tr!("picker-create-subscription")/>
                        <EmptyState text=tr!("push-no-push-functions")/>
                    }.into_any();
                }
                view! {
                    <p><a href=back>"← "{f.product_name.clone()}</a></p>
                    <PageHeader title=tr!("picker-create-subscription")/>
                    <ActionForm action=create attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="product_id" value=pid/>
                        <UrlField value=String::new() https_only=f.https_only/>
                        <EventTypeChoices form=f.clone() chosen=Vec::new() only=only/>
                        <div class="field">
                            <label for="sub-description">{tr!("description")}</label>
                            <input id="sub-description" name="description" type="text" maxlength="200" autocomplete="off"/>
                        </div>
                        <FormResult value=create.value()/>
                        // The receiver is checked before the subscription is saved: up to 10 s.
                        <Submit label=tr!("add") busy=tr!("push-checking-receiver") pending=create.pending()/>
                    </ActionForm>
                }.into_any()
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::url_hint;

    #[test]
    fn the_url_hint_speaks_while_typing() {
        assert_eq!(url_hint("", true), None);
        assert_eq!(url_hint("htt", true), None);
        assert_eq!(url_hint("https://example.com/hook", true), None);
        assert!(url_hint("http://example.com", true).is_some());
        assert_eq!(url_hint("http://example.com", false), None);
        assert!(url_hint("https://localhost:8080/x", true).is_some());
        assert!(url_hint("https://u:p@example.com", true).is_some());
        assert!(url_hint("example.com", true).is_some());
        assert!(url_hint("https://", true).is_some());
        // Every hint is a message in both languages.
        for raw in [
            "http://example.com",
            "https://localhost",
            "https://u:p@x.example",
            "example.com",
            "https://",
        ] {
            let key = url_hint(raw, true).unwrap();
            for &lang in crate::i18n::Lang::ALL {
                assert_ne!(crate::i18n::text(lang, key), key);
            }
        }
    }
}
