#!/usr/bin/env python3
"""Builds the calibration sets of langid's score, fits it, and reports it.

    calibration.py sets DEVDIR OUTDIR      # OUTDIR/{fit,report}.tsv
    calibration.py fit FEATURES.tsv        # coefficients for langid-doc.c
    calibration.py report OUTDIR/report.tsv   (run from the build directory)

The sets come from the project's own held-out development text
(plugins/langid/fetch-training.sh WORKDIR makes WORKDIR/text/dev): each
sample goes to "fit" or "report" by a hash of its text, so the reliability
table is measured on samples the fit never saw. Beside the samples as they
are, the sets hold what the score must be honest about:

* noisy copies: hashtags, @mentions, URLs, e-mail addresses, numbers,
  emoji and prices added around a sample (its language does not change);
* transcriptions: Cyrillic and Greek samples written in Latin letters
  (gold "und": no language of the model is written so);
* noise alone: tags, links, numbers and base64 runs (gold "und");
* sentences made mostly of names (from the entities plugin's lists of
  people and places) joined by a few words of one language (its gold).

"fit" reads `tamis-train-langid --eval --features` output (gold, answer,
tempered score, coverage, letters, features, margin) and fits
logit P(right) = A + B*logit(score) + C*coverage + D*ln(letters) + E*names by
gradient descent (E: the share of letters in names). "report" runs the langid stage through `tamis run` and
prints the reliability table: lang_score bins against the share of right
answers, and how often the answer is "und".
"""
import base64
import hashlib
import json
import math
import random
import subprocess
import sys
import tempfile

CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџ",
               ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                "yu", "ya", "i", "yi", "ye", "g", "w", "dj", "j", "lj", "nj", "c", "dz"]))
GRK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
               ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
                "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o",
                "i", "y", "i", "y"]))


def translit(text):
    out = []
    for ch in text:
        low = ch.lower()
        t = CYR.get(low, GRK.get(low))
        if t is None:
            out.append(ch)
        else:
            out.append(t.capitalize() if ch != low else t)
    return "".join(out)


def noise_token(rnd):
    kind = rnd.randrange(9)
    word = rnd.choice(["news", "tech", "paris", "ai", "market", "data", "cloud", "sport", "music"])
    if kind == 0:
        return "#" + word.capitalize() + str(rnd.randrange(30))
    if kind == 1:
        return "@" + word + "_" + rnd.choice(["fan", "hq", "daily", "official"])
    if kind == 2:
        return "https://%s.example.%s/%s?id=%d" % (word, rnd.choice(["com", "org", "net"]),
                                                   word, rnd.randrange(10000))
    if kind == 3:
        return "%s.%s@example.com" % (word, rnd.choice(["info", "contact", "press"]))
    if kind == 4:
        return rnd.choice(["$", "€", "£", "¥"]) + "%d,%03d" % (rnd.randrange(1, 999), rnd.randrange(1000))
    if kind == 5:
        return rnd.choice(["😂", "👍", "🔥", "🚀", "❤️", "🎉"]) * rnd.randrange(1, 4)
    if kind == 6:
        return "$" + rnd.choice(["NVDA", "AAPL", "TSLA", "MSFT", "BTC"])
    if kind == 7:
        return base64.b64encode(bytes(rnd.randrange(256) for _ in range(rnd.randrange(12, 40)))).decode()
    return "%d.%d%%" % (rnd.randrange(100), rnd.randrange(10))


# A few words of each language around names.
NAME_FRAMES = {
    "en": ["{p1} met {p2} in {loc}", "{p1} and {p2} visited {loc}", "{p1} says {p2} will leave {loc}"],
    "fr": ["{p1} a rencontré {p2} à {loc}", "{p1} et {p2} sont à {loc}", "{p1} remplace {p2} à {loc}"],
    "de": ["{p1} traf {p2} in {loc}", "{p1} und {p2} sind in {loc}", "{p1} folgt auf {p2} in {loc}"],
    "es": ["{p1} se reunió con {p2} en {loc}", "{p1} y {p2} viajan a {loc}"],
    "it": ["{p1} ha incontrato {p2} a {loc}", "{p1} e {p2} sono a {loc}"],
    "pt": ["{p1} encontrou {p2} em {loc}", "{p1} e {p2} estão em {loc}"],
    "nl": ["{p1} ontmoette {p2} in {loc}", "{p1} en {p2} zijn in {loc}"],
}


