#!/bin/sh
# Installs what building and testing newsparse needs on Debian 12, as root
# (or through sudo). Installs only what is missing.
set -eu
PKGS="build-essential cmake pkg-config libxml2-dev libicu-dev libjansson-dev check zlib1g-dev"
# CI also checks the ABI (abidiff), regenerates lib/data's tables from
# wamerican and hunspell-en-us, validates the JSON output against
# docs/json-schema.json (python3-jsonschema), runs examples/dask on a local
# cluster (python3-distributed), builds the Debian packages (dpkg-dev,
# and file for cpack's dpkg-shlibdeps), builds the API reference (doxygen)
# and renders the man pages (groff-base, man-db)
[ "${1:-}" = "--ci" ] && PKGS="$PKGS valgrind clang libclang-rt-14-dev locales abigail-tools python3 python3-jsonschema wamerican hunspell-en-us python3-distributed dpkg-dev file doxygen groff-base man-db"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# CI also tests the Node binding (node, and npm to install koffi): Debian's
# nodejs and npm unless a node and an npm are already on the PATH (as from
# another source, whose packages Debian's npm would conflict with)
if [ "${1:-}" = "--ci" ]; then
    command -v node >/dev/null 2>&1 || missing="$missing nodejs"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
