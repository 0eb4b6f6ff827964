#!/usr/bin/env bash
# Takes the README's screenshots under Xvfb: the real window, no window manager, against a
# local sandbox with one push in its history.
# Usage: scripts/screenshots.sh [FILE.png...]   (only those; all when none is named)
set -euo pipefail
only=" $* "
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/screenshots"
mkdir -p "$out"
scratch="$(mktemp -d)"
export PROMDESK_DATA_DIR="$scratch/data" PROMDESK_CONFIG_DIR="$scratch/config"
trap 'bash "$root/scripts/sandbox.sh" stop; rm -rf "$scratch"' EXIT
env_file=$(bash "$root/scripts/sandbox.sh" start | tail -n 1)
# shellcheck disable=SC1090
. "$env_file"
printf '# TYPE db_backup_size_bytes gauge\ndb_backup_size_bytes{db="customers"} 1.2e9\n' |
    "$root/build/app/promdesk-cli" push --url "$PROMDESK_SANDBOX_PUSHGATEWAY" --job db_backup --group instance=host-a - 2>/dev/null
printf 'db_backup_size_bytes 1,5\n' | "$root/build/app/promdesk-cli" write --url "$PROMDESK_SANDBOX_PROMETHEUS" - 2>/dev/null || true
printf 'backfill_demo 1 %s\n' "$(( ($(date +%s) - 60) * 1000 ))" |
    "$root/build/app/promdesk-cli" write --url "$PROMDESK_SANDBOX_PROMETHEUS" - 2>/dev/null

shoot() { # VIEW FILE [ARGS...]; WAIT=seconds before the picture (default 2.5)
    local view=$1 file=$2
    shift 2
    [ "$only" = "  " ] || [[ $only == *" $file "* ]] || return 0
    xvfb-run -a -s '-screen 0 1100x700x24' bash -c "
        '$root/build/app/promdesk' --view $view --sandbox-pushgateway '$PROMDESK_SANDBOX_PUSHGATEWAY' \
            --sandbox-remote-write '$PROMDESK_SANDBOX_REMOTE_WRITE' --sandbox-query '$PROMDESK_SANDBOX_PROMETHEUS' $* &
        pid=\$!
        sleep ${WAIT:-2.5}
        import -window root '$out/$file'
        kill \$pid"
    echo "$out/$file"
}
/usr/bin/python3 - "$scratch/backfill.prom" <<'PY'
import math, sys, time
end = int(time.time()) * 1000
with open(sys.argv[1], "w") as out:
    out.write("# TYPE room_temperature_celsius gauge\n")
    for p in range(720):
        ts = end - (720 - p) * 60000
        for room in ("lab", "office", "server"):
            base = {"lab": 21, "office": 23, "server": 27}[room]
            out.write(f'room_temperature_celsius{{room="{room}"}} {base + 2 * math.sin(p / 60 + len(room)):.2f} {ts}\n')
PY
shoot backfill backfill.png "'$scratch/backfill.prom'"
shoot compose compose.png "'$root/resources/examples/windows-export.prom'"
shoot compose compose-table.png --compose-table
shoot compose compose-dark.png --dark "'$root/resources/examples/windows-export.prom'"
# A high-contrast palette, as a desktop's high-contrast theme gives one: every colour from it.
shoot compose compose-high-contrast.png --high-contrast "'$root/resources/examples/windows-export.prom'"
shoot history history-high-contrast.png --high-contrast
shoot lab lab-high-contrast.png --high-contrast --run-lab-steps 2
shoot compose profile-dialog.png --new-profile
shoot push push.png
shoot groups groups.png
shoot lab lab.png --run-lab-steps 2
# TMP's example as a live job from three machines, with their arrival latencies (the sandbox's
# Prometheus scrapes the gateway every second).
WAIT=9 shoot push jobs.png --demo-live-job host-1,host-2,host-3
shoot history history.png
# The console in Simplified Chinese, as an operator whose desktop speaks it sees it.
shoot compose compose-zh_CN.png --lang zh_CN "'$root/resources/examples/windows-export.prom'"
shoot push push-zh_CN.png --lang zh_CN
