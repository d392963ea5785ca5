#!/usr/bin/env python3
"""Speed of the SQLite output against JSON Lines, on the same run.

Makes a JSON Lines input of N short news items (the texts of
examples/corpus.jsonl with a counter appended, so that ids and texts
differ), runs a pipeline over it once per output format, and prints per
format: CPU seconds (user + system of tamis and its threads), input MB per
CPU second, records per second of wall time, and the size of the output.
The difference of CPU seconds is what writing the database costs beyond
writing JSON Lines.

  bench/sqlite/run.py [--docs N] [--pipeline examples/news.yaml] [-j N]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--pipeline", default=os.path.join(top, "examples", "news.yaml"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--tamis", default=os.path.join(top, "tamis"))
    args = ap.parse_args()

    texts = [json.loads(l)["text"] for l in open(os.path.join(top, "examples", "corpus.jsonl"))]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "input.jsonl")
        with open(src, "w") as out:
            for i in range(args.docs):
                out.write(json.dumps({"id": "n%06d" % i, "text": "%s Item %d." % (texts[i % len(texts)], i),
                                      "date": "2025-%02d-01" % (i % 12 + 1)}) + "\n")
        mb = os.path.getsize(src) / 1e6
        print("%d documents, %.2f MB of input, %s, -j %d" % (args.docs, mb, os.path.relpath(args.pipeline, top),
                                                        args.jobs))
        print("%-7s %8s %10s %10s %10s" % ("format", "CPU s", "MB/CPU-s", "records/s", "output MB"))
        results = {}
        for fmt, name in (("jsonl", "out.jsonl"), ("sqlite", "out.db")):
            path = os.path.join(tmp, name)
            cpu, wall = run([args.tamis, "run", args.pipeline, src, "-o", path, "--format", fmt,
                             "-j", str(args.jobs)])
            size = os.path.getsize(path) / 1e6
            results[fmt] = cpu
            print("%-7s %8.2f %10.2f %10.0f %10.1f" % (fmt, cpu, mb / cpu, args.docs / wall, size))
        import sqlite3
        spans = sqlite3.connect(os.path.join(tmp, "out.db")).execute("SELECT count(*) FROM spans").fetchone()[0]
        extra = results["sqlite"] - results["jsonl"]
        print("the database costs %.2f CPU s more: %.0f µs per document, %.2f µs per span (%d spans)"
              % (extra, extra / args.docs * 1e6, extra / spans * 1e6, spans))


if __name__ == "__main__":
    sys.exit(main())
