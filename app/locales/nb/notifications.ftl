# Varsler: bjellen, listen og meldingene den viser.
notify-upgrade-title = Oppdatering tilgjengelig: { $product } versjon { $version } for { $installation }
notify-upgrade-text = { $partner } aktiverte versjon { $version } av { $product } for { $installation } ({ $id }). Ingenting endres før en administrator har gått gjennom endringene og oppdatert.
notify-push-disabled-title = Push-abonnement slått av: { $product }
notify-push-disabled-text = Portico sluttet å sende til { $url } ({ $id }). { $reason } Rett feilen hos mottakeren, slå på abonnementet igjen og send de feilede leveransene på nytt.
push-disabled-gone = Mottakeren svarte 410 Gone.
push-disabled-failing = Alle leveranser feilet i 5 dager.
push-disabled-partner = Slått av av partneren.
notifications = Varsler
notifications-mark-all = Merk alle som lest
notifications-none = Ingen varsler. Du får beskjed her når en partner lanserer en ny versjon av et produkt du bruker.
notifications-mark = Merk som lest
notifications-read = lest
notifications-mark-what = Merk som lest: { $title }
