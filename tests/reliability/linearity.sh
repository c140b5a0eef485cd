#!/bin/sh
# Linearity: for each kind of bad input, the instructions executed (Ir,
# from valgrind's callgrind) parsing it at three sizes, 1x, 2x and 4x. The
# work is linear when the extra instructions double with the size: the
# script prints the ratio (I(4x) - I(0)) / (I(1x) - I(0)) / 4, which is
# about 1 for linear work and grows with the size for quadratic work; a
# ratio above 1.6 is marked SUPERLINEAR and the exit status is then 1.
#
#   sh tests/reliability/linearity.sh [BUILD_DIR] [BASE]
#
# BASE: the 1x size in repetitions of each pattern (default 4000). No timed
# measurement anywhere: instruction counts only, the same on any machine.
#
#   sh tests/reliability/linearity.sh --large [BUILD_DIR] [SIZES_MB]
#
# The large mode, where a quadratic term shows: every shape of shapes.py
# (one huge paragraph, line or clean line, tiny paragraphs, huge metadata,
# JSON-LD, sentences, names, quotes, floods) at 4, 16 and 64 MB (SIZES_MB,
# e.g. "4 16 64"), each in its own process, one at a time. Callgrind is far
# too slow at these sizes: it prints the CPU time (user + system, GNU time)
# per MB and the peak resident memory per input byte, and the ratio of CPU
# per byte at the largest size to that at the smallest. A ratio above 1.25
# is marked SUPERLINEAR, a peak over the allowance (the larger of 256 MiB
# and 20 times the input) OVER; either makes the exit status 1. CPU time
# varies with the machine's load: rerun a case before believing a ratio
# near the bound.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${1:-}" = "--large" ]; then
    build=${2:-$root/build}
    sizes=${3:-4 16 64}
    cli=$build/examples/newsparse
    shapes=$root/tests/reliability/shapes.py
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    [ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed"; exit 77; }
    bad=0
    printf '%-16s %-5s %5s %9s %9s %7s %6s %s\n' shape kind MB cpu_s "s/MB" "peak/B" exit ""
    for line in $(python3 "$shapes" list | tr ' ' ':'); do
        name=${line%%:*}
        kind=${line#*:}
        first=
        last=
        for mb in $sizes; do
            bytes=$((mb * 1048576))
            python3 "$shapes" make "$name" "$bytes" "$tmp/in"
            case $kind in
                clean) set -- clean "$tmp/in" ;;
                *) set -- parse --input "$kind" "$tmp/in" ;;
            esac
            st=0
            /usr/bin/time -o "$tmp/time" -f '%U %S %M' "$cli" "$@" >/dev/null 2>&1 || st=$?
            read -r u s peak < "$tmp/time" || true
            peak=$(tail -1 "$tmp/time" | cut -d' ' -f3)
            u=$(tail -1 "$tmp/time" | cut -d' ' -f1)
            s=$(tail -1 "$tmp/time" | cut -d' ' -f2)
            row=$(python3 -c "
u, s, peak, b, mb = $u, $s, $peak, $bytes, $mb
cpu = u + s
allow = max(256 * 1024, b * 20 // 1024)
print('%.2f %.4f %.1f %s' % (cpu, cpu / mb, peak * 1024 / b, 'OVER' if peak > allow else ''))")
            set -- $row
            [ -n "$first" ] || first=$2
            last=$2
            [ "${4:-}" = OVER ] && bad=1
            printf '%-16s %-5s %5s %9s %9s %7s %6s %s\n' "$name" "$kind" "$mb" "$1" "$2" "$3" "$st" "${4:-}"
        done
        ratio=$(python3 -c "a, b = $first, $last; print('%.2f' % (b / a if a > 0 else 0))")
        flag=
        if python3 -c "import sys; sys.exit(0 if $ratio > 1.25 else 1)"; then
            flag=SUPERLINEAR
            bad=1
        fi
        printf '%-16s ratio of CPU per MB, largest / smallest: %s %s\n' "$name" "$ratio" "$flag"
    done
    exit $bad
fi
build=${1:-$root/build}
base=${2:-4000}
cli=$build/examples/newsparse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "valgrind is needed"; exit 77; }

# name, input kind, prefix, repeated pattern, suffix (printf formats)
cases='nested-div|html||<div>|
unclosed-b|html||<b>x|
stray-end-tags|html|<span><span><span><span>|</x></b>|
attributes|html|<p|  a=1|>x</p>
duplicate-attributes|html|<p| a=1 b=2|>x</p>
unclosed-p|html||<p>Words in an unclosed paragraph, one of many. |
entities|html|<p>|&amp;&#x2019;&nbsp;&bogus;|</p>
comments|html||<!-- c --> |
paragraphs|html||<p>Mr John Smith said: "We will go to Paris." </p>|
jsonld-array|html|<script type="application/ld+json">{"author":[|{"name":"A B"},|{}]}</script>
text-lines|text||Mr John Smith said "we will go" in London today.\n|
text-cr-only|text||a\r|
text-capitals|text||THE PRESIDENT SAID NO TODAY IN WASHINGTON. |
text-open-quotes|text||"He said that |
text-one-token|text||xxxxxxxxxx|
clean-mojibake|clean||cafÃ© itâ€™s dont |'

make() {  # make FILE REPS PREFIX PATTERN SUFFIX
    python3 - "$@" <<'PY'
import sys
path, reps, pre, pat, suf = sys.argv[1], int(sys.argv[2]), *sys.argv[3:6]
dec = lambda s: s.encode().decode('unicode_escape').encode('latin-1', 'surrogatepass') if '\\' in s else s.encode()
open(path, 'wb').write(dec(pre) + dec(pat) * reps + dec(suf))
PY
}

ir() {  # ir KIND FILE: instructions of one run
    case $1 in
        clean) set -- clean "$2" ;;
        *) set -- parse --input "$1" "$2" ;;
    esac
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$cli" "$@" \
        2>&1 >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -1
}

bad=0
printf '%-22s %14s %14s %14s %14s %7s\n' case "Ir(0)" "Ir(1x)" "Ir(2x)" "Ir(4x)" ratio
echo "$cases" | while IFS='|' read -r name kind pre pat suf; do
    [ -n "$name" ] || continue
    make "$tmp/0" 0 "$pre" "$pat" "$suf"
    make "$tmp/1" "$base" "$pre" "$pat" "$suf"
    make "$tmp/2" $((base * 2)) "$pre" "$pat" "$suf"
    make "$tmp/4" $((base * 4)) "$pre" "$pat" "$suf"
    i0=$(ir "$kind" "$tmp/0"); i1=$(ir "$kind" "$tmp/1")
    i2=$(ir "$kind" "$tmp/2"); i4=$(ir "$kind" "$tmp/4")
    ratio=$(python3 -c "a,b=$i1-$i0,$i4-$i0; print('%.2f' % (b/a/4 if a > 0 else 0))")
    flag=
    if python3 -c "import sys; sys.exit(0 if $ratio > 1.6 else 1)"; then
        flag=SUPERLINEAR
        touch "$tmp/superlinear"
    fi
    printf '%-22s %14s %14s %14s %14s %7s %s\n' "$name" "$i0" "$i1" "$i2" "$i4" "$ratio" "$flag"
done
[ ! -e "$tmp/superlinear" ]
