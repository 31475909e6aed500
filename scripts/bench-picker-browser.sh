#!/usr/bin/env bash
# The picker's search in a real browser with a large catalog: starts the release build on a
# fresh demo database whose catalog is grown to N generated functions (default 10,000), and
# prints the time from each search keystroke to the next frame (end2end/bench). A measurement,
# not a test. Usage: scripts/bench-picker-browser.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
source scripts/lib/build.sh
catalog=$(mktemp -t portico-catalog-XXXXXX.json)
trap 'rm -f "$catalog"' EXIT
"$server" generate-catalog --functions "${1:-10000}" >"$catalog"
export PORTICO_E2E_CATALOG="$catalog"
cd end2end
npx playwright test -c bench.config.ts
