#!/usr/bin/env bash
# Fails when a C++ file in git does not keep .clang-format, and names it; `--fix` rewrites them
# instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
if ! clang-format --dry-run --Werror "${files[@]}" 2>"$report"; then
    # Anything but a format difference (clang-format missing, a file it cannot read or a broken
    # .clang-format) is shown as clang-format said it.
    # Its diagnostics are "FILE:LINE:COL: error: code should be clang-formatted", each followed by
    # the code; any other diagnostic, or a message of its own, is a failure.
    failures="$(grep -E '^([^ ]+:[0-9]+:[0-9]+: error: |[Ee]rror)' "$report" \
        | grep -v ': error: code should be clang-formatted' || true)"
    if [ -n "$failures" ] || ! grep -q ': error: code should be clang-formatted' "$report"; then
        if [ -n "$failures" ]; then echo "$failures" >&2; else cat "$report" >&2; fi
        echo "check-format: clang-format failed (above)" >&2
        exit 2
    fi
    grep -o '^[^:]*:[0-9]*:[0-9]*: error' "$report" | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
    echo "check-format: run 'bash scripts/check-format.sh --fix'" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files keep .clang-format"
