nav-access-requests = Tilgangsforespørsler
access-request-kind-partner = Bli partner (lage integrasjoner)
access-request-kind-join = Bli med i en organisasjon som allerede er her
access-request-status-unconfirmed = Ubekreftet
access-request-status-new = Venter
access-request-status-approved = Godkjent
access-request-status-declined = Avslått
sign-in-no-account = Har du ikke konto?
access-request-title = Ny tilgang
access-request-intro = Fortell oss hvem du er og hva du vil gjøre. Vi sender deg en lenke på e-post for å bekrefte adressen; deretter vurderer plattformens ansatte forespørselen og svarer på e-post.
access-request-kind = Hva ønsker du?
access-request-org = Selskap eller organisasjon
access-request-org-hint = Selskapet som skal bli partner, eller organisasjonen du vil bli med i.
access-request-company = Selskap
access-request-join-org = Organisasjon å bli med i
access-request-business-id-hint = Trengs for en partner: selskapets organisasjonsnummer.
access-request-name = Navnet ditt
access-request-message = Hva vil du lage?
access-request-message-hint = For en partner: integrasjonen dere planlegger og for hvem. For å bli med: rollen din der og hvem som kan gå god for deg.
access-request-send = Send forespørsel
access-request-sending = Sender …
access-request-sent-text = Hvis adressen stemmer, er en lenke for å bekrefte forespørselen på vei. Forespørselen når plattformens ansatte når du har bekreftet den; lenken virker i 24 timer.
access-request-have-account = Har du allerede konto? Logg inn
access-request-bad-kind = Velg om du vil bli partner eller bli med i en organisasjon.
access-request-business-id-needed = En partner er et selskap: oppgi organisasjonsnummeret.
access-request-message-needed = Fortell oss hva du vil lage.
access-request-control-chars = Navn kan ikke inneholde kontrolltegn.
access-request-confirm-title = Bekreft forespørselen
access-request-confirm-partner = Du har bedt om at { $org } blir partner.
access-request-confirm-join = Du har bedt om å bli med i { $org }.
access-request-confirm-email = Når du bekrefter, viser du at { $email } er adressen din. Deretter vurderer plattformens ansatte forespørselen.
access-request-confirm = Bekreft forespørsel
access-request-again = Send en ny forespørsel
access-request-confirmed-title = Forespørselen er mottatt
access-request-confirmed-text = Takk. Plattformens ansatte vurderer forespørselen og svarer deg på e-post.
access-request-notice-partner = { $name } ber om å bli partner
access-request-notice-join = Noen ber om å bli med i { $name }
access-request-notice-body = En bekreftet tilgangsforespørsel venter i køen.
access-request-joined-title = { $name } blir med i organisasjonen
access-request-joined-body = Plattformens ansatte godkjente en tilgangsforespørsel fra { $email }, som er invitert som medlem.
access-requests-waiting = { $count ->
    [0] Ingen forespørsler venter.
    [one] Én forespørsel venter på avgjørelse.
   *[other] { $count } forespørsler venter på avgjørelse.
}
access-requests-statuses = Tilgangsforespørsler etter status
access-requests-none-waiting = Ingen tilgangsforespørsler venter. Forespørsler vises her når avsenderen har bekreftet e-postadressen sin.
access-requests-none = Ingen tilgangsforespørsler her.
access-requests-pages = Sider med tilgangsforespørsler
access-requests-bad-cursor = Denne sidelenken gjelder ikke lenger. Start fra de nyeste forespørslene.
access-request-bad-status = Vis ventende, godkjente eller avslåtte forespørsler.
access-request-received = Mottatt
access-request-decided-by = Avgjort av { $who }, { $at }
access-request-approve-partner = Godkjenn og opprett partner
access-request-approve-join = Godkjenn og inviter
access-request-approving = Godkjenner …
access-request-decline = Avslå
access-request-declining = Avslår …
access-request-decline-message = Melding til avsenderen
access-request-no-match = Ingen aktiv organisasjon har et navn som ligner. Spør avsenderen, eller avslå med en melding.
access-request-choose-org = Velg en aktiv partner eller kunde som personen skal bli med i.
access-request-decided = Denne forespørselen er allerede { $status }.
access-request-approved = Godkjent: avsenderen er invitert og får beskjed på e-post.
access-request-declined = Avslått: avsenderen får beskjed på e-post.
mail-access-confirm-subject = Bekreft forespørselen om tilgang til Portico
mail-access-confirm-text = Hei,

    Noen (forhåpentligvis du) ba om tilgang til Portico med denne adressen.

    Bekreft forespørselen: { $link }

    Lenken virker i 24 timer. Hvis det ikke var deg, kan du se bort fra denne meldingen; da skjer ingenting.
mail-access-approved-subject = Forespørselen om tilgang til Portico er godkjent
mail-access-approved-partner = Hei,

    Forespørselen er godkjent: { $org } er nå partner i Portico, og du er administrator.

    En egen e-post inviterer deg til å logge inn.
mail-access-approved-join = Hei,

    Forespørselen er godkjent: du er invitert til { $org } som { $role }.

    En egen e-post inviterer deg til å logge inn.
mail-access-declined-subject = Forespørselen om tilgang til Portico
mail-access-declined-text = Hei,

    Plattformens ansatte har vurdert forespørselen for { $name } og kan ikke godkjenne den.{ $message }

    Du er velkommen til å sende en ny forespørsel når som helst.
mail-access-declined-message = {" "}De skrev: { $message }
