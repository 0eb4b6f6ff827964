#!/usr/bin/python3
# Writes the fuzz targets' seed corpora into tests/fuzz/corpus/<target>/ from the project's test
# inputs: exposition texts (the own verdict inputs, prometheus/common's and the OpenMetrics
# suite's cases), protobuf-delimited bodies made by `promdesk-cli convert --to protobuf`, remote-write
# 1.0 and 2.0 bodies built here in protobuf wire format and snappy-compressed, and small CSV,
# grouping-key, JSON and Retry-After samples. Run from the repository's root after a build:
#   python3 scripts/make-fuzz-seeds.py [path/to/promdesk-cli]
import hashlib
import os
import struct
import subprocess
import sys

import snappy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "app", "promdesk-cli")


def put(target, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, hashlib.sha1(data).hexdigest()[:16]), "wb") as file:
        file.write(data)


def files(directory, suffix=""):
    for root, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith(suffix) and not name.endswith((".md", ".json", ".err", ".legacy", "LICENSE", "NOTICE")):
                with open(os.path.join(root, name), "rb") as file:
                    yield name, file.read()


def texts():
    for _, data in files(os.path.join(DATA, "verdicts", "own"), ".prom"):
        yield False, data
    for _, data in files(os.path.join(DATA, "expfmt-text"), ".txt"):
        yield False, data
    for name, data in files(os.path.join(DATA, "openmetrics-parsers"), "metrics"):
        yield True, data


def varint(value):
    out = b""
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def field(number, wire, payload):
    key = varint((number << 3) | wire)
    if wire == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def sample(value, timestamp):
    return field(1, 1, struct.pack("<d", value)) + field(2, 0, varint(timestamp & 0xFFFFFFFFFFFFFFFF))


def remote_write_v1(series):
    body = b""
    for labels, samples in series:
        ts = b"".join(field(1, 2, field(1, 2, n.encode()) + field(2, 2, v.encode())) for n, v in labels)
        ts += b"".join(field(2, 2, sample(v, t)) for v, t in samples)
        body += field(1, 2, ts)
    return snappy.compress(body)


def remote_write_v2(series):
    symbols = [""]
    def ref(text):
        if text not in symbols:
            symbols.append(text)
        return symbols.index(text)
    body_series = b""
    for labels, samples in series:
        refs = b"".join(varint(ref(n)) + varint(ref(v)) for n, v in labels)
        ts = field(1, 2, refs) + b"".join(field(2, 2, sample(v, t)) for v, t in samples)
        body_series += field(5, 2, ts)
    return snappy.compress(b"".join(field(4, 2, s.encode()) for s in symbols) + body_series)


def main():
    for om, data in texts():
        for target in ("text_parser", "parser_differential", "fixer"):
            put(target, bytes([1 if om else 0]) + data)
            if not om:
                put(target, bytes([2]) + data)  # the Pushgateway target
    for _, data in files(os.path.join(DATA, "verdicts", "own"), ".prom"):
        converted = subprocess.run([CLI, "convert", "--to", "protobuf", "-"], input=data, capture_output=True)
        if converted.returncode == 0 and converted.stdout:
            put("delimited_protobuf", converted.stdout)
    series = [
        ([("__name__", "up"), ("job", "node")], [(1.0, 1700000000000)]),
        ([("__name__", "cpu_seconds_total"), ("cpu", "0"), ("mode", "idle")], [(12.5, 1700000000000), (13.0, 1700000015000)]),
        ([("__name__", "temperature"), ("room", "東京")], [(float("nan"), 1700000000000), (-4.25, -1)]),
    ]
    for count in (1, 2, 3):
        put("remote_write_decode", b"\x00" + remote_write_v1(series[:count]))
        put("remote_write_decode", b"\x01" + remote_write_v2(series[:count]))
    csvs = [
        b"timestamp,metric,host,value\n1700000000,cpu_temp,a,41.5\n1700000060,cpu_temp,b,42\n",
        b"time,host,value\n1700000000000,a,1\n1700000060000,a,2\n",
        b"timestamp,cpu_temp{host=\"a\"},cpu_temp{host=\"b\"}\n2023-11-14T22:13:20Z,41,\n2023-11-14T22:14:20Z,,42\n",
        b"timestamp;value\n1700000000;1,5\n",
        b"\xef\xbb\xbftimestamp,value\r\n1700000000,\"1\"\r\n",
    ]
    for index, csv in enumerate(csvs):
        put("csv_import", bytes([index % 2]) + csv)
    for path in ("/metrics/job/backup", "/metrics/job/backup/instance/db1", "/metrics/job@base64/YmFja3Vw/instance@base64/=",
                 "/metrics/job/a%20b/path@base64/L3Zhci90bXA", "job/x/instance/y", "/metrics/job/"):
        put("grouping_key", path.encode())
    with open(os.path.join(DATA, "pushgateway-1.5-metrics.json"), "rb") as file:
        put("gateway_json", file.read())
    put("gateway_json", b'{"status":"success","data":[]}')
    for value in (b"120", b"0", b"Wed, 21 Oct 2015 07:28:00 GMT", b"Tue, 14 Nov 2023 22:15:00 GMT", b"-1", b"99999999999999999999", b" 5 "):
        put("retry_after", value)


main()
