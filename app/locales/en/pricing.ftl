nav-price-packages = Price packages
price-packages-operator-subtitle = The commercial terms you offer through partners. Each sales unit has one; its partners see it.
price-packages-partner-subtitle = The price packages the operator offers through you. Your sales units show the package each one has.
price-packages-none = No price packages yet. Create the first one below.
price-packages-none-offered = No price packages are offered through you yet. The operator offers them.
price-packages-new = New price package
price-packages-create = Create price package
price-packages-back = ← Price packages
price-package-subtitle = { $count ->
    [0] No active sales unit has this package.
    [one] One active sales unit has this package.
   *[other] { $count } active sales units have this package.
}
price-package-name-help = Up to { $max } characters; customers and partners see it.
price-package-market = Market
price-package-commission = Commission
price-package-commission-help = Such as 30 %. Leave empty when it pays no commission.
price-package-visible-in-signup = Customers see it in the sign-up form
price-package-signup = Sign-up form
price-package-shown = Shown
price-package-hidden = Hidden
price-package-offered-to = Offered to
price-package-offered-to-nobody = Not offered to any partner yet.
price-package-offers-explained = Partners see the packages offered to them on their Price packages page.
price-package-offer-to = Offer to partner
price-package-offer = Offer
price-package-withdraw = Withdraw
price-package-withdraw-from = Withdraw from { $partner }
price-package-saved = The price package is saved.
price-package-none = no price package
price-package-name-invalid = A price package's name is 1 to { $max } characters.
price-package-description-invalid = The description is 1 to { $max } characters, such as 2.99%.
price-package-market-invalid = Choose the market: Norway, Denmark or Finland.
price-package-commission-invalid = The commission is at most { $max } characters, such as 30 %, or empty.
price-package-name-taken = There is already a price package called “{ $name }” in { $market }.
price-package-too-many = Portico keeps at most { $max } price packages. Edit one instead.
price-package-market-in-use = { $count ->
    [one] One sales unit has this package, so its market cannot change.
   *[other] { $count } sales units have this package, so its market cannot change.
}
price-package-offer-not-partner = Price packages can be offered to active partners only.
price-package-unknown = That price package does not exist. Reload the page and choose again.
price-package-wrong-market = { $installation } belongs to a customer in { $customer_market }; this package is for { $market }.
customer-packages-label = Price packages of the installations
customer-packages-market = The customer's business identifier is in { $market }: its installations can have that market's packages.
customer-packages-no-market = The customer has no business identifier, so packages of every market are offered.
customer-packages-none-to-choose = No price package of this market exists yet. Create one under Price packages.
customer-packages-save = Save
customer-packages-save-for = Save the price package of { $installation }
customer-packages-saved = The price package is saved, and the change is in the sales unit's history.
market-NO = Norway
market-DK = Denmark
market-FI = Finland
nav-commission = Commission
commission-subtitle = Commission statements: what the operator owes per month, one row per sales unit.
commission-none = No commission statements yet. The operator publishes one per month.
commission-none-yet = No statements yet. The platform sends them through the API, or upload one below.
commission-months = Months
commission-month = Month
commission-volume = Volume
commission-latest = Latest statements
commission-sent = Sent
commission-upload-title = Upload statement
commission-upload-explained = A CSV file for one partner and month, with this header and one row per sales unit; amounts are decimals with a dot (or, from a Norwegian spreadsheet, semicolons and decimal commas). It replaces that month's statement, all or nothing.
commission-file = Statement (CSV)
commission-upload = Upload statement
commission-uploaded = The statement for { $month } is saved: { $rows } rows.
commission-back = ← Commission
commission-month-subtitle = Last updated { $date }.
commission-download = Download CSV
commission-no-rows = This month's statement has no rows.
commission-rows = Sales units
commission-pages = Pages of rows
commission-line = Line { $n }
commission-period-invalid = The month must be written YYYY-MM, such as 2026-11, and must not be in the future.
commission-partner-unknown = Choose a partner from the list.
commission-choose-file = Choose a CSV file to upload.
commission-not-utf8 = The file must be text in UTF-8, as spreadsheets save “CSV UTF-8”.
commission-too-many-rows = A statement has at most { $max } rows; this one has { $count }.
commission-rows-invalid = { $count ->
    [one] One row is wrong, so nothing was saved:
   *[other] { $count } rows are wrong, so nothing was saved:
}
commission-rows-more = and { $count } more
commission-row-not-an-id = “{ $id }” is not an installation ID
commission-row-unknown-unit = Portico has no sales unit { $id }
commission-row-package = the price package's name is longer than { $max } characters
commission-row-currency = “{ $currency }” is not a currency Portico pays in (NOK, DKK, EUR or SEK)
commission-row-volume = the volume must be between 0 and { $max }
commission-row-commission = the commission must be between -{ $max } and { $max }
commission-row-twice = { $id } in { $currency } is already on { $first }
commission-csv-header = The first line must be the header { $header }.
commission-csv-unreadable = the line cannot be read as CSV
commission-csv-columns = the line has { $count } columns, not 5
commission-csv-amount = “{ $value }” is not an amount such as 1234.50
currency-NOK = Norwegian krone
currency-DKK = Danish krone
currency-EUR = Euro
currency-SEK = Swedish krona
statement-source-api = by the platform
statement-source-upload = uploaded
