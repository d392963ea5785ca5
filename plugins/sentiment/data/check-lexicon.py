#!/usr/bin/env python3
"""Check the sentiment plugin's data files and count their entries.

Written for the tamis project; same licence as the project.

    python3 check-lexicon.py                 # every LANG/lexicon.tsv and LANG/directions.tsv
    python3 check-lexicon.py fr/lexicon.tsv  # some files only
    python3 check-lexicon.py --coverage FILE.jsonl ...
                                             # also: share of JSONL texts that hold
                                             # a lexicon term, or a direction and a
                                             # financial noun, per gold label

Checks: the header line, three fields a line, the labels a file may use,
weights in range and of the label's sign, no term twice in a file once
folded as the core folds it (case, accents, apostrophes, hyphens), no
lexicon entry that is a stopword alone, and no direction word in the lexicon of the same
language. Exits 1 on any error.
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "#term\tlabel\tweight"

# Short function words: an entry made of one of these alone would fire on
# almost every sentence.
STOPWORDS = {
    "fr": set("""le la les l' un une des du de d' et ou mais donc or ni car à au
        aux en dans par pour sur sous avec sans chez vers entre ce cet cette ces
        son sa ses leur leurs mon ma mes notre nos votre vos il elle ils elles on
        nous vous je tu se s' qui que qu' quoi dont où ne n' pas plus moins très
        trop peu bien mal tout tous toute toutes aussi encore déjà est sont était
        a ont avait été être avoir fait faire comme si y c' cela ça ceci lui eux
        même autre autres non oui""".split()),
    "en": set("""the a an and or but nor so of in on at to for from by with without
        into onto over under about as is are was were be been being has have had
        do does did it its this that these those he she they we you i me him her
        them us my our your their his not no yes very too more most less least
        much many some any all each every than then there here which who whom
        what when where why how can could will would shall should may might must
        up down out off just only also well""".split()),
}

LABELS = {
    "lexicon.tsv": {"POS", "NEG"},
    "directions.tsv": {"DIRECTION_UP", "DIRECTION_DOWN", "FIN_GOOD", "FIN_BAD"},
}


def fold(term):
    t = unicodedata.normalize("NFD", term)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("\u2019", "'").replace("\u02bc", "'")
    t = t.replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(t.lower().split())


def read(path):
    """Entries of one file as (line, term, label, weight); errors as strings."""
    kind = os.path.basename(path)
    lang = os.path.basename(os.path.dirname(path))
    labels = LABELS.get(kind)
    stop = STOPWORDS.get(lang, set())
    entries, errors, seen = [], [], {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0] != HEADER:
        errors.append(f"{path}:1: first line must be {HEADER!r}")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{n}"
        fields = line.split("\t")
        if len(fields) != 3:
            errors.append(f"{where}: {len(fields)} fields, want 3: {line!r}")
            continue
        term, label, weight = fields
        if term != term.strip() or "  " in term or not term:
            errors.append(f"{where}: stray spaces in {term!r}")
        try:
            w = float(weight)
        except ValueError:
            errors.append(f"{where}: weight {weight!r} is not a number")
            continue
        if labels and label not in labels:
            errors.append(f"{where}: label {label!r} not one of {sorted(labels)}")
        if kind == "lexicon.tsv":
            if not -4 <= w <= 4 or w == 0:
                errors.append(f"{where}: weight {w} not in [-4, 0) or (0, 4]")
            elif (label == "POS") != (w > 0):
                errors.append(f"{where}: weight {w} has the wrong sign for {label}")
        elif not 0 < w <= 1:
            errors.append(f"{where}: weight {w} not in (0, 1]")
        k = fold(term)
        if k in stop and kind == "lexicon.tsv":  # "up", "down" are directions
            errors.append(f"{where}: {term!r} is a stopword alone")
        if k in seen:
            other = seen[k]
            what = "twice" if other[1] == label else f"as {other[1]} and {label}"
            errors.append(f"{where}: {term!r} {what} (line {other[0]})")
        else:
            seen[k] = (n, label)
        entries.append((n, term, label, w))
    return entries, errors


def tokens(text):
    """Rough word tokens, folded, as the core cuts them (enough to count)."""
    t = fold(text)
    return re.findall(r"\w+(?:['\-&]\w+)*|[^\w\s]", t)


def _terms(entries):
    terms = {tuple(tokens(e[1])) for e in entries}
    return terms, max((len(t) for t in terms), default=0)


def _holds(toks, index):
    terms, longest = index
    if any(tuple(toks[i:i + n]) in terms
           for i in range(len(toks)) for n in range(1, longest + 1)):
        return True
    # an elided first word (l'échec) or a possessive (Nokia's)
    bare = [re.sub(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'", "", t) for t in toks]
    bare = [re.sub(r"'s$", "", t) for t in bare]
    return any((t,) in terms for t in bare)


def coverage(files, lexicons, directions):
    """Share of texts, per language and gold label, holding at least one
    lexicon term ("lex"), or a direction word and a financial noun ("dir")."""
    lex = {lang: _terms(e) for lang, e in lexicons.items()}
    dirs = {lang: (_terms([x for x in e if x[2].startswith("DIRECTION")]),
                   _terms([x for x in e if x[2].startswith("FIN")]))
            for lang, e in directions.items()}
    empty = (set(), 0)
    for path in files:
        per = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                lang = item.get("lang")
                toks = tokens(item["text"])
                a = _holds(toks, lex.get(lang, empty))
                d, n = dirs.get(lang, (empty, empty))
                b = _holds(toks, d) and _holds(toks, n)
                for key in ("all", item.get("label", "?")):
                    c = per.setdefault(key, [0, 0, 0, 0])
                    c[0] += a
                    c[1] += b
                    c[2] += a or b
                    c[3] += 1
        print(os.path.basename(path) + ":")
        for key, (a, b, ab, t) in sorted(per.items()):
            print(f"  {key:9} {t:5} texts: lex {100.0 * a / t:5.1f}%  "
                  f"dir+fin {100.0 * b / t:5.1f}%  either {100.0 * ab / t:5.1f}%")


def main(argv):
    cov = []
    if "--coverage" in argv:
        i = argv.index("--coverage")
        cov, argv = argv[i + 1:], argv[:i]
    paths = argv or sorted(glob.glob(os.path.join(HERE, "*", "lexicon.tsv"))
                           + glob.glob(os.path.join(HERE, "*", "directions.tsv")))
    failed = False
    lexicons, directions, folded = {}, {}, {}
    for path in paths:
        entries, errors = read(path)
        for e in errors:
            print(e, file=sys.stderr)
        failed |= bool(errors)
        counts = {}
        for _, _, label, _ in entries:
            counts[label] = counts.get(label, 0) + 1
        lang = os.path.basename(os.path.dirname(path))
        print(f"{os.path.relpath(path, HERE)}: {len(entries)} entries: "
              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
              + (f"; {len(errors)} errors" if errors else ""))
        folded.setdefault(lang, {})[os.path.basename(path)] = {
            fold(t): label for _, t, label, _ in entries}
        if os.path.basename(path) == "lexicon.tsv":
            lexicons[lang] = entries
        else:
            directions[lang] = entries
    for lang, files in sorted(folded.items()):
        lex, dirs = files.get("lexicon.tsv", {}), files.get("directions.tsv", {})
        both = sorted(set(lex) & set(dirs))
        bad = [t for t in both if dirs[t].startswith("DIRECTION")]
        for t in bad:
            print(f"{lang}: direction word {t!r} is in the lexicon too", file=sys.stderr)
        failed |= bool(bad)
        fin = [t for t in both if t not in bad]
        if fin:
            print(f"{lang}: financial nouns with a polarity of their own too: " + ", ".join(fin))
    sys.stdout.flush()
    if cov:
        coverage(cov, lexicons, directions)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
