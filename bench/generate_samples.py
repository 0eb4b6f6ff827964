#!/usr/bin/python3
"""Writes the backfill benchmark's input: 1,000 series x 1,000 points, 15 s apart, ending now,
as text exposition with millisecond timestamps."""
import sys
import time

def main():
    now = int(time.time()) * 1000
    start = now - 1000 * 15000
    with open(sys.argv[1], "w") as out:
        out.write("# TYPE bench_backfill gauge\n")
        for p in range(1000):
            ts = start + p * 15000
            for s in range(1000):
                out.write(f'bench_backfill{{instance="host-{s % 50}",series="{s}"}} {s + p * 0.5} {ts}\n')

if __name__ == "__main__":
    main()
