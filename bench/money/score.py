#!/usr/bin/env python3
"""Scores money mentions against a gold JSONL set.

usage: score.py GOLD.jsonl PREDICTED.jsonl

GOLD lines: {"id", "text", "mentions": [{"start", "end", "value", "min",
"max", "currency", "optional"}]} with offsets in code points.
PREDICTED lines: tamis records, {"id", "layers": {"money": [spans]}}.

A predicted span is right when it overlaps a gold mention, its value is the
gold value (or, for a gold range or open interval, its min and max are the
gold ones) and its currency is the gold currency (not checked when the gold
currency is null). Optional gold mentions count neither way. Prints one JSON
object: tp, fp, fn, precision, recall, f1, and the errors.
"""

import json
import sys


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def right(gold, pred):
    if gold.get("currency") and pred.get("currency") != gold["currency"]:
        return False
    if gold.get("value") is not None:
        return same(gold["value"], pred.get("value"))
    return same(gold.get("min"), pred.get("min")) and same(gold.get("max"), pred.get("max"))


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                gold[rec["id"]] = rec
    preds = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                preds[rec["id"]] = rec.get("layers", {}).get("money", [])
    tp = fp = fn = 0
    errors = []
    for gid, rec in gold.items():
        spans = preds.get(gid, [])
        used = [False] * len(spans)
        for g in rec["mentions"]:
            if g.get("optional"):
                for k, p in enumerate(spans):
                    if not used[k] and overlaps(g, p):
                        used[k] = True
                continue
            hit = None
            for k, p in enumerate(spans):
                if not used[k] and overlaps(g, p) and right(g, p):
                    hit = k
                    break
            if hit is None:
                fn += 1
                errors.append({"id": gid, "missed": rec["text"][g["start"]:g["end"]],
                               "gold": {k: g.get(k) for k in ("value", "min", "max", "currency")},
                               "got": [{k: p.get(k) for k in ("start", "end", "value", "min", "max", "currency")}
                                       for p in spans if overlaps(g, p)]})
            else:
                used[hit] = True
                tp += 1
        for k, p in enumerate(spans):
            if not used[k]:
                fp += 1
                errors.append({"id": gid, "spurious": rec["text"][p["start"]:p["end"]],
                               "got": {k2: p.get(k2) for k2 in ("value", "min", "max", "currency")}})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    json.dump({"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall,
               "f1": f1, "errors": errors}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
