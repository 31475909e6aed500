# Catalog: the operator's API functions, and importing catalog files.
catalog-imported = Imported: { $created } created, { $updated } updated, { $unchanged } unchanged.
catalog-choose-file = Choose a catalog file (JSON, at most 10 MB).
catalog-not-utf8 = The catalog file must be UTF-8 JSON.
catalog-empty = The catalog is empty. Import a catalog file below.
catalog-areas = Areas
catalog-area = Area
catalog-push-capable = Push-capable
catalog-upload = Upload catalog
catalog-file = Catalog file
catalog-or-paste = Or paste it
catalog-json = Catalog JSON
catalog-import = Import catalog
catalog-stats = { $functions } functions in { $areas } areas; { $push } support push.
catalog-title = API function catalog
