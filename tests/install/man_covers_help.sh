#!/usr/bin/env bash
# Every option a program's --help names (and, for promdesk-cli, every command's --help) appears in
# its man page: the page is made from the same text, and this holds it to that.
# Usage: man_covers_help.sh PROGRAM PAGE
set -euo pipefail
program=$1
page=$2
export PROMDESK_NO_HISTORY=1
text=$(MANWIDTH=250 man -l "$page" 2>/dev/null)
[ -n "$text" ] || { echo "man_covers_help: $page renders empty" >&2; exit 1; }

helps=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$program" --help)
for command in $(echo "$helps" | awk '/^Commands:/ { listed = 1; next } listed && /^  [a-z]/ { print $1 } listed && /^$/ { exit }'); do
    grep -q -- "^   $command\$" <<< "$text" || { echo "man_covers_help: no section for '$command' in $page" >&2; exit 1; }
    helps+=$'\n'$("$program" "$command" --help)
done
missing=0
checked=0
for option in $(grep -o -- '--[a-z][a-z0-9-]*' <<< "$helps" | sort -u); do
    checked=$((checked + 1))
    if ! grep -q -F -- "$option" <<< "$text"; then
        echo "man_covers_help: $option is in --help but not in $page" >&2
        missing=$((missing + 1))
    fi
done
[ "$checked" -gt 0 ] || { echo "man_covers_help: no option found in --help" >&2; exit 1; }
[ "$missing" -eq 0 ] || exit 1
echo "man_covers_help: all $checked options of $(basename "$program") are in its man page"
