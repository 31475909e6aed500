# Katalog: operatørens API-funksjoner og import av katalogfiler.
catalog-imported = Importert: { $created } nye, { $updated } endret, { $unchanged } uendret.
catalog-choose-file = Velg en katalogfil (JSON, høyst 10 MB).
catalog-not-utf8 = Katalogfilen må være JSON i UTF-8.
catalog-empty = Katalogen er tom. Importer en katalogfil nedenfor.
catalog-areas = Områder
catalog-area = Område
catalog-push-capable = Støtter push
catalog-upload = Last opp katalog
catalog-file = Katalogfil
catalog-or-paste = Eller lim den inn
catalog-json = Katalog-JSON
catalog-import = Importer katalogen
catalog-stats = { $functions } funksjoner i { $areas } områder; { $push } støtter push.
catalog-title = Katalog over API-funksjoner
catalog-bad-key = key må være ord med små bokstaver skilt med punktum, som estates.read
catalog-bad-name = name må være 1 til 200 tegn
catalog-bad-area = area må være 1 til 100 tegn
catalog-bad-method = method må være en av { $methods }
catalog-bad-path = path må begynne med / og være høyst 300 tegn
catalog-push-empty = push trenger minst én hendelsestype
catalog-bad-event-type = hendelsestyper må se ut som estate.changed
catalog-filter-key = filteret { $filter } trenger en unik key av små bokstaver, sifre og _
catalog-filter-label = filteret { $filter } trenger en label
catalog-filter-values = filteret { $filter } trenger enten en liste med values eller "free_text": true
catalog-not-json = Katalogen er ikke gyldig JSON med forventet form: { $error }
catalog-empty-file = Katalogen har ingen funksjoner.
catalog-key-twice = key forekommer mer enn én gang
catalog-entry-problem = Oppføring { $n } ({ $key }): { $problem }.
catalog-more-problems = … og { $count } problemer til.
catalog-importing = Importerer …
catalog-upload-explained = En katalogfil (JSON; formatet står i README). Funksjoner opprettes eller oppdateres etter nøkkel, alt eller ingenting; funksjoner som mangler i filen, forblir som de er.
catalog-object-scoped = Objektbundet
catalog-object-scoped-stats = { $count ->
    [0] Ingen funksjon gjelder ett salgsobjekt; alle funksjoner gjelder hele installasjonen.
    [one] 1 funksjon gjelder ett salgsobjekt ({ $types }): et ordreintegrasjonsprodukt kan bare kalle den for objekter det har en ordre på.
   *[other] { $count } funksjoner gjelder ett salgsobjekt ({ $types }): et ordreintegrasjonsprodukt kan bare kalle dem for objekter det har en ordre på.
}
catalog-bad-object-type = object_type må være et ord med små bokstaver, som estate (bokstaver, sifre og _, høyst 32)
