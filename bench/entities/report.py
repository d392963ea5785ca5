#!/usr/bin/env python3
"""The gold and the tables of bench/entities/run.sh; tamis evaluate scores.

  report.py gold SET.jsonl OUT [even]
      From a set of ../shared/eval-data/ner (one sentence a line, entities
      with code-point offsets): OUT.gold.jsonl, tamis records with the
      entity layer, and OUT.in.jsonl, the {id, text, lang} that systems
      read; prints the language of the set. With `even`, only the even lines (2, 4, ...) are kept and the
      odd ones are written as they are to OUT.train.jsonl.
  report.py empty OUT
      OUT.empty.jsonl: OUT.gold.jsonl without any entity, and
      OUT.relabel.jsonl: every label changed to the next one (scorer check).
  report.py tables TITLE FILE.json...
      Markdown tables from `tamis evaluate --format json` reports named
      SET.SYSTEM.json: exact P/R/F1 per label and micro, then per set and
      system the micro, label-agnostic (same boundaries, any label) and
      overlap F1.
  report.py expect FILE.json MATCHING KEY VALUE
      Fails unless the figure KEY (f1, recall...) of MATCHING (exact, span,
      overlap) is VALUE (scorer check).
"""
import json
import os
import sys

LABELS = ("PER", "ORG", "LOC", "MISC")


def cmd_gold(path, out, half=None):
    with open(path, encoding="utf-8") as f, \
         open(out + ".gold.jsonl", "w", encoding="utf-8") as gold, \
         open(out + ".in.jsonl", "w", encoding="utf-8") as inp:
        train = open(out + ".train.jsonl", "w", encoding="utf-8") if half else None
        lang = None
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            if half and n % 2 == 1:
                train.write(line)
                continue
            r = json.loads(line)
            lang = lang or r["lang"]
            spans = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in r["entities"]]
            gold.write(json.dumps({"id": r["id"], "text": r["text"], "layers": {"entity": spans}},
                                  ensure_ascii=False) + "\n")
            inp.write(json.dumps({"id": r["id"], "text": r["text"], "lang": r["lang"]},
                                 ensure_ascii=False) + "\n")
        if train:
            train.close()
    print(lang)


def cmd_empty(out):
    with open(out + ".gold.jsonl", encoding="utf-8") as f, \
         open(out + ".empty.jsonl", "w", encoding="utf-8") as empty, \
         open(out + ".relabel.jsonl", "w", encoding="utf-8") as relabel:
        for line in f:
            r = json.loads(line)
            for e in r["layers"]["entity"]:
                e["label"] = LABELS[(LABELS.index(e["label"]) + 1) % len(LABELS)]
            relabel.write(json.dumps(r, ensure_ascii=False) + "\n")
            r["layers"]["entity"] = []
            empty.write(json.dumps(r, ensure_ascii=False) + "\n")


def load(path):
    set_name, system = os.path.basename(path)[:-len(".json")].rsplit(".", 1)
    return set_name, system, json.load(open(path))["layers"]["entity"]


def prf(c):
    return "%.3f | %.3f | %.3f" % (c["precision"], c["recall"], c["f1"])


def cmd_tables(title, *paths):
    reports = [load(p) for p in paths if os.path.exists(p)]
    if not reports:
        return
    print("## %s: exact match (same boundaries and label)" % title)
    print()
    print("| set | system | label | gold | predicted | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for set_name, system, e in reports:
        for label in LABELS:
            c = e["labels"].get(label, {}).get("exact")
            if c:
                print("| %s | %s | %s | %d | %d | %s |" % (set_name, system, label, c["gold"],
                                                          c["predicted"], prf(c)))
        c = e["exact"]
        print("| %s | %s | **micro** | %d | %d | %s |" % (set_name, system, c["gold"], c["predicted"], prf(c)))
    print()
    print("## %s: summary" % title)
    print()
    print("| set | system | micro F1 (exact) | label-agnostic span F1 | overlap F1 |")
    print("|---|---|---|---|---|")
    for set_name, system, e in reports:
        print("| %s | %s | %.3f | %.3f | %.3f |" % (set_name, system, e["exact"]["f1"],
                                                   e["span"]["f1"], e["overlap"]["f1"]))
    print()


def cmd_expect(path, matching, key, value):
    got = load(path)[2][matching][key]
    if abs(got - float(value)) > 1e-9:
        sys.exit("%s: %s %s is %g, expected %s" % (path, matching, key, got, value))
    print("%s: %s %s %g as expected" % (os.path.basename(path), matching, key, got))


if __name__ == "__main__":
    commands = {"gold": cmd_gold, "empty": cmd_empty, "tables": cmd_tables, "expect": cmd_expect}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
