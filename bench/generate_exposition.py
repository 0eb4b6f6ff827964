#!/usr/bin/python3
"""Writes a large, valid text-exposition file: counters, gauges with escaped label values and
histograms, about 1M+ series and the given size in MB (default 50)."""
import random
import sys

def main():
    path = sys.argv[1]
    target_bytes = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 50_000_000
    rng = random.Random(42)
    written = 0
    series = 0
    family = 0
    buckets = ["0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "+Inf"]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < target_bytes or series < 1_000_000:
            kind = family % 3
            lines = []
            if kind == 0:
                name = f"app_requests_{family}_total"
                lines.append(f"# HELP {name} Requests served by handler {family}.\n# TYPE {name} counter\n")
                for i in range(1000):
                    lines.append(f'{name}{{code="{200 + i % 5}",host="h{i}"}} {rng.randint(0, 10**9)}\n')
            elif kind == 1:
                name = f"room_temperature_{family}_celsius"
                lines.append(f"# HELP {name} Temperature \\\\ sensor \"raw\".\n# TYPE {name} gauge\n")
                for i in range(1000):
                    lines.append(f'{name}{{s="r\\"{i}\\"\\\\x"}} {rng.uniform(-40, 60):.3f}\n')
            else:
                name = f"rpc_latency_{family}_seconds"
                lines.append(f"# HELP {name} RPC latency.\n# TYPE {name} histogram\n")
                for i in range(125):
                    total = 0
                    for le in buckets:
                        total += rng.randint(0, 50)
                        lines.append(f'{name}_bucket{{m="m{i}",le="{le}"}} {total}\n')
                    lines.append(f'{name}_sum{{m="m{i}"}} {rng.uniform(0, 500):.4f}\n')
                    lines.append(f'{name}_count{{m="m{i}"}} {total}\n')
            chunk = "".join(lines)
            out.write(chunk)
            written += len(chunk.encode())
            series += sum(1 for line in lines if not line.startswith("#"))
            family += 1
    print(f"{path}: {written / 1e6:.1f} MB, {series} series, {family} families", file=sys.stderr)

if __name__ == "__main__":
    main()
