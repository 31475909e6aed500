//! The frame most pages share: a loading state, a resource's value or its error, the page
//! header, empty states and data tables.
use super::errors::ErrorView;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_fluent::tr;
use serde::{de::DeserializeOwned, Serialize};

/// What a page shows while its data loads (only in the browser: the server waits).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading">{tr!("loading")}</p> }
}

/// Renders a resource's value with `render` once it is loaded, or the error view when loading
/// failed. A reload keeps the current view until the new value is there.
pub fn loaded<T, V, F>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + Send + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Transition fallback=Loading>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value).into_any(),
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// A page's title (and `<title>`), an optional line below it, and optional actions beside it.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(into, optional)] subtitle: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let class = if children.is_some() {
        "page-header with-actions"
    } else {
        "page-header"
    };
    view! {
        <leptos_meta::Title text=title.clone()/>
        <header class=class>
            <h1>{title}</h1>
            {subtitle.map(|s| view! { <p class="muted">{s}</p> })}
            {children.map(|c| c())}
        </header>
    }
}

/// What an empty list says: what is missing and what to do next.
#[component]
pub fn EmptyState(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}

/// A table with an accessible name and column headers; an empty header is an "Actions" column
/// that only screen readers name. The rows are the children.
#[component]
pub fn DataTable(
    #[prop(into)] label: String,
    headers: Vec<String>,
    children: Children,
) -> impl IntoView {
    view! {
        // On a narrow screen the table scrolls inside its own box, not the page.
        <div class="table-scroll">
            <table aria-label=label>
                <thead><tr>
                    {headers.into_iter().map(|h| if h.is_empty() {
                        view! { <th scope="col"><span class="visually-hidden">{tr!("table-actions")}</span></th> }.into_any()
                    } else {
                        view! { <th scope="col">{h}</th> }.into_any()
                    }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
