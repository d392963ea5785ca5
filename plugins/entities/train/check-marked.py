#!/usr/bin/env python3
# check-marked.py — check text annotated with inline [LABEL text] marks, as
# the entities plugin's training text (train/*/*.txt) and its test news
# (tests/data/news/*.txt) are written, and print counts per label.
#
# Usage: check-marked.py FILE...   (or no argument: every train/*/*.txt)
# Exit status 1 when a file has an error. Written for the tamis project,
# same licence as the project.

import collections
import glob
import os
import re
import sys

LABELS = ("PER", "ORG", "LOC", "MISC")
# Lowercase only: a title may begin with a capitalised article ("L’Arabe du futur").
ELISIONS = re.compile(r"^(l|d|qu|j|n|s|m|c|jusqu|lorsqu|puisqu)['’]")


def parse_line(line):
    """Return (entities, errors) for one line; entities are (label, text)."""
    ents, errs = [], []
    i, n = 0, len(line)
    cur = None  # (label, start of text)
    while i < n:
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] in "[]":
            i += 2
            continue
        if c == "[":
            if cur is not None:
                errs.append("nested mark at column %d" % (i + 1))
                return ents, errs
            m = re.match(r"\[([A-Z]+) ", line[i:])
            if not m:
                errs.append("bad mark opening at column %d" % (i + 1))
                return ents, errs
            if m.group(1) not in LABELS:
                errs.append("unknown label %s" % m.group(1))
            cur = (m.group(1), i + len(m.group(0)))
            i += len(m.group(0))
            continue
        if c == "]":
            if cur is None:
                errs.append("unbalanced ] at column %d" % (i + 1))
                return ents, errs
            text = line[cur[1]:i]
            if not text.strip():
                errs.append("empty mark")
            elif text != text.strip():
                errs.append("space at edge of mark: [%s]" % text)
            elif ELISIONS.match(text):
                errs.append("elided article inside mark: [%s]" % text)
            elif text[-1] in "’'":
                errs.append("apostrophe at end of mark: [%s]" % text)
            elif re.search(r"['’]s$", text) and " " not in text[-3:]:
                errs.append("possessive inside mark: [%s]" % text)
            else:
                ents.append((cur[0], text))
            cur = None
        i += 1
    if cur is not None:
        errs.append("unclosed mark")
    return ents, errs


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(glob.glob(os.path.join(here, "*", "*.txt")))
    total = collections.Counter()
    bad = 0
    tot_lines = 0
    for path in files:
        counts = collections.Counter()
        lines = docs = 0
        in_doc = False
        with open(path, encoding="utf-8") as f:
            for no, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if line.startswith("#"):
                    continue
                if not line.strip():
                    in_doc = False
                    continue
                if not in_doc:
                    docs += 1
                    in_doc = True
                lines += 1
                ents, errs = parse_line(line)
                for e in errs:
                    print("%s:%d: %s" % (path, no, e))
                    bad += 1
                for lab, _ in ents:
                    counts[lab] += 1
        total.update(counts)
        tot_lines += lines
        print("%-40s lines %5d docs %4d  %s" % (
            os.path.relpath(path, here), lines, docs,
            "  ".join("%s %d" % (l, counts[l]) for l in LABELS)))
    s = sum(total.values()) or 1
    print("%-40s lines %5d            %s  (all %d)" % (
        "TOTAL", tot_lines, "  ".join("%s %d (%.0f%%)" % (l, total[l], 100.0 * total[l] / s)
                                   for l in LABELS), s))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
