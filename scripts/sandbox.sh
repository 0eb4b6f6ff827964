#!/usr/bin/env bash
# A local sandbox: a Pushgateway and a Prometheus (remote-write receiver on, scraping the gateway
# with honor_labels) on free 127.0.0.1 ports, with all their data in one temporary directory.
# Its Prometheus takes samples up to 30 days old (out_of_order_time_window): it holds "now" from
# the first scrape of the gateway, and without the window a backfill of the last hours would be
# refused as "out of bounds".
#   sandbox.sh start   starts both and prints where they listen, then the environment file to
#                      source (the last line); stops both again if either does not become ready
#   sandbox.sh stop    stops them and removes the directory
set -euo pipefail
state="${PROMDESK_SANDBOX_DIR:-${TMPDIR:-/tmp}/promdesk-sandbox}"
env_file="$state/sandbox.env"

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_ready() {
    for _ in $(seq 1 100); do
        if curl -fsS "$1/-/ready" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "sandbox: $1 did not become ready; see $state/*.log" >&2
    return 1
}

# terminate PID...: asks the processes to stop, waits up to 5 s for them to go (a Prometheus
# flushes its data first), then kills what is left, so that nothing writes into the directory
# while it is removed.
terminate() {
    kill "$@" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 "$@" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$@" 2>/dev/null || true
}

stop() {
    if [ -f "$env_file" ]; then
        # shellcheck disable=SC1090
        . "$env_file"
        terminate "${PROMDESK_SANDBOX_PIDS[@]}"
    fi
    rm -rf "$state"
}

start() {
    stop
    mkdir -p "$state/prometheus"
    local pgw_port prom_port
    pgw_port=$(free_port)
    prom_port=$(free_port)
    cat > "$state/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
storage:
  tsdb:
    out_of_order_time_window: 30d
scrape_configs:
  - job_name: pushgateway
    honor_labels: true
    static_configs:
      - targets: ['127.0.0.1:$pgw_port']
YAML
    prometheus-pushgateway --web.listen-address="127.0.0.1:$pgw_port" \
        --persistence.file="$state/pushgateway.data" --web.enable-admin-api \
        >"$state/pushgateway.log" 2>&1 &
    local pgw_pid=$!
    prometheus --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/prometheus" \
        --web.listen-address="127.0.0.1:$prom_port" --web.enable-remote-write-receiver \
        >"$state/prometheus.log" 2>&1 &
    local prom_pid=$!
    cat > "$env_file" <<ENV
PROMDESK_SANDBOX_PUSHGATEWAY=http://127.0.0.1:$pgw_port
PROMDESK_SANDBOX_PROMETHEUS=http://127.0.0.1:$prom_port
PROMDESK_SANDBOX_REMOTE_WRITE=http://127.0.0.1:$prom_port/api/v1/write
PROMDESK_SANDBOX_PIDS=($pgw_pid $prom_pid)
ENV
    if ! wait_ready "http://127.0.0.1:$pgw_port" || ! wait_ready "http://127.0.0.1:$prom_port"; then
        # Nothing is left running, nor a list of process ids that a later stop could find reused.
        # The logs' ends are shown here: a caller's stop removes the directory with them.
        terminate "$pgw_pid" "$prom_pid"
        rm -f "$env_file"
        tail -n 20 "$state/pushgateway.log" "$state/prometheus.log" >&2 || true
        return 1
    fi
    echo "sandbox: Pushgateway http://127.0.0.1:$pgw_port, Prometheus http://127.0.0.1:$prom_port (data in $state)"
    echo "sandbox: Prometheus has a 30-day out-of-order window: backfills of samples up to 30 days old are taken"
    echo "$env_file"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
