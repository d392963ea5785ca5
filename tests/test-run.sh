#!/bin/sh
# tamis run beyond the records themselves: a pipeline without stages,
# output: {where:} and --where, the run report (--stats, and on a terminal
# with the progress line), and a live standard input written as it comes.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp

# run_tamis NAME ARGS...: stdout in $T/NAME.out, stderr in $T/NAME.err,
# the exit status in $status.
run_tamis () {
  name=$1
  shift
  "$TAMIS" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
  status=$?
}

status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1"; }
jq_true () { file=$1; shift; jq -e -s "$@" "$file" >/dev/null 2>&1; }
# The ids of the records of $T/$1 on one line, "error" for error records.
ids () { jq -r 'if .error then "error" else .id end' "$T/$1" | tr '\n' ' '; }

cat >"$T/empty.yaml" <<'EOF'
tamis: 1
stages: []
EOF
cat >"$T/lang.yaml" <<'EOF'
tamis: 1
stages:
  - segment
  - langid: {prior: [fr, en]}
  - money: {when: {lang: [fr, en]}}
output: {layers: []}
EOF
cat >"$T/lang-fr-en.yaml" <<'EOF'
tamis: 1
stages:
  - segment
  - langid: {prior: [fr, en]}
  - money: {when: {lang: [fr, en]}}
output:
  layers: []
  where: {lang: [fr, en]}
EOF
FR='{"id":"fr","text":"Le groupe a annoncé lundi une levée de fonds de trois millions d'"'"'euros pour ouvrir deux usines en Bretagne."}'
EN='{"id":"en","text":"The company said on Monday it had raised three million euros to open two plants in Brittany."}'
DE='{"id":"de","text":"Die Bundesregierung hat am Montag neue Regeln für den Handel mit Halbleitern beschlossen. Die Unternehmen müssen ihre Exporte künftig melden."}'
printf '%s\n' "$FR" "$EN" '{"id": "bad", "text": ' "$DE" >"$T/docs.jsonl"

# ---- stages: [] ----
run_tamis check-empty check "$T/empty.yaml"
check "check accepts stages: []" status_is 0
check "check says it has no stages" has check-empty.out 'pipeline (unnamed), 0 stages'

run_tamis empty run "$T/empty.yaml" "$EXAMPLES/corpus.jsonl"
check "an empty pipeline runs and exits 0" status_is 0
check "an empty pipeline writes one record per input line" \
  test "$(wc -l <"$T/empty.out")" -eq "$(grep -c . "$EXAMPLES/corpus.jsonl")"
check "its records hold the id and the metadata, no 'by', no layer" \
  jq_true "$T/empty.out" 'all(.[]; (keys == ["id", "layers", "meta"]) and .layers == {} and .meta.source == "example wire")'

run_tamis empty-where run "$T/empty.yaml" --where lang_hint=fr "$EXAMPLES/corpus.jsonl"
check "an empty pipeline filters on a metadata field" test "$(ids empty-where.out)" = "wire-0002 "

# ---- where ----
run_tamis where-fr run "$T/lang.yaml" --where lang=fr --stats "$T/docs.jsonl"
check "--where lang=fr: a failed document makes the exit status 1" status_is 1
check "--where lang=fr writes the French document and the failed one, in order" \
  test "$(ids where-fr.out)" = "fr error "
check "the failed document is written whatever the filter" \
  jq_true "$T/where-fr.out" '.[1].error.code == "bad-json"'
check "--stats counts the documents read, ok, failed and filtered out" \
  has where-fr.err '^tamis: 4 documents read: 1 ok, 1 failed, 2 filtered out by where$'
check "--stats counts the documents each when: skipped" \
  has where-fr.err '^tamis: documents skipped by when: stage 3 (money) 1$'
check "--stats gives MB, MB/s and CPU seconds" \
  has where-fr.err '^tamis: [0-9.]* MB in [0-9.]* s, [0-9.]* MB/s, [0-9.]* CPU seconds$'

run_tamis where-iso run "$T/lang.yaml" --where lang=fr --stats --isolate -j 2 "$T/docs.jsonl"
check "--isolate writes the same records" cmp -s "$T/where-fr.out" "$T/where-iso.out"
check "--isolate counts the same" \
  sh -c "grep -v 'MB/s' '$T/where-fr.err' >'$T/a'; grep -v 'MB/s' '$T/where-iso.err' >'$T/b'; cmp -s '$T/a' '$T/b'"

run_tamis where-yaml run "$T/lang-fr-en.yaml" "$T/docs.jsonl"
check "output: {where:} in the pipeline filters" test "$(ids where-yaml.out)" = "fr en error "
check "without --stats nor a terminal, standard error has only the failure" \
  test "$(grep -c . "$T/where-yaml.err")" -eq 1
run_tamis where-override run "$T/lang-fr-en.yaml" --where lang=de "$T/docs.jsonl"
check "--where replaces the pipeline's condition on the same key" \
  test "$(ids where-override.out)" = "error de "
run_tamis where-two run "$T/lang.yaml" --where lang=de --where lang=en -j 1 "$T/docs.jsonl"
check "--where given twice for a key accepts the values of both" \
  test "$(ids where-two.out)" = "en error de "
