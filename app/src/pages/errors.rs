//! The fallback for unknown URLs.
use crate::components::ErrorView;
use crate::error::AppError;
use leptos::prelude::*;

/// Any URL that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <main id="main" class="content narrow"><ErrorView error=AppError::NotFound/></main> }
}
