#!/bin/sh
# Runs the Node binding's tests (node --test), or skips (exit 77) with the
# reason when node or koffi is missing.
cd "$(dirname "$0")/.." || exit 1
if ! command -v node >/dev/null 2>&1; then
    echo "skip: node not found (Debian: apt-get install nodejs npm)"
    exit 77
fi
if ! node -e "require('koffi')" >/dev/null 2>&1; then
    echo "skip: koffi not installed (run npm ci in bindings/node)"
    exit 77
fi
exec node --test test/
