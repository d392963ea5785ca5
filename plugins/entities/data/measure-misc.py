#!/usr/bin/env python3
"""Measure how the hand-kept MISC/PER gazetteers and NOT_ENTITY cues meet a NER development set.

Usage: measure-misc.py [EVAL_DIR] [--show-conflicts]
  EVAL_DIR defaults to ../shared/eval-data/ner seen from the project root.

For each JSONL file (lines {"text","lang","entities":[{"start","end","label"}]}), reports:
  * coverage: the share of gold PER and MISC spans whose whole text is a term of the
    gazetteers of that language (common/ plus fr/ or en/) with the same label;
  * conflicts: gold spans whose text is listed with another label only (a gazetteer line
    that would mislead the tagger);
  * cue hits: gold spans of any label whose text is a NOT_ENTITY cue (a cue that would
    wrongly veto a name).
Only counts are printed unless --show-conflicts is given, which lists the listed terms in
conflict so their weights can be reviewed. It never prints names that are not in the lists.
"""
import glob
import json
import os
import sys
import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check", os.path.join(HERE, "check-misc.py"))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def load(lang):
    """Return ({folded term: set of labels} for misc+per, set of folded NOT_ENTITY cues)."""
    terms = {}
    for sub in ("common", lang):
        for name in ("misc.tsv", "per.tsv"):
            path = os.path.join(HERE, sub, name)
            if not os.path.exists(path):
                continue
            for line in open(path, encoding="utf-8"):
                if line.startswith("#") or not line.strip():
                    continue
                term, label = line.rstrip("\n").split("\t")[:2]
                terms.setdefault(check.fold(term), set()).add(label)
    cues = set()
    path = os.path.join(HERE, lang, "cues.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            term, label = line.rstrip("\n").split("\t")[:2]
            if label == "NOT_ENTITY":
                cues.add(check.fold(term))
    return terms, cues


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show-conflicts" in sys.argv
    root = args[0] if args else os.path.join(HERE, "..", "..", "..", "..", "shared", "eval-data", "ner")
    tables = {lang: load(lang) for lang in ("fr", "en")}
    for path in sorted(glob.glob(os.path.join(root, "*.jsonl"))):
        gold = {"PER": 0, "MISC": 0}
        found = {"PER": 0, "MISC": 0}
        conflicts = {}
        cue_hits = 0
        for line in open(path, encoding="utf-8"):
            item = json.loads(line)
            terms, cues = tables[item["lang"]]
            for e in item["entities"]:
                key = check.fold(item["text"][e["start"]:e["end"]])
                labels = terms.get(key, set())
                if e["label"] in gold:
                    gold[e["label"]] += 1
                    if e["label"] in labels:
                        found[e["label"]] += 1
                if labels and e["label"] not in labels:
                    conflicts[(key, e["label"], "/".join(sorted(labels)))] = \
                        conflicts.get((key, e["label"], "/".join(sorted(labels))), 0) + 1
                if key in cues:
                    cue_hits += 1
        print(os.path.basename(path))
        for label in ("PER", "MISC"):
            share = 100.0 * found[label] / gold[label] if gold[label] else 0.0
            print(f"  {label:4s} gold spans listed with that label: {found[label]}/{gold[label]} ({share:.1f}%)")
        print(f"  gold spans listed only under another label: {sum(conflicts.values())}")
        print(f"  gold spans that are NOT_ENTITY cues: {cue_hits}")
        if show:
            for (key, gl, ll), n in sorted(conflicts.items(), key=lambda x: -x[1]):
                print(f"    {n:3d}  {key!r}: gold {gl}, listed {ll}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
