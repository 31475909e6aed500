# Shared by every page: glossary words, errors, dates, the small UI pieces.

## Glossary (DESIGN.md): kinds, roles and states as people read them
org-kind-partner = Partner
org-kind-customer = Customer
org-kind-operator = Operator
role-admin = Admin
role-member = Member
active-status-active = Active
active-status-deactivated = Deactivated
product-kind-order_integration = Order integration product
product-kind-rights = Rights product
product-kind-order_integration-explained = Customers order it from the platform, and it reads and writes their data through the functions it requires.
product-kind-rights-explained = Only grants access to functions: for an integration the customer already uses outside the platform's order flow.
product-status-draft = Draft
product-status-active = Active
product-status-retired = Retired
version-state-draft = Draft
version-state-active = Active
version-state-superseded = Superseded
access-mode-all = Every installation
access-mode-listed = Listed installations
subscription-status-enabled = Enabled
subscription-status-disabled = Disabled
delivery-status-pending = Pending
delivery-status-succeeded = Succeeded
delivery-status-failed = Failed
lang-en = English
lang-nb = Norwegian
environment-production = Production
environment-test = Test
environment-dev = Development

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
format-date = { $day } { $month } { $year }
format-date-time = { $date }, { $time }

## Errors
error-not-signed-in = Please sign in to continue.
error-forbidden = You do not have access to this.
error-not-found = Not found.
error-rate-limited = Too many requests. Wait a few minutes and try again.
error-link-expired = This link is invalid or has expired. Request a new one.
error-internal = Something went wrong on our side. Try again in a moment.
error-form-incomplete = The form was incomplete. Check the fields and try again.
error-concurrent-change = Someone else just did this. Reload the page to see the current state.
error-403-title = Access denied
error-403-text = You do not have access to this page as the organization you act as.
error-403-choose = Choose another organization
error-404-title = Not found
error-404-text = It may have been removed, or the link is wrong.
error-404-home = Go to the start page
error-title = Something went wrong
error-reference = If it happens again, tell the platform operator this reference:

## Small pieces
loading = Loading…
table-actions = Actions
copy = Copy
copy-what = Copy { $what }
copy-done = Copied
copy-manual = Press Ctrl+C
language-switch = Language
language-unknown = Portico speaks English (en) and Norwegian (nb).
language-form-unreadable = The form could not be read.

## Words many pages use
name = Name
status = Status
kind = Kind
installations = Installations
installation-id = Installation ID
partner-sandbox = Partner sandbox
none-dash = —

## What the forms say is wrong
invalid-email = Enter a valid e-mail address, like name@example.com.
invalid-email-empty = Enter your e-mail address.
invalid-name-length = { $what } must be 2 to 200 characters.
invalid-installation-id = An installation ID is 2 to 32 letters, digits, '-' or '_' (for example MSVPAR).
invalid-too-long = { $what } is at most { $max } characters.
