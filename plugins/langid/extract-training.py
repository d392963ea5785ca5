#!/usr/bin/env python3
"""Turns unpacked Debian packages into text for the langid trainer.

    extract-training.py ROOT OUTDIR

ROOT is a tree where .deb files were unpacked with dpkg-deb -x. Writes
OUTDIR/train/LANG.txt (one sentence or phrase a line) and the held-out
development set OUTDIR/dev/{short,medium,long}.tsv (LANG<TAB>TEXT).

Sources: gettext catalogues (.mo), GNOME help pages, LibreOffice help,
translated manual pages, fortune files, Unicode CLDR annotations and
display names, and a few spelling dictionaries for languages with little
translated prose. A tenth of the material, chosen by a hash of the English
source string (catalogues) or of the file (pages), is held out for the
development set and never written to the training files.
"""

import gzip
import html
import os
import re
import struct
import sys
import zlib
from collections import defaultdict

LANGS = set("""af ar az be bg bn ca cs da de el en es et eu fa fi fr he hi hr hu
hy id it ja ka kk ko lt lv mk mr ms nl no pl pt ro ru sk sl sq sr sv sw ta te th
tl tr uk ur vi zh gl is cy ga eo mn ne gu pa kn ml si km am""".split())

ALIASES = {"nb": "no", "nn": "no", "fil": "tl", "iw": "he", "in": "id"}
# Regional variants written in another script than the language's usual one.
SKIP_LOCALES = {"az_IR", "pa_PK", "uz@cyrillic", "be@latin", "sd@devanagari",
                "ks@devanagari", "kok@roman", "tt@iqtelif", "en@shaw"}

# Script of each language (Unicode ranges, first letter to last); a unit
# mostly in another script (an untranslated English string in a Hindi
# catalogue, say) is dropped.
SCRIPTS = {
    "Cyrl": [(0x400, 0x52F)], "Grek": [(0x370, 0x3FF), (0x1F00, 0x1FFF)],
    "Armn": [(0x530, 0x58F)], "Hebr": [(0x590, 0x5FF)],
    "Arab": [(0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    "Deva": [(0x900, 0x97F)], "Beng": [(0x980, 0x9FF)], "Guru": [(0xA00, 0xA7F)],
    "Gujr": [(0xA80, 0xAFF)], "Taml": [(0xB80, 0xBFF)], "Telu": [(0xC00, 0xC7F)],
    "Knda": [(0xC80, 0xCFF)], "Mlym": [(0xD00, 0xD7F)], "Sinh": [(0xD80, 0xDFF)],
    "Thai": [(0xE00, 0xE7F)], "Geor": [(0x10A0, 0x10FF), (0x1C90, 0x1CBF)],
    "Hang": [(0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)],
    "Ethi": [(0x1200, 0x139F)], "Khmr": [(0x1780, 0x17FF)],
    "Hani": [(0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)],
    "Latn": [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)],
}
LANG_SCRIPT = {"ar": "Arab", "fa": "Arab", "ur": "Arab", "be": "Cyrl", "bg": "Cyrl",
               "kk": "Cyrl", "mk": "Cyrl", "mn": "Cyrl", "ru": "Cyrl", "sr": "Cyrl", "uk": "Cyrl",
               "el": "Grek", "hy": "Armn", "he": "Hebr", "hi": "Deva", "mr": "Deva",
               "ne": "Deva", "bn": "Beng", "pa": "Guru", "gu": "Gujr", "ta": "Taml",
               "te": "Telu", "kn": "Knda", "ml": "Mlym", "si": "Sinh", "th": "Thai",
               "ka": "Geor", "ko": "Hang", "am": "Ethi", "km": "Khmr", "ja": "Hani",
               "zh": "Hani"}


def in_script(c, script):
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in SCRIPTS[script])


