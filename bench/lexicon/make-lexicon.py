#!/usr/bin/env python3
"""Builds the lexicon and the text of the lexicon benchmark, deterministically.

    make-lexicon.py --lexicon FILE --terms FILE --text FILE
                    [--entries N] [--size MB] SOURCE_DIR...

The sources are the *.txt files of each SOURCE_DIR, in sorted order.

Lexicon (--lexicon, tamis TSV with a header naming two extra fields, id and
country; --terms gets the same terms, one per line, for grep -f):
  1. every distinct word 2-, 3- and 4-gram of the sources whose first and
     last words have at least 3 characters (compared case-insensitively),
     labelled NGRAM;
  2. every distinct capitalised word of at least 3 characters, labelled ORG;
  3. padding up to N entries (default 100000) with generated names of one to
     three invented words, labelled ORG, PERSON or GPE, half of the ORG ones
     followed by a word such as Capital ("Valdoren Mirasol Capital"), from a
     fixed linear congruential generator: the same file on every machine.

Text (--text): the source files concatenated, one form feed between two
articles, repeated until the text reaches --size MB (default 50).
"""

import argparse
import os
import re
import sys

WORD = re.compile(r"[^\W_]+(?:['’\-&][^\W_]+)*")
SYLLABLES = ["val", "dor", "en", "mi", "ra", "sol", "kes", "trel", "no", "va", "lu",
             "men", "or", "qui", "llon", "tes", "se", "ar", "ba", "zé", "rio", "ka",
             "té", "lin", "gra", "vo", "sa", "ga", "ro", "ny", "ël", "bru", "fa", "xo"]
SUFFIXES = ["Capital", "Systems", "Holdings", "Ventures", "Labs", "Group", "SA", "AG",
            "Technologies", "Partners", "Énergie", "Finance", "Robotics", "Cloud"]
LABELS = ["ORG", "ORG", "PERSON", "GPE"]
COUNTRIES = ["US", "FR", "DE", "CN", "JP", "GB", "IT", "CA"]


class Lcg:
    """Numerical Recipes' 32-bit generator: tiny, and fixed forever."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1664525 + 1013904223) % 2**32
        return (self.state >> 8) % n


def sources(dirs):
    files = []
    for d in dirs:
        files += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))
    return [open(f, encoding="utf-8").read() for f in files]


def ngram_terms(texts):
    seen, terms = set(), []

    def add(term, label, weight):
        key = term.casefold()
        if key not in seen:
            seen.add(key)
            terms.append((term, label, weight))

    for text in texts:
        words = WORD.findall(text)
        for i, w in enumerate(words):
            if len(w) >= 3 and w[0].isupper():
                add(w, "ORG", 1.0)
            for n in (2, 3, 4):
                gram = words[i:i + n]
                if len(gram) == n and len(gram[0]) >= 3 and len(gram[-1]) >= 3:
                    add(" ".join(gram), "NGRAM", n / 4)
    return terms, seen


def invented_word(rng):
    word = "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(2 + rng.next(3)))
    return word.capitalize()


def padding(rng, count, seen):
    terms = []
    while len(terms) < count:
        label = LABELS[rng.next(len(LABELS))]
        words = [invented_word(rng) for _ in range(1 + rng.next(3))]
        if label == "ORG" and rng.next(2):
            words.append(SUFFIXES[rng.next(len(SUFFIXES))])
        term = " ".join(words)
        if term.casefold() in seen:
            continue
        seen.add(term.casefold())
        terms.append((term, label, (1 + rng.next(100)) / 10))
    return terms


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--terms", required=True)
    ap.add_argument("--text", required=True)
    ap.add_argument("--entries", type=int, default=100000)
    ap.add_argument("--size", type=float, default=50)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    texts = sources(args.dirs)
    terms, seen = ngram_terms(texts)
    terms = terms[:args.entries]
    n_ngrams = len(terms)
    terms += padding(Lcg(20250203), args.entries - len(terms), seen)

    with open(args.lexicon, "w", encoding="utf-8") as lex, \
         open(args.terms, "w", encoding="utf-8") as plain:
        lex.write("#term\tlabel\tweight\tid\tcountry\n")
        for i, (term, label, weight) in enumerate(terms):
            country = COUNTRIES[i % len(COUNTRIES)] if label != "NGRAM" else ""
            lex.write(f"{term}\t{label}\t{weight:g}\tQ{i + 1}\t{country}\n")
            plain.write(term + "\n")

    block = "\f\n".join(t.rstrip("\n") + "\n" for t in texts) + "\f\n"
    target = int(args.size * 1e6)
    data = block.encode("utf-8")
    written = 0
    with open(args.text, "wb") as out:
        while written < target:
            out.write(data)
            written += len(data)
    print(f"make-lexicon: {len(terms)} entries ({n_ngrams} from the text), "
          f"text {written / 1e6:.1f} MB from {len(texts)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
