#!/usr/bin/python3
# Reads every file in the directory given as the only argument and prints, one line per file,
# "<file name>\tok" when prometheus_client's OpenMetrics parser takes it, or
# "<file name>\terror\t<its message>" when it refuses it. Input that is not UTF-8 is refused:
# OpenMetrics text is UTF-8.
import os
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families


def verdict(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return "error\tnot UTF-8: " + str(error)
    try:
        for _ in text_string_to_metric_families(text):
            pass
    except Exception as error:  # the parser raises ValueError, and sometimes others, on bad input
        message = str(error).replace("\n", "\\n").replace("\t", "\\t")
        return "error\t" + type(error).__name__ + ": " + message[:200]
    return "ok"


def main():
    directory = sys.argv[1]
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as file:
            print(name + "\t" + verdict(file.read()))


main()
