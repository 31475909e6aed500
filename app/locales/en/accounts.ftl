# Accounts: sign-in, the layout, the dashboard, users and the operator's organizations.

## Sign-in
sign-in = Sign in
sign-in-intro = We e-mail you a link that signs you in. No password needed.
sign-in-email = E-mail address
sign-in-sent-title = Check your e-mail
sign-in-sent-text = If the address belongs to a Portico user, a sign-in link is on its way. It works once and expires in 15 minutes.
sign-in-other-address = Use another address
confirm-title = Confirm sign-in
confirm-invitation-title = Accept invitation
confirm-invited-to = You have been invited to
confirm-sign-in-as = Sign in as
confirm-link-invalid = Link not valid
confirm-new-link = Request a new link
sign-out = Sign out

## The layout
env-badge-title = This is not the production environment
acting-as = Acting as
switch-organization = Switch organization
skip-to-content = Skip to content
nav-main = Main
nav-dashboard = Dashboard
nav-organizations = Organizations
nav-catalog = Catalog
nav-products = Products
nav-webhooks = Webhooks
nav-legacy-access = Legacy access
nav-suppliers = Suppliers
nav-users = Users
bell-label = Notifications, { $unread } unread

## Choosing whom to act as
choose-title = Choose organization
choose-heading = Choose whom to act as
choose-none = You are not a member of any organization yet. Ask your organization's admin to add you, or contact the platform operator.
choose-several = You belong to several organizations. You can switch at any time from the header.

## Dashboard
dashboard-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
dashboard-partners = { $count ->
    [one] partner
   *[other] partners
}
dashboard-customers = { $count ->
    [one] customer
   *[other] customers
}
dashboard-operator-intro = Onboard partners and customers, add installations and name contact persons under
dashboard-partner-intro = As a partner you build integration products on the platform API: choose the functions a product needs, decide which installations may activate it, and activate new versions.
dashboard-your-products = Your products
dashboard-no-installations = No installations yet. The platform operator adds them when your environment is set up.
dashboard-you-are = you are { $role }
orgs-empty = No partners or customers yet. Create the first one below.
business-identifier = Business identifier
members = Members
orgs-new = New organization
orgs-identifier-scheme = Identifier scheme
orgs-create = Create organization
orgs-back = ← Organizations
orgs-deactivate = Deactivate organization
orgs-reactivate = Reactivate organization
orgs-deactivate-explained = Deactivating keeps everything, but its members can no longer act as it, a customer's installations answer "installation unknown" and a partner's credentials are refused.
orgs-deactivated-explained = Deactivated: nobody can act as it and the platform refuses its access.
orgs-contact-title = Contact person and admins
orgs-no-admin = No admin yet. Name the contact person below; they get an invitation by e-mail.
orgs-admins = Admins
orgs-contact-email = Contact person's e-mail
orgs-invite-contact = Invite contact person
orgs-no-installations = No installations yet. Add the customer's first environment below.
orgs-installation-status = Installation status
orgs-installation-name = Installation name
orgs-is-sandbox = This is the partner sandbox
orgs-add-installation = Add installation
orgs-invitation-sent = Invitation sent to { $email }.
orgs-deactivate-installation = Deactivate { $id }
orgs-reactivate-installation = Reactivate { $id }
users-only-admins = Only admins can add or change members.
users-members = Members
email = E-mail
role = Role
users-last-sign-in = Last sign-in
profile-sign-out-everywhere-title = Ends your sessions on every device and browser, this one included.
profile-sign-out-everywhere = Sign out everywhere
users-remove = Remove
users-add = Add a user
users-add-explained = They get an e-mail with a link to sign in. Admins can manage users; members can see them.
submit = Submit
users-members-of = Members of { $org }.
users-make-who = Make { $email } { $role }
users-make = Make { $role }
users-remove-who = Remove { $email }
users-invitation-pending = Invitation pending
users-never = Never

## E-mails
mail-sign-in-subject = Your Portico sign-in link
mail-sign-in-text = Hello,

    Someone (hopefully you) asked to sign in to Portico as { $email }.

    Sign in: { $link }

    The link works once and expires in 15 minutes. If you did not ask for it, ignore this message.
mail-invitation-subject = You have been added to { $org } on Portico
mail-invitation-text = Hello,

    { $inviter } added you to { $org } on Portico as { $role }.

    Accept and sign in: { $link }

    The link works once and expires in 7 days. After that, sign in with your e-mail address at { $sign_in }.
mail-notification = Hello,

    { $body }

    See: { $link }
invalid-org-kind = Choose whether the organization is a partner or a customer.
field-org-name = The organization name
invalid-business-id-pair = Choose the identifier scheme and give the business identifier, or give neither.
invalid-business-id-scheme = Choose one of the identifier schemes: Norwegian organisation number, Danish CVR number or Finnish business ID.
invalid-business-id-format-no-org = A Norwegian organisation number has 9 digits, such as 923 609 016.
invalid-business-id-format-dk-cvr = A Danish CVR number has 8 digits and does not start with 0, such as 12345678.
invalid-business-id-format-fi-y-tunnus = A Finnish business ID has 7 digits, a hyphen and a check digit, such as 0112038-9.
invalid-business-id-check = The check digit of { $id } does not match: check the number for a typing error.
business-scheme-none = None
business-scheme-no-org = Norwegian organisation number
business-scheme-dk-cvr = Danish CVR number
business-scheme-fi-y-tunnus = Finnish business ID (Y-tunnus)
org-name-taken = A { $kind } named { $name } already exists.
invalid-operator-staff = Use the Users page to add operator staff.
invalid-deactivate-operator = The operator organization cannot be deactivated.
invalid-installation-owner = Installations belong to customers.
field-installation-name = The installation name
installation-id-taken = The installation ID { $id } is already in use.
sandbox-exists = There is already a partner sandbox installation.
member-exists = { $email } is already a member of { $org }.
last-admin = An organization needs at least one admin. Make someone else admin first.
invalid-role = Choose a role: admin or member.
users-confirm-remove = Remove { $email } from this organization? They can no longer sign in as it; you can invite them again later.
orgs-confirm-deactivate = Deactivate { $name }? Its members can no longer act as it and the platform refuses its access until you reactivate it.
dashboard-attention = Needs your attention
dashboard-nothing-needs-you = Nothing needs your attention right now.
dashboard-all-notifications = All notifications
dashboard-all-notifications-more = All notifications ({ $count } more unread)
profile-title = Your profile
profile-link = Your profile ({ $email })
profile-details = Details
profile-save-name = Save name
profile-name-saved = Your name is saved.
profile-name-control = A name cannot contain line breaks or other control characters.
profile-language = Language
profile-language-unset = Not chosen yet (the browser's is used)
profile-language-hint = Change it with the language buttons at the top of any page.
profile-user-id = User ID
profile-user-id-explained = Give this ID with your e-mail address when you ask the platform operator or a partner manager for access. It never changes.
profile-memberships = Your organizations
profile-organization = Organization
profile-kind = Kind
profile-sessions = Where you are signed in
profile-sessions-explained = Sign out a browser you no longer use or do not recognize. Its next page asks it to sign in again.
profile-sessions-more = …and { $count } more, which "Sign out everywhere" ends too.
profile-device = Browser
profile-device-on = { $browser } on { $system }
profile-device-unknown = Unknown browser
profile-signed-in = Signed in
profile-last-active = Last active
profile-address = Address
profile-this-browser = This browser
profile-sign-out-device = Sign out { $device }, last active { $at }
