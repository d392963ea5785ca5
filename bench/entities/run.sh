#!/bin/sh
# Measures the entities plugin: segment then entities, in the language of
# each set, on the development sets of ../shared/eval-data/ner, scored by
# tamis evaluate (exact match per label and micro, label-agnostic span,
# overlap), beside compromise (English) and fr-compromise (French) from
# npm, driven by bench/entities/peer-compromise.mjs and scored the same way.
# Then speed in MB per CPU-second, start-up apart, on news text: the
# articles of ../shared/corpus/seeds (French) and the English set's
# sentences joined into articles, repeated to a few MB for tamis.
#
# usage: bench/entities/run.sh [--half-split] [--self-test] [TAMIS]
#   TAMIS         the tamis binary (default ./tamis, run from the build tree)
#   --half-split  also trains a model with tamis-train-entities on the odd
#                 lines of each set and scores it on the even ones: a check
#                 of the learner, never a shipped model
#   --self-test   checks the scoring alone: the gold scored as a prediction
#                 must give F1 1, an empty prediction recall 0, the gold
#                 with every label changed exact F1 0 and span F1 1
# environment: ENTITIES_BENCH_NODE_DIR  where the npm peers are installed
#                (default: a temporary directory, removed afterwards)
#              ENTITIES_BENCH_MB        MB of news timed for tamis (3)
#              TAMIS_TRAIN_ENTITIES     the trainer (default: beside TAMIS
#                in plugins/entities/, else on the PATH)
set -e

HALF=no SELF_TEST=no TAMIS=./tamis
for arg in "$@"; do
  case $arg in
    --half-split) HALF=yes ;;
    --self-test) SELF_TEST=yes ;;
    -*) echo "usage: $0 [--half-split] [--self-test] [TAMIS]" >&2; exit 2 ;;
    *) TAMIS=$arg ;;
  esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$ROOT/../shared/eval-data/ner
SEEDS=$ROOT/../shared/corpus/seeds
MB=${ENTITIES_BENCH_MB:-3}
REPORT="python3 $HERE/report.py"
NLP="python3 $ROOT/bench/nlp-bench.py"

if [ ! -d "$DATA" ]; then
  echo "entities bench: $DATA not found, nothing to measure"
  exit 0
