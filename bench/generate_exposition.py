#!/usr/bin/python3
"""Writes a large, valid text-exposition file of the given size in MB (default 50).

Shape "plain" (the default): counters, gauges with escaped label values and histograms, labels
in sorted order, about 1M+ series. Shape "exporter": what node_exporter, an HTTP service and a
JVM write: labels in the exporter's own order (not sorted, `le` and `quantile` first or in the
middle), escaped quotes and backslashes in values, long filesystem and URL paths as values, HELP
texts with escapes, comment lines between families, and numbers spelled as exporters spell them
(1.2e+09, integers, NaN).

Usage: generate_exposition.py PATH [SIZE_MB] [plain|exporter]"""
import random
import sys

def exporter_family(rng, family):
    """One family as a real exporter writes it."""
    kind = family % 4
    lines = [f"# Collector {family % 17}: scraped from /proc, /sys and the service's own registry.\n"]
    if kind == 0:
        name = f"node_filesystem_avail_bytes_{family}"
        lines.append(f"# HELP {name} Filesystem space available to non-root users in bytes.\n# TYPE {name} gauge\n")
        for i in range(400):
            layer = "%064x" % rng.getrandbits(256)
            lines.append(f'{name}{{mountpoint="/var/lib/docker/overlay2/{layer}/merged",device="overlay",'
                         f'fstype="overlay"}} {rng.randint(10**9, 10**12):.6e}\n')
    elif kind == 1:
        name = f"http_server_requests_{family}_total"
        lines.append(f"# HELP {name} Requests by route.\\nCounted when the response is written; "
                     f"\\\\ marks a Windows path.\n# TYPE {name} counter\n")
        for i in range(600):
            lines.append(f'{name}{{status="{200 + 100 * (i % 4)}",method="{("GET", "POST", "PUT")[i % 3]}",'
                         f'route="/api/v2/tenants/{{tenant}}/projects/{i}/items",'
                         f'client="agent \\"v{i % 7}\\" C:\\\\Program Files\\\\app"}} {rng.randint(0, 10**7)}\n')
    elif kind == 2:
        name = f"http_request_duration_{family}_seconds"
        lines.append(f"# HELP {name} Latency of \"{family}\" handlers.\n# TYPE {name} histogram\n")
        for i in range(50):
            total = 0
            for le in ("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"):
                total += rng.randint(0, 40)
                lines.append(f'{name}_bucket{{le="{le}",service="checkout",route="/cart/{i}"}} {total}\n')
            lines.append(f'{name}_sum{{service="checkout",route="/cart/{i}"}} {rng.uniform(0, 900):.9g}\n')
            lines.append(f'{name}_count{{service="checkout",route="/cart/{i}"}} {total}\n')
    else:
        name = f"jvm_gc_pause_{family}_seconds"
        lines.append(f"# HELP {name} GC pauses.\n# TYPE {name} summary\n")
        for i in range(100):
            for q in ("0.5", "0.9", "0.99"):
                value = "NaN" if i % 29 == 0 else f"{rng.uniform(0, 0.2):.6g}"
                lines.append(f'{name}{{quantile="{q}",gc="G1 Young Generation",pool="{i}"}} {value}\n')
            lines.append(f'{name}_sum{{gc="G1 Young Generation",pool="{i}"}} {rng.uniform(0, 50):.6g}\n')
            lines.append(f'{name}_count{{gc="G1 Young Generation",pool="{i}"}} {rng.randint(0, 10**5)}\n')
    return lines

def main():
    path = sys.argv[1]
    target_bytes = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 50_000_000
    shape = sys.argv[3] if len(sys.argv) > 3 else "plain"
    if shape not in ("plain", "exporter"):
        sys.exit(f"unknown shape {shape!r}: plain or exporter")
    rng = random.Random(42)
    written = 0
    series = 0
    family = 0
    buckets = ["0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "+Inf"]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < target_bytes or (shape == "plain" and series < 1_000_000):
            kind = family % 3
            lines = []
            if shape == "exporter":
                lines = exporter_family(rng, family)
            elif kind == 0:
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
