#!/usr/bin/env python3
# Checks the English annotated training text (train/en/*.txt) of the
# entities plugin: balanced marks, known labels, no nested or empty marks,
# no entity text with spaces at its ends or a possessive left inside.
# Prints counts per label and per file; exits 1 when a line is wrong.
# Usage: check-marked-en.py [FILE...]   (default: en/*.txt next to it)

import glob
import os
import sys
from collections import Counter

LABELS = ("PER", "ORG", "LOC", "MISC")


def parse_line(line):
    """Return (entities, errors) for one line of marked text."""
    ents, errs = [], []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] in "[]":
            i += 2
            continue
        if c == "]":
            errs.append("closing bracket without a mark at column %d" % i)
            i += 1
            continue
        if c != "[":
            i += 1
            continue
        sp = line.find(" ", i)
        label = line[i + 1:sp] if sp > 0 else line[i + 1:]
        if label not in LABELS:
            errs.append("unknown label %r at column %d" % (label, i))
            i += 1
            continue
        j, text = sp + 1, []
        closed = False
        while j < n:
            d = line[j]
            if d == "\\" and j + 1 < n and line[j + 1] in "[]":
                text.append(line[j + 1])
                j += 2
                continue
            if d == "[":
                errs.append("nested mark at column %d" % j)
                break
            if d == "]":
                closed = True
                break
            text.append(d)
            j += 1
        if not closed:
            errs.append("mark opened at column %d is not closed" % i)
            i = j + 1
            continue
        t = "".join(text)
        if not t.strip():
            errs.append("empty mark at column %d" % i)
        elif t != t.strip():
            errs.append("space at an end of %r" % t)
        elif t.endswith("'s") or t.endswith("\u2019s"):
            errs.append("possessive inside the mark %r" % t)
        ents.append((label, t))
        i = j + 1
    return ents, errs


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(glob.glob(os.path.join(here, "en", "*.txt")))
    total, bad = Counter(), 0
    tot_lines = tot_docs = 0
    print("%-22s %6s %5s %6s %6s %6s %6s %6s" %
          ("file", "lines", "docs", "PER", "ORG", "LOC", "MISC", "all"))
    for path in files:
        per_file, lines, docs, in_doc = Counter(), 0, 0, False
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
                    print("%s:%d: %s" % (path, no, e), file=sys.stderr)
                    bad += 1
                for label, _ in ents:
                    per_file[label] += 1
        total.update(per_file)
        tot_lines += lines
        tot_docs += docs
        print("%-22s %6d %5d %6d %6d %6d %6d %6d" %
              (os.path.basename(path), lines, docs,
               *(per_file[l] for l in LABELS), sum(per_file.values())))
    all_ents = sum(total.values()) or 1
    print("%-22s %6d %5d %6d %6d %6d %6d %6d" %
          ("total", tot_lines, tot_docs, *(total[l] for l in LABELS),
           sum(total.values())))
    print("share " + "  ".join("%s %.1f %%" % (l, 100.0 * total[l] / all_ents)
                               for l in LABELS))
    if bad:
        print("%d problem(s)" % bad, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
