# Felles for alle sider: ord fra ordlisten, feil, datoer og de små byggeklossene.

## Ordlisten (DESIGN.md): typer, roller og tilstander slik folk leser dem
org-kind-partner = Partner
org-kind-customer = Kunde
org-kind-operator = Operatør
role-admin = Administrator
role-member = Medlem
active-status-active = Aktiv
active-status-deactivated = Deaktivert
product-kind-order_integration = Ordreintegrasjon
product-kind-rights = Rettighetsprodukt
product-kind-order_integration-explained = Kunder bestiller det fra plattformen, og det leser og skriver dataene deres gjennom funksjonene det krever.
product-kind-rights-explained = Gir bare tilgang til funksjoner: for en integrasjon kunden allerede bruker utenfor plattformens bestillingsflyt.
product-status-draft = Utkast
product-status-active = Aktiv
product-status-retired = Avviklet
version-state-draft = Utkast
version-state-active = Aktiv
version-state-superseded = Erstattet
access-mode-all = Alle installasjoner
access-mode-listed = Utvalgte installasjoner
subscription-status-enabled = På
subscription-status-disabled = Av
delivery-status-pending = Venter
delivery-status-succeeded = Levert
delivery-status-failed = Feilet
lang-en = Engelsk
lang-nb = Norsk
environment-production = Produksjon
environment-test = Test
environment-dev = Utvikling

## Datoer
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember
format-date = { $day }. { $month } { $year }
format-date-time = { $date } kl. { $time }

## Feil
error-not-signed-in = Logg inn for å fortsette.
error-forbidden = Du har ikke tilgang til dette.
error-not-found = Fant ikke siden.
error-rate-limited = For mange forespørsler. Vent noen minutter og prøv igjen.
error-link-expired = Lenken er ugyldig eller utløpt. Be om en ny.
error-internal = Noe gikk galt hos oss. Prøv igjen om litt.
error-form-incomplete = Skjemaet var ikke fullstendig. Sjekk feltene og prøv igjen.
error-concurrent-change = Noen andre gjorde akkurat dette. Last inn siden på nytt for å se hvordan det står nå.
error-403-title = Ingen tilgang
error-403-text = Du har ikke tilgang til denne siden som organisasjonen du opptrer som.
error-403-choose = Velg en annen organisasjon
error-404-title = Fant ikke siden
error-404-text = Den kan være fjernet, eller lenken er feil.
error-404-home = Gå til startsiden
error-title = Noe gikk galt
error-reference = Skjer det igjen, gi plattformoperatøren denne referansen:

## Små byggeklosser
loading = Laster …
table-actions = Handlinger
copy = Kopier
copy-what = Kopier { $what }
copy-done = Kopiert
copy-manual = Trykk Ctrl+C
language-switch = Språk
language-unknown = Portico snakker engelsk (en) og norsk (nb).
language-form-unreadable = Skjemaet kunne ikke leses.

## Ord mange sider bruker
name = Navn
status = Status
kind = Type
installations = Installasjoner
installation-id = Installasjons-ID
partner-sandbox = Partnersandkasse
none-dash = —

## Hva skjemaene sier er feil
invalid-email = Skriv inn en gyldig e-postadresse, som navn@eksempel.no.
invalid-email-empty = Skriv inn e-postadressen din.
invalid-name-length = { $what } må være 2 til 200 tegn.
invalid-installation-id = En installasjons-ID er 2 til 32 bokstaver, sifre, «-» eller «_» (for eksempel MSVPAR).
invalid-too-long = { $what } kan være høyst { $max } tegn.
