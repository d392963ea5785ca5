#!/usr/bin/env python3
"""Check the hand-kept MISC and PER gazetteers and the cue lists of the entities plugin.

Usage: check-misc.py [DATA_DIR]   (default: the directory of this script)

Checks, for common/, fr/ and en/ misc.tsv and per.tsv and fr/, en/ cues.tsv:
the header line, four tab-separated fields per entry, the labels each file may use,
weights in [0.1, 1], and no term listed twice with the same label once case, accents,
apostrophes and hyphens are folded as the lexicon matcher folds them (within a file, and
between common/ and each language for the same file name).
Exits 1 and prints every problem as FILE:LINE: message when a check fails.
"""
import os
import sys
import unicodedata

HEADER = "#term\tlabel\tweight\tcanonical"
CUE_LABELS = {
    "PER_TITLE", "PER_VERB_AFTER", "PER_BEFORE", "ORG_BEFORE", "ORG_SUFFIX", "ORG_HEAD",
    "LOC_BEFORE", "LOC_HEAD", "LOC_SUFFIX", "MISC_BEFORE", "NOT_ENTITY",
}
# misc.tsv may give a product that is also a company a second ORG line.
LABELS = {"misc.tsv": {"MISC"}, "per.tsv": {"PER"}, "cues.tsv": CUE_LABELS}
SECOND_LABELS = {"misc.tsv": {"ORG"}}
APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"


def fold(term):
    """Fold a term the way the matcher compares tokens (case, accents, apostrophes, hyphens)."""
    s = unicodedata.normalize("NFD", term)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss").casefold()
    s = "".join("'" if c in APOSTROPHES else "-" if c in HYPHENS else c for c in s)
    return " ".join(s.split())


def read(path, name, errors):
    """Return {(folded term, label): line number} for one file, recording problems."""
    keys = {}
    terms_by_label = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != HEADER:
        errors.append(f"{path}:1: first line must be {HEADER!r}")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        if line.startswith("#"):
            if line != "#" and not line.startswith("# "):
                errors.append(f"{path}:{n}: a comment starts with '# ' (a term cannot start with '#')")
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            errors.append(f"{path}:{n}: {len(fields)} fields, want 4")
            continue
        term, label, weight, canonical = fields
        if not term or term != term.strip() or "  " in term:
            errors.append(f"{path}:{n}: empty term or stray spaces: {term!r}")
        if canonical != canonical.strip():
            errors.append(f"{path}:{n}: stray spaces in canonical {canonical!r}")
        allowed = LABELS[name] | SECOND_LABELS.get(name, set())
        if label not in allowed:
            errors.append(f"{path}:{n}: label {label!r} not allowed in {name}")
        try:
            w = float(weight)
            if not 0.1 <= w <= 1:
                errors.append(f"{path}:{n}: weight {weight} outside [0.1, 1]")
        except ValueError:
            errors.append(f"{path}:{n}: weight {weight!r} is not a number")
        key = (fold(term), label)
        if key in keys:
            errors.append(f"{path}:{n}: {term!r} {label} already on line {keys[key]}")
        else:
            keys[key] = n
        terms_by_label.setdefault(fold(term), set()).add(label)
    for term, labels in terms_by_label.items():
        if name in SECOND_LABELS and labels & SECOND_LABELS[name] and not labels & LABELS[name]:
            errors.append(f"{path}: {term!r} has a second label but no {sorted(LABELS[name])[0]} line")
    return keys


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors = []
    counts = []
    for name in ("misc.tsv", "per.tsv", "cues.tsv"):
        common = None
        path = os.path.join(root, "common", name)
        if os.path.exists(path):
            common = read(path, name, errors)
            counts.append((path, len(common)))
        for lang in ("fr", "en"):
            path = os.path.join(root, lang, name)
            if not os.path.exists(path):
                continue
            keys = read(path, name, errors)
            counts.append((path, len(keys)))
            for key, n in keys.items():
                if common and key in common:
                    errors.append(f"{path}:{n}: {key[0]!r} {key[1]} is already in common/{name}")
    for path, n in counts:
        print(f"{n:6d}  {os.path.relpath(path, root)}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
