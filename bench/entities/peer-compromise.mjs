// The entity peer of bench/entities/run.sh: compromise (English) and
// fr-compromise (French), both from npm. Run from the directory where they
// are installed:
//
//   node peer-compromise.mjs tag IN.jsonl > OUT.jsonl
//     IN: {"id", "text", "lang"} per line; OUT: tamis records
//     {"id", "text", "layers": {"entity": [{"start", "end", "label"}]}}
//     with offsets in code points, as tamis writes them.
//   node peer-compromise.mjs time IN.jsonl
//     one JSON line: bytes, the CPU seconds of start-up (Node, the library
//     loaded, a first short text) and of tagging every text (best of 3).
//
// Mapping: people() -> PER, organizations() -> ORG, places() -> LOC, and
// capitalised #Demonym terms -> MISC (CoNLL tags nationalities MISC; in
// French only the capitalised nouns are names). Leading honorifics
// ("Chancellor", "M.") and an English possessive ('s) are left out of the
// span, as the gold does; a span overlapping an earlier one is dropped,
// since the gold is flat.
import fs from "node:fs";
import nlpEn from "compromise";
import nlpFr from "fr-compromise";

const taggers = { en: nlpEn, fr: nlpFr };
const kinds = [
  ["PER", (d) => d.people()],
  ["ORG", (d) => d.organizations()],
  ["LOC", (d) => d.places()],
  ["MISC", (d) => d.match("#Demonym+")],
];

// UTF-16 index -> code-point index, for texts with astral characters.
function codePointIndex(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) map[++i] = cp;
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

const possessive = /['’]s$/i;

// The span of a match from its terms, in UTF-16 units, or null.
function matchSpan(text, terms, label) {
  let first = 0;
  while (first < terms.length && terms[first].tags.includes("Honorific")) first++;
  if (first === terms.length) return null;
  const a = terms[first].offset, z = terms[terms.length - 1].offset;
  let start = a.start, end = z.start + z.length;
  // offsets count from the text as compromise rebuilt it: check them
  if (text.slice(start, start + terms[first].text.length) !== terms[first].text) return null;
  if (label !== "MISC" && possessive.test(text.slice(start, end))) end -= 2;
  // trailing punctuation kept in a term (abbreviation dots aside)
  while (end > start && /[,;:!?)"»]/.test(text[end - 1])) end--;
  if (label === "MISC" && !/^\p{Lu}/u.test(text.slice(start))) return null;
  return end > start ? [start, end] : null;
}

function tag(text, lang) {
  const nlp = taggers[lang] || nlpEn;
  const doc = nlp(text);
  const found = [];
  for (const [label, pick] of kinds) {
    for (const m of pick(doc).json({ offset: true, terms: { offset: true } })) {
      const span = matchSpan(text, m.terms, label);
      if (span && !found.some((f) => f[0] < span[1] && span[0] < f[1]))
        found.push([span[0], span[1], label]);
    }
  }
  found.sort((x, y) => x[0] - y[0]);
  return found;
}

function readRecords(path) {
  return fs.readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const [mode, path] = process.argv.slice(2);
if (mode === "tag") {
  const out = [];
  for (const r of readRecords(path)) {
    const map = codePointIndex(r.text);
    const entity = tag(r.text, r.lang).map(([s, e, label]) => ({ start: map[s], end: map[e], label }));
    out.push(JSON.stringify({ id: r.id, text: r.text, layers: { entity } }));
  }
  process.stdout.write(out.join("\n") + "\n");
} else if (mode === "time") {
  const recs = readRecords(path);
  tag("Angela Merkel met Apple in Paris.", "en");
  tag("Emmanuel Macron a reçu Airbus à Lyon.", "fr");
  const boot = process.cpuUsage();
  let bytes = 0;
  for (const r of recs) bytes += Buffer.byteLength(r.text, "utf8");
  let cpu = Infinity, wall = Infinity, found = 0;
  for (let k = 0; k < 3; k++) {
    const c = process.cpuUsage(), t = process.hrtime.bigint();
    found = 0;
    for (const r of recs) found += tag(r.text, r.lang).length;
    const u = process.cpuUsage(c);
    cpu = Math.min(cpu, (u.user + u.system) / 1e6);
    wall = Math.min(wall, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log(JSON.stringify({ bytes, cpu, wall, startup_cpu: (boot.user + boot.system) / 1e6, found }));
} else {
  console.error("usage: node peer-compromise.mjs tag|time IN.jsonl");
  process.exit(2);
}
