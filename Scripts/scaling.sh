#!/usr/bin/env bash
# Scaling check: generation time per MB must stay flat as a document grows.
#
#   Scripts/scaling.sh [FILE [FACTOR...]]
#
# Builds specsmith-bench in release (scratch folder .build-perf), writes FILE (default
# ../shared/corpus/tradovate-2021.yaml) replicated FACTOR times (default 1 4 16 64) into a temporary
# folder with `specsmith-bench replicate` (×1 too, so that every size has the same layout: block YAML,
# or for a FILE ending in .json JSON on one line, as minified documents come), runs `specsmith-bench
# generate` on each (fewer iterations for the large ones), and prints per size the CPU milliseconds per
# MB of each stage (reporting the warnings included) and of the total (the best of ROUNDS rounds,
# default 3, of the median of the iterations), then the ratio largest ÷ smallest of each.
# Exits 1 when the total's ratio is above MAX_RATIO (default 1.5): something grows faster than linearly.
# ITERATIONS="9 5 3 1" sets the iterations per factor (the last one repeats for further factors).
# Output goes to TMPDIR, or to /dev/shm when TMPDIR is unset and /dev/shm exists (see below for why).
set -euo pipefail

cd "$(dirname "$0")/.."
source_file=${1:-../shared/corpus/tradovate-2021.yaml}
shift || true
factors=("${@:-1 4 16 64}")
read -r -a factors <<<"${factors[*]}"
read -r -a iterations <<<"${ITERATIONS:-9 5 3 1}"
max_ratio=${MAX_RATIO:-1.5}
rounds=${ROUNDS:-3}
extension=yaml
[[ $source_file == *.json ]] && extension=json

swift build --scratch-path .build-perf -c release --product specsmith-bench >&2
bench="$(swift build --scratch-path .build-perf -c release --show-bin-path)/specsmith-bench"

# The generated files go to a memory file system when there is one (TMPDIR overrides). On an ext4
# file system without a journal (as on the machines this was measured on), creating a file steps over
# every inode deleted in the last half minute, one by one: the benchmark deletes each run's
# thousand-odd files before the next run creates as many, and the write stage then grows per MB for
# the kernel's sake, not ours.
if [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]]; then
    export TMPDIR=/dev/shm
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/specsmith-scaling.XXXXXX")
trap 'rm -rf "$work"' EXIT

stages=(read yaml document model render write report free total)
results="$work/results.tsv"
: >"$results"
for factor in "${factors[@]}"; do
    "$bench" replicate "$source_file" "$factor" "$work/x$factor.$extension" >&2
done
# Rounds over all sizes, so that each size is measured at several moments of a shared machine's load;
# each stage's figure is its best round.
for round in $(seq "$rounds"); do
    for index in "${!factors[@]}"; do
        factor=${factors[$index]}
        count=${iterations[$index]:-${iterations[-1]}}
        document="$work/x$factor.$extension"
        bytes=$(wc -c <"$document")
        echo "round $round of $rounds: generate ×$factor ($bytes bytes, $count iterations after a warm-up)..." >&2
        output=$("$bench" generate --iterations "$count" "$document")
        # file KB read yaml document model render write report free total bare ratio MB/s peak ...
        row=$(grep "^x$factor.$extension " <<<"$output") || {
            echo "$output" >&2
            exit 1
        }
        read -r _ _ read_ms yaml_ms document_ms model_ms render_ms write_ms report_ms free_ms total_ms _ _ _ peak _ \
            <<<"$row"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$factor" "$bytes" "$count" \
            "$read_ms" "$yaml_ms" "$document_ms" "$model_ms" "$render_ms" "$write_ms" "$report_ms" "$free_ms" "$total_ms" \
            "$peak" >>"$results"
    done
done

echo
echo "$(basename "$source_file") replicated; CPU ms per MB (10^6 bytes) of each stage: the best of $rounds rounds of the median of the iterations"
awk -F'\t' -v max_ratio="$max_ratio" -v names="${stages[*]}" '
    BEGIN { split(names, stage, " ") }
    {
        if (!($1 in row)) { row[$1] = ++rows; factor[rows] = $1; mb[rows] = $2 / 1e6; runs[rows] = 0 }
        r = row[$1]; runs[r] += $3; if ($13 > peak[r]) peak[r] = $13
        for (s = 1; s <= 9; s++) if (!((r, s) in ms) || $(s + 3) < ms[r, s]) ms[r, s] = $(s + 3)
    }
    END {
        printf "%-7s %9s %5s %10s", "factor", "MB", "runs", "total ms"
        for (s = 1; s <= 9; s++) printf " %10s", stage[s] "/MB"
        printf " %8s\n", "peak MB"
        for (r = 1; r <= rows; r++) {
            printf "%-7s %9.2f %5d %10.1f", "x" factor[r], mb[r], runs[r], ms[r, 9]
            for (s = 1; s <= 9; s++) printf " %10.1f", ms[r, s] / mb[r]
            printf " %8s\n", peak[r]
        }
        printf "%-34s", "ratio x" factor[rows] " / x" factor[1]
        for (s = 1; s <= 9; s++) {
            small = ms[1, s] / mb[1]; large = ms[rows, s] / mb[rows]
            ratio[s] = small > 0 ? large / small : 0
            printf " %9.2fx", ratio[s]
        }
        printf "\n"
        worst = 2
        for (s = 3; s <= 8; s++) if (ratio[s] > ratio[worst]) worst = s
        if (ratio[9] > max_ratio) {
            printf "FAIL: total ms per MB grows %.2fx from x%s to x%s (limit %.2fx); the steepest stage is %s (%.2fx)\n", \
                ratio[9], factor[1], factor[rows], max_ratio, stage[worst], ratio[worst]
            exit 1
        }
        printf "ok: total ms per MB grows %.2fx from x%s to x%s (limit %.2fx)\n", ratio[9], factor[1], factor[rows], max_ratio
    }
' "$results"
