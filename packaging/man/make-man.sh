#!/usr/bin/env bash
# Builds a man page from a program's own --help with help2man, so that the two cannot disagree:
# for promdesk-cli, each command's --help becomes a subsection of COMMANDS.
# Usage: make-man.sh PROGRAM INCLUDE_FILE OUTPUT
set -euo pipefail
program=$1
include=$2
output=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" # nothing the program might write lands in the build tree
# The paths the help shows are the reader's, not the builder's; and nothing is recorded.
# The page is English whatever the builder's language (the programs follow LANGUAGE, LC_ALL, LANG).
export LC_ALL=C.UTF-8
unset LANGUAGE LC_MESSAGES LANG
export PROMDESK_CONFIG_DIR='$XDG_CONFIG_HOME/promdesk' PROMDESK_DATA_DIR='$XDG_DATA_HOME/promdesk' PROMDESK_NO_HISTORY=1

# The commands its --help lists (none for the console).
mapfile -t commands < <("$program" --help | awk '/^Commands:/ { listed = 1; next } listed && /^  [a-z]/ { print $1 } listed && /^$/ { exit }')

# One subsection a command: its --help as printed, each line kept (troff's own escapes doubled).
includes=(--include="$include")
if [ ${#commands[@]} -gt 0 ]; then
    {
        echo "[COMMANDS]"
        for command in "${commands[@]}"; do
            echo ".SS \"$command\""
            echo ".nf"
            "$program" "$command" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
            echo ".fi"
        done
    } > "$work/commands.h2m"
    includes+=(--include="$work/commands.h2m")
fi

# help2man reads PROGRAM --help and --version; no display for the console's, which needs none.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
    help2man --no-info --no-discard-stderr "${includes[@]}" --output="$output" "$program"
