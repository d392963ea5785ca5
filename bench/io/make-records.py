#!/usr/bin/env python3
"""Makes the JSON Lines inputs of the I/O benchmark (bench/io/run.sh).

    make-records.py news ARTICLE_DIR COUNT OUT    ~3 KB news records with metadata
    make-records.py short COUNT OUT               one-line records of 60 to 90 bytes
    make-records.py tsv TSV REPEAT OUT            LANG<TAB>TEXT lines as records,
                                                  the whole set REPEAT times

News records take their text from the articles that
bench/segment/make-corpus.py writes, cut near 3,000 bytes at a sentence
end, in turn until COUNT records; each gets a title, a source, a date, tags
and a word count as metadata. The short records cycle through five short
sentences written for this benchmark. Prints the bytes of text written.
"""

import json
import os
import sys


def news(article_dir, count, out):
    texts = []
    paths = sorted(os.path.join(d, n) for d, _, names in os.walk(article_dir) for n in names)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            body = f.read().strip()
        while len(body.encode()) > 3000:
            cut = body.rfind(". ", 0, 3000)
            cut = cut + 1 if cut > 1000 else 3000
            texts.append(body[:cut].strip())
            body = body[cut:].strip()
        if len(body) > 200:
            texts.append(body)
    text_bytes = 0
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            text = texts[i % len(texts)]
            title = text.split("\n", 1)[0][:80]
            record = {"id": "news-%06d" % (i + 1), "title": title, "source": "wire",
                      "date": "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                      "tags": ["economy", "technology"][: 1 + i % 2],
                      "words": len(text.split()), "text": text}
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            text_bytes += len(text.encode())
    return text_bytes


SHORT = [
    "Meta dépense 65 milliards.",
    "Le fret ferroviaire recule de 4 %.",
    "La récolte de blé est en avance.",
    "Un nouveau pont ouvre à Lyon.",
    "Les ventes de vélos repartent.",
]


def short(count, out):
    text_bytes = 0
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            text = SHORT[i % len(SHORT)]
            f.write(json.dumps({"id": "t%06d" % (i + 1), "text": text},
                               ensure_ascii=False, separators=(",", ":")) + "\n")
            text_bytes += len(text.encode())
    return text_bytes


def tsv(path, repeat, out):
    with open(path, encoding="utf-8") as f:
        texts = [line.rstrip("\n").split("\t", 1)[-1] for line in f]
    text_bytes = 0
    with open(out, "w", encoding="utf-8") as o:
        for r in range(repeat):
            for i, text in enumerate(texts):
                o.write(json.dumps({"id": "d%d-%06d" % (r, i + 1), "text": text},
                                   ensure_ascii=False, separators=(",", ":")) + "\n")
                text_bytes += len(text.encode())
    return text_bytes


def main():
    kind = sys.argv[1]
    if kind == "news":
        print(news(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
    elif kind == "short":
        print(short(int(sys.argv[2]), sys.argv[3]))
    elif kind == "tsv":
        print(tsv(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main()
