nav-sales-units = Salgssteder
sales-unit = Salgssted
customer = Kunde
sales-units-subtitle = Alle salgssteder som bruker et av produktene deres. Deaktiverte salgssteder og kunder vises ikke.
sales-units-filter-label = Finn salgssteder
sales-units-search-placeholder = Navn, installasjons-ID, kunde eller organisasjonsnummer
sales-units-any-product = Alle produkter
sales-units-upgrade-pending = Venter på oppdatering
sales-units-upgrade-pending-since = Venter på oppdatering siden { $date }
sales-units-none = Ingen salgssteder ennå. Når en kunde aktiverer et av produktene deres, vises salgsstedet her.
sales-units-none-match = Ingen salgssteder passer. Prøv en del av navnet, hele installasjons-ID-en eller organisasjonsnummeret, eller fjern filtrene.
sales-units-pages = Sider med salgssteder
sales-units-first-page = Første side
sales-units-next-page = Neste side
sales-units-bad-cursor = Den sidelenken gjelder ikke lenger. Begynn på nytt fra første side.
sales-unit-subtitle = Installasjons-ID { $id }
sales-unit-details = Detaljer
sales-unit-no-subscriptions = Ingen av push-abonnementene deres når dette salgsstedet. Opprett et på produktsiden.
unit-history-title = Historikk
unit-history-when = Når
unit-history-what = Hva
unit-history-who = Hvem
unit-history-acting-as = for { $organization }
unit-history-none = Ingenting er endret ennå.
unit-history-activated = Aktiverte { $product } på versjon { $version }
unit-history-upgraded = Oppdaterte { $product } fra versjon { $from } til versjon { $to }
unit-history-deactivated = Deaktiverte { $product }
unit-history-renamed = Endret navn fra «{ $from }» til «{ $to }»
unit-history-logo-changed = Endret logoen
unit-history-price-package-changed = Endret prispakken fra «{ $from }» til «{ $to }»
history-kind-activated = Aktivert
history-kind-upgraded = Oppdatert
history-kind-deactivated = Deaktivert
history-kind-renamed = Nytt navn
history-kind-logo_changed = Ny logo
history-kind-price_package_changed = Ny prispakke
nav-installations = Installasjoner
installations-subtitle = Installasjonene deres (salgsstedene partnerne ser), med produktene de bruker. Åpne en for å endre navn eller logo eller lese historikken.
installations-none = Ingen aktive installasjoner. Operatøren legger dem til når dere blir registrert.
installations-no-products = Ingen produkter ennå
unit-name-and-logo = Navn og logo
unit-name = Navn
unit-name-help = Opptil 40 bokstaver, sifre, mellomrom og ( ) - _ + . — kunden og partnerne ser det.
unit-save-name = Lagre navn
unit-saving = Lagrer …
unit-name-saved = Navnet er lagret.
unit-name-invalid = Navnet på et salgssted er 1 til { $max } bokstaver, sifre, mellomrom og ( ) - _ + . og ingenting annet.
unit-logo-field = Logo (PNG eller JPEG)
unit-logo-help = Kvadratisk eller nesten, 100 til 1000 piksler på hver side, høyst 256 KB.
unit-upload-logo = Last opp logo
unit-logo-saved = Logoen er lagret.
unit-no-logo = Ingen logo ennå.
unit-logo-alt = Logoen til { $name }
unit-logo-choose = Velg en PNG- eller JPEG-fil å laste opp.
unit-logo-not-png-or-jpeg = Logoen må være et PNG- eller JPEG-bilde.
unit-logo-unreadable = Filen kunne ikke leses som et bilde: den kan være skadet eller ikke egentlig PNG eller JPEG.
unit-logo-too-small = Logoen er { $width } × { $height } piksler; hver side må være minst { $min }.
unit-logo-too-big = Logoen er { $width } × { $height } piksler; hver side kan være høyst { $max }.
unit-logo-not-square = Logoen er { $width } × { $height } piksler; den må være kvadratisk eller nesten (høyst en fjerdedel bredere enn høy).
unit-changed-title = Partneren deres endret { $installation }
unit-renamed-body = { $who } ga salgsstedet «{ $old }» det nye navnet «{ $new }».
unit-logo-body = { $who } endret logoen til salgsstedet.
figures-label = Tallene deres
figures-active-products = { $count ->
    [one] aktivt produkt
   *[other] aktive produkter
}
figures-draft-products = { $count ->
    [one] produkt i utkast
   *[other] produkter i utkast
}
figures-sales-units = { $count ->
    [one] salgssted
   *[other] salgssteder
}
figures-upgrades-pending = { $count ->
    [one] salgssted venter på oppdatering
   *[other] salgssteder venter på oppdatering
}
figures-failing-subscriptions = { $count ->
    [one] push-abonnement feiler
   *[other] push-abonnementer feiler
}
price-package = Prispakke
figures-commission = provisjon for { $month }
figures-installations = { $count ->
    [one] installasjon
   *[other] installasjoner
}
figures-products-in-use = { $count ->
    [one] produkt i bruk
   *[other] produkter i bruk
}
figures-upgrades-available = { $count ->
    [one] installasjon med en oppgradering tilgjengelig
   *[other] installasjoner med en oppgradering tilgjengelig
}
figures-partners = { $count ->
    [one] partner
   *[other] partnere
}
figures-customers = { $count ->
    [one] kunde
   *[other] kunder
}
figures-price-packages = { $count ->
    [one] prispakke
   *[other] prispakker
}
history-kind-kept_version = Beholdt en versjon
unit-history-kept-version = Beholdt { $product } på versjon { $current } i stedet for versjon { $offered }
