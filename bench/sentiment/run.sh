#!/bin/sh
# Measures the sentiment plugin: segment, entities (when there is one) and
# sentiment, in the language of each set, on the development sets of
# ../shared/eval-data/sentiment, each item one document whose attribute
# `sentiment` is scored by tamis evaluate: accuracy, macro-F1 over
# positive, negative and neutral, confusions. Beside it, from npm and
# driven by bench/sentiment/peers.mjs: vader-sentiment, sentiment (AFINN)
# and @nlpjs/sentiment with its English and French packages. Then speed in
# MB per CPU-second, start-up apart, on news text: the articles of
# ../shared/corpus/seeds (French) and the English set's sentences joined
# into articles, repeated to a few MB for tamis.
#
# usage: bench/sentiment/run.sh [--self-test] [TAMIS]
#   TAMIS        the tamis binary (default ./tamis, run from the build tree)
#   --self-test  checks the scoring alone: the gold scored as a prediction
#                must give accuracy and macro-F1 1, no prediction 0
# environment: SENTIMENT_BENCH_NODE_DIR  where the npm peers are installed
#                (default: a temporary directory, removed afterwards)
#              SENTIMENT_BENCH_MB        MB of news timed for tamis (3)
set -e

SELF_TEST=no TAMIS=./tamis
for arg in "$@"; do
  case $arg in
    --self-test) SELF_TEST=yes ;;
    -*) echo "usage: $0 [--self-test] [TAMIS]" >&2; exit 2 ;;
    *) TAMIS=$arg ;;
  esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$ROOT/../shared/eval-data/sentiment
SEEDS=$ROOT/../shared/corpus/seeds
MB=${SENTIMENT_BENCH_MB:-3}
REPORT="python3 $HERE/report.py"
NLP="python3 $ROOT/bench/nlp-bench.py"
PEERS="vader afinn nlpjs"
PACKAGES="vader-sentiment sentiment @nlpjs/core @nlpjs/sentiment @nlpjs/lang-en @nlpjs/lang-fr"

if [ ! -d "$DATA" ]; then
  echo "sentiment bench: $DATA not found, nothing to measure"
  exit 0
