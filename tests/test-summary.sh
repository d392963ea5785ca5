#!/bin/sh
# End-to-end tests of corpus summaries: tamis run --summary and tamis
# summary. The summary of examples/corpus is the merge of the summaries of
# its two halves, in either order, from summary files or from records,
# byte for byte; another pipeline is refused; a third-party layer is
# counted like any other.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"
CORPUS="$EXAMPLES/corpus"
modules="$TAMIS_BUILDDIR/tests/modules"

ls "$CORPUS"/*.txt | LC_ALL=C sort >"$T/files"
n=$(wc -l <"$T/files")
half=$((n / 2))
head -n "$half" "$T/files" >"$T/first"
tail -n "+$((half + 1))" "$T/files" >"$T/second"

run_tamis whole run -j 2 "$NEWS" "$CORPUS" -o "$T/whole.jsonl" --summary "$T/whole.json"
check "run --summary writes the summary of the whole corpus" \
  sh -c "[ $status -eq 0 ] && jq -e '.tamis_summary == 1 and .documents.total == $n and .pipeline.name == \"news\"' '$T/whole.json' >/dev/null"
check "the summary counts every money span of the records" \
  test "$(jq -s '[.[].layers.money | length] | add' "$T/whole.jsonl")" = "$(jq '.layers.money.spans' "$T/whole.json")"
check "the summary lists entities with their documents and sentiment" \
  jq -e '.entities | length > 0 and (.[0] | has("name") and has("label") and has("mentions") and has("documents") and has("sentiment"))' "$T/whole.json"

# shellcheck disable=SC2046
run_tamis first run -j 1 "$NEWS" $(cat "$T/first") -o "$T/first.jsonl" --summary "$T/first.json"
# shellcheck disable=SC2046
run_tamis second run -j 2 "$NEWS" $(cat "$T/second") -o "$T/second.jsonl" --summary "$T/second.json"
check "the halves run" test "$status" -eq 0

run_tamis ab summary "$T/first.json" "$T/second.json"
check "summary first second == the whole" same "$T/ab.out" "$T/whole.json"
run_tamis ba summary "$T/second.json" "$T/first.json"
check "summary second first == the whole" same "$T/ba.out" "$T/whole.json"
run_tamis mixed summary "$T/second.jsonl" "$T/first.json"
check "records of one half and the summary of the other == the whole" same "$T/mixed.out" "$T/whole.json"
cat "$T/second.jsonl" "$T/first.jsonl" >"$T/both.jsonl"
run_tamis records summary -p "$NEWS" "$T/both.jsonl" -o "$T/records.json"
check "summary -p news.yaml of the records of two runs == the whole" same "$T/records.json" "$T/whole.json"
run_tamis records1 summary -p "$NEWS" "$T/whole.jsonl"
check "summary -p news.yaml whole.jsonl == the whole" same "$T/records1.out" "$T/whole.json"
run_tamis noname summary "$T/whole.jsonl"
check "without -p, records give the same figures with no pipeline name" \
  sh -c "jq -e '.pipeline.name == null' '$T/noname.out' >/dev/null && jq 'del(.pipeline.name)' '$T/noname.out' >'$T/noname.cmp' && jq 'del(.pipeline.name)' '$T/whole.json' >'$T/whole.cmp' && cmp -s '$T/noname.cmp' '$T/whole.cmp'"
run_tamis again summary "$T/whole.json"
check "a summary read back prints the same bytes" same "$T/again.out" "$T/whole.json"

run_tamis isolated run --isolate -j 2 "$NEWS" "$CORPUS" -o "$T/isolated.jsonl" --summary "$T/isolated.json"
check "an isolated run counts in its worker processes: the same summary" same "$T/isolated.json" "$T/whole.json"
run_tamis json run -j 2 -f json "$NEWS" "$CORPUS" -o "$T/whole.json-array"
run_tamis fromarray summary -p "$NEWS" "$T/whole.json-array"
check "records of --format json are read too" same "$T/fromarray.out" "$T/whole.json"

# A bad line names its file and line; the others still count.
{ head -n 3 "$T/whole.jsonl"; echo '{"id": "broken", "layers": ['; tail -n "+4" "$T/whole.jsonl"; } >"$T/bad.jsonl"
run_tamis bad summary -p "$NEWS" "$T/bad.jsonl"
check "a bad line gives status 1" test "$status" -eq 1
check "the message names the file and the line" grep -q "bad.jsonl:4: " "$T/bad.err"
check "the other lines are counted" same "$T/bad.out" "$T/whole.json"

# Another pipeline is refused with status 2, naming both.
sed 's/^name: news$/name: other/' "$NEWS" >"$T/other.yaml"
run_tamis other run -j 1 "$T/other.yaml" "$CORPUS/en-01-chip-earnings.txt" --summary "$T/other.json" -o /dev/null
run_tamis refuse summary "$T/whole.json" "$T/other.json"
check "another pipeline's summary gives status 2" test "$status" -eq 2
check "the message names both pipelines" sh -c "grep -q \"'news'\" '$T/refuse.err' && grep -q \"'other'\" '$T/refuse.err'"
check "nothing is printed then" test ! -s "$T/refuse.out"
# the same name, but money with other options
awk '{ print } /^  - money:/ { print "      dollar_currency: CAD" }' "$NEWS" >"$T/cad.yaml"
run_tamis cad run -j 1 "$T/cad.yaml" "$CORPUS/en-01-chip-earnings.txt" -o "$T/cad.jsonl"
run_tamis refuse2 summary "$T/whole.json" "$T/cad.jsonl"
check "records of the same plugin with other options give status 2" \
  sh -c "[ $status -eq 2 ] && grep -q 'money 1' '$T/refuse2.err'"

# A layer of a third-party plugin is counted like the shipped ones.
cat >"$T/probe.yaml" <<'YAML'
tamis: 1
name: probing
stages:
  - segment
  - probe: {count: 1, label: hit, upper: true}
summary:
  file: probe-summary.json
YAML
mkdir "$T/cwd"
(cd "$T/cwd" && "$TAMIS" run -j 2 --plugin-dir "$modules" "$T/probe.yaml" "$CORPUS" -o records.jsonl) 2>"$T/probe.err"
status=$?
tap_diag "$T/probe.err"
check "summary: {file:} is written, relative to the working directory" \
  sh -c "[ $status -eq 0 ] && [ -f '$T/cwd/probe-summary.json' ]"
check "the probe layer is counted: spans per label and documents" \
  jq -e ".layers.probe == {\"spans\": $n, \"documents\": $n, \"labels\": {\"hit\": $n}}" "$T/cwd/probe-summary.json"
check "its attributes are counted: numbers and booleans" \
  jq -e ".attributes.weight.count == $n and .attributes.upper.values.true == $n" "$T/cwd/probe-summary.json"

printf 'tamis: 1\nstages:\n  - segment\nsummary:\n  fle: x.json\n' >"$T/typo.yaml"
run_tamis typo check "$T/typo.yaml"
check "an unknown key of summary: is refused with its line" \
  sh -c "[ $status -eq 2 ] && grep -q \"typo.yaml:5:3: unknown key 'fle' in 'summary'; hint: did you mean 'file'?\" '$T/typo.err'"

run_tamis help summary --help
check "summary --help describes the command" grep -q "Merges corpus summaries" "$T/help.out"
run_tamis none summary
check "summary without a file is a usage error" test "$status" -eq 2

tap_done