def right_script(lang, text):
    """True when most letters of @text are in the script of @lang (Serbian
    is written in both Cyrillic and Latin)."""
    script = LANG_SCRIPT.get(lang, "Latn")
    alpha = [c for c in text if c.isalpha()]
    if not alpha:
        return False
    n = sum(1 for c in alpha if in_script(c, script))
    if lang == "sr":
        n += sum(1 for c in alpha if in_script(c, "Latn"))
    return 2 * n > len(alpha)


DEV_SHARE = 10          # one unit in DEV_SHARE goes to the development set
MAX_TRAIN_BYTES = 40 << 20
DICT_WORDS = 30000      # words taken from a spelling dictionary
DICT_LANGS = {"sw", "tl", "sq", "hy"}


def lang_of(locale):
    """Maps a locale or LibreOffice language tag to a model language, or None."""
    locale = locale.split(".")[0]
    if locale in SKIP_LOCALES:
        return None
    base, _, variant = locale.partition("@")
    if variant and not (base == "sr" and variant in ("latin", "ije")) and variant != "valencia":
        return None
    base = re.split(r"[_-]", base)[0].lower()
    if base == "c":
        base = "en"
    base = ALIASES.get(base, base)
    return base if base in LANGS else None


def h(s):
    return zlib.crc32(s.encode("utf-8"))


def is_dev(key):
    return h(key) % DEV_SHARE == 0


# ---- cleaning ----

RE_TAG = re.compile(r"<[^>]{0,200}>")
RE_FMT = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t|I)?[diouxXeEfgGcsSpn%]"
                    r"|%\([a-zA-Z_]+\)[sd]|%[A-Za-z]+%|%\d|\{[A-Za-z0-9_]*\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\d")
RE_ACCEL = re.compile(r"[_&~](?=\w)")
RE_SPACE = re.compile(r"\s+")
RE_URL = re.compile(r"\b(?:https?|ftp)://\S+|\S+@\S+\.\w+|www\.\S+")
RE_EMPTYQ = re.compile(r"[\"'“”«»„‘’「」]\s*[\"'“”«»„‘’「」]|\(\s*\)|\[\s*\]")


def clean(s):
    s = s.replace("\\n", " ").replace("\\t", " ")
    s = RE_TAG.sub(" ", s)
    s = html.unescape(s)
    s = RE_URL.sub(" ", s)
    s = RE_FMT.sub(" ", s)
    s = RE_ACCEL.sub("", s)
    s = RE_EMPTYQ.sub(" ", s)
    s = RE_SPACE.sub(" ", s).strip()
    return s


def letters(s):
    return sum(1 for c in s if c.isalpha())


# The Universal Declaration of Human Rights is kept for evaluating language
# detectors: none of it may reach the training text (none is known to be in
# the packages used; this guards against a future version shipping some).
RE_UDHR = re.compile(r"universal declaration of human rights|déclaration universelle des droits|"
                     r"allgemeine erklärung der menschenrechte|declaración universal de (los )?derechos|"
                     r"born free and equal in dignity|libres et égaux en dignité|"
                     r"frei und gleich an würde|libres e iguales en dignidad", re.I)


def usable(s):
    return letters(s) >= 3 and not RE_UDHR.search(s)


# ---- readers; each yields (lang, group, holdout_key, text) ----

