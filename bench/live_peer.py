#!/usr/bin/env python3
"""The peer for bench/live.sh: the loop an operator writes with prometheus_client to push every
100 ms (TMP's example in Python), scheduled the same way as PromDesk's job (tick N due at
start + N x interval, sleeping until it), 600 ticks. Prints how late each tick's push started."""
import sys
import time

from prometheus_client import CollectorRegistry, Gauge, push_to_gateway


def main():
    url = sys.argv[1]
    registry = CollectorRegistry()
    stamp = Gauge("db_backup_last_completion_timestamp_seconds", "The timestamp of the last completion of a DB backup.",
                  registry=registry)
    for i in range(10):
        Gauge(f"db_backup_bytes_{i}", "size", ["db", "path"], registry=registry).labels(
            "customers", "/var/lib/postgresql/15/main").set(1.2e9)
    interval, count = 0.1, 600
    start = time.monotonic()
    lateness = []
    for tick in range(count):
        due = start + tick * interval
        now = time.monotonic()
        if now < due:
            time.sleep(due - now)
        lateness.append((time.monotonic() - due) * 1000)
        stamp.set_to_current_time()
        push_to_gateway(url, job="bench_peer", grouping_key={"instance": "bench"}, registry=registry, timeout=5)
    ordered = sorted(lateness)
    print("lateness_ms p50 %d p99 %d max %d tick600 %d" % (ordered[len(ordered) // 2], ordered[int(0.99 * len(ordered))],
                                                          ordered[-1], lateness[-1]))


if __name__ == "__main__":
    main()
