#!/usr/bin/env bash
# The Playwright suite against the debug build (`cargo leptos build`), for `cargo leptos
# end-to-end` (Cargo.toml's end2end-cmd); scripts/test.sh runs it against the release build.
# Arguments go to Playwright (a file, --project=no-js, -g 'a title').
set -euo pipefail
cd "$(dirname "$0")/../end2end"
[ -d node_modules ] || npm ci --no-audit --no-fund
PORTICO_BUILD=debug exec npx playwright test "$@"
