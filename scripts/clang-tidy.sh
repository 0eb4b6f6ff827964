#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy: bugprone-*, performance-*, readability-function-size) over the
# product's code, core/, cli/, ui/ and app/, with the compile commands of build/ (the dev or ci
# preset must be built first). Each finding is kept as "file|check|message", without line
# numbers, so that editing a file above a known finding does not make it new. Fails when a
# finding is not in scripts/clang-tidy-baseline.txt, and lists it; `--update` rewrites the
# baseline instead (for findings that are fixed, or deliberately kept). PROMDESK_BUILD_DIR names
# another build directory whose compile commands to use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build="${PROMDESK_BUILD_DIR:-build}"
baseline="scripts/clang-tidy-baseline.txt"
[ -f "$build/compile_commands.json" ] || { echo "clang-tidy: build $build first (bash scripts/build.sh)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git ls-files 'core/*.cpp' 'cli/*.cpp' 'ui/*.cpp' 'app/*.cpp' > "$work/files"
# The compile commands are GCC's: clang does not know some of its warning options, and its own
# warnings are not clang-tidy's findings (GCC's, with -Werror, gate the build).
# Each file's report goes to a file of its own: parallel runs writing to one would interleave.
mkdir "$work/reports"
export build work
# A file whose run fails (clang-tidy crashed, or could not read it) leaves a ".failed" mark:
# its findings would otherwise read as fixed.
xargs -a "$work/files" -P "$(nproc)" -I{} sh -c \
    'report="$work/reports/$(echo "$1" | tr / _)"
     clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-error "$1" \
        > "$report.txt" 2> "$report.stderr" || { echo "$1" > "$report.failed"; }' _ {} || true
cat "$work"/reports/*.txt > "$work/out"
if grep -q "error:" "$work/out"; then
    grep "error:" "$work/out" | head -20 >&2
    echo "clang-tidy: compile errors (above)" >&2
    exit 2
fi
if compgen -G "$work/reports/*.failed" > /dev/null; then
    for failed in "$work"/reports/*.failed; do
        echo "clang-tidy: failed on $(cat "$failed"):" >&2
        tail -5 "${failed%.failed}.stderr" | sed 's/^/  /' >&2
    done
    exit 2
fi
# No finding at all is a result too, not grep's "nothing matched".
{ grep -E '^/[^:]+:[0-9]+:[0-9]+: warning: ' "$work/out" || true; } | grep -v '\[clang-diagnostic-' \
    | sed -E "s#^$root/##; s#^([^:]+):[0-9]+:[0-9]+: warning: (.*) \[([^]]+)\]\$#\1|\3|\2#" \
    | sort -u > "$work/found" || true

[ -z "${PROMDESK_TIDY_RAW:-}" ] || cp "$work/out" "$PROMDESK_TIDY_RAW"
if [ "${1:-}" = "--update" ]; then
    cp "$work/found" "$baseline"
    echo "clang-tidy: $(wc -l < "$baseline") findings written to $baseline"
    exit 0
fi
new="$(comm -23 "$work/found" <(sort -u "$baseline"))"
gone="$(comm -13 "$work/found" <(sort -u "$baseline"))"
if [ -n "$gone" ]; then
    echo "clang-tidy: fixed since the baseline (run with --update to drop them):"
    echo "$gone" | sed 's/^/  /'
fi
if [ -n "$new" ]; then
    echo "clang-tidy: new findings:" >&2
    echo "$new" | sed 's/^/  /' >&2
    exit 1
fi
echo "clang-tidy: $(wc -l < "$work/found") findings, none new ($(wc -l < "$work/files") files)"
