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
