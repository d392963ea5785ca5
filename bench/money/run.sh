#!/bin/sh
# Measures the money plugin: precision, recall and F1 of mentions on the
# public development sets in ../shared/eval-data/money (scored by tamis
# evaluate: overlap matching with value and currency), and throughput
# against Microsoft Recognizers-Text (npm @microsoft/recognizers-text-suite)
# on the same texts.
#
# usage: bench/money/run.sh [TAMIS]        (TAMIS defaults to ./tamis)
# environment: MONEY_BENCH_NODE_DIR  where to install the npm package
#              (default: a temporary directory, removed afterwards)
#              MONEY_BENCH_COPIES    copies of the sets timed for tamis (400)
set -e

TAMIS=${1:-./tamis}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$ROOT/../shared/eval-data/money
COPIES=${MONEY_BENCH_COPIES:-400}

if [ ! -d "$DATA" ]; then
  echo "money bench: $DATA not found, nothing to measure"
  exit 0
fi
command -v python3 >/dev/null || { echo "money bench: python3 is needed" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup () { rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

# score SUFFIX STAGES: one table row per set, the pipeline's stages given
# (LANG in them stands for the set's language)
score () {
  suffix=$1
  stages=$2
  for gold in "$DATA"/*.jsonl; do
    set_name=$(basename "$gold" .jsonl)
    lang=${set_name##*-}
    printf 'tamis: 1\ninput: {format: jsonl}\nstages:\n%s\noutput: {format: jsonl, layers: [money], text: false}\n' \
      "$(printf '%s' "$stages" | sed "s/LANG/$lang/g")" > "$WORK/$set_name$suffix.yaml"
    # The set as gold records of tamis evaluate (without their language): a
    # mention is right when it overlaps a prediction whose value (for a range
    # or an open interval, min and max; a null bound must be absent) and
    # currency (unless unknown, null) agree; any label will do; optional
    # mentions count neither way.
    python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    spans = []
    for m in r["mentions"]:
        s = {"start": m["start"], "end": m["end"]}
        if m.get("value") is not None:
            s["value"] = m["value"]
        else:
            s["min"], s["max"] = m.get("min"), m.get("max")
        if m.get("currency"):
            s["currency"] = m["currency"]
        if m.get("optional"):
            s["optional"] = True
        spans.append(s)
    print(json.dumps({"id": r["id"], "text": r["text"], "layers": {"money": spans}}, ensure_ascii=False))' \
      "$gold" > "$WORK/$set_name.gold.jsonl"
    "$TAMIS" evaluate "$WORK/$set_name$suffix.yaml" "$WORK/$set_name.gold.jsonl" -j 1 --layers money \
      --attributes '' --match-attributes value,min,max,currency --format json > "$WORK/$set_name$suffix.score"
    python3 - "$WORK/$set_name$suffix.score" "$set_name" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))["layers"]["money"]["overlap"]
print("| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |" % (
    sys.argv[2], d["gold"], d["tp"], d["fp"], d["fn"], d["precision"], d["recall"], d["f1"]))
EOF
  done
  echo
}

echo "## Quality: the money stage with the language of each set"
echo
echo "| set | mentions | TP | FP | FN | precision | recall | F1 |"
echo "|---|---|---|---|---|---|---|---|"
score "" "  - money: {languages: [LANG]}"

if "$TAMIS" plugins langid >/dev/null 2>&1; then
  echo "## Quality end to end: langid, then money with its default options"
  echo
  echo "| set | mentions | TP | FP | FN | precision | recall | F1 |"
  echo "|---|---|---|---|---|---|---|---|"
  score "-e2e" "  - langid
  - money"
  echo "## Quality end to end, langid told to expect French and English (as examples/news.yaml)"
  echo
  echo "| set | mentions | TP | FP | FN | precision | recall | F1 |"
  echo "|---|---|---|---|---|---|---|---|"
  score "-prior" "  - langid: {prior: [fr, en]}
  - money"
fi

# Throughput, on two inputs: every text of the four sets (short records, so
# the cost per document weighs) and, when present, the news articles of
# ../shared/corpus/seeds. tamis reads each input many times over (its
# start-up would dominate one copy), Recognizers-Text once, best of three.
python3 - "$WORK" "$COPIES" "$ROOT/../shared/corpus/seeds" "$DATA"/*.jsonl <<'EOF'
import json, os, sys
work, copies, seeds, files = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]

def write(name, recs, n):
    with open("%s/%s-once.jsonl" % (work, name), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open("%s/%s-many.jsonl" % (work, name), "w", encoding="utf-8") as f:
        for k in range(n):
            for r in recs:
                f.write(json.dumps(dict(r, id="%s-%d" % (r["id"], k)), ensure_ascii=False) + "\n")
    size = sum(len(r["text"].encode("utf-8")) for r in recs)
    open("%s/%s-size" % (work, name), "w").write("%d %d\n" % (size, n))

recs = []
for path in files:
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        recs.append({"id": r["id"], "text": r["text"], "lang": r["lang"]})
write("sets", recs, copies)
if os.path.isdir(seeds):
    arts = [{"id": n, "text": open(os.path.join(seeds, n), encoding="utf-8").read(), "lang": "fr"}
            for n in sorted(os.listdir(seeds)) if n.endswith(".txt")]
    if arts:
        size = sum(len(a["text"].encode("utf-8")) for a in arts)
        write("articles", arts, max(1, copies * 32000 // max(size, 1)))
EOF

cat > "$WORK/speed.yaml" <<EOF
tamis: 1
input: {format: jsonl}
stages:
  - money
output: {format: jsonl, layers: [money], text: false}
EOF

NODE_DIR=${MONEY_BENCH_NODE_DIR:-$WORK/node}
if command -v node >/dev/null && command -v npm >/dev/null; then
  mkdir -p "$NODE_DIR"
  if [ ! -d "$NODE_DIR/node_modules/@microsoft/recognizers-text-suite" ]; then
    (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" \
       @microsoft/recognizers-text-suite >/dev/null 2>&1) || true
  fi
fi
HAVE_NODE=no
if [ -d "$NODE_DIR/node_modules/@microsoft/recognizers-text-suite" ]; then
  HAVE_NODE=yes
  cat > "$NODE_DIR/time-recognizers.js" <<'EOF'
// Times Recognizers-Text's currency model over the same texts.
const fs = require("fs");
const R = require("@microsoft/recognizers-text-suite");
const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
const recs = lines.map((l) => JSON.parse(l));
const culture = { fr: R.Culture.French, en: R.Culture.English };
let bytes = 0, found = 0;
for (const r of recs) bytes += Buffer.byteLength(r.text, "utf8");
R.recognizeCurrency("warm up 5 dollars", R.Culture.English);
R.recognizeCurrency("5 euros", R.Culture.French);
// best of three runs, as for tamis
let s = Infinity, cpu = Infinity;
for (let k = 0; k < 3; k++) {
  found = 0;
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const r of recs) found += R.recognizeCurrency(r.text, culture[r.lang] || R.Culture.English).length;
  const cu = process.cpuUsage(c);
  s = Math.min(s, Number(process.hrtime.bigint() - t) / 1e9);
  cpu = Math.min(cpu, (cu.user + cu.system) / 1e6);
}
console.log(JSON.stringify({ bytes, seconds: s, cpu, mbs: bytes / s / 1e6, cpu_mbs: bytes / cpu / 1e6, found }));
EOF
else
  echo "recognizers-text-suite: not installed (npm unavailable), no speed ratio"
fi

echo "## Speed (one thread)"
echo
echo "| input | tamis MB/s (wall / CPU) | recognizers MB/s (wall / CPU) | ratio (wall / CPU) |"
echo "|---|---|---|---|"
for name in sets articles; do
  [ -f "$WORK/$name-size" ] || continue
  if [ $HAVE_NODE = yes ]; then
    node "$NODE_DIR/time-recognizers.js" "$WORK/$name-once.jsonl" > "$WORK/$name-rec.json"
  fi
  python3 - "$TAMIS" "$WORK" "$name" <<'EOF'
import json, os, resource, subprocess, sys, time
tamis, work, name = sys.argv[1:4]
size, copies = map(int, open("%s/%s-size" % (work, name)).read().split())
best_wall = best_cpu = None
for _ in range(3):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([tamis, "run", work + "/speed.yaml", "%s/%s-many.jsonl" % (work, name),
                    "-o", work + "/many.out", "-j", "1"], check=True)
    t = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    best_wall = t if best_wall is None else min(best_wall, t)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
mb = size * copies / 1e6
label = {"sets": "the four sets, %d records of %.0f kB" , "articles": "seed articles, %d records of %.0f kB"}[name]
nrec = sum(1 for _ in open("%s/%s-once.jsonl" % (work, name)))
row = "| %s, x%d | %.2f / %.2f |" % (label % (nrec, size / 1e3), copies, mb / best_wall, mb / best_cpu)
rec = "%s/%s-rec.json" % (work, name)
if os.path.exists(rec):
    r = json.load(open(rec))
    row += " %.4f / %.4f | %.0fx / %.0fx |" % (r["mbs"], r["cpu_mbs"], mb / best_wall / r["mbs"],
                                            mb / best_cpu / r["cpu_mbs"])
else:
    row += " - | - |"
print(row)
EOF
done

# The stage alone through the library (no JSON read or written, no
# start-up), and after langid as a pipeline would run it.
SEGBENCH=$(dirname "$TAMIS")/bench/segment/segbench
if [ -x "$SEGBENCH" ]; then
  printf 'tamis: 1\nstages:\n  - money\n' > "$WORK/alone.yaml"
  printf 'tamis: 1\nstages:\n  - langid\n  - money\n' > "$WORK/e2e.yaml"
  echo
  echo "## Speed of the stages alone (library, one thread, MB per CPU-second)"
  echo
  echo "| input | money | langid + money |"
  echo "|---|---|---|"
  for name in sets articles; do
    [ -f "$WORK/$name-once.jsonl" ] || continue
    # shellcheck disable=SC2046
    set -- $(python3 "$ROOT/bench/nlp-bench.py" lib-speed "$SEGBENCH" "$(dirname "$TAMIS")/plugins" \
               "$WORK/$name-once.jsonl" "$WORK/alone.yaml" "$WORK/e2e.yaml")
    echo "| $name | $1 | $2 |"
  done
fi
