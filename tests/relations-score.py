#!/usr/bin/env python3
"""Scores the relations plugin on sentences with marked amounts.

  relations-score.py [--verbose] [--json] [--min-precision P] [--min-recall R]
                     [--min-relation A] TAMIS LANG FILE

FILE holds one document a line, each amount marked [[amount|entity|relation]]
(tests/data/relations/fr.txt says more); `#` lines and blank lines are
skipped. The text without the marks runs through `TAMIS run` with segment,
money, entities and relations, each given LANG; then:

  tie precision  ties written whose amount is a marked one with that entity,
                 over all the ties written
  tie recall     the same, over the marked amounts that have an entity
  relation       of the right ties, the share with the marked relation

A predicted name matches the marked one when they are equal once case,
accents and apostrophes are folded, or when one is a run of whole words of
the other (`Mistral AI` and `Mistral`). Exits 1 when a --min-* floor is not
reached, 2 on a usage or run error.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]+)\]\]")
RELATIONS = {"spends", "invests", "earns", "loses", "raises", "is fined", "values", "other", "-"}


def parse(path):
    """The documents of FILE: (text, [(start, end, entity, relation)]), offsets in code points."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, gold, pos = "", [], 0
            for m in MARK.finditer(line):
                text += line[pos:m.start()]
                amount, entity, relation = (g.strip() for g in m.groups())
                if relation not in RELATIONS:
                    sys.exit("%s:%d: unknown relation '%s'" % (path, n, relation))
                gold.append((len(text), len(text) + len(amount), entity, relation))
                text += amount
                pos = m.end()
            text += line[pos:]
            if "[[" in text or "]]" in text:
                sys.exit("%s:%d: a mark is malformed" % (path, n))
            docs.append((text, gold))
    return docs


def fold(name):
    s = unicodedata.normalize("NFD", name.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.findall(r"\w+", s)


def same_entity(predicted, gold):
    p, g = fold(predicted), fold(gold)
    if not p or not g:
        return False
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


PIPELINE = """tamis: 1
input: {format: jsonl}
stages:
  - segment
  - money: {languages: [%(lang)s]}
  - entities: {languages: [%(lang)s]}
  - relations: {languages: [%(lang)s]}
output: {format: jsonl, layers: [money, entity, relation]}
"""


def run(tamis, lang, docs):
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = os.path.join(tmp, "p.yaml")
        inp = os.path.join(tmp, "in.jsonl")
        with open(pipeline, "w") as f:
            f.write(PIPELINE % {"lang": lang})
        with open(inp, "w", encoding="utf-8") as f:
            for i, (text, _) in enumerate(docs):
                f.write(json.dumps({"id": "%s-%03d" % (lang, i + 1), "text": text, "lang": lang},
                                   ensure_ascii=False) + "\n")
        r = subprocess.run([tamis, "run", "-j", "1", pipeline, inp], capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            sys.exit(2)
        return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def score(docs, records, verbose):
    gold_ties = pred_ties = right = right_relation = missed_money = 0
    errors = []
    for (text, gold), rec in zip(docs, records):
        layers = rec.get("layers", {})
        money = layers.get("money", [])
        rels = layers.get("relation", [])
        gold_ties += sum(1 for g in gold if g[2] != "-")
        for g in gold:
            if not any(overlaps(g[0], g[1], m["start"], m["end"]) for m in money):
                missed_money += 1
                errors.append("no money   %s | %s" % (text[g[0]:g[1]], text))
        for g in gold:
            if g[2] == "-":
                continue
            if not any(overlaps(g[0], g[1], r["start"], r["end"]) for r in rels):
                names = sorted({e.get("canonical", "") for e in layers.get("entity", [])})
                errors.append("no tie     %s -> %s (%s) | %s | entities: %s"
                              % (text[g[0]:g[1]], g[2], g[3], text, ", ".join(names)))
        for r in rels:
            pred_ties += 1
            g = next((g for g in gold if overlaps(g[0], g[1], r["start"], r["end"])), None)
            if g is not None and g[2] != "-" and same_entity(r["entity"], g[2]):
                right += 1
                if r["label"] == g[3]:
                    right_relation += 1
                else:
                    errors.append("relation   %s -> %s: %s, expected %s (cue '%s') | %s"
                                  % (text[r["start"]:r["end"]], r["entity"], r["label"], g[3],
                                     r["cue"], text))
            else:
                errors.append("wrong tie  %s -> %s (%s, %s), expected %s | %s"
                              % (text[r["start"]:r["end"]], r["entity"], r["rule"], r["label"],
                                 g[2] if g else "nothing marked", text))
    p = right / pred_ties if pred_ties else 0.0
    r = right / gold_ties if gold_ties else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"amounts": sum(len(g) for _, g in docs), "gold_ties": gold_ties, "predicted_ties": pred_ties,
           "right_ties": right, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
           "relation_accuracy": round(right_relation / right, 3) if right else 0.0,
           "amounts_money_missed": missed_money}
    if verbose:
        for e in errors:
            print("  " + e, file=sys.stderr)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-precision", type=float, default=0)
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--min-relation", type=float, default=0)
    ap.add_argument("tamis")
    ap.add_argument("lang")
    ap.add_argument("file")
    a = ap.parse_args()
    docs = parse(a.file)
    records = run(a.tamis, a.lang, docs)
    if len(records) != len(docs):
        sys.exit("%d records for %d documents" % (len(records), len(docs)))
    s = score(docs, records, a.verbose)
    s["set"] = os.path.basename(a.file)
    if a.json:
        print(json.dumps(s))
    else:
        print("%(set)s: %(gold_ties)d ties marked, %(predicted_ties)d written, %(right_ties)d right: "
              "P %(precision).3f R %(recall).3f F1 %(f1).3f, relation %(relation_accuracy).3f, "
              "amounts money missed %(amounts_money_missed)d" % s)
    ok = (s["precision"] >= a.min_precision and s["recall"] >= a.min_recall
          and s["relation_accuracy"] >= a.min_relation)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
