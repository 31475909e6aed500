//! The Users page: members with role and last sign-in; admins add, re-role and remove them.
use crate::components::{loaded, org_param, Confirmed, FormResult, PageHeader, StatusBadge};
use crate::features::accounts::api::{list_members, ChangeRole, InviteMember, RemoveMember};
use crate::features::accounts::dto::{MemberDto, MembersPage, Role};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

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
        <PageHeader title=tr!("nav-users")/>
        <FormResult value=change.value()/>
        <FormResult value=remove.value()/>
        {loaded(members, move |page: MembersPage| {
                let manage = page.can_manage;
                view! {
                    <p class="muted">{tr!("users-members-of", { "org" => page.organization_name.clone() })}
                        {(!manage).then(|| format!(" {}", tr!("users-only-admins")))}</p>
                    <div class="table-scroll">
                        <table aria-label=tr!("users-members")>
                        <thead><tr>
                            <th scope="col">{tr!("email")}</th><th scope="col">{tr!("name")}</th><th scope="col">{tr!("role")}</th>
                            <th scope="col">{tr!("users-last-sign-in")}</th>
                            {manage.then(|| view! { <th scope="col"><span class="visually-hidden">{tr!("table-actions")}</span></th> })}
                        </tr></thead>
                        <tbody>
                            {page.members.into_iter().map(|m| view! { <MemberRow m=m manage=manage org=org.get() change=change remove=remove/> }).collect_view()}
                        </tbody>
                        </table>
                    </div>
                    {manage.then(|| view! { <InviteForm org=org.get() invite=invite/> })}
                }
        })}
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
    let make_label = tr!("users-make-who", { "email" => m.email.clone(), "role" => other.label(lang()).to_lowercase() });
    // Copy: the confirmed form is built anew each time it is asked for.
    let remove_label = StoredValue::new(tr!("users-remove-who", { "email" => m.email.clone() }));
    view! {
        <tr>
            <td>{m.email.clone()}</td>
            <td>{m.name.clone()}</td>
            <td><StatusBadge status=m.role/></td>
            <td>{m.last_sign_in_label(lang())}</td>
            {manage.then(|| view! {
                <td class="row-actions">
                    <ActionForm action=change attr:class="inline">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="user_id" value=m.user_id/>
                        <input type="hidden" name="role" value=other.as_str()/>
                        <button type="submit" class="secondary" aria-label=make_label>
                            {tr!("users-make", { "role" => other.label(lang()).to_lowercase() })}
                        </button>
                    </ActionForm>
                    <Confirmed key=format!("remove-{}", m.user_id) label=tr!("users-remove") done=remove.version()
                        describe=remove_label.get_value()
                        warning=tr!("users-confirm-remove", { "email" => m.email.clone() })>
                        <ActionForm action=remove attr:class="inline">
                            <input type="hidden" name="org_id" value=org/>
                            <input type="hidden" name="user_id" value=m.user_id/>
                            <button type="submit" class="danger" aria-label=remove_label.get_value()>{tr!("users-remove")}</button>
                        </ActionForm>
                    </Confirmed>
                </td>
            })}
        </tr>
    }
}

#[component]
fn InviteForm(org: i32, invite: ServerAction<InviteMember>) -> impl IntoView {
    view! {
        <section class="card form-card" aria-labelledby="invite-title">
            <h2 id="invite-title">{tr!("users-add")}</h2>
            <p class="muted">{tr!("users-add-explained")}</p>
            <ActionForm action=invite>
                <input type="hidden" name="org_id" value=org/>
                <div class="field-row">
                    <div class="field">
                        <label for="invite-email">{tr!("sign-in-email")}</label>
                        <input id="invite-email" name="email" type="text" inputmode="email" autocomplete="off"/>
                    </div>
                    <div class="field">
                        <label for="invite-role">{tr!("role")}</label>
                        <select id="invite-role" name="role">
                            <option value="member" selected>{tr!("role-member")}</option>
                            <option value="admin">{tr!("role-admin")}</option>
                        </select>
                    </div>
                </div>
                <FormResult value=invite.value() success=|email: String| tr!("orgs-invitation-sent", { "email" => email })/>
                <button type="submit" class="primary" disabled=move || invite.pending().get()>{tr!("submit")}</button>
            </ActionForm>
        </section>
    }
}
