#!/usr/bin/env bash
# The sandbox takes a backfill as an operator first tries one: two hours of a CSV, while the
# sandbox Prometheus already holds "now" (it scrapes the gateway). Without an out-of-order window
# every sample older than about an hour is "out of bounds" and the backfill is refused whole.
#   backfill_into_sandbox.sh PROMDESK_CLI SANDBOX_SH
set -euo pipefail
cli="$1"
sandbox="$2"
scratch="$(mktemp -d)"
export PROMDESK_SANDBOX_DIR="$scratch/sandbox" PROMDESK_DATA_DIR="$scratch/data" PROMDESK_CONFIG_DIR="$scratch/config"
trap 'bash "$sandbox" stop >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT

started="$(bash "$sandbox" start)"
echo "$started"
grep -q "out-of-order window" <<< "$started" || { echo "FAIL: the sandbox does not say it takes old samples" >&2; exit 1; }
env_file="$(echo "$started" | tail -n 1)"
# shellcheck disable=SC1090
. "$env_file"

# The sandbox Prometheus holds "now" once it has scraped the gateway.
for _ in $(seq 1 100); do
    if up=$(curl -fsS "$PROMDESK_SANDBOX_PROMETHEUS/api/v1/query?query=up") && grep -q '"value"' <<< "$up"; then break; fi
    sleep 0.2
done

now=$(date +%s)
csv="$scratch/two-hours.csv"
echo "timestamp,metric,host,value" > "$csv"
for minutes_ago in $(seq 120 -1 1); do
    echo "$((now - minutes_ago * 60)),sandbox_backfill_temp,web-1,$((20 + minutes_ago % 7))" >> "$csv"
done

"$cli" backfill --url "$PROMDESK_SANDBOX_REMOTE_WRITE" "$csv"

# The oldest sample is there: two hours ago.
oldest=$((now - 120 * 60))
answer="$(curl -fsS "$PROMDESK_SANDBOX_PROMETHEUS/api/v1/query?query=sandbox_backfill_temp&time=$oldest")"
grep -q '"web-1"' <<< "$answer" || { echo "FAIL: the sample of two hours ago is not in the sandbox: $answer" >&2; exit 1; }
echo "ok: two hours backfilled into the sandbox"