def read_mo(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if end is None:
        return
    _, n, oorig, otrans = struct.unpack(end + "4I", data[4:20])
    for i in range(n):
        olen, ooff = struct.unpack(end + "2I", data[oorig + 8 * i:oorig + 8 * i + 8])
        tlen, toff = struct.unpack(end + "2I", data[otrans + 8 * i:otrans + 8 * i + 8])
        msgid = data[ooff:ooff + olen]
        msgstr = data[toff:toff + tlen]
        if not msgid:
            continue
        try:
            msgid = msgid.decode("utf-8").split("\x04")[-1]
            msgstr = msgstr.decode("utf-8")
        except UnicodeDecodeError:
            continue
        yield msgid.split("\x00")[0], msgstr.split("\x00")


def looks_like_identifier(s):
    return " " not in s.strip() and re.search(r"[_./:=\\]|[a-z][A-Z]", s) is not None


def from_catalogues(root):
    seen_en = set()
    for dirpath, _, files in os.walk(root):
        if not dirpath.endswith("/LC_MESSAGES"):
            continue
        lang = lang_of(os.path.basename(os.path.dirname(dirpath)))
        if lang is None:
            continue
        for name in sorted(files):
            if not name.endswith(".mo"):
                continue
            group = name
            for msgid, msgstrs in read_mo(os.path.join(dirpath, name)):
                if looks_like_identifier(msgid):
                    continue
                for msgstr in msgstrs[:1]:
                    if not msgstr or msgstr == msgid:
                        continue
                    yield lang, group, msgid, clean(msgstr)
                # English from the source strings, once per catalogue
                if (name, msgid) not in seen_en:
                    seen_en.add((name, msgid))
                    yield "en", group, msgid, clean(msgid)


def paragraphs_of_page(text):
    for m in re.finditer(r"<(p|title|desc|item|td)\b[^>]*>(.*?)</\1>", text, re.S):
        yield clean(m.group(2))


def from_help(root):
    base = os.path.join(root, "usr/share/help")
    if not os.path.isdir(base):
        return
    for loc in sorted(os.listdir(base)):
        lang = lang_of(loc)
        if lang is None:
            continue
        for dirpath, _, files in os.walk(os.path.join(base, loc)):
            for name in sorted(files):
                if not name.endswith(".page"):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for para in paragraphs_of_page(text):
                    yield lang, name, name, para


RE_LO_NOISE = re.compile(r"^(Title is:|This page is:|Help ID is:)|\.xhp\b")


def libreoffice_help_paragraphs(base, loc):
    for dirpath, _, files in os.walk(os.path.join(base, loc)):
        for name in sorted(files):
            if not name.endswith((".html", ".xhp")):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            for m in re.finditer(r"<(p|h\d|li|td|paragraph)\b[^>]*>(.*?)</\1>", text, re.S):
                para = clean(m.group(2))
                if not RE_LO_NOISE.search(para):
                    yield name, para


def from_libreoffice_help(root):
    base = os.path.join(root, "usr/share/libreoffice/help")
    if not os.path.isdir(base):
        return
    # Untranslated paragraphs are left in English: drop what the English help says.
    english = set(p for _, p in libreoffice_help_paragraphs(base, "en-US"))
    for loc in sorted(os.listdir(base)):
        lang = lang_of(loc)
        if lang is None:
            continue
        for name, para in libreoffice_help_paragraphs(base, loc):
            if lang != "en" and para in english:
                continue
            yield lang, name, name, para


RE_ROFF_ESC = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\s[-+]?\d+|\\\*(?:\(..|\[[^\]]*\]|.)|\\[&|^~%:ce,/]")
ROFF_CHARS = {r"\(em": "—", r"\(en": "–", r"\(aq": "'", r"\(dq": '"', r"\(lq": "“",
              r"\(rq": "”", r"\(bu": "•", r"\-": "-", r"\ ": " ", r"\(co": "©"}


def roff_text(line):
    for k, v in ROFF_CHARS.items():
        line = line.replace(k, v)
    line = RE_ROFF_ESC.sub("", line)
    line = re.sub(r"\\\(..|\\\[[^\]]*\]", "", line)
    return line.replace("\\", "")


def from_manpages(root):
    base = os.path.join(root, "usr/share/man")
    if not os.path.isdir(base):
        return
    for loc in sorted(os.listdir(base)):
        if loc.startswith("man"):
            loc_lang = "en"
        else:
            loc_lang = lang_of(loc)
        if loc_lang is None:
            continue
        for dirpath, _, files in os.walk(os.path.join(base, loc)):
            for name in sorted(files):
                if not name.endswith(".gz"):
                    continue
                try:
                    with gzip.open(os.path.join(dirpath, name), "rt", encoding="utf-8") as f:
                        lines = f.read().split("\n")
                except (OSError, UnicodeDecodeError, EOFError):
                    continue
                para, skip = [], False
                for line in lines:
                    if line.startswith((".nf", ".EX")):
                        skip = True
                    elif line.startswith((".fi", ".EE")):
                        skip = False
                        continue
                    if skip:
                        continue
                    if line.startswith((".", "'")):
                        macro, _, rest = line.partition(" ")
                        if macro in (".B", ".I", ".BI", ".IB", ".BR", ".RB", ".IR", ".RI", ".SM") and rest:
                            para.append(roff_text(rest.replace('"', "")))
                            continue
                        if para:
                            yield loc_lang, name, name, clean(" ".join(para))
                            para = []
                        continue
                    if not line.strip():
                        if para:
                            yield loc_lang, name, name, clean(" ".join(para))
                            para = []
                        continue
                    para.append(roff_text(line))
                if para:
                    yield loc_lang, name, name, clean(" ".join(para))


def from_fortunes(root):
    base = os.path.join(root, "usr/share/games/fortunes")
    if not os.path.isdir(base):
        return
    for loc in sorted(os.listdir(base)):
        lang = lang_of(loc)
        if lang is None or not os.path.isdir(os.path.join(base, loc)):
            continue
        for name in sorted(os.listdir(os.path.join(base, loc))):
            path = os.path.join(base, loc, name)
            if not os.path.isfile(path) or name.endswith(".dat"):
                continue
            if os.path.exists(path + ".u8"):
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except UnicodeDecodeError:
                continue
            for item in text.split("\n%\n"):
                # drop attribution lines and keep the saying itself
                body = "\n".join(l for l in item.split("\n") if not l.strip().startswith(("--", "—", "-- ")))
                yield lang, name, item, clean(body)


def from_cldr(root):
    base = os.path.join(root, "usr/share/unicode/cldr/common")
    ann = os.path.join(base, "annotations")
    if os.path.isdir(ann):
        for name in sorted(os.listdir(ann)):
            lang = lang_of(name[:-4].replace("_Latn", ""))
            if lang is None or ("_" in name and "_Latn" not in name):
                continue
            with open(os.path.join(ann, name), encoding="utf-8") as f:
                for m in re.finditer(r'<annotation cp="([^"]*)"( type="tts")?>([^<]*)</annotation>', f.read()):
                    parts = [m.group(3)] if m.group(2) else m.group(3).split(" | ")
                    for p in parts:
                        yield lang, "cldr-ann", "ann:" + m.group(1), clean(p)
    main = os.path.join(base, "main")
    if os.path.isdir(main):
        for name in sorted(os.listdir(main)):
            if "_" in name and "_Latn" not in name:
                continue
            lang = lang_of(name[:-4].replace("_Latn", ""))
            if lang is None:
                continue
            with open(os.path.join(main, name), encoding="utf-8") as f:
                text = f.read()
            for m in re.finditer(r'<(language|territory|script|month|day|unitPattern|displayName|field|quarter|dayPeriod|exemplarCity)\b([^>]*)>([^<{]*)<', text):
                yield lang, "cldr-main", m.group(1) + m.group(2), clean(m.group(3))


def from_dictionaries(root):
    for sub in ("usr/share/hunspell", "usr/share/myspell/dicts"):
        base = os.path.join(root, sub)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if not name.endswith(".dic"):
                continue
            lang = lang_of(name[:-4])
            if lang not in DICT_LANGS:
                continue
            path = os.path.join(base, name)
            if os.path.islink(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                words = [w.split("/")[0].strip() for w in f.read().split("\n")[1:]]
            words = sorted((w for w in words if w.isalpha() and len(w) > 2), key=h)[:DICT_WORDS]
            for i in range(0, len(words), 8):
                chunk = words[i:i + 8]
                # words are never held out: they are no sample of running text
                yield lang, "dict", None, " ".join(chunk)


# ---- development set ----

def fits(text, lo, hi):
    return lo <= len(text) <= hi


def build_dev(units):
    """units: list of (group, text) in source order for one language."""
    short, medium, long_ = [], [], []
    for _, t in units:
        if fits(t, 20, 60) and letters(t) >= 10:
            short.append(t)
        elif fits(t, 100, 200):
            medium.append(t)
        elif fits(t, 300, 2000):
            long_.append(t)
    # join consecutive units of one source into medium and long samples
    for lo, hi, out in ((100, 200, medium), (300, 2000, long_)):
        buf, group = "", None
        for g, t in units:
            if g != group or len(buf) + len(t) + 1 > hi:
                buf, group = "", g
            if len(t) < 15:
                continue
            buf = (buf + " " + t).strip()
            if len(buf) >= lo:
                out.append(buf)
                buf = ""
    pick = lambda xs, n: sorted(set(xs), key=h)[:n]
    return pick(short, 150), pick(medium, 150), pick(long_, 60)


def write_train(out, lang, texts):
    """Writes LANG.txt; Serbian, written in two scripts, gets a second file
    for its Latin text (sr-Latn.txt: the trainer makes it a second profile
    that answers "sr")."""
    files = {}
    try:
        for t in sorted(texts, key=h):
            name = lang
            if lang == "sr":
                alpha = [c for c in t if c.isalpha()]
                if 2 * sum(1 for c in alpha if in_script(c, "Latn")) > len(alpha):
                    name = "sr-Latn"
            if name not in files:
                files[name] = open(os.path.join(out, "train", name + ".txt"), "w", encoding="utf-8")
            files[name].write(t + "\n")
    finally:
        for f in files.values():
            f.close()


def main():
    root, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "train"), exist_ok=True)
    os.makedirs(os.path.join(out, "dev"), exist_ok=True)
    train = defaultdict(set)
    train_bytes = defaultdict(int)
    dev = defaultdict(list)
    def keep(lang, group, key, text, paged):
        if not usable(text) or not right_script(lang, text):
            return
        if key is not None and is_dev(group + "\x00" + key if paged else key):
            dev[lang].append((group, text))
        elif text not in train[lang] and train_bytes[lang] < MAX_TRAIN_BYTES:
            train[lang].add(text)
            train_bytes[lang] += len(text.encode("utf-8")) + 1

    for source in (from_catalogues, from_fortunes, from_cldr, from_dictionaries):
        count = 0
        for unit in source(root):
            count += 1
            keep(*unit, False)
        print(f"{source.__name__}: {count} units", file=sys.stderr)

    # Help and manual pages leave untranslated paragraphs as they are (in
    # English, or in a sister language): a paragraph found under two
    # languages is dropped from both.
    pages = []
    seen = {}
    for source in (from_help, from_libreoffice_help, from_manpages):
        for lang, group, key, text in source(root):
            c = h(text)
            if seen.setdefault(c, lang) != lang:
                seen[c] = None
            pages.append((lang, group, key, text))
    dropped = 0
    for lang, group, key, text in pages:
        if seen[h(text)] is None:
            dropped += 1
            continue
        keep(lang, group, key, text, True)
    print(f"pages: {len(pages)} units, {dropped} shared by two languages", file=sys.stderr)
    del pages, seen

    files = {b: open(os.path.join(out, "dev", b + ".tsv"), "w", encoding="utf-8")
             for b in ("short", "medium", "long")}
    for lang in sorted(LANGS):
        write_train(out, lang, train[lang])
        units = [(g, t) for g, t in dev[lang] if t not in train[lang]]
        buckets = build_dev(units)
        for b, samples in zip(("short", "medium", "long"), buckets):
            for s in samples:
                files[b].write(f"{lang}\t{s}\n")
        print(f"{lang}: train {train_bytes[lang] >> 10} KiB, dev "
              + " ".join(str(len(s)) for s in buckets), file=sys.stderr)
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
