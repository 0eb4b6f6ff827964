#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with ASan and UBSan; the "fuzz" preset) and runs each one:
# first over its regression inputs (tests/fuzz/regressions/<target>/, every input once), then for
# FUZZ_SECONDS seconds (default 30) from its seed corpus (tests/fuzz/corpus/<target>/, which is
# only read: new inputs go to a scratch copy). Any crash, leak, timeout or sanitizer report
# fails the run, and the input that caused it is kept in build-fuzz/artifacts/.
# PROMDESK_WERROR=ON makes every warning an error (test.sh sets it).
# FUZZ_TARGETS="text_parser fixer" runs only those. The seed is fixed (FUZZ_SEED, default 1) so
# that a run's findings reproduce; long exploring runs belong outside CI (docs/fuzzing.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-30}"
seed="${FUZZ_SEED:-1}"
targets="${FUZZ_TARGETS:-text_parser parser_differential delimited_protobuf remote_write_decode csv_import grouping_key gateway_json retry_after fixer}"

cmake --preset fuzz -DPROMDESK_WERROR="${PROMDESK_WERROR:-OFF}" >/dev/null
cmake --build --preset fuzz --parallel "$(nproc)"

artifacts="$root/build-fuzz/artifacts"
mkdir -p "$artifacts"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"

for target in $targets; do
    binary="$root/build-fuzz/tests/fuzz/fuzz_$target"
    log="$artifacts/$target.log"
    regressions="$root/tests/fuzz/regressions/$target"
    if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
        if ! "$binary" "$regressions"/* >"$log" 2>&1; then
            tail -n 40 "$log"
            echo "fuzz: $target fails on a regression input" >&2
            exit 1
        fi
    fi
    mkdir -p "$scratch/$target"
    if ! "$binary" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
        "$scratch/$target" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz: $target found a failing input; it is in $artifacts/" >&2
        exit 1
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    echo "fuzz: $target: $runs runs in ${seconds} s, no failure"
done