run_tamis where-none run "$T/lang.yaml" --where lang=fr,en --where lang_mixed=true "$T/docs.jsonl"
check "every key must match; a boolean matches as true or false" \
  test "$(ids where-none.out)" = "error "

run_tamis where-summary run "$T/lang.yaml" --where lang=fr --summary "$T/summary.json" "$T/docs.jsonl"
check "the summary counts the documents written, not those filtered out" \
  jq_true "$T/summary.json" '.[0].documents.total == 2 and .[0].documents.failed == 1'

run_tamis check-where check "$T/lang-fr-en.yaml"
check "check shows the where: condition" has check-where.out '^where:  lang in fr, en$'
run_tamis where-bad run "$T/lang.yaml" --where lang "$T/docs.jsonl"
check "--where without = is a usage error" status_is 2
check "--where without = says what it wants" has where-bad.err "is not KEY=VALUE"
printf 'tamis: 1\nstages: []\noutput: {where: {lang: []}}\n' >"$T/where-empty.yaml"
run_tamis where-empty check "$T/where-empty.yaml"
check "a where: key with no value is refused at its position" \
  has where-empty.err "where-empty.yaml:3:24: 'output: where: lang' lists no value"

# ---- on a terminal: the progress line, then the report over it ----
if command -v script >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  i=0
  while [ $i -lt 3000 ]; do
    printf '{"id":"d%d","text":"Le marché a réagi mardi. The market moved on Tuesday."}\n' $i
    i=$((i + 1))
  done >"$T/many.jsonl"
  TERM=dumb script -qec "'$TAMIS' run -j 2 '$T/lang.yaml' '$T/many.jsonl' -o '$T/tty.jsonl'" /dev/null \
    >"$T/tty.err" 2>&1
  # What a terminal shows: each \r goes back to the start of the line.
  python3 - "$T/tty.err" >"$T/tty.screen" <<'EOF'
import sys
for line in open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n", "\n").split("\n"):
    shown = ""
    for part in line.split("\r"):
        shown = part + shown[len(part):]
    print(shown.rstrip())
EOF
  check "on a terminal, the run report is printed" \
    has tty.screen '^tamis: 3000 documents read: 3000 ok, 0 failed, 0 filtered out by where$'
  check "on a terminal, the progress line is blanked before the report: nothing is left of it" \
    test "$(grep -c 'documents, ' "$T/tty.screen")" -eq 0
  check "the report ends with a newline" sh -c "tail -c 1 '$T/tty.err' | od -c | grep -q '\\\\n'"
else
  tap_skip "script or python3 is missing: no terminal to test the progress line on"
  tap_skip "script or python3 is missing"
  tap_skip "script or python3 is missing"
fi

# ---- a live standard input: each record as soon as its document is done ----
cat >"$T/live.yaml" <<'EOF'
tamis: 1
stages:
  - segment
  - langid: {prior: [fr, en]}
output: {layers: []}
EOF

# The next record on the output, within 30 seconds (empty when none came).
next_record () {
  timeout 30 head -n 1 <&4
}

# live NAME ARGS...: feeds tamis run ARGS line by line through a pipe,
# and waits for each record before it sends the next line.
live () {
  name=$1
  shift
  rm -f "$T/in" "$T/out"
  mkfifo "$T/in" "$T/out"
  "$TAMIS" run "$@" "$T/live.yaml" <"$T/in" >"$T/out" 2>"$T/$name.err" &
  pid=$!
  exec 3>"$T/in" 4<"$T/out"
  printf '%s\n' "$FR" >&3
  first=$(next_record)
  printf '%s\n' "$DE" >&3
  if [ -n "$filtering" ]; then
    # left out by --where lang=fr,en: the English one is the next record
    printf '%s\n' "$EN" >&3
    second=$(next_record)
  else
    second=$(next_record)
    printf '%s\n' "$EN" >&3
    third=$(next_record)
  fi
  exec 3>&-
  rest=$(timeout 30 cat <&4)
  exec 4<&-
  n=0
  while kill -0 $pid 2>/dev/null && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
  kill $pid 2>/dev/null
  wait $pid
  status=$?
  check "$name: the first record comes before the second line is sent" \
    test "$(printf '%s' "$first" | jq -r .id 2>/dev/null)" = fr
  if [ -n "$filtering" ]; then
    check "$name: a document filtered out is skipped, the next one comes" \
      test "$(printf '%s' "$second" | jq -r .id 2>/dev/null)" = en
  else
    check "$name: the second record comes before the third line is sent" \
      test "$(printf '%s' "$second" | jq -r .id 2>/dev/null)" = de
    check "$name: the third record comes before the input ends" \
      test "$(printf '%s' "$third" | jq -r .id 2>/dev/null)" = en
  fi
  check "$name: nothing more once the input ends, and the run exits 0" \
    test -z "$rest" -a "$status" -eq 0
}

filtering=
live live-j2 -j 2
live live-j1 -j 1
live live-isolate -j 2 --isolate
filtering=yes
live live-where -j 2 --where lang=fr,en

tap_done
