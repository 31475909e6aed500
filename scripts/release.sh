#!/usr/bin/env bash
# Builds what operators deploy: target/release/server (with target/release/hash.txt beside it)
# and the site in target/release-site, its bundle optimized by binaryen's wasm-opt (the npm
# package, as Debian's is too old for this wasm-bindgen), with hashed file names and brotli and
# gzip copies of every file. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh --no-browser
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# wasm-opt older than 116 breaks the bundle's reference table (nothing hydrates).
version=$(wasm-opt --version | grep -o 'version [0-9]*' | awk '{print $2}')
if [ "${version:-0}" -lt 116 ]; then
  echo "wasm-opt $version at $(command -v wasm-opt) is too old (116 or later is needed)" >&2
  exit 1
fi

LEPTOS_SITE_ROOT=target/release-site cargo leptos build --release --precompress
ls -l target/release-site/pkg/*.wasm* | awk '{printf "  %-60s %9d bytes\n", $9, $5}'
