#!/usr/bin/env python3
"""Reads each file given as JSON records, as a program of the user's would:
JSON Lines (one object with a string "id" per line) or one JSON document
(`--format json`). Strict: NaN and Infinity are refused, as JSON has no
such numbers, and so is a number of 17 significant digits (the noise of
"%.17g"). Prints the files and records read; exits 1 naming the first
bad one. With --format, every file must be of that format: for jsonl, one
record a line, each line ended.

    records-check.py [--format jsonl|json] FILE...
"""

import json
import re
import sys


def refuse_constant(name):
    raise ValueError("not JSON: " + name)


def parse_float(text):
    digits = re.sub(r"[eE].*$", "", text).replace("-", "").replace(".", "").lstrip("0")
    if len(digits) >= 17:
        raise ValueError("float noise: " + text)
    return float(text)


def load(text):
    return json.loads(text, parse_constant=refuse_constant, parse_float=parse_float)


def records_of(path, fmt):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    if fmt != "json":
        lines = data.split("\n")
        try:
            if lines[-1] != "" or "" in lines[:-1]:
                raise ValueError("not one record a line")
            records = [load(line) for line in lines[:-1]]
            if all(isinstance(r, dict) for r in records):
                return records
            raise ValueError("not one record a line")
        except ValueError:
            if fmt == "jsonl":
                raise
    # one document: a record, or an array of them
    whole = load(data)
    return whole if isinstance(whole, list) else [whole]


def main():
    args = sys.argv[1:]
    fmt = None
    if args[:1] == ["--format"]:
        fmt, args = args[1], args[2:]
    n = 0
    for path in args:
        try:
            records = records_of(path, fmt)
            if fmt and not records:
                raise ValueError("no record")
            for r in records:
                if not isinstance(r, dict) or not isinstance(r.get("id"), str):
                    raise ValueError("a record without a string id")
            n += len(records)
        except (ValueError, UnicodeDecodeError) as e:
            sys.exit("%s: %s" % (path, e))
    print("%d files, %d records" % (len(args), n))


if __name__ == "__main__":
    main()
