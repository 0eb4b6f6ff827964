#!/usr/bin/env bash
# The shell completions of promdesk-cli, run as bash and zsh would run them: commands, options,
# subcommands, profile names, files, and nothing where a value is free text.
# Usage: completions_test.sh PROMDESK_CLI COMPLETIONS_DIR
set -euo pipefail
cli=$1
dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PROMDESK_CONFIG_DIR="$work/config" PROMDESK_DATA_DIR="$work/data" PROMDESK_NO_HISTORY=1
# On a desktop that speaks Chinese: the CLI's help is Chinese there, and the completions still work.
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=zh_CN.UTF-8
"$cli" profile add staging --kind pushgateway --pushgateway-url http://127.0.0.1:9091 > /dev/null 2>&1
mkdir "$work/files" && touch "$work/files/metrics.prom" "$work/files/certificate.pem"
cd "$work/files"

failures=0
# expect SHELL "WORDS" WANTED [UNWANTED]: completing the last word of WORDS offers WANTED (and not
# UNWANTED); "-" for WANTED means nothing at all is offered.
expect() {
    local shell=$1 line=$2 wanted=$3 unwanted=${4:-} offered
    offered=$("complete_$shell" "$line")
    if { [ "$wanted" = - ] && [ -n "$offered" ]; } || { [ "$wanted" != - ] && ! grep -qx -- "$wanted" <<< "$offered"; } \
        || { [ -n "$unwanted" ] && grep -qx -- "$unwanted" <<< "$offered"; }; then
        echo "completions: $shell, '$line': wanted '$wanted'${unwanted:+, not '$unwanted'}; offered: $(echo $offered)" >&2
        failures=$((failures + 1))
    fi
}

complete_bash() {
    bash --norc --noprofile -c '
        [ -f /usr/share/bash-completion/bash_completion ] && source /usr/share/bash-completion/bash_completion
        source "$1"
        read -r -a COMP_WORDS <<< "$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_WORDS[0]=$3
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _promdesk_cli
        printf "%s\n" "${COMPREPLY[@]}"' _ "$dir/promdesk-cli.bash" "$1" "$cli"
}

complete_zsh() {
    zsh -f -c '
        compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@" }
        _files() { print -rl -- *(N) }
        words=(${(z)2})
        [[ $2 == *" " ]] && words+=("")
        words[1]=$3
        CURRENT=${#words}
        source "$1"' _ "$dir/_promdesk-cli" "$1" "$cli"
}

for shell in bash zsh; do
    expect $shell "promdesk-cli pu" push
    expect $shell "promdesk-cli push --gr" --group
    expect $shell "promdesk-cli backfill --res" --resume-from
    expect $shell "promdesk-cli profile " add
    expect $shell "promdesk-cli profile " import
    expect $shell "promdesk-cli history " resend
    expect $shell "promdesk-cli push --profile " staging
    expect $shell "promdesk-cli validate " metrics.prom
    expect $shell "promdesk-cli backfill --ca " certificate.pem
    expect $shell "promdesk-cli push --url " -
done
[ "$failures" -eq 0 ] || exit 1
echo "completions: bash and zsh offer what promdesk-cli takes"
