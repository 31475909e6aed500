#!/usr/bin/env bash
# Installs whatever Portico's build and tests need and is missing on this machine.
# Safe to run repeatedly: each step checks first and does nothing when the tool is present.
# Usage: scripts/ensure-tools.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
say() { printf '\n==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must match the wasm-bindgen crate pinned in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

apt_missing=()
if [ "${1:-}" != "--no-browser" ]; then
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${apt_missing[*]} (a few minutes, once)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v cargo-leptos >/dev/null 2>&1 || [ "$(cargo leptos --version | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  # A debug build of the build tool compiles in a fraction of the release time and is fast enough.
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (10-15 minutes of compiling, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads --debug --force
fi

# schemathesis (the OpenAPI fuzzer scripts/schemathesis.sh runs) lives in its own virtualenv
# beside the build cache, so nothing is installed into the system Python.
SCHEMATHESIS_VERSION=4.32.5
st_venv="${PORTICO_CACHE_DIR:-$HOME/.cache/portico}/schemathesis-$SCHEMATHESIS_VERSION"
if [ ! -x "$st_venv/bin/schemathesis" ]; then
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    say "Installing Debian's python3-venv (once)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  say "Installing schemathesis $SCHEMATHESIS_VERSION into $st_venv (a minute, once)"
  rm -rf "$st_venv"
  python3 -m venv "$st_venv"
  "$st_venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# Build and measurement tools from npm (binaryen's wasm-opt for release builds, Lighthouse for
# scripts/lighthouse.sh), pinned in tools/package-lock.json.
if [ ! -d tools/node_modules ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "Installing the build tools' npm packages (npm ci in tools/)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "Installing the end-to-end test packages (npm ci)"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
fi
