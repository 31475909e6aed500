nav-access-requests = Access requests
access-request-kind-partner = Become a partner (build integrations)
access-request-kind-join = Join an organization that is already here
access-request-status-unconfirmed = Unconfirmed
access-request-status-new = Waiting
access-request-status-approved = Approved
access-request-status-declined = Declined
sign-in-no-account = No account yet?
access-request-title = Request access
access-request-intro = Tell us who you are and what you want to do. We e-mail you a link to confirm your address; then the platform's staff review your request and answer by e-mail.
access-request-kind = What do you want?
access-request-org = Company or organization
access-request-org-hint = The company that would become a partner, or the organization you want to join.
access-request-company = Company
access-request-join-org = Organization to join
access-request-business-id-hint = Needed for a partner: your company's organisation number.
access-request-name = Your name
access-request-message = What do you want to build?
access-request-message-hint = For a partner: the integration you plan and for whom. To join: your role there and who can vouch for you.
access-request-send = Send request
access-request-sending = Sending…
access-request-sent-text = If the address is right, a link to confirm your request is on its way. Your request reaches the platform's staff once you confirm it; the link works for 24 hours.
access-request-have-account = Already have an account? Sign in
access-request-bad-kind = Choose whether you want to become a partner or join an organization.
access-request-business-id-needed = A partner is a company: give its business identifier (the organisation number).
access-request-message-needed = Tell us what you want to build.
access-request-control-chars = Names cannot contain control characters.
access-request-confirm-title = Confirm your request
access-request-confirm-partner = You asked for { $org } to become a partner.
access-request-confirm-join = You asked to join { $org }.
access-request-confirm-email = Confirming shows that { $email } is your address. The platform's staff then review your request.
access-request-confirm = Confirm request
access-request-again = Send a new request
access-request-confirmed-title = Request received
access-request-confirmed-text = Thank you. The platform's staff review your request and answer you by e-mail.
access-request-notice-partner = { $name } asks to become a partner
access-request-notice-join = Someone asks to join { $name }
access-request-notice-body = A confirmed access request is waiting in the queue.
access-request-joined-title = { $name } joins your organization
access-request-joined-body = The platform's staff approved an access request from { $email }, who is invited as a member.
access-requests-waiting = { $count ->
    [0] No requests are waiting.
    [one] One request is waiting for a decision.
   *[other] { $count } requests are waiting for a decision.
}
access-requests-statuses = Access requests by status
access-requests-none-waiting = No access requests are waiting. Requests appear here once the requester has confirmed their e-mail address.
access-requests-none = No access requests here.
access-requests-pages = Access request pages
access-requests-bad-cursor = This page link is not valid any more. Start from the newest requests.
access-request-bad-status = Show waiting, approved or declined requests.
access-request-received = Received
access-request-decided-by = Decided by { $who }, { $at }
access-request-approve-partner = Approve and create partner
access-request-approve-join = Approve and invite
access-request-approving = Approving…
access-request-decline = Decline
access-request-declining = Declining…
access-request-decline-message = Message to the requester
access-request-no-match = No active organization has a name like this. Ask the requester, or decline with a message.
access-request-choose-org = Choose an active partner or customer for the person to join.
access-request-decided = This request is already { $status }.
access-request-approved = Approved: the requester is invited and told by e-mail.
access-request-declined = Declined: the requester is told by e-mail.
mail-access-confirm-subject = Confirm your request for access to Portico
mail-access-confirm-text = Hello,

    Someone (hopefully you) asked for access to Portico with this address.

    Confirm your request: { $link }

    The link works for 24 hours. If you did not ask, ignore this message and nothing happens.
mail-access-approved-subject = Your request for access to Portico is approved
mail-access-approved-partner = Hello,

    Your request is approved: { $org } is now a partner on Portico, and you are its administrator.

    A separate e-mail invites you to sign in.
mail-access-approved-join = Hello,

    Your request is approved: you are invited to { $org } as { $role }.

    A separate e-mail invites you to sign in.
mail-access-declined-subject = Your request for access to Portico
mail-access-declined-text = Hello,

    The platform's staff have reviewed your request for { $name } and cannot approve it.{ $message }

    You are welcome to send a new request at any time.
mail-access-declined-message = {" "}They wrote: { $message }
