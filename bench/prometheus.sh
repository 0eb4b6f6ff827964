# Sourced by the benchmarks: start_prometheus NAME starts a Prometheus with its remote-write
# receiver on a free 127.0.0.1 port, storage under $work/NAME, and sets $url. Its pid goes to
# $pids, which the caller's EXIT trap kills.
start_prometheus() {
    local port dir=$work/$1
    port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    mkdir -p "$dir"
    printf 'global:\n  scrape_interval: 1h\n' > "$dir/prometheus.yml"
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" --web.listen-address="127.0.0.1:$port" \
        --web.enable-remote-write-receiver >"$dir/log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done
    url="http://127.0.0.1:$port"
}
