#!/bin/sh
# The table outputs (TSV and CSV) and the output choices of tamis run: the
# French and English example articles and wire records as CSV and TSV hold
# the values of the JSON Lines records, read back with python3's csv module
# (tests/table-check.py); quoting of commas, quotes and line breaks; a row
# per document without spans and per failed document; the format from the
# -o file's extension and its clash with --format; --layers, --attributes
# and output.attributes.
. "$TAMIS_SRCDIR/tests/tap.sh"

command -v python3 >/dev/null 2>&1 || tap_skip_all "python3 is not installed"

T=$tap_tmp
CORPUS="$EXAMPLES/corpus"
CHECK="$TAMIS_SRCDIR/tests/table-check.py"

status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1"; }

# py SCRIPT ARGS...: a Python check; what it prints goes to the log.
py () {
  script=$1
  shift
  python3 -c "$script" "$@" >"$T/py.log" 2>&1
  rc=$?
  tap_diag "$T/py.log"
  return $rc
}

# table_check RECORDS TABLE: tests/table-check.py, its report in the log.
table_check () {
  python3 "$CHECK" "$@" >"$T/check.log" 2>&1
  rc=$?
  tap_diag "$T/check.log"
  return $rc
}

cat >"$T/news.yaml" <<'EOF'
tamis: 1
stages:
  - segment
  - langid: {prior: [fr, en]}
  - money: {when: {lang: [fr, en]}}
  - entities: {when: {lang: [fr, en]}}
  - sentiment: {when: {lang: [fr, en]}}
  - relations: {when: {lang: [fr, en]}}
output: {text: true}
EOF

# ---- the values of the records ----
run_tamis jsonl run "$T/news.yaml" "$CORPUS" "$EXAMPLES/corpus.jsonl"
check "the records of the corpus" status_is 0
run_tamis csv run "$T/news.yaml" "$CORPUS" "$EXAMPLES/corpus.jsonl" -o "$T/news.csv"
check "-o news.csv exits 0" status_is 0
check "-o news.csv writes CSV: a header of comma-separated names, CRLF" \
  sh -c "head -c 40 '$T/news.csv' | grep -q '^id,lang,lang_score,' && head -1 '$T/news.csv' | grep -q \"\$(printf '\\r')\$\""
check "the CSV rows hold the records' values (python csv)" table_check "$T/jsonl.out" "$T/news.csv"
run_tamis tsv run "$T/news.yaml" "$CORPUS" "$EXAMPLES/corpus.jsonl" -o "$T/news.tsv"
check "-o news.tsv writes TSV" sh -c "head -1 '$T/news.tsv' | grep -q \"^id$(printf '\t')lang$(printf '\t')\""
check "the TSV rows hold the records' values" table_check "$T/jsonl.out" "$T/news.tsv"
check "the header: id, the document attributes, the span columns, the span attributes, the rest" py '
import csv, sys
h = next(csv.reader(open(sys.argv[1], newline="")))
print(h)
want = ["id", "lang", "lang_score"]
assert h[:3] == want
for name in ("sentiment", "sentiment_score", "entity_sentiment", "by", "value", "currency", "min",
             "max", "canonical", "entity", "cue", "attr_text"):
    assert name in h, name
i = h.index("layer")
assert h[i:i + 6] == ["layer", "start", "end", "label", "score", "text"]
assert h.index("by") < i < h.index("value")
assert h[-3:] == ["attributes", "error", "error_message"]
assert len(set(h)) == len(h)
' "$T/news.csv"
check "typed cells: numbers as numbers, booleans, JSON as JSON" py '
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
fr = [r for r in rows if r["id"].endswith("fr-01-meta-capex.txt") and r["layer"] == "money"]
print(fr[:2])
assert fr and all(r["currency"] == "USD" for r in fr)
assert any(r["value"] == "65000000000" for r in fr)
assert all(r["lang"] == "fr" and 0.5 < float(r["lang_score"]) <= 1 for r in fr)
assert all(r["lang_mixed"] in ("true", "false") for r in rows if r["lang_mixed"])
assert isinstance(json.loads(fr[0]["lang_alternatives"]), list)
assert isinstance(json.loads(fr[0]["entity_sentiment"]), dict)
en = [r for r in rows if r["id"] == "wire-0001" and r["layer"] == "money"]
assert en and en[0]["currency"] == "EUR" and float(en[0]["value"]) == 3500000
' "$T/news.csv"

