#!/bin/sh
# The relations plugin end to end: its development sentences
# (tests/data/relations/{fr,en}.txt) scored by tests/relations-score.py
# against floors well below what the rules reach, and, when the seed
# articles are beside the project, the amounts news.yaml must tie there.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
command -v python3 >/dev/null 2>&1 || tap_skip_all "python3 is not installed"
SCORE="python3 $TAMIS_SRCDIR/tests/relations-score.py"

for lang in fr en; do
  $SCORE --verbose --min-precision 0.8 --min-recall 0.6 --min-relation 0.8 \
    "$TAMIS" "$lang" "$TAMIS_SRCDIR/tests/data/relations/$lang.txt" >"$T/$lang.out" 2>"$T/$lang.err"
  status=$?
  tap_diag "$T/$lang.out"
  check "relations on the $lang sentences: tie precision >= 0.8, recall >= 0.6, relation >= 0.8" \
    test $status -eq 0
  [ $status -eq 0 ] || tap_diag "$T/$lang.err"
done

# ---- the seed articles ----
seeds="$TAMIS_SRCDIR/../shared/corpus/seeds"
if [ -d "$seeds" ]; then
  "$TAMIS" run "$EXAMPLES/news.yaml" "$seeds" >"$T/seeds.out" 2>"$T/seeds.err"
  check "news.yaml with relations over the seed articles exits 0" test $? -eq 0
  # tied: [entity, value or min, max (null for an amount)]
  tied () {
    jq -e -s --arg e "$1" --argjson lo "$2" --argjson hi "$3" '
      [.[] | .layers as $l | $l.money[]? | . as $m
       | select((if $hi == null then .value == $lo else .min == $lo and .max == $hi end)
                or (.value != null and $hi == null and (.value - $lo | fabs) < $lo * 0.01))
       | $l.relation[]? | select(.start == $m.start and .end == $m.end)]
      | length > 0 and all(.[]; .entity == $e)' "$T/seeds.out" >/dev/null
  }
  check "Meta's 60 to 65 billion dollars are tied to Meta" tied Meta 6e10 6.5e10
  check "Meta's 114 to 119 billion dollars are tied to Meta" tied Meta 1.14e11 1.19e11
  check "Microsoft's 80 billion dollars are tied to Microsoft" tied Microsoft 8e10 null
  check "DeepSeek's 5.6 million dollars are tied to DeepSeek" tied DeepSeek 5.6e6 null
  over_money () {
    jq -e -s 'all(.[]; .layers as $l | all($l.relation[]?; . as $r
              | any($l.money[]; .start == $r.start and .end == $r.end)))' "$T/seeds.out" >/dev/null
  }
  check "every relation span lies over a money span with the same offsets" over_money
else
  for what in "news.yaml with relations over the seed articles" "Meta's 60 to 65 billion" \
              "Meta's 114 to 119 billion" "Microsoft's 80 billion" "DeepSeek's 5.6 million" \
              "relation spans over money spans"; do
    tap_skip "$what (../shared/corpus/seeds is absent)"
  done
fi

tap_done
