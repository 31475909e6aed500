#!/usr/bin/env bash
# Takes the README tour's screenshots (docs/tour/*.png): the partner's product page, the
# function picker and the customer's suppliers page at 1366 and 390 px, from the release build
# on a fresh demo database. Not a test; run it when those pages change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
cd end2end
npx playwright test -c tour.config.ts
