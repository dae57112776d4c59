#!/usr/bin/env bash
# Scripts/fuzz.sh HARNESS SECONDS
#
# Builds one libFuzzer harness of the Fuzz package (FuzzYAML, FuzzLoader or FuzzGenerate) with the
# fuzzer and address sanitizers, seeds it from the test fixtures, the golden specs, specs/eval.yaml and
# the shared corpus, runs it for SECONDS seconds, and prints executions, coverage and findings.
#
# Everything it writes goes to fuzz-artifacts/HARNESS/ (git-ignored): corpus/ (the inputs that found
# new coverage, kept from run to run), seeds/ (rebuilt each run), run.log, and any crash-*, leak-*,
# timeout-*, slow-unit-* or oom-* input. An input slower than one second is a timeout.
#
# Environment: FUZZ_MAX_LEN (default 65536) bounds input size; larger seeds are cut to it.
#              FUZZ_JOBS_FLAGS adds libFuzzer flags, e.g. FUZZ_JOBS_FLAGS="-seed=1".
# Exit status: 0 when the run found nothing, 1 when it found something, 2 for a usage or build error.
set -uo pipefail

usage() {
    echo "usage: Scripts/fuzz.sh FuzzYAML|FuzzLoader|FuzzGenerate SECONDS" >&2
    exit 2
}
[[ $# -eq 2 ]] || usage
harness=$1
seconds=$2
case $harness in FuzzYAML | FuzzLoader | FuzzGenerate) ;; *) usage ;; esac
[[ $seconds =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fuzz-artifacts/$harness
mkdir -p "$out/corpus"
rm -rf "$out/seeds"
mkdir -p "$out/seeds"

# The code under test: a snapshot of the main package's sources (HEAD, or the working tree with
# FUZZ_SNAPSHOT=worktree). Only files that differ are replaced, so an unchanged target is not rebuilt.
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
parts=(Sources/CYAML Sources/SpecsmithDiagnostics Sources/SpecsmithYAML Sources/SpecsmithPattern
    Sources/SpecsmithCore Plugins/EmbedTemplates Templates)
if [[ ${FUZZ_SNAPSHOT:-head} == worktree ]]; then
    (cd "$root" && tar -cf - "${parts[@]}") | tar -xf - -C "$fresh"
else
    git -C "$root" archive HEAD "${parts[@]}" | tar -xf - -C "$fresh"
fi
sync_tree() { # sync_tree FROM TO: make TO hold exactly FROM's files, touching only changed ones
    local from=$1 to=$2 file
    mkdir -p "$to"
    (cd "$to" && find . -type f) | while IFS= read -r file; do
        [[ -f $from/$file ]] || rm -f "$to/$file"
    done
    (cd "$from" && find . -type f) | while IFS= read -r file; do
        if ! cmp -s "$from/$file" "$to/$file"; then
            mkdir -p "$(dirname "$to/$file")"
            cp "$from/$file" "$to/$file"
        fi
    done
}
sync_tree "$fresh/Sources" "$root/Fuzz/Snapshot/Sources"
sync_tree "$fresh/Plugins" "$root/Fuzz/Snapshot/Plugins"
sync_tree "$fresh/Templates" "$root/Fuzz/Templates"

echo "fuzz: building $harness (release, -sanitize=fuzzer,address)"
# One scratch folder per harness.
scratch=$root/Fuzz/.build/$harness
# Coverage is asked for explicitly: Swift 6.3's `-sanitize=fuzzer` links libFuzzer but no longer instruments
# the code by itself, and libFuzzer then fuzzes blind.
build() {
    (cd "$root/Fuzz" && swift build -c release --sanitize fuzzer --sanitize address --scratch-path "$scratch" \
        -Xswiftc -enable-testing -Xswiftc -g -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table \
        --product "$harness" >>"$out/build.log" 2>&1)
}
: >"$out/build.log"
if ! build; then
    cat "$out/build.log" >&2
    exit 2
fi
binary=$scratch/release/$harness
# A first link has been seen to come out without coverage counters (libFuzzer then fuzzes blind),
# and a relink to have them: check, relink, and as a last resort build from a clean scratch folder.
# (`grep -c`, not `grep -q`: with pipefail, an early exit of grep would fail nm.)
has_counters() { [[ $(nm "$binary" 2>/dev/null | grep -c 'sancov.module_ctor') -gt 0 ]]; }
if ! has_counters; then
    echo "fuzz: $harness has no coverage counters; linking it again"
    touch "$root/Fuzz/Sources/$harness/$harness.swift"
    build || exit 2
fi
if ! has_counters; then
    echo "fuzz: $harness still has no coverage counters; building it again from scratch"
    rm -rf "$scratch"
    build || exit 2
fi
if ! has_counters; then
    echo "fuzz: $harness has no coverage counters; see fuzz-artifacts/$harness/build.log" >&2
    exit 2
fi

# Seeds: every fixture and spec the tests use, and the shared corpus when it is present.
seed_files=(
    "$root"/specs/*.yaml
    "$root"/Tests/SpecsmithCoreTests/Golden/*/spec.yaml
)
while IFS= read -r -d '' file; do seed_files+=("$file"); done < <(
    find "$root"/Tests/*/Fixtures -type f ! -name '.keep' -print0 2>/dev/null)
for shared in "$root/../shared/corpus" "$root/../shared/seeds" /work/shared/corpus /work/shared/seeds; do
    [[ -d $shared ]] || continue
    for file in "$shared"/*; do
        [[ -f $file && $(basename "$file") != README.md ]] && seed_files+=("$file")
    done
done
count=0
for file in "${seed_files[@]}"; do
    [[ -f $file ]] || continue
    count=$((count + 1))
    cp "$file" "$out/seeds/$(printf '%03d' $count)-$(basename "$file")"
done
echo "fuzz: $count seed files, corpus $(find "$out/corpus" -type f | wc -l) inputs"

# Known leaks outside Specsmith's code (each with its reproduction) are suppressed; any other leak is a finding.
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# Findings from an earlier run stay where they are; count only the new ones.
marker=$out/.started
touch "$marker"
echo "fuzz: running $harness for ${seconds}s (-timeout=1 -rss_limit_mb=4096)"
# shellcheck disable=SC2086
(cd "$out" && "$binary" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-65536}" \
    -print_final_stats=1 -artifact_prefix="$out/" ${FUZZ_JOBS_FLAGS:-} \
    "$out/corpus" "$out/seeds") >"$out/run.log" 2>&1
status=$?

echo "fuzz: $harness finished with status $status; log: fuzz-artifacts/$harness/run.log"
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$out/run.log" | tail -2
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|slowest_unit_time_sec|peak_rss_mb)' \
    "$out/run.log"
findings=$(find "$out" -maxdepth 1 -type f -newer "$marker" \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'slow-unit-*' -o -name 'oom-*' \))
if [[ -n $findings ]]; then
    echo "fuzz: findings:"
    echo "$findings"
    grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|^==[0-9]+==|SUMMARY|Fatal error' "$out/run.log" | head -20
    exit 1
fi
if [[ $status -ne 0 ]]; then
    echo "fuzz: libFuzzer exited with status $status without an artifact; see the log" >&2
    tail -30 "$out/run.log" >&2
    exit 1
fi
echo "fuzz: no findings"