def names(srcdir):
    """People and places of the entities plugin's lists (first column)."""
    out = []
    for kind in ("per", "loc"):
        seen = []
        for line in open("%s/plugins/entities/data/en/%s.tsv" % (srcdir, kind), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            name = line.split("\t")[0].strip()
            if name and name[0].isupper() and len(name.split()) <= 3:
                seen.append(name)
        out.append(seen[:2000])
    return out


def make_sets(devdir, outdir):
    srcdir = __file__.rsplit("/bench/", 1)[0] if "/bench/" in __file__ else "."
    rnd = random.Random(7)
    sets = {"fit": [], "report": []}
    for bucket in ("short", "medium", "long"):
        for line in open("%s/%s.tsv" % (devdir, bucket), encoding="utf-8"):
            lang, _, text = line.rstrip("\n").partition("\t")
            if not text:
                continue
            h = hashlib.sha1(text.encode()).digest()[0]
            part = sets["fit" if h % 2 == 0 else "report"]
            part.append((lang, text))
            if h % 5 == 1:
                toks = [noise_token(rnd) for _ in range(rnd.randrange(1, 4))]
                part.append((lang, " ".join(toks[:1] + [text] + toks[1:])))
            if lang in ("ru", "uk", "bg", "mk", "sr", "be", "el") and h % 3 == 0:
                part.append(("und", translit(text)))
    for i in range(600):
        part = sets["fit" if i % 2 == 0 else "report"]
        part.append(("und", " ".join(noise_token(rnd) for _ in range(rnd.randrange(1, 6)))))
    people, places = names(srcdir)
    for i in range(1200):
        part = sets["fit" if i % 2 == 0 else "report"]
        lang = rnd.choice(sorted(NAME_FRAMES))
        frame = rnd.choice(NAME_FRAMES[lang])
        part.append((lang, frame.format(p1=rnd.choice(people), p2=rnd.choice(people),
                                        loc=rnd.choice(places))))
    for name, rows in sets.items():
        with open("%s/%s.tsv" % (outdir, name), "w", encoding="utf-8") as f:
            for lang, text in rows:
                f.write("%s\t%s\n" % (lang, text.replace("\t", " ").replace("\n", " ")))
        print("%s/%s.tsv: %d samples" % (outdir, name, len(rows)))


def fit(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        gold, got, score, cov, letters, _nf, _margin, names = line.rstrip("\n").split("\t")
        if got == "und":
            continue
        s = min(max(float(score), 1e-6), 1 - 1e-6)
        x = [1.0, math.log(s / (1 - s)), float(cov), math.log(max(int(letters), 1)), float(names)]
        rows.append((x, 1.0 if gold == got else 0.0))
    w = [0.0, 0.5, 0.0, 0.0, 0.0]
    rate = 0.3
    for it in range(1500):
        grad = [0.0] * len(w)
        for x, y in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            for k in range(len(w)):
                grad[k] += (p - y) * x[k]
        w = [a - rate * g / len(rows) for a, g in zip(w, grad)]
    print("samples %d: A %.3f B %.3f C %.3f D %.3f E %.3f" % (len(rows), *w))


def report(path):
    rows = [l.rstrip("\n").split("\t", 1) for l in open(path, encoding="utf-8")]
    inp = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, (_, t) in enumerate(rows))
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as yaml:
        yaml.write("tamis: 1\nstages: [langid]\n")
        yaml.flush()
        out = subprocess.run(["./tamis", "run", "-j", "1", "-i", "jsonl", "--provenance", "none",
                              yaml.name, "-"], input=inp, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    bins = [(0.2, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 1.01)]
    stats = [[0, 0, 0.0] for _ in bins]
    und_right = und_all = gold_und = answered_und_gold = 0
    right_all = 0
    for (gold, _), line in zip(rows, out):
        r = json.loads(line)
        got, score = r["lang"], r["lang_score"]
        right_all += got == gold
        if gold == "und":
            gold_und += 1
            answered_und_gold += got == "und"
        if got == "und":
            und_all += 1
            continue
        for k, (lo, hi) in enumerate(bins):
            if lo <= score < hi:
                stats[k][0] += 1
                stats[k][1] += got == gold
                stats[k][2] += score
    print("| lang_score | samples | mean score | observed accuracy |")
    print("|---|---:|---:|---:|")
    for (lo, hi), (n, ok, ssum) in zip(bins, stats):
        if n:
            print("| %.2f–%.2f | %d | %.3f | %.3f |" % (lo, min(hi, 1.0), n, ssum / n, ok / n))
    print()
    print("samples %d; right %.2f%%; answered und %d; gold und %d, of which answered und %d"
          % (len(rows), 100.0 * right_all / len(rows), und_all, gold_und, answered_und_gold))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "sets" and len(sys.argv) == 4:
        make_sets(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "fit":
        fit(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
