#!/usr/bin/env python3
"""Turns Unicode CLDR and iso-codes data into the C table of the money plugin.

Reads, for French and English:
  * every ISO 4217 code (iso-codes: iso_4217.json);
  * currency display names with their plural forms and symbols
    (CLDR common/main/{root,en,fr}.xml);
  * which currency each region uses (CLDR supplementalData.xml), to know
    which two-letter prefixes may stand before a dollar sign (CA$, $HK);
  * number words (CLDR rbnf/{en,fr}.xml spell-out rules) and scale words
    with their abbreviations (CLDR long and short decimal formats).

Writes one C file of MoneyGenEntry rows (see money-data.h). Usage:
  gen-currencies.py CLDR_DIR ISO_CODES_JSON_DIR OUTPUT.c
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

LANGS = ("fr", "en")

# ISO 4217 codes that are not money people pay with: precious metals, funds
# and units of account, test and "no currency" codes
NOT_MONEY = {"XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR",
             "XSU", "XUA", "XTS", "XXX", "BOV", "CHE", "CHW", "CLF", "COU",
             "MXV", "USN", "UYI", "UYW"}

# head noun of a currency name: French puts it first ("dollar canadien"),
# English last ("Canadian dollar")
def head_of(lang, name):
    words = name.split()
    if not words or "(" in name:
        return None
    return words[0] if lang == "fr" else words[-1]


def c_string(s):
    out = []
    for ch in s:
        if ch in '\\"':
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.extend("\\%03o" % b for b in ch.encode("utf-8"))
    # octal escapes must not swallow a following digit: close the literal
    return '"' + re.sub(r'(\\[0-7]{3})(?=[0-7])', r'\1""', "".join(out)) + '"'


def load_locale(cldr, loc):
    root = ET.parse(os.path.join(cldr, "common", "main", loc + ".xml")).getroot()
    names, symbols = {}, {}
    cur = root.find("numbers/currencies")
    if cur is not None:
        for c in cur:
            code = c.get("type")
            for d in c.findall("displayName"):
                names.setdefault(code, []).append(d.text)
            for s in c.findall("symbol"):
                symbols.setdefault(code, []).append((s.get("alt"), s.text))
    decimal = None
    for syms in root.iter("symbols"):
        if syms.get("numberSystem") == "latn" and syms.find("decimal") is not None:
            decimal = syms.find("decimal").text
    scales = []
    for fmt in root.iter("decimalFormatLength"):
        kind = fmt.get("type")
        if kind not in ("long", "short"):
            continue
        for p in fmt.iter("pattern"):
            t, text = p.get("type"), (p.text or "")
            if not t or not t.isdigit() or text == "0":
                continue
            # only the pattern with a single 0 tells the word's own power
            m = re.fullmatch(r"0\s*([^0\s¤][^0¤]*)", text.replace("\u00a0", " "))
            if m:
                scales.append((m.group(1).strip(), len(t) - 1))
    return names, symbols, scales, decimal


def rbnf_words(cldr, lang, rulesets):
    """The words of the spell-out rules whose text is the number itself:
    "vingt[-→→]" is 20, "←← hundred[ →→]" says that "hundred" multiplies
    by 100, "dix-→→" (always followed by more) says nothing on its own."""
    root = ET.parse(os.path.join(cldr, "common", "rbnf", lang + ".xml")).getroot()
    words = []
    for rs in root.iter("ruleset"):
        if rs.get("type") not in rulesets:
            continue
        for rule in rs.findall("rbnfrule"):
            value = rule.get("value")
            text = rule.text or ""
            if not value or not value.isdigit() or "=" in text:
                continue
            text = re.sub(r"\[[^\]]*\]", "", text).rstrip(";")
            if "→" in text:
                continue
            multiplier = "←" in text
            text = re.sub(r"←[^←]*←", " ", text).split()
            if len(text) == 2 and text[0] in ("un", "one"):
                text = text[1:]
            if len(text) != 1 or not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[0]):
                continue
            value = int(value)
            if multiplier:
                value = 10 ** (len(str(value)) - 1)
            words.append((text[0], value))
    return words


def dollar_regions(cldr, symbols_by_code, current):
    root = ET.parse(os.path.join(cldr, "common", "supplemental",
                                 "supplementalData.xml")).getroot()
    out = []
    for region in root.iter("region"):
        iso = region.get("iso3166")
        if not iso or len(iso) != 2 or not iso.isalpha():
            continue
        for c in region.findall("currency"):
            if c.get("to") or c.get("tender") == "false":
                continue
            code = c.get("iso4217")
            if code in current and any("$" in s for s in symbols_by_code.get(code, ())):
                out.append((iso, code))
            break
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen-currencies.py CLDR_DIR ISO_CODES_JSON_DIR OUTPUT.c")
    cldr, isodir, output = sys.argv[1:]
    with open(os.path.join(isodir, "iso_4217.json"), encoding="utf-8") as f:
        iso = json.load(f)["4217"]
    current = {c["alpha_3"] for c in iso}

    rows = []  # (kind, lang, text, code, value)

    for c in sorted(iso, key=lambda c: c["alpha_3"]):
        rows.append(("CODE", "", c["alpha_3"], c["alpha_3"], 0))
        # "Gold", "Silver": words of news text far more often than money
        if c["alpha_3"] not in NOT_MONEY:
            rows.append(("NAME_ALT", "en", c["name"], c["alpha_3"], 0))

    all_symbols = {}
    locales = {loc: load_locale(cldr, loc) for loc in ("root",) + LANGS}
    for loc in ("root",) + LANGS:
        for code, syms in locales[loc][1].items():
            for alt, text in syms:
                all_symbols.setdefault(code, []).append((alt, text))

    for lang in LANGS:
        names = locales[lang][0]
        heads = {}
        for code in sorted(names):
            if code in NOT_MONEY:
                continue
            for name in dict.fromkeys(names[code]):
                rows.append(("NAME", lang, name, code, 0))
                h = head_of(lang, name)
                if h and code in current and code not in NOT_MONEY:
                    heads.setdefault(h.lower(), set()).add(code)
        for h, codes in sorted(heads.items()):
            if len(codes) == 1:
                rows.append(("HEAD", lang, h, next(iter(codes)), 0))

    # "Malaysia ringgit", "Canada dollars": a country's English name before
    # the bare noun of its currency's name
    territories = {}
    root = ET.parse(os.path.join(cldr, "common", "main", "en.xml")).getroot()
    for t in root.iter("territory"):
        if t.get("alt") is None and len(t.get("type", "")) == 2:
            territories[t.get("type")] = t.text
    supp = ET.parse(os.path.join(cldr, "common", "supplemental", "supplementalData.xml")).getroot()
    for region in supp.iter("region"):
        iso2 = region.get("iso3166")
        if iso2 not in territories:
            continue
        for c in region.findall("currency"):
            if c.get("to") or c.get("tender") == "false":
                continue
            code = c.get("iso4217")
            if code in current and code not in NOT_MONEY:
                for name in dict.fromkeys(locales["en"][0].get(code, [])[1:]):
                    h = head_of("en", name)
                    if h and name.lower().split()[0] != territories[iso2].lower().split()[0]:
                        rows.append(("NAME_ALT", "en", territories[iso2] + " " + h.lower(), code, 0))
            break

    # symbols: the standard ones, then narrow ones that name one currency only
    by_symbol = {}
    for code, syms in all_symbols.items():
        for alt, text in syms:
            if text == code or text == "¤":
                continue
            by_symbol.setdefault((alt is None, text), set()).add(code)
    seen = set()
    for (standard, text), codes in sorted(by_symbol.items(), key=lambda kv: (not kv[0][0], kv[0][1])):
        if text in seen:
            continue
        live = sorted(c for c in codes if c in current and c not in NOT_MONEY)
        if len(live) == 1:
            seen.add(text)
            rows.append(("SYMBOL", "", text, live[0], 0))

    for iso2, code in dollar_regions(cldr, {c: [t for _, t in s] for c, s in all_symbols.items()}, current):
        rows.append(("REGION", "", iso2, code, 0))

    spell = {"fr": ("spellout-cardinal-masculine", "spellout-cardinal-feminine"),
             "en": ("spellout-cardinal",)}
    for lang in LANGS:
        for word, value in dict.fromkeys(rbnf_words(cldr, lang, spell[lang])):
            rows.append(("NUMBER", lang, word, "", value))
        for word, power in dict.fromkeys(locales[lang][2]):
            rows.append(("SCALE", lang, word, "", power))
        rows.append(("DECIMAL", lang, locales[lang][3], "", 0))

    with open(output + ".tmp", "w", encoding="utf-8") as out:
        out.write("/* Generated by gen-currencies.py from Unicode CLDR and iso-codes.\n"
                  " * Do not edit: edit the generator or the data it reads. */\n\n"
                  "#include \"money-data.h\"\n\n"
                  "const MoneyGenEntry money_gen_entries[] = {\n")
        for kind, lang, text, code, value in rows:
            out.write("  { MONEY_GEN_%s, %s, %s, %s, %dLL },\n"
                      % (kind, c_string(lang), c_string(text), c_string(code), value))
        out.write("};\n\nconst unsigned money_gen_n_entries = %d;\n" % len(rows))
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
