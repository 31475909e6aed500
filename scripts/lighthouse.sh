#!/usr/bin/env bash
# Lighthouse's mobile profile (slow 4G, a mid-range phone's CPU) in the machine's Chromium, on
# the sign-in page and on a signed-in product page of the release build, on a fresh database
# with the demo data. Prints the scores and LCP, TBT and CLS. A measurement, not a test.
# Usage: scripts/lighthouse.sh (PORTICO_BUILD=debug measures a debug build instead)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
port="${PORTICO_LIGHTHOUSE_PORT:-3200}"
bash scripts/e2e-server.sh "$port" >/tmp/portico-lighthouse-server.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
node tools/lighthouse.mjs "http://127.0.0.1:$port"
