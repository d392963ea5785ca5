#!/usr/bin/env python3
"""Scores the relation layer of records against seeds-gold.tsv.

  seeds-score.py [--verbose] GOLD.tsv RECORDS.jsonl

Each amount of the money layer is looked up in GOLD.tsv by file (the
record's id), value (`value`, or `min`-`max` of a range) and rank among the
amounts of that value in the file; then tie precision, recall and F1 as
tests/relations-score.py counts them, printed as one JSON object.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests"))
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "relations_score", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests",
                                    "relations-score.py"))
rs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rs)


def key_of(m):
    if m.get("label") == "range":
        return "%g-%g" % (m["min"], m["max"])
    return "%g" % m.get("value", m.get("min", m.get("max", 0)))


def main():
    args = [a for a in sys.argv[1:] if a != "--verbose"]
    verbose = len(args) != len(sys.argv) - 1
    gold = {}
    for line in open(args[0], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f, nth, value, entity = line.rstrip("\n").split("\t")
        lo, _, hi = value.partition("-")
        key = "%g-%g" % (float(lo), float(hi)) if hi else "%g" % float(lo)
        gold[(f, key, int(nth))] = entity
    gold_ties = sum(1 for e in gold.values() if e != "-")
    pred = right = 0
    for line in open(args[1], encoding="utf-8"):
        r = json.loads(line)
        doc = os.path.basename(r["id"])
        layers = r.get("layers", {})
        rels = {(x["start"], x["end"]): x for x in layers.get("relation", [])}
        seen = {}
        for m in layers.get("money", []):
            k = key_of(m)
            seen[k] = seen.get(k, 0) + 1
            g = gold.get((doc, k, seen[k]))
            x = rels.get((m["start"], m["end"]))
            if x is None:
                if verbose and g not in (None, "-"):
                    print("  missed   %s %s -> %s" % (doc, m["text"], g), file=sys.stderr)
                continue
            pred += 1
            if g not in (None, "-") and rs.same_entity(x["entity"], g):
                right += 1
            elif verbose:
                print("  wrong    %s %s -> %s (%s), expected %s" % (doc, m["text"], x["entity"], x["rule"], g),
                      file=sys.stderr)
    p = right / pred if pred else 0.0
    rc = right / gold_ties if gold_ties else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(json.dumps({"set": "seeds (fr)", "gold_ties": gold_ties, "predicted_ties": pred, "right_ties": right,
                      "precision": round(p, 3), "recall": round(rc, 3), "f1": round(f1, 3)}))


if __name__ == "__main__":
    main()
