#!/usr/bin/env python3
"""Check the gazetteers under this directory and count their entries.

Every file must start with the shared header line, and every entry line must
have 2 to 4 tab-separated fields, a known label and a weight in [0.1, 1].
Exits 1 on the first problems found (all of them are listed)."""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = '#term\tlabel\tweight\tcanonical'
LABELS = {'PER', 'ORG', 'LOC', 'MISC', 'FIRST', 'LAST', 'DEMONYM'}


def check(path):
    errors, n, seen = [], 0, set()
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines[0] != HEADER:
        errors.append('%s:1: header is not %r' % (path, HEADER))
    for i, line in enumerate(lines[1:], 2):
        if not line or line.startswith('#'):
            continue
        fields = line.split('\t')
        where = '%s:%d: ' % (path, i)
        if not 2 <= len(fields) <= 4:
            errors.append(where + '%d fields' % len(fields))
            continue
        if not fields[0].strip() or fields[0] != fields[0].strip():
            errors.append(where + 'empty term or stray spaces')
        if fields[1] not in LABELS:
            errors.append(where + 'label %r' % fields[1])
        if len(fields) > 2:
            try:
                w = float(fields[2])
                if not 0.1 <= w <= 1:
                    errors.append(where + 'weight %s out of [0.1, 1]' % fields[2])
            except ValueError:
                errors.append(where + 'weight %r' % fields[2])
        key = (fields[0], fields[1])
        if key in seen:
            errors.append(where + 'duplicate %s %s' % key)
        seen.add(key)
        n += 1
    return n, errors


def terms(path):
    with open(path, encoding='utf-8') as f:
        return {tuple(line.split('\t')[:2]) for line in f
                if line.strip() and not line.startswith('#')}


def main():
    files = sorted(glob.glob(os.path.join(HERE, '*', '*.tsv')))
    bad = False
    # a term of common/NAME.tsv must not come again in fr/NAME.tsv or en/NAME.tsv
    for p in glob.glob(os.path.join(HERE, 'common', '*.tsv')):
        both = terms(p)
        for lang in ('fr', 'en'):
            q = os.path.join(HERE, lang, os.path.basename(p))
            if os.path.exists(q):
                for t, label in sorted(both & terms(q)):
                    print('%s: %s %s also in %s' % (q, t, label, p), file=sys.stderr)
                    bad = True
    for p in files:
        n, errors = check(p)
        print('%6d  %s' % (n, os.path.relpath(p, HERE)))
        for e in errors:
            print(e, file=sys.stderr)
        bad = bad or bool(errors)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
