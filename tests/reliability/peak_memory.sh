#!/bin/sh
# Peak memory over the bad-input catalogue: writes every input of
# tests/check_badinput.c to a folder (NP_BADINPUT_DUMP), and every shape of
# shapes.py at SHAPE_MB (default 16; "" for none), parses each with the
# command in its own process and compares the peak resident memory (GNU
# time's %M) with the allowance, the larger of 256 MiB and 20 times the
# input. Prints one line per input and the largest ratio; exit status 1
# when an input goes over.
#
#   sh tests/reliability/peak_memory.sh [BUILD_DIR] [SHAPE_MB]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed"; exit 77; }
NP_BADINPUT_DUMP=$tmp CK_FORK=yes "$build/tests/check_badinput" >/dev/null 2>&1 || true
shape_mb=${2-16}
if [ -n "$shape_mb" ]; then
    python3 "$root/tests/reliability/shapes.py" list | while read -r name kind; do
        case $kind in html) ext=html ;; clean) ext=clean ;; *) ext=txt ;; esac
        python3 "$root/tests/reliability/shapes.py" make "$name" \
            $((shape_mb * 1048576)) "$tmp/shape-$name-${shape_mb}mb.$ext"
    done
fi
over=0
worst=0
printf '%-36s %12s %12s %7s\n' input bytes peak_kib ratio
for f in "$tmp"/*; do
    case $f in
        *.html) set -- parse --input html "$f" ;;
        *.clean) set -- clean "$f" ;;
        *) set -- parse --input text "$f" ;;
    esac
    size=$(stat -c %s "$f")
    /usr/bin/time -o "$tmp/.time" -f %M "$build/examples/newsparse" "$@" \
        >/dev/null 2>&1 || true
    peak=$(tail -1 "$tmp/.time")
    allow=$((size * 20 / 1024))
    [ "$allow" -lt 262144 ] && allow=262144
    ratio=$(python3 -c "print('%.3f' % ($peak / $allow))")
    printf '%-36s %12s %12s %7s\n' "$(basename "$f")" "$size" "$peak" "$ratio"
    worst=$(python3 -c "print(max($worst, $ratio))")
    [ "$peak" -gt "$allow" ] && over=1
done
echo "largest peak / allowance: $worst"
exit $over
