# Kontoer: innlogging, rammen rundt sidene, oversikten, brukere og operatørens organisasjoner.

## Innlogging
sign-in = Logg inn
sign-in-intro = Vi sender deg en lenke på e-post som logger deg inn. Du trenger ikke passord.
sign-in-email = E-postadresse
sign-in-sent-title = Sjekk e-posten din
sign-in-sent-text = Hvis adressen tilhører en Portico-bruker, er en innloggingslenke på vei. Den virker én gang og utløper om 15 minutter.
sign-in-other-address = Bruk en annen adresse
confirm-title = Bekreft innlogging
confirm-invitation-title = Godta invitasjonen
confirm-invited-to = Du er invitert til
confirm-sign-in-as = Logg inn som
confirm-link-invalid = Lenken er ikke gyldig
confirm-new-link = Be om en ny lenke
sign-out = Logg ut

## Rammen
env-badge-title = Dette er ikke produksjonsmiljøet
acting-as = Opptrer som
switch-organization = Bytt organisasjon
skip-to-content = Gå til innholdet
nav-main = Hovedmeny
nav-dashboard = Oversikt
nav-organizations = Organisasjoner
nav-catalog = Katalog
nav-products = Produkter
nav-webhooks = Webhooks
nav-legacy-access = Eldre tilganger
nav-suppliers = Leverandør
nav-users = Brukere
bell-label = Varsler, { $unread } uleste

## Velg hvem du opptrer som
choose-title = Velg organisasjon
choose-heading = Velg hvem du vil opptre som
choose-none = Du er ikke medlem av noen organisasjon ennå. Be administratoren i organisasjonen din om å legge deg til, eller kontakt plattformoperatøren.
choose-several = Du tilhører flere organisasjoner. Du kan bytte når som helst fra toppen av siden.

## Oversikt
dashboard-members = { $count ->
    [one] 1 medlem
   *[other] { $count } medlemmer
}
dashboard-partners = { $count ->
    [one] partner
   *[other] partnere
}
dashboard-customers = { $count ->
    [one] kunde
   *[other] kunder
}
dashboard-operator-intro = Ta imot partnere og kunder, legg til installasjoner og utnevn kontaktpersoner under
dashboard-partner-intro = Som partner bygger du integrasjonsprodukter på plattformens API: velg funksjonene et produkt trenger, bestem hvilke installasjoner som kan aktivere det, og aktiver nye versjoner.
dashboard-your-products = Dine produkter
dashboard-no-installations = Ingen installasjoner ennå. Plattformoperatøren legger dem til når miljøet deres er satt opp.
dashboard-you-are = du er { $role }
orgs-empty = Ingen partnere eller kunder ennå. Opprett den første nedenfor.
business-identifier = Organisasjonsnummer
members = Medlemmer
orgs-new = Ny organisasjon
orgs-identifier-scheme = Nummerordning
orgs-create = Opprett organisasjon
orgs-back = ← Organisasjoner
orgs-deactivate = Deaktiver organisasjonen
orgs-reactivate = Aktiver organisasjonen igjen
orgs-deactivate-explained = Deaktivering beholder alt, men medlemmene kan ikke lenger opptre som den, en kundes installasjoner svarer «ukjent installasjon» og en partners påloggingsdata avvises.
orgs-deactivated-explained = Deaktivert: ingen kan opptre som den, og plattformen avviser tilgangen dens.
orgs-contact-title = Kontaktperson og administratorer
orgs-no-admin = Ingen administrator ennå. Oppgi kontaktpersonen nedenfor; vedkommende får en invitasjon på e-post.
orgs-admins = Administratorer
orgs-contact-email = Kontaktpersonens e-post
orgs-invite-contact = Inviter kontaktpersonen
orgs-no-installations = Ingen installasjoner ennå. Legg til kundens første miljø nedenfor.
orgs-installation-status = Installasjonsstatus
orgs-installation-name = Navn på installasjonen
orgs-is-sandbox = Dette er partnersandkassen
orgs-add-installation = Legg til installasjon
orgs-invitation-sent = Invitasjonen er sendt til { $email }.
orgs-deactivate-installation = Deaktiver { $id }
orgs-reactivate-installation = Aktiver { $id } igjen
users-only-admins = Bare administratorer kan legge til eller endre medlemmer.
users-members = Medlemmer
email = E-post
role = Rolle
users-last-sign-in = Siste innlogging
profile-sign-out-everywhere-title = Avslutter øktene dine på alle enheter og nettlesere, også denne.
profile-sign-out-everywhere = Logg ut overalt
users-remove = Fjern
users-add = Legg til en bruker
users-add-explained = Vedkommende får en e-post med en lenke for å logge inn. Administratorer kan administrere brukere; medlemmer kan se dem.
submit = Send
users-members-of = Medlemmer av { $org }.
users-make-who = Gjør { $email } til { $role }
users-make = Gjør til { $role }
users-remove-who = Fjern { $email }
users-invitation-pending = Invitasjon venter
users-never = Aldri

