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
catalog-bad-key = key must be lower-case words joined by dots, like estates.read
catalog-bad-name = name must be 1 to 200 characters
catalog-bad-area = area must be 1 to 100 characters
catalog-bad-method = method must be one of { $methods }
catalog-bad-path = path must start with / and be at most 300 characters
catalog-push-empty = push needs at least one event type
catalog-bad-event-type = event types must look like estate.changed
catalog-filter-key = filter { $filter } needs a unique key of lower-case letters, digits and _
catalog-filter-label = filter { $filter } needs a label
catalog-filter-values = filter { $filter } needs either a list of values or "free_text": true
catalog-not-json = The catalog is not valid JSON of the expected shape: { $error }
catalog-empty-file = The catalog has no functions.
catalog-key-twice = key appears more than once
catalog-entry-problem = Entry { $n } ({ $key }): { $problem }.
catalog-more-problems = … and { $count } more problems.
catalog-importing = Importing…
catalog-upload-explained = A catalog file (JSON; the format is in the README). Functions are created or updated by key, all or nothing; functions missing from the file stay as they are.
catalog-object-scoped = Object-scoped
catalog-object-scoped-stats = { $count ->
    [0] No function acts on one sales object; every function is installation-wide.
    [one] 1 function acts on one sales object ({ $types }): an order integration product may call it only for objects it has an order for.
   *[other] { $count } functions act on one sales object ({ $types }): an order integration product may call them only for objects it has an order for.
}
catalog-bad-object-type = object_type must be a lower-case word such as estate (letters, digits and _, at most 32)
