#!/usr/bin/env bash
# Runs every Portico test: the Rust tests of every crate (on SQLite, and on PostgreSQL when
# 127.0.0.1:5432 answers), then builds the release and runs against it the WASM size check,
# schemathesis on the REST API and the Playwright suite in headless Chromium, with and without
# JavaScript. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n==> %s\n' "$*"; }

scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"

if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  say "PostgreSQL answers on 127.0.0.1:5432: service tests run on SQLite and PostgreSQL"
else
  say "PostgreSQL is not reachable on 127.0.0.1:5432: service tests run on SQLite only (PostgreSQL runs are skipped)"
fi

say "Rust tests (the first build takes 15-20 minutes on two cores)"
cargo test -p migration -p app -p server --features app/ssr

say "Building the release (what operators deploy; the first release build takes 10-15 minutes)"
scripts/release.sh
scripts/check-wasm-size.sh

say "schemathesis against the live REST API and its OpenAPI document"
scripts/schemathesis.sh

say "Playwright end-to-end tests in Chromium (with and without JavaScript)"
cd end2end
set +e
npx playwright test
status=$?
set -e
node -e 'const s = require("./playwright-report/results.json").stats;
  console.log(`playwright: ${s.expected} passed, ${s.unexpected + s.flaky} failed, ${s.skipped} skipped`)' || true
exit $status
