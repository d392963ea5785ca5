#!/bin/sh
# Measures the relations plugin: tie precision, recall and F1 and relation
# accuracy on its development sentences (tests/data/relations/{fr,en}.txt,
# scored by tests/relations-score.py), the same on the seed articles of
# ../shared/corpus/seeds against bench/relations/seeds-gold.tsv (with
# examples/news.yaml, relations included), then the speed of the stage
# alone in MB per CPU-second: the pipeline with and without relations, run
# by tamis and through the library (bench/segment/segbench).
#
# usage: bench/relations/run.sh [TAMIS]
#   TAMIS  the tamis binary (default ./tamis, run from the build tree)
# environment: RELATIONS_BENCH_MB  MB of news timed (default 3)
set -e

TAMIS=${1:-./tamis}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SEEDS=$ROOT/../shared/corpus/seeds
MB=${RELATIONS_BENCH_MB:-3}
NLP="python3 $ROOT/bench/nlp-bench.py"

command -v python3 >/dev/null || { echo "relations bench: python3 is needed" >&2; exit 1; }
"$TAMIS" plugins relations >/dev/null 2>&1 || { echo "relations bench: no relations plugin for $TAMIS" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup () { rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

echo "## Relations, quality"
echo
echo "| set | ties marked | ties written | right | precision | recall | F1 | relation accuracy |"
echo "|---|---|---|---|---|---|---|---|"
for lang in fr en; do
  python3 "$ROOT/tests/relations-score.py" --json "$TAMIS" "$lang" "$ROOT/tests/data/relations/$lang.txt" \
    > "$WORK/$lang.json" || true
  python3 - "$WORK/$lang.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("| development sentences, %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f |" % (
    s["set"], s["gold_ties"], s["predicted_ties"], s["right_ties"], s["precision"], s["recall"], s["f1"],
    s["relation_accuracy"]))
PY
done
if [ -d "$SEEDS" ]; then
  "$TAMIS" run "$ROOT/examples/news.yaml" "$SEEDS" > "$WORK/seeds.jsonl"
  python3 "$HERE/seeds-score.py" "$HERE/seeds-gold.tsv" "$WORK/seeds.jsonl" > "$WORK/seeds.json"
  python3 - "$WORK/seeds.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("| seed articles, fr (examples/news.yaml) | %d | %d | %d | %.3f | %.3f | %.3f | - |" % (
    s["gold_ties"], s["predicted_ties"], s["right_ties"], s["precision"], s["recall"], s["f1"]))
PY
else
  echo "| seed articles | ../shared/corpus/seeds is absent | | | | | | |"
fi
echo
echo "A tie is right when its amount is a marked one and its entity the marked one;"
echo "precision counts every tie written, recall every marked amount that has an owner."
echo "The development sentences were written by the author of the rules: not held out."
echo

# ---- speed ----
[ -d "$SEEDS" ] || { echo "relations bench: no seed articles, no speed measured"; exit 0; }
base=$WORK/fr-news
$NLP corpus "$base" fr "$MB" "$SEEDS"
cat > "$base.all.yaml" <<YAML
tamis: 1
input: {format: jsonl}
stages:
  - segment
  - money: {languages: [fr]}
  - entities: {languages: [fr]}
  - relations: {languages: [fr]}
output: {format: jsonl, layers: [], text: false}
YAML
sed '/^  - relations/d' "$base.all.yaml" > "$base.before.yaml"
$NLP time-tamis "$TAMIS" "$base.all.yaml" "$base" > "$base.all.json"
$NLP time-tamis "$TAMIS" "$base.before.yaml" "$base" > "$base.before.json"
$NLP time-diff "$base.all.json" "$base.before.json" > "$base.stage.json"
echo "## Relations, speed (one thread)"
echo
$NLP speed-table "fr-news=tamis-segment+money+entities+relations=$base.all.json" \
  "fr-news=tamis-relations-stage-alone=$base.stage.json"
echo
SEGBENCH=$(dirname "$TAMIS")/bench/segment/segbench
if [ -x "$SEGBENCH" ]; then
  # shellcheck disable=SC2046 # two figures
  set -- $($NLP lib-speed "$SEGBENCH" "$(dirname "$TAMIS")/plugins" "$base-once.jsonl" \
             "$base.before.yaml" "$base.all.yaml")
  alone=$(awk -v a="$2" -v b="$1" \
    'BEGIN { if (a == "-" || b == "-") { print "n/a"; exit } d = 1 / a - 1 / b; if (d > 0) printf "%.1f", 1 / d; else print "n/a" }')
  echo "Through the library (segbench, no JSON, no start-up, best of three rounds of 20"
  echo "passes): stages before $1 MB/CPU-s, with relations $2, relations alone $alone MB/CPU-s."
fi
