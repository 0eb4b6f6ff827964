#!/usr/bin/env bash
# What PromDesk's CLI does, step by step, against the sandbox Pushgateway given as $1.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/app/promdesk-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/resources/examples/windows-export.prom" "$work/export.prom"

echo
echo "== 1. A metrics file exported on Windows, checked for a Pushgateway: every problem at once =="
"$cli" validate --target pushgateway "$work/export.prom"
echo
echo "== 2. Safe fixes only: the decimal comma needs a person =="
"$cli" validate --target pushgateway --fix --output "$work/fixed.prom" "$work/export.prom"
echo
echo "== 3. After correcting 12,5 by hand, every other fix is applied =="
sed -i 's/12,5/12.5/' "$work/export.prom"
"$cli" validate --target pushgateway --fix --output "$work/fixed.prom" "$work/export.prom" && cat "$work/fixed.prom"
echo
echo "== 4. Pushed to the sandbox Pushgateway ($1) =="
curl -sS -X PUT --data-binary @"$work/fixed.prom" "$1/metrics/job/db_backup/instance/$(hostname)" -w 'HTTP %{http_code}\n'
