#!/usr/bin/env bash
# Counts the instructions of each part of one generation that runs on one thread.
#
#   Scripts/serial-parts.sh [--steady] SPECSMITH SPEC [OUTDIR]
#
# Runs `SPECSMITH generate SPEC` once under callgrind, dumping at the start and at the end of every
# `dispatch_apply_f` (each `concurrentPerform`). Under valgrind the main thread does nearly all the work of a
# concurrent section too, so each of its dumps is one part of the run: odd parts run between concurrent
# sections, on one thread while the other cores wait; even parts are the concurrent sections. Prints each
# part's instructions and its costliest SpecsmithCore/SpecsmithYAML functions (inclusive). Part 1 includes the
# process's start-up. A one-thread instruction costs about twice a shared-out one on two cores.
#
# --steady generates SPEC twice in the one process (a specsmith.yaml of two jobs) and sums the one-thread parts
# of the second job, which pays none of the first's one-time costs (type metadata, lazy globals, ICU): what
# each of the benchmark's repeated generations pays. The second job is found by its document's concurrent line
# scan, so --steady needs a document large enough to be read in pieces (128 KiB or more).
#
# SPECSMITH is a release build (`swift build -c release --product specsmith`). Output goes to OUTDIR (default
# /dev/shm/serial-parts, or $TMPDIR/serial-parts); the files generated to a folder beside it.
set -euo pipefail

steady=false
if [[ ${1:-} == --steady ]]; then
    steady=true
    shift
fi
[[ $# -ge 2 ]] || { echo "usage: Scripts/serial-parts.sh [--steady] SPECSMITH SPEC [OUTDIR]" >&2; exit 2; }
bin=$(realpath "$1")
spec=$(realpath "$2")
base=${TMPDIR:-/dev/shm}
[[ -d $base ]] || base=/tmp
out=${3:-$base/serial-parts}
rm -rf "$out" "$out-generated"
mkdir -p "$out" "$out-generated"
if $steady; then
    printf 'jobs:\n' >"$out-generated/specsmith.yaml"
    for job in first second; do
        printf '  - spec: %s\n    output: %s\n    module: M\n' "$spec" "$job" >>"$out-generated/specsmith.yaml"
    done
    arguments=(generate)
else
    arguments=(generate "$spec" --output generated --module M)
fi
(cd "$out-generated" &&
    valgrind --tool=callgrind --separate-threads=yes --dump-before=dispatch_apply_f --dump-after=dispatch_apply_f \
        --callgrind-out-file="$out/cg.out" "$bin" "${arguments[@]}" >/dev/null 2>"$out/valgrind.log") || true
grep 'refs' "$out/valgrind.log" | tail -1
scans=0
second=false
serial=0
for file in $(ls "$out"/cg.out.*-01 | sort -t. -k3 -n); do
    part=$(basename "$file" | sed 's/cg.out.\([0-9]*\)-01/\1/')
    total=$(grep -m1 '^summary:' "$file" | awk '{print $2}')
    top=$(callgrind_annotate --inclusive=yes "$file" 2>/dev/null | sed -n '/file:function/,$p' |
        grep -E 'Specsmith(Core|YAML)' | grep -v -E 'PipelineV8generate|LoadSessionC3run8root|JobOptionsV5plans' |
        grep -v GenerateV3run | head -3 |
        sed -E 's/^ *([0-9,]+).*:(\$s[^ ]*).*/\1 \2/' | cut -c1-110 | tr '\n' ';' || true)
    # Each job starts with the concurrent scan of its document's lines (DocumentPieces).
    if $steady && [[ $top == *DocumentPieces* ]] && ((part % 2 == 0)); then
        scans=$((scans + 1))
        if ((scans == 2)); then
            second=true
            echo "== the second job"
        fi
    fi
    if $second && ((part % 2 == 1)); then serial=$((serial + total)); fi
    printf '%3s %12s  %s\n' "$part" "$total" "$top"
done
if $steady; then echo "one-thread parts of the second job: $serial"; fi
rm -rf "$out-generated"