fi
command -v python3 >/dev/null || { echo "sentiment bench: python3 is needed" >&2; exit 1; }
"$TAMIS" --version >/dev/null 2>&1 || { echo "sentiment bench: $TAMIS does not run" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup () { rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
mkdir -p "$WORK/scores"

for set in "$DATA"/*.jsonl; do
  name=$(basename "$set" .jsonl)
  $REPORT gold "$set" "$WORK/$name" > "$WORK/$name.lang"
done

evaluate_predicted () {
  "$TAMIS" evaluate --predicted "$1" "$2" --layers '' --attributes sentiment --format json
}

if [ $SELF_TEST = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    name=$(basename "$gold" .gold.jsonl)
    $REPORT empty "$WORK/$name"
    evaluate_predicted "$gold" "$gold" > "$WORK/scores/$name.gold.json"
    evaluate_predicted "$WORK/$name.empty.jsonl" "$gold" > "$WORK/scores/$name.empty.json"
    $REPORT expect "$WORK/scores/$name.gold.json" accuracy 1
    $REPORT expect "$WORK/scores/$name.gold.json" macro_f1 1
    $REPORT expect "$WORK/scores/$name.empty.json" accuracy 0
    $REPORT expect "$WORK/scores/$name.empty.json" macro_f1 0
  done
  $REPORT tables "Scorer check" "$WORK"/scores/*.json
  exit 0
fi

# ---- tamis: segment, entities, sentiment in the set's language ----
HAVE_TAMIS=no HAVE_ENTITIES=no
if "$TAMIS" plugins sentiment >/dev/null 2>&1; then
  HAVE_TAMIS=yes
  if "$TAMIS" plugins entities >/dev/null 2>&1; then
    HAVE_ENTITIES=yes
  else
    echo "sentiment bench: no entities plugin, tamis runs segment and sentiment only"
    echo
  fi
else
  echo "sentiment bench: no sentiment plugin for $TAMIS, tamis is not scored (peers only)"
  echo
fi

# pipeline LANG OUT PLUGIN...: the pipeline YAML running PLUGIN... in a
# language, each with its own language options; the records carry the
# document attributes only, which is what is scored
pipeline () {
  lang=$1 out=$2
  shift 2
  stages= guess=no
  for plugin in "$@"; do
    rc=0
    line=$($NLP stage "$TAMIS" "$plugin" "$lang") || rc=$?
    [ $rc = 0 ] || [ $rc = 3 ] || return 1
    if [ $rc = 3 ] && [ "$plugin" != segment ]; then guess=yes; fi
    stages="$stages
$line"
  done
  if [ $guess = yes ]; then
    # a stage without a language option: langid sets the document's lang
    stages="
  - langid: {languages: [fr, en]}$stages"
    echo "sentiment bench: a stage takes no language option, langid guesses it" >&2
  fi
  cat > "$out" <<EOF
tamis: 1
input: {format: jsonl}
stages:$stages
output: {format: jsonl, layers: [], text: false}
EOF
}

STAGES="segment sentiment"
[ $HAVE_ENTITIES = no ] || STAGES="segment entities sentiment"

if [ $HAVE_TAMIS = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    name=$(basename "$gold" .gold.jsonl)
    # shellcheck disable=SC2086
    pipeline "$(cat "$WORK/$name.lang")" "$WORK/$name.yaml" $STAGES || continue
    "$TAMIS" evaluate "$WORK/$name.yaml" "$gold" -j 1 --layers '' --attributes sentiment \
      --format json > "$WORK/$name.tamis.json" \
      && mv "$WORK/$name.tamis.json" "$WORK/scores/$name.tamis.json" \
      || echo "sentiment bench: tamis evaluate failed on $name" >&2
  done
fi

# ---- the npm peers ----
NODE_DIR=${SENTIMENT_BENCH_NODE_DIR:-$WORK/node}
have_packages () {
  for p in $PACKAGES; do [ -d "$NODE_DIR/node_modules/$p" ] || return 1; done
}
HAVE_NODE=no
if command -v node >/dev/null && command -v npm >/dev/null; then
  mkdir -p "$NODE_DIR"
  if ! have_packages; then
    # shellcheck disable=SC2086
    (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" \
       $PACKAGES >/dev/null 2>&1) || true
  fi
  if have_packages; then
    HAVE_NODE=yes
    cp "$HERE/peers.mjs" "$NODE_DIR/"
  fi
fi

if [ $HAVE_NODE = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    name=$(basename "$gold" .gold.jsonl)
    for peer in $PEERS; do
      node "$NODE_DIR/peers.mjs" tag "$peer" "$WORK/$name.in.jsonl" > "$WORK/$name.$peer.jsonl"
      evaluate_predicted "$WORK/$name.$peer.jsonl" "$gold" > "$WORK/scores/$name.$peer.json"
    done
  done
else
  echo "sentiment bench: the npm peers are not installed (npm unavailable), no peers"
  echo
fi

$REPORT tables "Sentiment, development sets" "$WORK"/scores/*.json
if [ $HAVE_NODE = yes ]; then
  echo "vader and afinn have English lexicons only and are run on the French set as they are;"
  echo "nlpjs uses its French package there."
  echo
fi

# ---- speed ----
mkdir -p "$WORK/speed"
if [ -d "$SEEDS" ]; then
  $NLP corpus "$WORK/speed/fr-news" fr "$MB" "$SEEDS"
fi
for gold in "$WORK"/*.gold.jsonl; do
  name=$(basename "$gold" .gold.jsonl)
  if [ "$(cat "$WORK/$name.lang")" = en ] && [ ! -f "$WORK/speed/en-news.size" ]; then
    $NLP corpus "$WORK/speed/en-news" en "$MB" "$WORK/$name.in.jsonl"
  fi
done
rows=
for size in "$WORK"/speed/*.size; do
  [ -f "$size" ] || continue
  input=$(basename "$size" .size)
  lang=${input%%-*}
  base=$WORK/speed/$input
  # shellcheck disable=SC2086
  if [ $HAVE_TAMIS = yes ] && pipeline "$lang" "$base.all.yaml" $STAGES 2>/dev/null; then
    sed '/^  - sentiment/d' "$base.all.yaml" > "$base.before.yaml"
    if $NLP time-tamis "$TAMIS" "$base.all.yaml" "$base" > "$base.all.json" \
       && $NLP time-tamis "$TAMIS" "$base.before.yaml" "$base" > "$base.before.json"; then
      $NLP time-diff "$base.all.json" "$base.before.json" > "$base.stage.json"
      rows="$rows $input=tamis-$(echo "$STAGES" | tr ' ' '+')=$base.all.json"
      rows="$rows $input=tamis-sentiment-stage-alone=$base.stage.json"
    fi
  fi
  if [ $HAVE_NODE = yes ]; then
    for peer in $PEERS; do
      node "$NODE_DIR/peers.mjs" time "$peer" "$base-once.jsonl" > "$base.$peer.json" || true
      rows="$rows $input=$peer=$base.$peer.json"
    done
  fi
done
# ---- the stage alone through the library: no JSON read or written ----
SEGBENCH=$(dirname "$TAMIS")/bench/segment/segbench
lib_rows=
if [ $HAVE_TAMIS = yes ] && [ -x "$SEGBENCH" ]; then
  for size in "$WORK"/speed/*.size; do
    [ -f "$size" ] || continue
    input=$(basename "$size" .size)
    base=$WORK/speed/$input
    [ -f "$base.all.yaml" ] && [ -f "$base-once.jsonl" ] || continue
    # shellcheck disable=SC2046 # two figures
    set -- $($NLP lib-speed "$SEGBENCH" "$(dirname "$TAMIS")/plugins" "$base-once.jsonl" \
               "$base.before.yaml" "$base.all.yaml")
    [ "$1" != - ] && [ "$2" != - ] || continue
    alone=$(awk -v a="$2" -v b="$1" \
      'BEGIN { d = 1 / a - 1 / b; if (d > 0) printf "%.1f", 1 / d; else print "n/a" }')
    lib_rows="$lib_rows| $input | $1 | $2 | $alone |
"
  done
fi

if [ -n "$rows" ]; then
  echo "## Sentiment, speed (one thread)"
  echo
  # shellcheck disable=SC2086
  $NLP speed-table $rows
  echo
  echo "tamis is timed on the input repeated to about $MB MB, given as many times as it"
  echo "takes for a second of work, the peers on 0.1 MB or more; best of three. Start-up"
  echo "(tamis: a run on one short record; Node: the library loaded and a first text in"
  echo "each language) is left out of MB per CPU-second and shown apart. The sentiment"
  echo "stage alone is the whole pipeline less the stages before it."
  echo
fi
if [ -n "$lib_rows" ]; then
  echo "## Sentiment, speed of the stage alone through the library (one thread)"
  echo
  echo "| input | stages before, MB/CPU-s | with sentiment, MB/CPU-s | sentiment alone, MB/CPU-s |"
  echo "|---|---|---|---|"
  printf '%s' "$lib_rows"
  echo
  echo "bench/segment/segbench runs each pipeline over the texts held in memory and counts"
  echo "the thread's CPU time inside tamis_pipeline_process() only: no JSON read or"
  echo "written, no start-up; best of three rounds of 20 passes, the two pipelines in turn."
  echo "The stage alone is 1 / (1/with - 1/before)."
  echo
fi
