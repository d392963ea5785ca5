#!/usr/bin/env python3
"""Measure how much of the development NER sets the gazetteers cover.

Run from the project root: plugins/entities/data/measure-coverage.py
[EVAL_DIR] (default ../shared/eval-data/ner). For each set it prints the
share of gold LOC spans that are a loc.tsv term, of gold MISC spans that
are demonyms, of PER spans whose first word is a FIRST name and whose last
word is a LAST name, and the share of capitalised words matching a loc.tsv
term with weight >= 0.8 that fall on a gold LOC span. It only reads the
sets; nothing of them is written anywhere."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = [('conll2003-en-test.sample2000.jsonl', 'en'),
        ('wikineural-fr-test.sample2000.jsonl', 'fr'),
        ('hipe2020-fr-test.jsonl', 'fr')]


def fold(s):
    s = unicodedata.normalize('NFD', s.replace('’', "'"))
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()


def load(*files):
    terms = {}
    for f in files:
        with open(os.path.join(HERE, f), encoding='utf-8') as fh:
            for line in fh:
                if not line.startswith('#'):
                    t, _, w = line.rstrip('\n').split('\t')[:3]
                    terms.setdefault(fold(t), float(w))
    return terms


def main():
    ev = sys.argv[1] if len(sys.argv) > 1 else '../shared/eval-data/ner'
    first = load('common/first-names.tsv')
    last = load('common/last-names.tsv')
    for name, lang in SETS:
        path = os.path.join(ev, name)
        if not os.path.exists(path):
            continue
        loc = load('common/loc.tsv', lang + '/loc.tsv')
        dem = load('common/demonyms.tsv', lang + '/demonyms.tsv')
        n = dict(LOC=0, loc=0, MISC=0, dem=0, PER=0, first=0, multi=0, last=0,
                 hits=0, on_loc=0)
        with open(path, encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                ents = d['entities']
                for e in ents:
                    t = fold(e['text'])
                    if e['label'] == 'LOC':
                        n['LOC'] += 1
                        n['loc'] += t in loc
                    elif e['label'] == 'MISC':
                        n['MISC'] += 1
                        n['dem'] += t in dem
                    elif e['label'] == 'PER':
                        words = e['text'].split()
                        n['PER'] += 1
                        n['first'] += fold(words[0]) in first
                        if len(words) > 1:
                            n['multi'] += 1
                            n['last'] += fold(words[-1]) in last
                for m in re.finditer(r"\b[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+)?", d['text']):
                    if not m.group()[0].isupper() or loc.get(fold(m.group()), 0) < 0.8:
                        continue
                    n['hits'] += 1
                    n['on_loc'] += any(e['label'] == 'LOC' and e['start'] <= m.start() < e['end']
                                       for e in ents)
        r = lambda a, b: n[a] / max(1, n[b])
        print('%-38s LOC in loc.tsv %.3f  MISC demonyms %.3f  PER first %.3f  '
              'PER last %.3f  loc hits on LOC %.3f (%d)'
              % (name, r('loc', 'LOC'), r('dem', 'MISC'), r('first', 'PER'),
                 r('last', 'multi'), r('on_loc', 'hits'), n['hits']))


if __name__ == '__main__':
    main()
