#!/usr/bin/env bash
# Fails when the release bundle's WASM (brotli, as browsers download it) is more than 5% larger
# than the size recorded in .ci/wasm-size. Raise that number only deliberately, saying why in
# the commit. Run after scripts/release.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=$(ls target/release-site/pkg/portico.*.wasm 2>/dev/null | head -1)
[ -n "$wasm" ] || { echo "no release bundle: run scripts/release.sh first" >&2; exit 1; }
raw=$(stat -c %s "$wasm")
gz=$(stat -c %s "$wasm.gz")
br=$(stat -c %s "$wasm.br")
recorded=$(grep -v '^#' .ci/wasm-size | tr -d '[:space:]')
limit=$((recorded * 105 / 100))
printf 'WASM bundle: %d bytes raw, %d gzip, %d brotli (recorded %d, limit %d)\n' "$raw" "$gz" "$br" "$recorded" "$limit"
if [ "$br" -gt "$limit" ]; then
  echo "The WASM bundle grew more than 5% over .ci/wasm-size. Make it smaller, or raise the number there on purpose." >&2
  exit 1
fi
if [ "$br" -lt $((recorded * 95 / 100)) ]; then
  echo "The bundle is more than 5% smaller than recorded: lower .ci/wasm-size to $br to keep the gain."
fi
