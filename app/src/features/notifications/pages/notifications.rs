//! The bell's list: notifications about the organization the user acts as.
use crate::components::{loaded, org_param, EmptyState, PageHeader};
use crate::features::notifications::api::{list_notifications, MarkNotificationsRead};
use crate::features::notifications::dto::NotificationDto;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// Bumped when notifications are marked read, so the bell refreshes its count.
#[derive(Clone, Copy)]
pub struct NotificationsChanged(pub RwSignal<u32>);

/// `/o/:org/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let org = org_param();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(
        move || (org.get(), mark.version().get()),
        |(o, _)| list_notifications(o),
    );
    if let Some(NotificationsChanged(sig)) = use_context::<NotificationsChanged>() {
        Effect::new(move |_| {
            if mark.version().get() > 0 {
                sig.update(|n| *n += 1);
            }
        });
    }
    view! {
        <PageHeader title=tr!("notifications")>
            <ActionForm action=mark attr:class="inline">
                <input type="hidden" name="org_id" value=move || org.get()/>
                <button type="submit" class="secondary">{tr!("notifications-mark-all")}</button>
            </ActionForm>
        </PageHeader>
        {loaded(list, move |items: Vec<NotificationDto>| {
                if items.is_empty() {
                    return view! { <EmptyState text=tr!("notifications-none")/> }.into_any();
                }
                view! {
                    <ul class="notification-list" aria-label=tr!("notifications")>
                        {items.into_iter().map(|n| view! {
                            <li class:unread=!n.read>
                                <a href=n.link.clone()><strong>{n.title.clone()}</strong></a>
                                <p>{n.body.clone()}</p>
                                <p class="muted">{n.created_at.date_time(lang())}{n.read.then(|| format!(" · {}", tr!("notifications-read")))}</p>
                                {(!n.read).then(|| view! {
                                    <ActionForm action=mark attr:class="inline">
                                        <input type="hidden" name="org_id" value=org.get()/>
                                        <input type="hidden" name="id" value=n.id/>
                                        <button type="submit" class="secondary" aria-label=tr!("notifications-mark-what", { "title" => n.title.clone() })>{tr!("notifications-mark")}</button>
                                    </ActionForm>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
        })}
    }
}
