#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets: SEEDS/TARGET/NAME.

    python3 tests/fuzz/seeds.py [SEEDS]      (default: tests/fuzz/seeds)

The texts are written for these tests; figures and companies are invented.
"""
import json
import os
import sys

SENTENCES = [
    "Nvidia a perdu 17 % lundi, soit près de 590 milliards de dollars de capitalisation.",
    "La start-up lyonnaise a levé 5,6 millions d'euros auprès de Partech et de Bpifrance.",
    "Meta prévoit d'investir entre 60 et 65 milliards de dollars dans l'IA en 2025.",
    "La BCE a abaissé son taux de dépôt de 25 points de base, à 2,75 %.",
    "« C'est un tournant », a déclaré M. Dupont, P.-D.G. de l'entreprise, aujourd’hui à Paris.",
    "Microsoft will spend about $80bn on data centres this fiscal year, Mr. Smith wrote.",
    "Shares of Tessaly Micro fell 9% to $41.20 in New York after the U.S. export rules.",
    "The Bank of England held rates at 4.75% and said inflation would peak near 3.7 per cent.",
    "Orbeline raised €3.5 million ($3.6m) led by Atlantico Partners; see https://example.com/a?b=1.",
    "Contact: press@example.org — 1,234.56 USD or 1 234,56 € or £2.5bn or ¥300 million.",
    "Die Bundesbank erwartet 2025 ein Wachstum von 0,2 Prozent.",
    "El banco central mantuvo los tipos en el 4 %.",
]


def pipelines():
    news = open(os.path.join(os.path.dirname(__file__), "..", "..",
                             "examples", "news.yaml"), encoding="utf-8").read()
    return {
        "news": news,
        "minimal": "tamis: 1\nstages: [segment]\n",
        "readme": """tamis: 1
name: news
plugin_path: [plugins]
input:
  format: auto
  max_size: 64M
stages:
  - segment
  - langid:
      languages: [fr, en]
  - plugin: money
    when: {lang: [fr, en]}
    with: {dollar_currency: USD}
output:
  format: jsonl
  layers: [sentence, money]
  text: false
""",
        "options": """tamis: 1
stages:
  - segment: {tokens: false}
  - langid: {min_chars: 20, spans: true, languages: [fr, en, de]}
  - money: {when: {lang: [fr]}, dollar_currency: CAD, min_value: 1000, qualifiers: no}
output: {format: tsv, layers: [], text: yes}
""",
        "flow": '{tamis: 1, stages: [segment, {money: {default_language: fr}}], '
                'output: {format: json}}\n',
        "typo": "tamis: 1\nstages:\n  - segment\noutptu:\n  format: jsonl\n",
        "anchors": "tamis: 1\nx: &a [1, 2]\nstages: *a\n",
        "dupkey": "tamis: 1\ntamis: 1\nstages: [segment]\n",
    }


def jsonl():
    lines = []
    for i, s in enumerate(SENTENCES):
        lines.append(json.dumps({"id": "wire-%04d" % i, "text": s, "source": "wire",
                                 "date": "2025-02-%02d" % (i + 1), "tags": ["ai", i]},
                                ensure_ascii=i % 2 == 0))
    return {
        "wire": ("\n".join(lines) + "\n").encode(),
        "mixed": b'\xef\xbb\xbf{"text": "BOM first"}\r\n\n   \n{"id": 7, "text": "a\\r\\nb"}\n'
                 b'not json\n{"text": 3}\n["text"]\n{"id": null, "text": "\\u00e9t\\u00e9"}\n'
                 b'{"text": "\xff\xfe"}\n{"text": "  \\t "}\n{"text": "x", "meta": {"a": [1, {"b": null}]}}',
        "long": ('{"id": "long", "text": "%s"}\n' % (" ".join(SENTENCES[:6]))).encode(),
    }


def texts():
    fr = " ".join(SENTENCES[:5])
    en = " ".join(SENTENCES[5:10])
    return {
        "fr": fr.encode(),
        "en": en.encode(),
        "mixed": (fr + "\n\n" + en + "\n").encode(),
        "crlf": ("\ufeff" + fr.replace(". ", ".\r\n") + "\r").encode(),
        "cr": en.replace(". ", ".\r").encode(),
        "utf16": b"\xff\xfeh\x00i\x00",
        "nul": b"before\x00after",
        "latin1": "Société générale : 3,5 millions d'€".encode("latin-1", "replace"),
        "nbsp": "1\u202f234,5\u00a0millions d\u2019euros \u2013 « citation »".encode(),
    }


def lexicons():
    lex = ("#term\tlabel\tweight\tcountry\n"
           "Nvidia\torg\t1\tUS\n"
           "Banque centrale européenne\torg\t2\tEU\n"
           "BCE\torg\n"
           "Meta\torg\t0.5\n"
           "d’OpenAI\torg\n"
           "2,75 %\trate\t1e3\n")
    plain = "Paris\nLondres\tloc\nNew York\tloc\t-2\n\n# comment\nAT&T\n"
    # the first byte chooses the folding (bits 0-1) and the language (2-4)
    return {
        "header": b"\x07" + (lex + "\0" + " ".join(SENTENCES[:5])).encode(),
        "plain": b"\x0b" + (plain + "\0" + "Nvidia's shares; d’OpenAI; New\nYork, AT&T.").encode(),
        "bom-crlf": b"\x01" + ("\ufeff" + lex.replace("\n", "\r\n") + "\0" + SENTENCES[3]).encode(),
        "bad": b"\x00#term\tlabel\tweight\tstart\nx\ty\tnotanumber\n\0text",
        "no-split": b"\x03" + " ".join(SENTENCES[5:8]).encode(),
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "seeds")
    text = texts()
    sets = {
        "pipeline": {k: v.encode() for k, v in pipelines().items()},
        "jsonl": jsonl(),
        "text": text,
        "segment": text,
        "langid": text,
        "money": text,
        "entities": text,
        "sentiment": text,
        "relations": text,
        "lexicon": lexicons(),
    }
    for target, seeds in sets.items():
        os.makedirs(os.path.join(out, target), exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(out, target, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
