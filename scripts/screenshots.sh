#!/usr/bin/env bash
# Takes the README's screenshots under Xvfb: the real window, no window manager.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/screenshots"
mkdir -p "$out"
xvfb-run -a -s '-screen 0 1100x700x24' bash -c "
    '$root/build/app/promdesk' --sandbox-pushgateway http://127.0.0.1:9091 \
        --sandbox-remote-write http://127.0.0.1:9090/api/v1/write '$root/resources/examples/windows-export.prom' &
    pid=\$!
    sleep 2.5
    import -window root '$out/compose.png'
    kill \$pid"
echo "$out/compose.png"