## E-post
mail-sign-in-subject = Innloggingslenken din til Portico
mail-sign-in-text = Hei,

    Noen (forhåpentligvis du) ba om å logge inn i Portico som { $email }.

    Logg inn: { $link }

    Lenken virker én gang og utløper om 15 minutter. Hvis du ikke ba om den, kan du se bort fra denne meldingen.
mail-invitation-subject = Du er lagt til i { $org } i Portico
mail-invitation-text = Hei,

    { $inviter } la deg til i { $org } i Portico som { $role }.

    Godta og logg inn: { $link }

    Lenken virker én gang og utløper om 7 dager. Etter det logger du inn med e-postadressen din på { $sign_in }.
mail-notification = Hei,

    { $body }

    Se: { $link }
invalid-org-kind = Velg om organisasjonen er en partner eller en kunde.
field-org-name = Navnet på organisasjonen
invalid-business-id-pair = Velg nummerordning og oppgi organisasjonsnummeret, eller ingen av dem.
invalid-business-id-scheme = Velg en av nummerordningene: norsk organisasjonsnummer, dansk CVR-nummer eller finsk foretaks-ID.
invalid-business-id-format-no-org = Et norsk organisasjonsnummer har 9 sifre, for eksempel 923 609 016.
invalid-business-id-format-dk-cvr = Et dansk CVR-nummer har 8 sifre og begynner ikke med 0, for eksempel 12345678.
invalid-business-id-format-fi-y-tunnus = En finsk foretaks-ID har 7 sifre, bindestrek og et kontrollsiffer, for eksempel 0112038-9.
invalid-business-id-check = Kontrollsifferet i { $id } stemmer ikke: se etter en skrivefeil i nummeret.
business-scheme-none = Ingen
business-scheme-no-org = Norsk organisasjonsnummer
business-scheme-dk-cvr = Dansk CVR-nummer
business-scheme-fi-y-tunnus = Finsk foretaks-ID (Y-tunnus)
org-name-taken = Det finnes allerede en { $kind } som heter { $name }.
invalid-operator-staff = Bruk Brukere-siden for å legge til operatørens ansatte.
invalid-deactivate-operator = Operatørorganisasjonen kan ikke deaktiveres.
invalid-installation-owner = Installasjoner hører til kunder.
field-installation-name = Navnet på installasjonen
installation-id-taken = Installasjons-ID-en { $id } er allerede i bruk.
sandbox-exists = Det finnes allerede en partnersandkasse.
member-exists = { $email } er allerede medlem av { $org }.
last-admin = En organisasjon trenger minst én administrator. Gjør noen andre til administrator først.
invalid-role = Velg en rolle: administrator eller medlem.
users-confirm-remove = Fjerne { $email } fra organisasjonen? Brukeren kan ikke lenger logge inn som den; du kan invitere brukeren igjen senere.
orgs-confirm-deactivate = Deaktivere { $name }? Medlemmene kan ikke lenger opptre som den, og plattformen avviser tilgangen dens til du aktiverer den igjen.
dashboard-attention = Trenger din oppmerksomhet
dashboard-nothing-needs-you = Ingenting trenger din oppmerksomhet nå.
dashboard-all-notifications = Alle varsler
dashboard-all-notifications-more = Alle varsler ({ $count } uleste til)
profile-title = Profilen din
profile-link = Profilen din ({ $email })
profile-details = Opplysninger
profile-save-name = Lagre navn
profile-name-saved = Navnet ditt er lagret.
profile-name-control = Et navn kan ikke inneholde linjeskift eller andre kontrolltegn.
profile-language = Språk
profile-language-unset = Ikke valgt ennå (nettleserens brukes)
profile-language-hint = Endre det med språkknappene øverst på alle sider.
profile-user-id = Bruker-ID
profile-user-id-explained = Oppgi denne ID-en sammen med e-postadressen din når du ber plattformoperatøren eller en partneransvarlig om tilgang. Den endres aldri.
profile-memberships = Organisasjonene dine
profile-organization = Organisasjon
profile-kind = Type
profile-sessions = Der du er logget inn
profile-sessions-explained = Logg ut en nettleser du ikke lenger bruker eller ikke kjenner igjen. Neste side den åpner, ber den logge inn på nytt.
profile-sessions-more = …og { $count } til, som «Logg ut overalt» også avslutter.
profile-device = Nettleser
profile-device-on = { $browser } på { $system }
profile-device-unknown = Ukjent nettleser
profile-signed-in = Logget inn
profile-last-active = Sist aktiv
profile-address = Adresse
profile-this-browser = Denne nettleseren
profile-sign-out-device = Logg ut { $device }, sist aktiv { $at }
