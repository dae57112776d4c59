#!/usr/bin/env bash
# Counts the instructions of each part of one generation that runs on one thread.
#
#   Scripts/serial-parts.sh SPECSMITH SPEC [OUTDIR]
#
# Runs `SPECSMITH generate SPEC` once under callgrind, dumping at the start and at the end of every
# `dispatch_apply_f` (each `concurrentPerform`). Under valgrind the main thread does nearly all the work of a
# concurrent section too, so each of its dumps is one part of the run: odd parts run between concurrent
# sections, on one thread while the other cores wait; even parts are the concurrent sections. Prints each
# part's instructions and its costliest SpecsmithCore/SpecsmithYAML functions (inclusive). Part 1 includes the
# process's start-up. A one-thread instruction costs about twice a shared-out one on two cores.
# SPECSMITH is a release build (`swift build -c release --product specsmith`). Output goes to OUTDIR (default
# /dev/shm/serial-parts, or $TMPDIR/serial-parts); the files generated to a folder beside it.
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: Scripts/serial-parts.sh SPECSMITH SPEC [OUTDIR]" >&2; exit 2; }
bin=$1
spec=$2
base=${TMPDIR:-/dev/shm}
[[ -d $base ]] || base=/tmp
out=${3:-$base/serial-parts}
rm -rf "$out" "$out-generated"
mkdir -p "$out"
valgrind --tool=callgrind --separate-threads=yes --dump-before=dispatch_apply_f --dump-after=dispatch_apply_f \
    --callgrind-out-file="$out/cg.out" "$bin" generate "$spec" --output "$out-generated" --module M \
    >/dev/null 2>"$out/valgrind.log" || true
grep 'refs' "$out/valgrind.log" | tail -1
for file in $(ls "$out"/cg.out.*-01 | sort -t. -k3 -n); do
    part=$(basename "$file" | sed 's/cg.out.\([0-9]*\)-01/\1/')
    total=$(grep -m1 '^summary:' "$file" | awk '{print $2}')
    top=$(callgrind_annotate --inclusive=yes "$file" 2>/dev/null | sed -n '/file:function/,$p' |
        grep -E 'Specsmith(Core|YAML)' | grep -v -E 'PipelineV8generate|LoadSessionC3run8root|JobOptionsV5plans' |
        grep -v GenerateV3run | head -3 |
        sed -E 's/^ *([0-9,]+).*:(\$s[^ ]*).*/\1 \2/' | cut -c1-110 | tr '\n' ';' || true)
    printf '%3s %12s  %s\n' "$part" "$total" "$top"
done
rm -rf "$out-generated"
