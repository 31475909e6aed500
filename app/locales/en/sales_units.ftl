nav-sales-units = Sales units
sales-unit = Sales unit
customer = Customer
sales-units-subtitle = Every sales unit that runs one of your products. Deactivated sales units and customers are not shown.
sales-units-filter-label = Find sales units
sales-units-search-placeholder = Name, installation ID, customer or business identifier
sales-units-any-product = Any product
sales-units-upgrade-pending = Upgrade pending
sales-units-upgrade-pending-since = Upgrade pending since { $date }
sales-units-none = No sales units yet. When a customer activates one of your products, its sales unit appears here.
sales-units-none-match = No sales units match. Try part of the name, the whole installation ID or business identifier, or clear the filters.
sales-units-pages = Pages of sales units
sales-units-first-page = First page
sales-units-next-page = Next page
sales-units-bad-cursor = That page link is no longer valid. Start again from the first page.
sales-unit-subtitle = Installation ID { $id }
sales-unit-details = Details
sales-unit-no-subscriptions = None of your push subscriptions reach this sales unit. Create one on the product's page.
unit-history-title = History
unit-history-when = When
unit-history-what = What
unit-history-who = Who
unit-history-acting-as = for { $organization }
unit-history-none = Nothing has been changed yet.
unit-history-activated = Activated { $product } at version { $version }
unit-history-upgraded = Upgraded { $product } from version { $from } to version { $to }
unit-history-deactivated = Deactivated { $product }
unit-history-renamed = Renamed from “{ $from }” to “{ $to }”
unit-history-logo-changed = Changed the logo
unit-history-price-package-changed = Changed the price package from “{ $from }” to “{ $to }”
history-kind-activated = Activated
history-kind-upgraded = Upgraded
history-kind-deactivated = Deactivated
history-kind-renamed = Renamed
history-kind-logo_changed = Logo changed
history-kind-price_package_changed = Price package changed
nav-installations = Installations
installations-subtitle = Your installations (the sales units your partners see), with the products they run. Open one to change its name or logo or to read its history.
installations-none = No active installations. The operator adds them when onboarding you.
installations-no-products = No products yet
unit-name-and-logo = Name and logo
unit-name = Name
unit-name-help = Up to 40 letters, digits, spaces and ( ) - _ + . — the customer and its partners see it.
unit-save-name = Save name
unit-saving = Saving…
unit-name-saved = The name is saved.
unit-name-invalid = A sales unit's name is 1 to { $max } letters, digits, spaces and ( ) - _ + . only.
unit-logo-field = Logo (PNG or JPEG)
unit-logo-help = Square or nearly, 100 to 1000 pixels on each side, at most 256 KB.
unit-upload-logo = Upload logo
unit-logo-saved = The logo is saved.
unit-no-logo = No logo yet.
unit-logo-alt = Logo of { $name }
unit-logo-choose = Choose a PNG or JPEG file to upload.
unit-logo-not-png-or-jpeg = The logo must be a PNG or JPEG image.
unit-logo-unreadable = The file could not be read as an image: it may be damaged or not really a PNG or JPEG.
unit-logo-too-small = The logo is { $width } × { $height } pixels; each side must be at least { $min }.
unit-logo-too-big = The logo is { $width } × { $height } pixels; each side must be at most { $max }.
unit-logo-not-square = The logo is { $width } × { $height } pixels; it must be square or nearly (at most a quarter wider than high).
unit-changed-title = Your partner changed { $installation }
unit-renamed-body = { $who } renamed the sales unit “{ $old }” to “{ $new }”.
unit-logo-body = { $who } changed the sales unit's logo.
figures-label = Your figures
figures-active-products = { $count ->
    [one] active product
   *[other] active products
}
figures-draft-products = { $count ->
    [one] product in draft
   *[other] products in draft
}
figures-sales-units = { $count ->
    [one] sales unit
   *[other] sales units
}
figures-upgrades-pending = { $count ->
    [one] sales unit with an upgrade pending
   *[other] sales units with an upgrade pending
}
figures-failing-subscriptions = { $count ->
    [one] failing push subscription
   *[other] failing push subscriptions
}
price-package = Price package
figures-commission = commission for { $month }
figures-installations = { $count ->
    [one] installation
   *[other] installations
}
figures-products-in-use = { $count ->
    [one] product in use
   *[other] products in use
}
figures-upgrades-available = { $count ->
    [one] installation with an upgrade available
   *[other] installations with an upgrade available
}
figures-partners = { $count ->
    [one] partner
   *[other] partners
}
figures-customers = { $count ->
    [one] customer
   *[other] customers
}
figures-price-packages = { $count ->
    [one] price package
   *[other] price packages
}
history-kind-kept_version = Kept a version
unit-history-kept-version = Kept { $product } at version { $current } instead of version { $offered }
