#!/usr/bin/env python3
"""Builds data/pairs.tsv, the words that tell apart two close languages.

    train-pairs.py TRAIN_DIR OUT

TRAIN_DIR holds the training text of the model, one CODE.txt per language
(fetch-training.sh makes it). For each pair below, every word seen at least
MIN_COUNT times in the two texts together gets the log of the ratio of its
frequencies in the two languages (add-ALPHA smoothing), in hundredths of a
nat, positive for the first language; the KEEP words that weigh most
(|ratio| times the log of their count) are written. The plugin adds the
weights of a text's words and, past one nat, takes the language they point
to when the detector's answer and its runner-up are the pair.
"""
import collections
import math
import re
import sys

# (first, second, file of the second when it is not CODE.txt)
PAIRS = [("hr", "sr", "sr-Latn"), ("id", "ms", None), ("no", "da", None),
         ("cs", "sk", None), ("pt", "gl", None)]
ALPHA = 0.1
MIN_COUNT = 3
KEEP = 10000
WORD = re.compile(r"[^\W\d_]+")


def counts(path):
    c = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            c.update(WORD.findall(line.lower()))
    return c


def main():
    train, out = sys.argv[1], sys.argv[2]
    with open(out, "w", encoding="utf-8") as o:
        o.write("# tamis langid: words that tell apart two close languages.\n"
                "# Made by plugins/langid/train-pairs.py from the model's training\n"
                "# text (see README.md, \"Close pairs\"; sources and licences as for\n"
                "# data/langid.model). '@ A B' starts a pair; then WORD<TAB>WEIGHT,\n"
                "# the log of the ratio of the word's frequency in A to that in B,\n"
                "# in hundredths of a nat.\n")
        for a, b, b_file in PAIRS:
            ca = counts("%s/%s.txt" % (train, a))
            cb = counts("%s/%s.txt" % (train, b_file or b))
            na, nb = sum(ca.values()), sum(cb.values())
            vocab = set(ca) | set(cb)
            v = len(vocab)
            weights = {}
            for w in vocab:
                n = ca[w] + cb[w]
                if n < MIN_COUNT:
                    continue
                weights[w] = (math.log((ca[w] + ALPHA) / (na + ALPHA * v))
                              - math.log((cb[w] + ALPHA) / (nb + ALPHA * v)))
            kept = sorted(weights, key=lambda w: (-abs(weights[w]) * math.log(ca[w] + cb[w]), w))[:KEEP]
            o.write("@ %s %s\n" % (a, b))
            for w in sorted(kept):
                cn = int(round(weights[w] * 100))
                if cn:
                    o.write("%s\t%d\n" % (w, cn))


if __name__ == "__main__":
    main()
