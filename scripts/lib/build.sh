# Sourced by the scripts that start a built server: sets $server and LEPTOS_SITE_ROOT for
# PORTICO_BUILD=release (the default; scripts/release.sh builds it) or debug.
case "${PORTICO_BUILD:-release}" in
  release) server=target/release/server; export LEPTOS_SITE_ROOT=target/release-site ;;
  debug) server=target/debug/server; export LEPTOS_SITE_ROOT=target/site ;;
  *) echo "PORTICO_BUILD must be release or debug" >&2; exit 1 ;;
esac
[ -x "$server" ] || { echo "$server is missing: build it first (scripts/release.sh, or cargo leptos build for debug)" >&2; exit 1; }
