#!/usr/bin/env bash
# Compares the wall time of two builds of specsmith-bench, in alternated rounds.
#
#   Scripts/ab.sh ROUNDS BENCH_A BENCH_B FILE...
#
# Runs `BENCH generate --iterations 11 FILE...` ROUNDS times for each of the two executables, one after
# the other (A, B, A, B, ...), so that both see the same drift of this shared machine, and prints per
# document and build the median over the rounds of the whole generation's clock milliseconds (`wall`),
# of the bare libyaml loop, and their ratio (`wall x`, the figure issue #8's 3x target is about), then the lower
# quartile and the least of the wall times: bursts of a busy host move the median more than these.
# Keep a copy of the older build first, e.g. `cp .build-perf/release/specsmith-bench /tmp/bench-before`.
# Output goes to TMPDIR, or to /dev/shm when TMPDIR is unset and /dev/shm exists.
set -euo pipefail

[[ $# -ge 4 ]] || { echo "usage: Scripts/ab.sh ROUNDS BENCH_A BENCH_B FILE..." >&2; exit 2; }
rounds=$1
benches=("$2" "$3")
shift 3
if [[ -z ${TMPDIR:-} && -d /dev/shm ]]; then export TMPDIR=/dev/shm; fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((round = 1; round <= rounds; round++)); do
    for which in 0 1; do
        # A document's row ends with: ... total bare ratio MB/s peak wall wall-MB/s wall-x.
        "${benches[$which]}" generate --iterations 11 "$@" |
            awk -v build="$which" '$1 ~ /\.(yaml|yml|json)$/ { print $1, build, $(NF-2), $(NF-6) }' >>"$results"
    done
done

printf '%-30s %-6s %10s %10s %8s %10s %10s\n' document build "wall ms" "bare ms" "wall x" "q1 wall" "min wall"
sort -k1,1 -k2,2n "$results" | awk -v a="${benches[0]}" -v b="${benches[1]}" '
    # The value a fraction q of the way through the sorted list (0.5: the median; 0.25: the lower quartile).
    function quantile(list, n, q,    sorted, i, j, t, at, low) {
        for (i = 1; i <= n; i++) sorted[i] = list[i]
        for (i = 1; i <= n; i++)
            for (j = i + 1; j <= n; j++)
                if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
        at = 1 + q * (n - 1); low = int(at)
        return low >= n ? sorted[n] : sorted[low] + (at - low) * (sorted[low + 1] - sorted[low])
    }
    function flush() {
        if (n == 0) return
        w = quantile(walls, n, 0.5); x = quantile(bares, n, 0.5)
        printf "%-30s %-6s %10.2f %10.2f %7.2fx %10.2f %10.2f\n", doc, (build == 0 ? "A" : "B"), w, x, w / x,
            quantile(walls, n, 0.25), quantile(walls, n, 0)
        n = 0
    }
    { if ($1 != doc || $2 != build) { flush(); doc = $1; build = $2 } n++; walls[n] = $3; bares[n] = $4 }
    END { flush(); print "A = " a; print "B = " b }'
