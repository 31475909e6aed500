#!/usr/bin/env bash
# Fuzzes the live REST API against its own OpenAPI document with schemathesis: valid and invalid
# requests for every operation, failing on any 5xx, undocumented status, content type or
# response shape, accepted invalid input or refused valid input. Starts the built server
# (PORTICO_BUILD, release by default) on a fresh SQLite database with the demo data, a product's access key,
# a partner API key and a service token. Usage: scripts/schemathesis.sh [examples per operation, default 300]
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-300}"
st="${PORTICO_CACHE_DIR:-$HOME/.cache/portico}/schemathesis-4.32.5/bin/schemathesis"
[ -x "$st" ] || { echo "schemathesis is missing: run scripts/ensure-tools.sh" >&2; exit 1; }
port="${PORTICO_ST_PORT:-3190}"
dir=$(mktemp -d -t portico-st-XXXXXX)
source scripts/lib/build.sh
export DATABASE_URL="sqlite://$dir/portico.db?mode=rwc"
export PORTICO_ENV=test LEPTOS_SITE_ADDR="127.0.0.1:$port"
export PORTICO_PUBLIC_URL="http://127.0.0.1:$port"
# The fuzzer sends thousands of requests with and without credentials from one address.
export PORTICO_API_FAILURE_LIMIT=1000000
unset PORTICO_SMTP_URL

$server seed-demo >/dev/null
# The demo partner's first product; its client ID and secret authenticate the Basic scheme.
key=$($server create-access-key --product-id 1 2>/dev/null)
PORTICO_ST_CLIENT_ID=$(awk '$1 == "client_id" {print $2}' <<<"$key")
PORTICO_ST_SECRET=$(awk '$1 == "secret" {print $2}' <<<"$key")
PORTICO_ST_SERVICE_TOKEN=$($server issue-service-token --name schemathesis 2>/dev/null)
# The demo partner's read and write key authenticates the Partner API (partner_key).
partner=$($server create-partner-key --partner "Nordic Integrations AS" --access read_write 2>/dev/null)
PORTICO_ST_PARTNER_KEY_ID=$(awk '$1 == "key_id" {print $2}' <<<"$partner")
PORTICO_ST_PARTNER_SECRET=$(awk '$1 == "secret" {print $2}' <<<"$partner")
export PORTICO_ST_CLIENT_ID PORTICO_ST_SECRET PORTICO_ST_SERVICE_TOKEN PORTICO_ST_PARTNER_KEY_ID PORTICO_ST_PARTNER_SECRET

$server serve >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done

set +e
# One worker: with two, schemathesis (through Hypothesis) parses Python source in two threads at
# once, which CPython 3.11 (this machine's 3.11.7) can fail ("AST constructor recursion depth mismatch"),
# failing a run that found nothing wrong with the API.
"$st" --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all --max-examples "$examples" --workers 1 --seed "${PORTICO_ST_SEED:-20261201}" \
  --generation-database none --no-color --report junit --report-dir "$dir/report"
status=$?
set -e
if grep -q "panicked" "$dir/server.log"; then
  echo "The server panicked during the run:" >&2
  grep -A5 "panicked" "$dir/server.log" >&2
  status=1
fi
exit $status
