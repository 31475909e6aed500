//! The Users page: members with role and last sign-in; admins add, re-role and remove them.
use crate::components::{loaded, org_param, FormResult, PageHeader, StatusBadge};
use crate::features::accounts::api::{
    list_members, ChangeRole, InviteMember, RemoveMember, SignOutEverywhere,
};
use crate::features::accounts::dto::{MemberDto, MembersPage, Role};
use leptos::prelude::*;

/// `/o/:org/users`.
#[component]
pub fn UsersPage() -> impl IntoView {
    let org = org_param();
    let invite = ServerAction::<InviteMember>::new();
    let change = ServerAction::<ChangeRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let members = Resource::new(
        move || {
            (
                org.get(),
                invite.version().get(),
                change.version().get(),
                remove.version().get(),
            )
        },
        |(org, ..)| list_members(org),
    );
    view! {
        <PageHeader title="Users">
            <SignOutEverywhereButton/>
        </PageHeader>
        <FormResult value=change.value()/>
        <FormResult value=remove.value()/>
        {loaded(members, move |page: MembersPage| {
                let manage = page.can_manage;
                view! {
                    <p class="muted">{format!("Members of {}.", page.organization_name)}
                        {(!manage).then_some(" Only admins can add or change members.")}</p>
                    <table aria-label="Members">
                        <thead><tr>
                            <th scope="col">"E-mail"</th><th scope="col">"Name"</th><th scope="col">"Role"</th>
                            <th scope="col">"Last sign-in"</th>
                            {manage.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                        </tr></thead>
                        <tbody>
                            {page.members.into_iter().map(|m| view! { <MemberRow m=m manage=manage org=org.get() change=change remove=remove/> }).collect_view()}
                        </tbody>
                    </table>
                    {manage.then(|| view! { <InviteForm org=org.get() invite=invite/> })}
                }
        })}
    }
}

/// "Sign out everywhere": ends the user's sessions on every device (a lost laptop, a shared
/// computer), this one included.
#[component]
fn SignOutEverywhereButton() -> impl IntoView {
    let action = ServerAction::<SignOutEverywhere>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="secondary"
                title="Ends your sessions on every device and browser, this one included.">
                "Sign out everywhere"
            </button>
        </ActionForm>
    }
}

#[component]
fn MemberRow(
    m: MemberDto,
    manage: bool,
    org: i32,
    change: ServerAction<ChangeRole>,
    remove: ServerAction<RemoveMember>,
) -> impl IntoView {
    let other = if m.role == Role::Admin {
        Role::Member
    } else {
        Role::Admin
    };
    let make_label = format!("Make {} {}", m.email, other.as_str());
    let remove_label = format!("Remove {}", m.email);
    view! {
        <tr>
            <td>{m.email.clone()}</td>
            <td>{m.name.clone()}</td>
            <td><StatusBadge status=m.role/></td>
            <td>{m.last_sign_in_label()}</td>
            {manage.then(|| view! {
                <td class="row-actions">
                    <ActionForm action=change attr:class="inline">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="user_id" value=m.user_id/>
                        <input type="hidden" name="role" value=other.as_str()/>
                        <button type="submit" class="secondary" aria-label=make_label>
                            {format!("Make {}", other.as_str())}
                        </button>
                    </ActionForm>
                    <ActionForm action=remove attr:class="inline">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="user_id" value=m.user_id/>
                        <button type="submit" class="danger" aria-label=remove_label>"Remove"</button>
                    </ActionForm>
                </td>
            })}
        </tr>
    }
}

#[component]
fn InviteForm(org: i32, invite: ServerAction<InviteMember>) -> impl IntoView {
    view! {
        <section class="card form-card" aria-labelledby="invite-title">
            <h2 id="invite-title">"Add a user"</h2>
            <p class="muted">"They get an e-mail with a link to sign in. Admins can manage users; members can see them."</p>
            <ActionForm action=invite>
                <input type="hidden" name="org_id" value=org/>
                <div class="field-row">
                    <div class="field">
                        <label for="invite-email">"E-mail address"</label>
                        <input id="invite-email" name="email" type="text" inputmode="email" autocomplete="off"/>
                    </div>
                    <div class="field">
                        <label for="invite-role">"Role"</label>
                        <select id="invite-role" name="role">
                            <option value="member" selected>"Member"</option>
                            <option value="admin">"Admin"</option>
                        </select>
                    </div>
                </div>
                <FormResult value=invite.value() success=|email: String| format!("Invitation sent to {email}.")/>
                <button type="submit" class="primary" disabled=move || invite.pending().get()>"Submit"</button>
            </ActionForm>
        </section>
    }
}
