#!/usr/bin/env bash
# Builds Portico, migrates and loads the demo data into the embedded SQLite database
# (data/portico.db), and serves it at http://127.0.0.1:3000. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n==> %s\n' "$*"; }

scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"

say "Building Portico with cargo-leptos (the first build takes 15-20 minutes on two cores)"
cargo leptos build

export PORTICO_ENV="${PORTICO_ENV:-dev}"
export LEPTOS_SITE_ROOT=target/site
say "Migrating and loading the demo data"
target/debug/server seed-demo

addr="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
cat <<MSG

Portico is starting at http://$addr

  Sign in as demo@portico.example (a member of the operator, a partner and a customer),
  or any demo user listed in README.md. Sign-in links are e-mailed; without SMTP they appear
  in the dev mailbox at http://$addr/dev/mailbox

Press Ctrl-C to stop.
MSG
exec target/debug/server serve
