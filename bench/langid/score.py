#!/usr/bin/env python3
"""Scores the answers of tamis, CLD2 and libexttextcat on the development set.

    score.py DEVDIR OUTDIR FPDB_CONF

Prints a Markdown table: per length bucket and system, the languages and
samples measured, accuracy, macro-F1 and throughput. Each system is scored
on the languages it knows; tamis is also scored on CLD2's subset so that
the two can be compared on the same samples. "tamis" goes through the
library (a document and a pipeline per text), "tamis detector alone" is
tamis-train-langid --eval on the same file. tamis's accuracy and macro-F1
are those of `tamis evaluate` (OUTDIR/gold-BUCKET.eval.json, and
gold-cld2-BUCKET.eval.json on CLD2's languages).

    score.py --gold DEV.tsv GOLD.jsonl GOLD-CLD2.jsonl

writes the gold records tamis evaluate reads: every sample of DEV.tsv, and
those of CLD2's languages.
"""
import json
import re
import sys
from collections import Counter

# Languages of CLD2's standard table (libcld2), in ISO 639-1 where one exists.
CLD2 = set("""af sq ar hy az eu be bn bh bg ca ceb chr hr cs zh da dv nl en et fi
fr gl lg ka de el gu ht he hi hmn hu is id iu ga it jv ja kn km ko lo lv lif lt
mk ms ml mt mr ne no or fa pl pt pa ro ru gd sr si sk sl es sw sv syr tl ta te th
tr uk ur vi cy yi""".split())

ALIASES = {"iw": "he", "jw": "jv", "nb": "no", "nn": "no", "fil": "tl", "in": "id",
           "un": "und", "xxx": "und", "SHORT": "und", "UNKNOWN": "und"}


def norm(code):
    code = ALIASES.get(code, code)
    code = code.split("-")[0]
    return ALIASES.get(code, code)


def textcat_languages(conf):
    langs = set()
    with open(conf, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].split()
            if len(line) >= 2:
                langs.add(norm(line[1].split("-")[0]))
    return langs


def score(gold, pred, keep):
    pairs = [(g, p) for g, p in zip(gold, pred) if g in keep]
    if not pairs:
        return 0, 0, 0.0, 0.0
    right = sum(1 for g, p in pairs if g == p)
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    langs = sorted(set(g for g, _ in pairs))
    f1 = [2 * tp[l] / (2 * tp[l] + fp[l] + fn[l]) for l in langs]
    return len(langs), len(pairs), 100.0 * right / len(pairs), 100.0 * sum(f1) / len(f1)


def write_gold(dev, path, path_cld2):
    with open(dev, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t", 1) for l in f if "\t" in l]
    with open(path, "w", encoding="utf-8") as every, open(path_cld2, "w", encoding="utf-8") as cld2:
        for i, (lang, text) in enumerate(rows):
            line = json.dumps({"id": str(i), "text": text, "lang": lang}, ensure_ascii=False) + "\n"
            every.write(line)
            if lang in CLD2:
                cld2.write(line)


def evaluated(path):
    with open(path, encoding="utf-8") as f:
        lang = json.load(f)["attributes"].get("lang")
    if lang is None:
        return 0, 0, 0.0, 0.0
    return (len(lang["classes"]), lang["documents"], 100.0 * lang["accuracy"],
            100.0 * lang["macro_f1"])


def main():
    if sys.argv[1] == "--gold":
        write_gold(*sys.argv[2:5])
        return
    dev, out, conf = sys.argv[1:4]
    textcat = textcat_languages(conf)
    print("| bucket | system | languages | samples | accuracy % | macro-F1 % | MB/s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for bucket in ("short", "medium", "long"):
        with open(f"{dev}/{bucket}.tsv", encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t", 1) for l in f if "\t" in l]
        gold = [r[0] for r in rows]
        size = sum(len(r[1].encode("utf-8")) for r in rows) / 1e6
        ours = set(gold)
        for system, keep in (("tamis", ours), ("tamis on CLD2's languages", ours & CLD2),
                             ("CLD2", ours & CLD2), ("libexttextcat", ours & textcat)):
            name = system.split()[0].lower().replace("libexttextcat", "textcat")
            with open(f"{out}/{name}-{bucket}.txt", encoding="utf-8") as f:
                pred = [norm(l.strip()) for l in f]
            with open(f"{out}/{name}-{bucket}.time", encoding="utf-8") as f:
                secs = float(f.read().split()[-1])
            if system == "tamis":
                n_langs, n, acc, f1 = evaluated(f"{out}/gold-{bucket}.eval.json")
            elif system.startswith("tamis on"):
                n_langs, n, acc, f1 = evaluated(f"{out}/gold-cld2-{bucket}.eval.json")
            else:
                n_langs, n, acc, f1 = score(gold, pred, keep)
            print(f"| {bucket} | {system} | {n_langs} | {n} | {acc:.2f} | {f1:.2f} | {size / secs:.1f} |")
        # tamis-train-langid --eval: the detector without documents around it
        with open(f"{out}/detector-{bucket}.txt", encoding="utf-8") as f:
            m = re.search(r"(\d+) samples, accuracy ([\d.]+)%, macro-F1 ([\d.]+)%, ([\d.]+) MB/s", f.read())
        if m:
            print(f"| {bucket} | tamis detector alone | {len(ours)} | {m.group(1)} | {m.group(2)} "
                  f"| {m.group(3)} | {m.group(4)} |")


if __name__ == "__main__":
    main()
