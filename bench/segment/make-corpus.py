#!/usr/bin/env python3
"""Builds a varied news-like corpus for the segment benchmark.

Cuts the source articles into titles and sentences, grouped by language
(from a fr-/en- file name prefix, French otherwise), then writes new
articles of a few kilobytes: a title line, then paragraphs of sentences
drawn at random from the same language, with every digit redrawn and the
company and people names swapped, so that no article repeats another.

    make-corpus.py --out DIR [--size MB] [--seed N] [--per-file K] SOURCE_DIR...

With --per-file K, K articles go into each file, separated by blank lines
(the same text for the same seed, packed in fewer and larger documents).
"""

import argparse
import os
import random
import re
import sys

NAMES = [
    "Meta", "Google", "Microsoft", "Nvidia", "DeepSeek", "OpenAI", "Samsung", "Apple",
    "Amazon", "Mistral", "Corvane", "Helio", "Lumenor", "Zuckerberg", "Nadella", "Musk",
    "Altman", "Raman", "Moreau", "Delorme", "Hollis", "Krüger", "Orano", "Valmira",
    "Kestrel", "Arvani", "Boréal", "Quillon", "Tessera", "Nordlys", "Sagaro", "Émeraude",
]
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")
NAME_RE = re.compile(r"\b(" + "|".join(map(re.escape, NAMES)) + r")\b")
DIGIT_RE = re.compile(r"\d")


def language_of(path):
    base = os.path.basename(path)
    return base[:2] if base[:3] in ("fr-", "en-") else "fr"


def read_sources(dirs):
    titles, sentences = {}, {}
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(d, name)
            lang = language_of(path)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for block in re.split(r"\n\s*\n|\n(?=[A-ZÀ-Ö«\"])", text):
                block = " ".join(block.split())
                if not block:
                    continue
                parts = SENTENCE_END.split(block)
                if len(parts) == 1 and block[-1] not in ".!?…»\"":
                    titles.setdefault(lang, []).append(block)
                else:
                    sentences.setdefault(lang, []).extend(p for p in parts if p)
    return titles, sentences


def vary(text, rng):
    text = DIGIT_RE.sub(lambda m: str(rng.randrange(10)), text)
    return NAME_RE.sub(lambda m: rng.choice(NAMES), text)


def article(lang, titles, sentences, rng):
    pool = sentences[lang]
    title_pool = titles.get(lang) or pool
    out = [vary(rng.choice(title_pool), rng), ""]
    for _ in range(rng.randint(3, 9)):
        para = [vary(rng.choice(pool), rng) for _ in range(rng.randint(1, 6))]
        out.append(" ".join(para))
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", type=float, default=100, help="megabytes to write")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--per-file", type=int, default=1, help="articles per file")
    ap.add_argument("sources", nargs="+")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    titles, sentences = read_sources(args.sources)
    langs = sorted(sentences)
    if not langs:
        sys.exit("make-corpus: no sentences in " + " ".join(args.sources))

    target = int(args.size * 1e6)
    written = n = files = 0
    while written < target:
        sub = os.path.join(args.out, "%03d" % (files // 1000))
        if files % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        docs = []
        for _ in range(args.per_file):
            lang = rng.choice(langs)
            docs.append(article(lang, titles, sentences, rng))
            n += 1
        data = "\n".join(docs).encode("utf-8")
        name = "%s-%06d.txt" % (lang, files) if args.per_file == 1 else "mix-%06d.txt" % files
        with open(os.path.join(sub, name), "wb") as f:
            f.write(data)
        written += len(data)
        files += 1
    print("%d articles in %d files, %.1f MB, languages %s"
          % (n, files, written / 1e6, ",".join(langs)))


if __name__ == "__main__":
    main()
