#!/usr/bin/env python3
"""Check the annotated NEWS test files of the entities plugin.

Each file holds one paragraph a line, a blank line between articles,
`#` comment lines, and entities marked inline as [LABEL text] with
LABEL one of PER ORG LOC MISC (a literal bracket is written \\[ or \\]).
The check fails on an unbalanced or nested mark, an unknown label, an
empty mark, or a space just inside a mark; it then prints the number of
articles and the entity count per label.

Usage: check.py [FILE...]   (default: fr.txt and en.txt next to it)
"""

import collections
import os
import sys

LABELS = ("PER", "ORG", "LOC", "MISC")


def check_line(line):
    """Return (entities, errors) for one line: entities as (label, text)."""
    entities, errors = [], []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] in "[]":
            i += 2
            continue
        if c == "]":
            errors.append("closing bracket without a mark at column %d" % (i + 1))
            i += 1
            continue
        if c != "[":
            i += 1
            continue
        start = i
        head, sep, _ = line[i + 1:].partition(" ")
        if not sep or head not in LABELS:
            errors.append("unknown label %r at column %d" % (head, start + 1))
            end = line.find("]", i)
            i = end + 1 if end >= 0 else n
            continue
        j = i + 1 + len(head) + 1
        text = []
        closed = False
        while j < n:
            if line[j] == "\\" and j + 1 < n and line[j + 1] in "[]":
                text.append(line[j + 1])
                j += 2
                continue
            if line[j] == "[":
                errors.append("nested mark at column %d" % (j + 1))
                break
            if line[j] == "]":
                closed = True
                break
            text.append(line[j])
            j += 1
        if not closed:
            errors.append("mark not closed at column %d" % (start + 1))
            i = j if j > i else i + 1
            continue
        body = "".join(text)
        if not body.strip():
            errors.append("empty mark at column %d" % (start + 1))
        elif body != body.strip():
            errors.append("space at the edge of mark %r at column %d" % (body, start + 1))
        else:
            entities.append((head, body))
        i = j + 1
    return entities, errors


def check_file(path):
    """Check one file; print its errors and counts; return the error count."""
    counts = collections.Counter()
    articles, in_article, nerrors = 0, False, 0
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                in_article = False
                continue
            if not in_article:
                articles += 1
                in_article = True
            entities, errors = check_line(line)
            for e in errors:
                print("%s:%d: %s" % (path, number, e))
            nerrors += len(errors)
            counts.update(label for label, _ in entities)
    total = sum(counts.values())
    print("%s: %d articles, %s, total %d" % (
        os.path.basename(path), articles,
        ", ".join("%s %d" % (l, counts[l]) for l in LABELS), total))
    return nerrors


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = argv[1:] or [os.path.join(here, "fr.txt"), os.path.join(here, "en.txt")]
    nerrors = sum(check_file(p) for p in paths)
    return 1 if nerrors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
