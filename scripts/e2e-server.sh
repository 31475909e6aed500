#!/usr/bin/env bash
# Starts Portico for the Playwright suite: a fresh SQLite database with the demo data, the test
# environment and the dev mailbox, on the port given (default 3100). Playwright runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
dir=$(mktemp -d -t portico-e2e-XXXXXX)
export DATABASE_URL="sqlite://$dir/portico.db?mode=rwc"
export PORTICO_ENV=test PORTICO_DEV_MAILBOX=1 LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site
export PORTICO_PUBLIC_URL="http://127.0.0.1:$port"
# The push tests run their receivers on 127.0.0.1.
export PORTICO_PUSH_ALLOW="127.0.0.1/32"
unset PORTICO_SMTP_URL
target/debug/server seed-demo
exec target/debug/server serve
