#!/bin/sh
# tamis-train-entities: training on a tiny CoNLL file, scoring, a trained
# model used by a pipeline, bad input; and the shipped model scored on the
# project's own annotated news (tests/data/news), which it was not trained
# on: a fall below the floor is a regression.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
TRAIN=$TAMIS_BUILDDIR/plugins/entities/tamis-train-entities
DATA=$TAMIS_SRCDIR/plugins/entities/data
MODELS=$TAMIS_BUILDDIR/plugins/entities/data

status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1"; }

cat >"$T/tiny.conll" <<'EOF2'
-DOCSTART- O

Orlanda B-PER
Vessby I-PER
dirige O
Kestrelor B-ORG
à O
Brumefont B-LOC
. O

La O
société O
Kestrelor B-ORG
lance O
Zephyx B-MISC
. O

Halvard B-PER
Quint I-PER
runs O
Quillmark B-ORG
in O
Tarrowby B-LOC
. O
EOF2

"$TRAIN" --data "$DATA" --epochs 5 -o "$T/tiny.model" "$T/tiny.conll" >"$T/train.out" 2>"$T/train.err"
status=$?
check "a model is trained from a CoNLL file" status_is 0
check "the trainer says what it read" has train.err "^1 documents, 20 tokens, 8 names (0 not on token boundaries"
check "the model file is written" test -s "$T/tiny.model"

"$TRAIN" --data "$DATA" --eval -m "$T/tiny.model" "$T/tiny.conll" >"$T/eval.out" 2>/dev/null
status=$?
check "--eval scores a model" status_is 0
check "--eval prints micro and span figures" sh -c "grep -q '^| micro |' '$T/eval.out' && grep -q '^| spans |' '$T/eval.out'"

printf 'tamis: 1\nstages:\n  - segment\n  - entities: {model: tiny.model}\n' >"$T/p.yaml"
printf 'Orlanda Vessby dirige Kestrelor.\n' >"$T/doc.txt"
"$TAMIS" run "$T/p.yaml" "$T/doc.txt" >"$T/run.out" 2>"$T/run.err"
status=$?
check "a pipeline runs with the trained model (model: relative to the pipeline)" status_is 0
check "its records hold entity spans" has run.out '"entity":\[{'

printf 'Orlanda B-PER\nVessby B-FOO\n' >"$T/bad.conll"
"$TRAIN" --data "$DATA" -o "$T/bad.model" "$T/bad.conll" >/dev/null 2>"$T/bad.err"
status=$?
check "a bad tag is refused" status_is 1
check "the error names the file, line and tag" has bad.err "bad.conll:2: tag 'B-FOO'"
check "no model is written" test ! -e "$T/bad.model"

printf '[PER Orlanda Vessby dirige [ORG Kestrelor]]\n' >"$T/nested.txt"
"$TRAIN" --data "$DATA" -o "$T/n.model" "$T/nested.txt" >/dev/null 2>"$T/nested.err"
status=$?
check "nested marks are refused with file and line" sh -c "[ $status -eq 1 ] && grep -q 'nested.txt:1:' '$T/nested.err'"

"$TRAIN" --data "$DATA" --bits 40 -o "$T/b.model" "$T/tiny.conll" >/dev/null 2>&1
status=$?
check "an out-of-range --bits is a usage error" status_is 2

# the model of this tree on the project's own annotated news
for lang in fr en; do
  model=$MODELS/model-$lang.bin
  [ -e "$model" ] || model=$MODELS/model.bin
  "$TRAIN" --data "$DATA" --eval -m "$model" "$TAMIS_SRCDIR/tests/data/news/$lang.txt" >"$T/news-$lang.out" 2>/dev/null
  f1=$(sed -n 's/^| micro |.*| \([0-9.]*\) |$/\1/p' "$T/news-$lang.out")
  tap_diag "$T/news-$lang.out"
  check "news ($lang): micro F1 $f1 is at least 0.80" awk -v f="$f1" 'BEGIN { exit !(f >= 0.80) }'
done

tap_done