# ---- quoting, documents without spans, failed documents ----
printf '%s\n' \
  '{"id": "q,1", "text": "Il a dit : \"Nous investirons 5 milliards d'"'"'euros, pas moins.\"\nPuis il est parti."}' \
  '{"id": "en-2", "text": "The board said \"no\", twice.\r\nShares fell 3%."}' \
  '{"id": "broken", "title": "no text"}' \
  '{"id": "blank", "text": "   "}' \
  '{"id": "deux\nlignes, \"x\"", "text": "Une phrase."}' >"$T/quotes.jsonl"
cat >"$T/sentences.yaml" <<'EOF'
tamis: 1
stages: [segment, langid]
output: {text: true, layers: [sentence]}
EOF
run_tamis qj run "$T/sentences.yaml" "$T/quotes.jsonl"
run_tamis qc run "$T/sentences.yaml" "$T/quotes.jsonl" -o "$T/quotes.csv"
check "a document that fails exits 1, its row written" status_is 1
check "commas, quotes and line breaks read back (python csv)" table_check "$T/qj.out" "$T/quotes.csv"
check "quoted fields keep their commas, quotes and line breaks" py '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
for r in rows: print(r["id"], repr(r["text"]), r["error"])
q = [r for r in rows if r["id"] == "q,1"]
assert q[0]["text"] == "Il a dit : \"Nous investirons 5 milliards d'"'"'euros, pas moins.\""
assert q[0]["lang"] == "fr"
assert [r["text"] for r in rows if r["id"] == "en-2"][0] == "The board said \"no\", twice."
b = [r for r in rows if r["id"] == "broken"]
assert len(b) == 1 and b[0]["error"] and b[0]["error_message"] and not b[0]["layer"]
assert len([r for r in rows if r["id"] == "blank"]) == 1
assert [r["text"] for r in rows if r["id"] == "deux\nlignes, \"x\""] == ["Une phrase."]
' "$T/quotes.csv"
run_tamis qt run "$T/sentences.yaml" "$T/quotes.jsonl" -o "$T/quotes.tsv"
check "TSV escapes tabs, line breaks and backslashes, and reads back" table_check "$T/qj.out" "$T/quotes.tsv"
check "TSV: one line per row" sh -c "[ \$(wc -l <'$T/quotes.tsv') -eq \$(jq -s '[.[] | if .error then 1 else ([.layers[] | length] | add // 0 | if . == 0 then 1 else . end) end] | add + 1' '$T/qj.out') ]"

# ---- --layers and --attributes ----
run_tamis nolayers run "$T/news.yaml" "$CORPUS" --layers '' --attributes lang,sentiment -o "$T/docs.csv"
check "--layers '' gives one row per document" py '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(rows[0], len(rows))
assert rows[0] == ["id", "lang", "sentiment", "layer", "start", "end", "label", "score", "text",
                   "attributes", "error", "error_message"]
assert len(rows) == 11 and all(r[3] == "" for r in rows[1:])
assert sorted(r[1] for r in rows[1:]) == ["en"] * 5 + ["fr"] * 5
' "$T/docs.csv"
run_tamis layers run "$T/news.yaml" "$CORPUS" --layers money,entity --attributes lang
check "--layers and --attributes in JSON Lines" \
  sh -c "jq -e -s 'length == 10 and all(.[]; (.layers | keys - [\"entity\", \"money\"] == []) and (keys - [\"id\", \"lang\", \"text\", \"layers\"] == []))' '$T/layers.out' >/dev/null"
run_tamis layers-csv run "$T/news.yaml" "$CORPUS" --layers money,entity --attributes lang -f csv
check "--layers money,entity: only their rows and attribute columns" py '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print(list(rows[0].keys()))
assert {r["layer"] for r in rows} == {"money", "entity"}
assert "canonical" in rows[0] and "value" in rows[0] and "cue" not in rows[0] and "weight" not in rows[0]
assert "sentiment" not in rows[0] and "lang" in rows[0]
' "$T/layers-csv.out"
sed -e 's/^output: {text: true}$/output: {text: true, layers: [money], attributes: [sentiment, lang]}/' \
  "$T/news.yaml" >"$T/chosen.yaml"
run_tamis chosen run "$T/chosen.yaml" "$CORPUS/fr-01-meta-capex.txt" -f csv
check "output.attributes and output.layers choose the columns, in their order" \
  sh -c "head -1 '$T/chosen.out' | grep -q '^id,sentiment,lang,layer,' && ! cut -d, -f4 '$T/chosen.out' | grep -qv -e '^money\$' -e '^layer\$'"
run_tamis chosen2 run "$T/chosen.yaml" "$CORPUS/fr-01-meta-capex.txt" -f csv --attributes lang_score --layers sentence
check "--attributes and --layers win over the pipeline" \
  sh -c "head -1 '$T/chosen2.out' | grep -q '^id,lang_score,layer,' && cut -d, -f3 '$T/chosen2.out' | sort -u | grep -qx sentence"
