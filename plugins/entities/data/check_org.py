#!/usr/bin/env python3
"""Check the organisation gazetteers (common/, fr/, en/ org.tsv).

Each entry must have four tab-separated fields (the canonical may be empty),
the label ORG, a weight between 0.1 and 1, and no (term, label) pair may
appear twice in a file or in both common/ and a language file. A canonical
name must itself be a term of the same file or of common/. Entries must be
sorted by term (case-folded). Terms that differ only by case or accents are
reported as warnings, since the matcher folds both, and so is a term of a
language file that folds like a term of common/ naming another organisation.

Usage: check_org.py [DATA_DIR]   (default: the directory of this script)
Exit status 0 when every file passes.
"""
import os
import sys
import unicodedata

HEADER = "#term\tlabel\tweight\tcanonical"
FILES = ("common", "fr", "en")


def fold(term):
    """Case- and accent-folded form, as the matcher compares tokens."""
    decomposed = unicodedata.normalize("NFD", term.replace("’", "'"))
    return "".join(c for c in decomposed
                   if not unicodedata.combining(c)).casefold()


def sort_key(term):
    return (term.casefold(), term)


def load(path, errors):
    """Returns {term: (weight, canonical, line number)} of one file."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0] != HEADER:
        errors.append(f"{path}:1: first line must be the header")
    previous = None
    for number, line in enumerate(lines[1:], 2):
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != 4:
            errors.append(f"{where}: {len(fields)} fields, want 4")
            continue
        term, label, weight, canonical = fields
        if not term or term != term.strip():
            errors.append(f"{where}: empty term or stray spaces")
        if label != "ORG":
            errors.append(f"{where}: label {label!r}, want ORG")
        try:
            value = float(weight)
            if not 0.1 <= value <= 1:
                errors.append(f"{where}: weight {weight} outside [0.1, 1]")
        except ValueError:
            errors.append(f"{where}: weight {weight!r} is not a number")
        if canonical != canonical.strip():
            errors.append(f"{where}: stray spaces in the canonical")
        if term in entries:
            errors.append(f"{where}: duplicate ({term}, {label}), "
                          f"first at line {entries[term][2]}")
            continue
        if previous is not None and sort_key(term) < sort_key(previous):
            errors.append(f"{where}: {term!r} out of order after {previous!r}")
        previous = term
        entries[term] = (weight, canonical, number)
    return entries


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    errors, warnings = [], []
    data = {}
    for name in FILES:
        data[name] = load(os.path.join(base, name, "org.tsv"), errors)
    common = data["common"]
    common_folded = {fold(term): term for term in common}
    for name in FILES:
        path = os.path.join(base, name, "org.tsv")
        entries = data[name]
        folded = {}
        for term, (weight, canonical, number) in entries.items():
            where = f"{path}:{number}"
            if canonical and canonical not in entries and canonical not in common:
                errors.append(f"{where}: canonical {canonical!r} is not a term")
            if canonical == term:
                errors.append(f"{where}: canonical repeats the term; leave it empty")
            if name != "common" and term in common:
                errors.append(f"{where}: {term!r} is also in common/org.tsv")
            key = fold(term)
            other = common_folded.get(key) if name != "common" else None
            if other is not None and other != term:
                mine = fold(canonical or term)
                theirs = fold(common[other][1] or other)
                if mine != theirs:
                    warnings.append(f"{where}: {term!r} folds like {other!r} "
                                    "of common/ but names another organisation")
            if key in folded:
                warnings.append(f"{where}: {term!r} folds like {folded[key]!r}")
            folded[key] = term
    for message in warnings:
        print("warning:", message)
    for message in errors:
        print("error:", message)
    counts = ", ".join(f"{name} {len(data[name])}" for name in FILES)
    print(f"{counts} entries; {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
