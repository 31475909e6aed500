nav-price-packages = Prispakker
price-packages-operator-subtitle = Forretningsvilkårene dere tilbyr gjennom partnere. Hvert salgssted har én; partnerne ser den.
price-packages-partner-subtitle = Prispakkene operatøren tilbyr gjennom dere. Salgsstedene deres viser hvilken pakke hvert av dem har.
price-packages-none = Ingen prispakker ennå. Opprett den første nedenfor.
price-packages-none-offered = Ingen prispakker tilbys gjennom dere ennå. Operatøren tilbyr dem.
price-packages-new = Ny prispakke
price-packages-create = Opprett prispakke
price-packages-back = ← Prispakker
price-package-subtitle = { $count ->
    [0] Ingen aktive salgssteder har denne pakken.
    [one] Ett aktivt salgssted har denne pakken.
   *[other] { $count } aktive salgssteder har denne pakken.
}
price-package-name-help = Opptil { $max } tegn; kunder og partnere ser det.
price-package-market = Marked
price-package-commission = Provisjon
price-package-commission-help = For eksempel 30 %. La feltet stå tomt når pakken ikke gir provisjon.
price-package-visible-in-signup = Kunder ser den i registreringsskjemaet
price-package-signup = Registreringsskjema
price-package-shown = Vises
price-package-hidden = Skjult
price-package-offered-to = Tilbys til
price-package-offered-to-nobody = Tilbys ikke til noen partner ennå.
price-package-offers-explained = Partnere ser pakkene de får tilbud om på sin side Prispakker.
price-package-offer-to = Tilby til partner
price-package-offer = Tilby
price-package-withdraw = Trekk tilbake
price-package-withdraw-from = Trekk tilbake fra { $partner }
price-package-saved = Prispakken er lagret.
price-package-none = ingen prispakke
price-package-name-invalid = Navnet på en prispakke er 1 til { $max } tegn.
price-package-description-invalid = Beskrivelsen er 1 til { $max } tegn, for eksempel 2,99%.
price-package-market-invalid = Velg marked: Norge, Danmark eller Finland.
price-package-commission-invalid = Provisjonen er høyst { $max } tegn, for eksempel 30 %, eller tom.
price-package-name-taken = Det finnes allerede en prispakke som heter «{ $name }» i { $market }.
price-package-too-many = Portico har plass til høyst { $max } prispakker. Endre en av dem i stedet.
price-package-market-in-use = { $count ->
    [one] Ett salgssted har denne pakken, så markedet kan ikke endres.
   *[other] { $count } salgssteder har denne pakken, så markedet kan ikke endres.
}
price-package-offer-not-partner = Prispakker kan bare tilbys til aktive partnere.
price-package-unknown = Den prispakken finnes ikke. Last inn siden på nytt og velg igjen.
price-package-wrong-market = { $installation } tilhører en kunde i { $customer_market }; denne pakken er for { $market }.
customer-packages-label = Prispakkene til installasjonene
customer-packages-market = Kundens organisasjonsnummer er i { $market }: installasjonene kan få det markedets pakker.
customer-packages-no-market = Kunden har ikke noe organisasjonsnummer, så pakker fra alle markeder tilbys.
customer-packages-none-to-choose = Det finnes ingen prispakke for dette markedet ennå. Opprett en under Prispakker.
customer-packages-save = Lagre
customer-packages-save-for = Lagre prispakken til { $installation }
customer-packages-saved = Prispakken er lagret, og endringen står i salgsstedets historikk.
market-NO = Norge
market-DK = Danmark
market-FI = Finland
nav-commission = Provisjon
commission-subtitle = Provisjonsoppgjør: hva operatøren skylder per måned, én rad per salgssted.
commission-none = Ingen provisjonsoppgjør ennå. Operatøren publiserer ett per måned.
commission-none-yet = Ingen oppgjør ennå. Plattformen sender dem gjennom API-et, eller last opp ett nedenfor.
commission-months = Måneder
commission-month = Måned
commission-volume = Omsetning
commission-latest = Siste oppgjør
commission-sent = Sendt
commission-upload-title = Last opp oppgjør
commission-upload-explained = En CSV-fil for én partner og måned, med denne overskriftslinjen og én rad per salgssted; beløp er desimaltall med punktum (eller, fra et norsk regneark, semikolon og desimalkomma). Den erstatter månedens oppgjør, helt eller ikke i det hele tatt.
commission-file = Oppgjør (CSV)
commission-upload = Last opp oppgjør
commission-uploaded = Oppgjøret for { $month } er lagret: { $rows } rader.
commission-back = ← Provisjon
commission-month-subtitle = Sist oppdatert { $date }.
commission-download = Last ned CSV
commission-no-rows = Denne månedens oppgjør har ingen rader.
commission-rows = Salgssteder
commission-pages = Sider med rader
commission-line = Linje { $n }
commission-period-invalid = Måneden skrives ÅÅÅÅ-MM, for eksempel 2026-11, og kan ikke ligge fram i tid.
commission-partner-unknown = Velg en partner fra listen.
commission-choose-file = Velg en CSV-fil å laste opp.
commission-not-utf8 = Filen må være tekst i UTF-8, slik regneark lagrer «CSV UTF-8».
commission-too-many-rows = Et oppgjør har høyst { $max } rader; dette har { $count }.
commission-rows-invalid = { $count ->
    [one] Én rad er feil, så ingenting ble lagret:
   *[other] { $count } rader er feil, så ingenting ble lagret:
}
commission-rows-more = og { $count } til
commission-row-not-an-id = «{ $id }» er ikke en installasjons-ID
commission-row-unknown-unit = Portico har ikke noe salgssted { $id }
commission-row-package = navnet på prispakken er lengre enn { $max } tegn
commission-row-currency = «{ $currency }» er ikke en valuta Portico betaler i (NOK, DKK, EUR eller SEK)
commission-row-volume = omsetningen må være mellom 0 og { $max }
commission-row-commission = provisjonen må være mellom -{ $max } og { $max }
commission-row-twice = { $id } i { $currency } står allerede på { $first }
commission-csv-header = Første linje må være overskriften { $header }.
commission-csv-unreadable = linjen kan ikke leses som CSV
commission-csv-columns = linjen har { $count } kolonner, ikke 5
commission-csv-amount = «{ $value }» er ikke et beløp som 1234.50
currency-NOK = norske kroner
currency-DKK = danske kroner
currency-EUR = euro
currency-SEK = svenske kroner
statement-source-api = fra plattformen
statement-source-upload = lastet opp