run_tamis badlayer run "$T/news.yaml" "$CORPUS" --layers monye
check "--layers with an unknown layer exits 2 with a hint" \
  sh -c "[ $status -eq 2 ] && grep -q \"'monye'.*did you mean 'money'\" '$T/badlayer.err'"
run_tamis badattr run "$T/news.yaml" "$CORPUS" --attributes lnag
check "--attributes with an unknown attribute exits 2 with a hint" \
  sh -c "[ $status -eq 2 ] && grep -q \"'lnag'.*did you mean 'lang'\" '$T/badattr.err'"
sed -e 's/^output: {text: true}$/output: {attributes: [sentimnet]}/' "$T/news.yaml" >"$T/badattr.yaml"
run_tamis badattr2 run "$T/badattr.yaml" "$CORPUS"
check "output.attributes with an unknown attribute is refused where it is written" \
  sh -c "[ $status -eq 2 ] && grep -q \"badattr.yaml:[0-9]*:[0-9]*:.*'sentimnet'.*did you mean 'sentiment'\" '$T/badattr2.err'"

# ---- the format from the -o file's extension ----
one="$CORPUS/en-02-cloud-deal.txt"
for pair in csv:csv tsv:tsv json:json jsonl:jsonl ndjson:jsonl CSV:csv; do
  ext=${pair%%:*}
  format=${pair#*:}
  run_tamis "ext-$ext" run "$T/news.yaml" "$one" -o "$T/out.$ext"
  run_tamis "fmt-$ext" run "$T/news.yaml" "$one" -f "$format"
  check "-o out.$ext writes $format" sh -c "[ $status -eq 0 ] && cmp -s '$T/out.$ext' '$T/fmt-$ext.out'"
done
run_tamis ext-db run "$T/news.yaml" "$one" -o "$T/out.db"
check "-o out.db writes a database" sh -c "[ $status -eq 0 ] && head -c 15 '$T/out.db' | grep -q 'SQLite format 3'"
run_tamis ext-html run "$T/news.yaml" "$one" -o "$T/out.html"
check "-o out.html writes the report" grep -q '<html' "$T/out.html"
run_tamis clash run "$T/news.yaml" "$one" -o "$T/clash.csv" -f tsv
check "-o out.csv with --format tsv exits 2" status_is 2
check "... names both" has clash.err "format tsv.*clash.csv.*csv"
check "... and writes nothing" test ! -e "$T/clash.csv"
run_tamis clash2 run "$T/news.yaml" "$one" -o "$T/clash.jsonl" -f json
check "-o out.jsonl with --format json exits 2" status_is 2
run_tamis agree run "$T/news.yaml" "$one" -o "$T/agree.csv" -f csv
check "-o out.csv with --format csv is CSV" sh -c "[ $status -eq 0 ] && cmp -s '$T/agree.csv' '$T/out.csv'"
run_tamis other run "$T/news.yaml" "$one" -o "$T/out.txt" -f csv
check "-o with an extension of no format follows --format" sh -c "[ $status -eq 0 ] && cmp -s '$T/out.txt' '$T/out.csv'"
sed -e 's/^output: {text: true}$/output: {text: true, format: tsv}/' "$T/news.yaml" >"$T/tsv.yaml"
run_tamis pipeline-tsv run "$T/tsv.yaml" "$one" -o "$T/p.csv"
check "-o out.csv wins over the pipeline's format" cmp -s "$T/p.csv" "$T/out.csv"
run_tamis pipeline-txt run "$T/tsv.yaml" "$one" -o "$T/p.txt"
check "-o with an extension of no format follows the pipeline's" cmp -s "$T/p.txt" "$T/out.tsv"

# ---- the README's tables are what the code writes ----
(cd "$TAMIS_SRCDIR" && "$TAMIS" run examples/news.yaml examples/corpus/fr-01-meta-capex.txt \
   --layers money --attributes lang,sentiment -o "$T/amounts.csv") 2>"$T/readme.err"
(cd "$TAMIS_SRCDIR" && "$TAMIS" run examples/news.yaml examples/corpus --layers '' \
   --attributes lang,sentiment,sentiment_score -o "$T/docs2.csv") 2>>"$T/readme.err"
head -4 "$T/amounts.csv" | tr -d '\r' >"$T/readme-lines"
head -4 "$T/docs2.csv" | tr -d '\r' >>"$T/readme-lines"
check "the README shows the CSV the code writes" \
  sh -c "[ \$(grep -c -F -x -f '$T/readme-lines' '$TAMIS_SRCDIR/README.md') -eq 8 ]"

tap_done
