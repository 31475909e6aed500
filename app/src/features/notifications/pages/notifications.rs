//! The bell's list: notifications about the organization the user acts as.
use crate::components::{loaded, org_param, EmptyState, PageHeader};
use crate::features::notifications::api::{list_notifications, MarkNotificationsRead};
use crate::features::notifications::dto::NotificationDto;
use leptos::prelude::*;

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
        <PageHeader title="Notifications">
            <ActionForm action=mark attr:class="inline">
                <input type="hidden" name="org_id" value=move || org.get()/>
                <button type="submit" class="secondary">"Mark all as read"</button>
            </ActionForm>
        </PageHeader>
        {loaded(list, move |items: Vec<NotificationDto>| {
                if items.is_empty() {
                    return view! { <EmptyState text="No notifications. You are told here when a partner ships a new version of a product you use."/> }.into_any();
                }
                view! {
                    <ul class="notification-list" aria-label="Notifications">
                        {items.into_iter().map(|n| view! {
                            <li class:unread=!n.read>
                                <a href=n.link.clone()><strong>{n.title.clone()}</strong></a>
                                <p>{n.body.clone()}</p>
                                <p class="muted">{n.created_at.clone()}{n.read.then_some(" · read")}</p>
                                {(!n.read).then(|| view! {
                                    <ActionForm action=mark attr:class="inline">
                                        <input type="hidden" name="org_id" value=org.get()/>
                                        <input type="hidden" name="id" value=n.id/>
                                        <button type="submit" class="secondary" aria-label=format!("Mark as read: {}", n.title)>"Mark as read"</button>
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
