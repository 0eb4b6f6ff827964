#!/usr/bin/env bash
# Installs what is missing, builds, starts the local sandbox and runs PromDesk against it: the
# GUI when there is a display, otherwise a demonstration through the CLI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh
bash scripts/build.sh
trap 'bash scripts/sandbox.sh stop' EXIT
started=$(bash scripts/sandbox.sh start)
sed '$d' <<< "$started" # where the sandbox listens: the operator may want to reach it too
env_file=$(tail -n 1 <<< "$started")
# shellcheck disable=SC1090
. "$env_file"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    ./build/app/promdesk --sandbox-pushgateway "$PROMDESK_SANDBOX_PUSHGATEWAY" \
        --sandbox-remote-write "$PROMDESK_SANDBOX_REMOTE_WRITE" --sandbox-query "$PROMDESK_SANDBOX_PROMETHEUS"
else
    echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): running the overwrite demonstration through the CLI."
    ./build/app/promdesk-cli demo overwrite --url "$PROMDESK_SANDBOX_PUSHGATEWAY"
fi
