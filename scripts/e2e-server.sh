#!/usr/bin/env bash
# Starts Portico for the Playwright suite: a fresh SQLite database with the demo data, the test
# environment and the dev mailbox, on the port given (default 3100). Playwright runs this.
# PORTICO_BUILD=release (the default: what operators deploy, built by scripts/release.sh) or
# debug (what `cargo leptos build` makes).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
source scripts/lib/build.sh
dir=$(mktemp -d -t portico-e2e-XXXXXX)
export DATABASE_URL="sqlite://$dir/portico.db?mode=rwc"
export PORTICO_ENV=test PORTICO_DEV_MAILBOX=1 LEPTOS_SITE_ADDR="127.0.0.1:$port"
export PORTICO_PUBLIC_URL="http://127.0.0.1:$port"
# The push tests run their receivers on 127.0.0.1.
export PORTICO_PUSH_ALLOW="127.0.0.1/32"
# The suite signs the same demo users in many times within 15 minutes (both projects, and the
# language tests sign in again after signing out): room for that, still a limit.
export PORTICO_SIGN_IN_LIMIT_PER_ADDRESS="${PORTICO_SIGN_IN_LIMIT_PER_ADDRESS:-30}"
# Every test's browser signs in from 127.0.0.1: a whole run makes about a hundred "Sign in"
# requests from that one client within 15 minutes (the default limit is 100).
export PORTICO_SIGN_IN_LIMIT_PER_CLIENT="${PORTICO_SIGN_IN_LIMIT_PER_CLIENT:-400}"
# Warnings and errors only: the request log of a whole run would bury the test output.
export RUST_LOG="${RUST_LOG:-warn}"
unset PORTICO_SMTP_URL
"$server" seed-demo
# The platform's service token, for the tests that act as the platform (posting orders).
mkdir -p end2end/.auth
"$server" issue-service-token --name e2e-platform 2>/dev/null >end2end/.auth/service-token
# The picker benchmark grows the catalog (scripts/bench-picker-browser.sh).
if [ -n "${PORTICO_E2E_CATALOG:-}" ]; then "$server" import-catalog "$PORTICO_E2E_CATALOG"; fi
exec "$server" serve