fi
command -v python3 >/dev/null || { echo "entities bench: python3 is needed" >&2; exit 1; }
"$TAMIS" --version >/dev/null 2>&1 || { echo "entities bench: $TAMIS does not run" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup () { rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
mkdir -p "$WORK/scores"

# ---- the sets as tamis gold records ----
for set in "$DATA"/*.jsonl; do
  name=$(basename "$set" .jsonl)
  $REPORT gold "$set" "$WORK/$name" > "$WORK/$name.lang"
done

if [ $SELF_TEST = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    name=$(basename "$gold" .gold.jsonl)
    $REPORT empty "$WORK/$name"
    "$TAMIS" evaluate --predicted "$gold" "$gold" --layers entity --attributes '' \
      --format json > "$WORK/scores/$name.gold.json"
    "$TAMIS" evaluate --predicted "$WORK/$name.empty.jsonl" "$gold" --layers entity --attributes '' \
      --format json > "$WORK/scores/$name.empty.json"
    "$TAMIS" evaluate --predicted "$WORK/$name.relabel.jsonl" "$gold" --layers entity --attributes '' \
      --format json > "$WORK/scores/$name.relabel.json"
    $REPORT expect "$WORK/scores/$name.gold.json" exact f1 1
    $REPORT expect "$WORK/scores/$name.gold.json" exact precision 1
    $REPORT expect "$WORK/scores/$name.empty.json" exact recall 0
    $REPORT expect "$WORK/scores/$name.relabel.json" exact f1 0
    $REPORT expect "$WORK/scores/$name.relabel.json" span f1 1
  done
  $REPORT tables "Scorer check" "$WORK"/scores/*.json
  exit 0
fi

# ---- tamis: segment, then entities in the set's language ----
HAVE_TAMIS=no
if "$TAMIS" plugins entities >/dev/null 2>&1; then
  HAVE_TAMIS=yes
else
  echo "entities bench: no entities plugin for $TAMIS, tamis is not scored (peers only)"
  echo
fi

# pipeline LANG OUT [KEY=VALUE...]: the pipeline YAML for a language; the
# extra options go to the entities stage
pipeline () {
  lang=$1 out=$2
  shift 2
  seg=$($NLP stage "$TAMIS" segment "$lang") || true
  rc=0
  ent=$($NLP stage "$TAMIS" entities "$lang" "$@") || rc=$?
  if [ $rc = 3 ]; then
    # no language option: langid sets the document's lang
    seg="  - langid: {languages: [fr, en]}
$seg"
    echo "entities bench: the entities stage takes no language option, langid guesses it" >&2
  elif [ $rc != 0 ]; then
    return 1
  fi
  cat > "$out" <<EOF
tamis: 1
input: {format: jsonl}
stages:
$seg
$ent
output: {format: jsonl, layers: [entity], text: false}
EOF
}

# score_tamis SET SYSTEM DIR [KEY=VALUE...]: tamis evaluate in process
score_tamis () {
  name=$1 system=$2 dir=$3
  shift 3
  lang=$(cat "$WORK/$name.lang")
  pipeline "$lang" "$WORK/$name.$system.yaml" "$@" || return 0
  "$TAMIS" evaluate "$WORK/$name.$system.yaml" "$dir/$name.gold.jsonl" -j 1 --layers entity \
    --attributes '' --format json > "$WORK/$name.$system.json" \
    && mv "$WORK/$name.$system.json" "$dir/scores/$name.$system.json" \
    || echo "entities bench: tamis evaluate failed on $name" >&2
}

if [ $HAVE_TAMIS = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    score_tamis "$(basename "$gold" .gold.jsonl)" tamis "$WORK"
  done
fi

# ---- the npm peers ----
NODE_DIR=${ENTITIES_BENCH_NODE_DIR:-$WORK/node}
HAVE_NODE=no
if command -v node >/dev/null && command -v npm >/dev/null; then
  mkdir -p "$NODE_DIR"
  if [ ! -d "$NODE_DIR/node_modules/compromise" ] || [ ! -d "$NODE_DIR/node_modules/fr-compromise" ]; then
    (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" \
       compromise fr-compromise >/dev/null 2>&1) || true
  fi
  if [ -d "$NODE_DIR/node_modules/compromise" ] && [ -d "$NODE_DIR/node_modules/fr-compromise" ]; then
    HAVE_NODE=yes
    cp "$HERE/peer-compromise.mjs" "$NODE_DIR/"
  fi
fi
peer_name () { [ "$1" = fr ] && echo fr-compromise || echo compromise; }

if [ $HAVE_NODE = yes ]; then
  for gold in "$WORK"/*.gold.jsonl; do
    name=$(basename "$gold" .gold.jsonl)
    peer=$(peer_name "$(cat "$WORK/$name.lang")")
    node "$NODE_DIR/peer-compromise.mjs" tag "$WORK/$name.in.jsonl" > "$WORK/$name.$peer.jsonl"
    "$TAMIS" evaluate --predicted "$WORK/$name.$peer.jsonl" "$gold" --layers entity --attributes '' \
      --format json > "$WORK/scores/$name.$peer.json"
  done
else
  echo "entities bench: compromise and fr-compromise not installed (npm unavailable), no peers"
  echo
fi

$REPORT tables "Entities, development sets" "$WORK"/scores/*.json

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
  if [ $HAVE_TAMIS = yes ] && pipeline "$lang" "$WORK/speed/$input.yaml"; then
    $NLP time-tamis "$TAMIS" "$WORK/speed/$input.yaml" "$WORK/speed/$input" \
      > "$WORK/speed/$input.tamis.json" || true
    rows="$rows $input=tamis=$WORK/speed/$input.tamis.json"
  fi
  if [ $HAVE_NODE = yes ]; then
    peer=$(peer_name "$lang")
    node "$NODE_DIR/peer-compromise.mjs" time "$WORK/speed/$input-once.jsonl" \
      > "$WORK/speed/$input.peer.json" || true
    rows="$rows $input=$peer=$WORK/speed/$input.peer.json"
  fi
done
if [ -n "$rows" ]; then
  echo "## Entities, speed (one thread; tamis: segment + entities)"
  echo
  # shellcheck disable=SC2086
  $NLP speed-table $rows
  echo
  echo "tamis is timed on the input repeated to about $MB MB, given as many times as it"
  echo "takes for a second of work, the peers on 0.1 MB or more; best of three. Start-up"
  echo "(tamis: a run on one short record; Node: both libraries loaded and a first text in"
  echo "each language) is left out of MB per CPU-second and shown apart."
  echo
fi

# ---- the stages alone, through the library: no JSON read or written ----
SEGBENCH=$(dirname "$TAMIS")/bench/segment/segbench
if [ $HAVE_TAMIS = yes ] && [ -x "$SEGBENCH" ]; then
  lines=
  for once in "$WORK"/speed/*-once.jsonl; do
    [ -f "$once" ] || continue
    input=$(basename "$once" -once.jsonl)
    [ -f "$WORK/speed/$input.yaml" ] || continue
    best=$($NLP lib-speed "$SEGBENCH" "$(dirname "$TAMIS")/plugins" "$once" "$WORK/speed/$input.yaml")
    lines="$lines| $input | $best |
"
  done
  if [ -n "$lines" ]; then
    echo "## Entities, speed of the stages alone (segment + entities, library, one thread)"
    echo
    echo "| input | MB per CPU-second in the stages |"
    echo "|---|---|"
    printf '%s' "$lines"
    echo
    echo "bench/segment/segbench runs the same pipeline over the texts held in memory and"
    echo "counts the thread's CPU time inside tamis_pipeline_process() only: no JSON read or"
    echo "written, no start-up; best of three rounds of 20 passes."
    echo
  fi
fi

# ---- the learner on half of each set ----
if [ $HALF = yes ]; then
  if [ $HAVE_TAMIS = no ]; then
    echo "entities bench: --half-split needs the entities plugin"
    exit 0
  fi
  TRAIN=${TAMIS_TRAIN_ENTITIES:-$(dirname "$TAMIS")/plugins/entities/tamis-train-entities}
  [ -x "$TRAIN" ] || TRAIN=$(command -v tamis-train-entities || true)
  if [ -z "$TRAIN" ]; then
    echo "entities bench: tamis-train-entities not found, no --half-split"
    exit 0
  fi
  mkdir -p "$WORK/half/scores"
  for set in "$DATA"/*.jsonl; do
    name=$(basename "$set" .jsonl)
    lang=$($REPORT gold "$set" "$WORK/half/$name" even)
    echo "$lang" > "$WORK/$name.lang"
    if "$TRAIN" --data "$ROOT/plugins/entities/data" --languages "$lang" -o "$WORK/half/$name.model" \
         "$WORK/half/$name.train.jsonl" 2>/dev/null; then
      score_tamis "$name" tamis-half "$WORK/half" "model=$WORK/half/$name.model"
    else
      echo "entities bench: tamis-train-entities failed on $name" >&2
    fi
  done
  $REPORT tables "Learner check, never shipped: trained on the odd lines, scored on the even ones" \
    "$WORK"/half/scores/*.json
fi
