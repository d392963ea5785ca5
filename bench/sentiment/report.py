#!/usr/bin/env python3
"""The gold and the tables of bench/sentiment/run.sh; tamis evaluate scores.

  report.py gold SET.jsonl OUT
      From a set of ../shared/eval-data/sentiment (one item a line, its
      label): OUT.gold.jsonl, tamis records whose document attribute
      `sentiment` is the label, and OUT.in.jsonl, the {id, text, lang}
      that systems read; prints the language of the set.
  report.py empty OUT
      OUT.empty.jsonl: OUT.gold.jsonl without the attribute (scorer check).
  report.py tables TITLE FILE.json...
      Markdown tables from `tamis evaluate --format json` reports named
      SET.SYSTEM.json: accuracy, F1 per class and macro-F1 over positive,
      negative and neutral (whatever the gold holds), and the confusions.
  report.py expect FILE.json KEY VALUE
      Fails unless accuracy or macro_f1 is VALUE (scorer check).
"""
import json
import os
import sys

CLASSES = ("positive", "negative", "neutral")


def cmd_gold(path, out):
    lang = None
    with open(path, encoding="utf-8") as f, \
         open(out + ".gold.jsonl", "w", encoding="utf-8") as gold, \
         open(out + ".in.jsonl", "w", encoding="utf-8") as inp:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            lang = lang or r["lang"]
            gold.write(json.dumps({"id": r["id"], "text": r["text"], "sentiment": r["label"]},
                                  ensure_ascii=False) + "\n")
            inp.write(json.dumps({"id": r["id"], "text": r["text"], "lang": r["lang"]},
                                 ensure_ascii=False) + "\n")
    print(lang)


def cmd_empty(out):
    with open(out + ".gold.jsonl", encoding="utf-8") as f, \
         open(out + ".empty.jsonl", "w", encoding="utf-8") as empty:
        for line in f:
            r = json.loads(line)
            del r["sentiment"]
            empty.write(json.dumps(r, ensure_ascii=False) + "\n")


def figures(path):
    """Accuracy, F1 per class and their mean over the three classes, from
    the confusion matrix (a prediction outside them, or none, is wrong)."""
    a = json.load(open(path))["attributes"]["sentiment"]
    conf = a["confusion"]
    f1 = {}
    for c in CLASSES:
        tp = conf.get(c, {}).get(c, 0)
        fn = sum(conf.get(c, {}).values()) - tp
        fp = sum(row.get(c, 0) for g, row in conf.items() if g != c)
        f1[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return a, f1, sum(f1.values()) / len(CLASSES)


def cmd_tables(title, *paths):
    rows = []
    for p in paths:
        if os.path.exists(p):
            set_name, system = os.path.basename(p)[:-len(".json")].rsplit(".", 1)
            rows.append((set_name, system) + figures(p))
    if not rows:
        return
    print("## %s" % title)
    print()
    print("| set | system | items | accuracy | macro-F1 | F1 positive | F1 negative | F1 neutral |")
    print("|---|---|---|---|---|---|---|---|")
    for set_name, system, a, f1, macro in rows:
        print("| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
            set_name, system, a["documents"], a["accuracy"], macro,
            f1["positive"], f1["negative"], f1["neutral"]))
    print()
    print("## %s: confusion (rows gold, columns predicted)" % title)
    print()
    print("| set | system | gold | positive | negative | neutral | other |")
    print("|---|---|---|---|---|---|---|")
    for set_name, system, a, f1, macro in rows:
        for g in CLASSES:
            row = a["confusion"].get(g, {})
            other = sum(n for c, n in row.items() if c not in CLASSES)
            print("| %s | %s | %s | %s | %d |" % (set_name, system, g,
                                                 " | ".join(str(row.get(c, 0)) for c in CLASSES), other))
    print()


def cmd_expect(path, key, value):
    a, f1, macro = figures(path)
    got = macro if key == "macro_f1" else a[key]
    if abs(got - float(value)) > 1e-9:
        sys.exit("%s: %s is %g, expected %s" % (path, key, got, value))
    print("%s: %s %g as expected" % (os.path.basename(path), key, got))


if __name__ == "__main__":
    commands = {"gold": cmd_gold, "empty": cmd_empty, "tables": cmd_tables, "expect": cmd_expect}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
