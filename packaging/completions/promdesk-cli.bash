# bash completion for promdesk-cli: commands, their subcommands and options, profile names and
# files. Everything but files is read from promdesk-cli itself (its --help, `profile list`), so it
# is never out of date with the program it completes. It reads them in English (--lang en), the
# language its patterns are written for, whatever the operator's.

# The words after `promdesk-cli COMMAND` in its usage lines that name a subcommand.
_promdesk_cli_subcommands() {
    "$1" --lang en "$2" --help 2>/dev/null | awk -v cmd="$2" '
        /^(Usage:| )/ && index($0, "promdesk-cli " cmd " ") {
            rest = substr($0, index($0, "promdesk-cli " cmd " ") + length("promdesk-cli " cmd " "))
            n = split(rest, parts, "|")
            for (i = 1; i <= n; i++) { split(parts[i], words, " "); if (words[1] ~ /^[a-z]+$/) print words[1] }
        }' | sort -u
}

_promdesk_cli() {
    local cli=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=""
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        local commands
        commands=$("$cli" --lang en --help 2>/dev/null | awk '/^Commands:/ { l = 1; next } l && /^  [a-z]/ { print $1 } l && /^$/ { exit }')
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return
    fi
    local command=${COMP_WORDS[1]} help
    help=$("$cli" --lang en "$command" --help 2>/dev/null)
    # The value of an option: a profile's name, a file or directory, or nothing to offer.
    local placeholder
    placeholder=$(grep -o -- "$prev <[A-Za-z_]*>" <<< "$help" | head -1 | sed 's/.*<\(.*\)>/\1/')
    if [ "$prev" = --profile ]; then
        mapfile -t COMPREPLY < <(compgen -W "$(PROMDESK_NO_HISTORY=1 "$cli" --lang en profile list 2>/dev/null | awk '/  \(/ { print $1 }')" -- "$cur")
        return
    fi
    case $placeholder in
        FILE | OUT | DIR | PATH | CSV)
            if declare -F _filedir > /dev/null; then _filedir; else mapfile -t COMPREPLY < <(compgen -f -- "$cur"); fi
            return ;;
        "") ;;
        *) return ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(grep -o -- '--[a-z][a-z0-9-]*' <<< "$help" | sort -u)" -- "$cur")
        return
    fi
    if [ "$COMP_CWORD" -eq 2 ]; then
        local subcommands
        subcommands=$(_promdesk_cli_subcommands "$cli" "$command")
        if [ -n "$subcommands" ]; then
            mapfile -t COMPREPLY < <(compgen -W "$subcommands" -- "$cur")
            return
        fi
    fi
    if declare -F _filedir > /dev/null; then _filedir; else mapfile -t COMPREPLY < <(compgen -f -- "$cur"); fi
}
complete -F _promdesk_cli promdesk-cli
