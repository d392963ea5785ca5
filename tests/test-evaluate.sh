#!/bin/sh
# End-to-end tests of tamis evaluate: span matchings (exact, same
# boundaries, overlap), span and document attributes, missing and failed
# records, refused texts, JSON output, error listing, and a full run of
# examples/news.yaml on examples/gold.jsonl.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp

status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1"; }
jq_true () { file=$1; shift; jq -e "$@" "$file" >/dev/null 2>&1; }

run_tamis help evaluate --help
check "tamis evaluate --help exits 0 and shows its usage" has help.out '^  tamis evaluate \[OPTION'
run_tamis list --help
check "tamis --help lists evaluate" has list.out '^  evaluate '

# Five gold documents. d1: "$5" predicted one character too long (exact
# miss, overlap hit) and "€10" predicted with another label (same
# boundaries, exact and overlap miss). d2: an exact hit whose value agrees
# within the tolerance and whose currency is wrong. d3: a false positive
# and a wrong language. d4: no predicted record. d5: an error record.
cat >"$T/gold.jsonl" <<'EOF'
{"id": "d1", "text": "Paid $5 and €10 today.", "lang": "en", "layers": {"money": [{"start": 5, "end": 7, "label": "amount", "value": 5, "currency": "USD"}, {"start": 12, "end": 15, "label": "amount", "value": 10, "currency": "EUR"}]}}
{"id": "d2", "text": "Coût : 3 millions d'euros.", "lang": "fr", "layers": {"money": [{"start": 7, "end": 25, "label": "amount", "value": 3000000, "currency": "EUR"}]}}
{"id": "d3", "text": "Nothing here.", "lang": "en", "layers": {"money": []}}
{"id": "d4", "text": "Only $1.", "lang": "en", "layers": {"money": [{"start": 5, "end": 7, "label": "amount", "value": 1, "currency": "USD"}]}}
{"id": "d5", "text": "Fee: $2.", "lang": "en", "layers": {"money": [{"start": 5, "end": 7, "label": "amount", "value": 2, "currency": "USD"}]}}
EOF
cat >"$T/pred.jsonl" <<'EOF'
{"id": "d1", "text": "Paid $5 and €10 today.", "lang": "en", "layers": {"money": [{"start": 5, "end": 8, "label": "amount", "value": 5, "currency": "USD"}, {"start": 12, "end": 15, "label": "range", "min": 10, "currency": "EUR"}]}}
{"id": "d2", "lang": "fr", "layers": {"money": [{"start": 7, "end": 25, "label": "amount", "value": 3000000.0000001, "currency": "USD"}]}}
{"id": "d3", "lang": "fr", "layers": {"money": [{"start": 0, "end": 7, "label": "amount", "value": 1}]}}
{"id": "d5", "error": {"code": "stage-failed", "message": "broken"}}
{"id": "d9", "lang": "en"}
EOF

run_tamis pred evaluate --predicted "$T/pred.jsonl" "$T/gold.jsonl" --format json \
  --span-attributes value,currency --errors 100
check "--predicted exits 0" status_is 0
check "--format json is one JSON object" jq_true "$T/pred.out" 'type == "object"'
check "documents: 5 gold, 3 scored, 1 missing, 1 failed, 1 not in the gold" \
  jq_true "$T/pred.out" '.documents | .gold == 5 and .scored == 3 and .missing == 1 and .failed == 1 and .not_in_gold == 1'
check "the missing and the failed records are named" \
  jq_true "$T/pred.out" '.documents.missing_ids == ["d4"] and .documents.failed_ids == ["d5"]'
check "exact: only d2 matches (off by one and wrong label miss)" \
  jq_true "$T/pred.out" '.layers.money.exact | .tp == 1 and .fp == 3 and .fn == 4'
check "span: the wrong label has the right boundaries" \
  jq_true "$T/pred.out" '.layers.money.span | .tp == 2 and .fp == 2 and .fn == 3'
check "overlap: the span off by one is found, the wrong label is not" \
  jq_true "$T/pred.out" '.layers.money.overlap | .tp == 2 and .fp == 2 and .fn == 3'
check "precision, recall and F1 follow from the counts" \
  jq_true "$T/pred.out" '.layers.money.overlap | .precision == 0.5 and .recall == 0.4 and ((.f1 - 0.4444444) | fabs) < 1e-6'
check "per label: the false positive labelled range is counted under range" \
  jq_true "$T/pred.out" '.layers.money.labels | .range.exact.fp == 1 and .amount.exact.tp == 1 and .amount.exact.fn == 4'
check "span attributes: value agrees within the tolerance, currency does not" \
  jq_true "$T/pred.out" '.layers.money.attributes | .value.compared == 1 and .value.agreed == 1 and .currency.compared == 1 and .currency.agreed == 0'
check "document attribute: accuracy 2 of 5 (missing and failed records are wrong)" \
  jq_true "$T/pred.out" '.attributes.lang | .documents == 5 and .correct == 2 and .accuracy == 0.4'
check "document attribute: macro-F1 over the gold classes en and fr" \
  jq_true "$T/pred.out" '.attributes.lang | (.classes | keys) == ["en", "fr"] and ((.macro_f1 - (0.4 + 2/3) / 2) | fabs) < 1e-9'
check "document attribute: the confusion matrix" \
  jq_true "$T/pred.out" '.attributes.lang.confusion == {"en": {"(none)": 2, "en": 1, "fr": 1}, "fr": {"fr": 1}}'
check "errors: the first is the miss of d1 found by overlap, with its context" \
  jq_true "$T/pred.out" '.errors[0] | .id == "d1" and .kind == "miss" and .start == 5 and .end == 7 and .overlap_match and .text == "$5" and .context == "Paid [$5] and €10 today."'
check "errors: the false positive of d3 and the wrong language" \
  jq_true "$T/pred.out" '(.errors | map(select(.id == "d3") | .kind)) == ["false-positive", "attribute"]'

run_tamis few evaluate --predicted "$T/pred.jsonl" "$T/gold.jsonl" --format json --errors 2
check "--errors N lists N errors" jq_true "$T/few.out" '.errors | length == 2'

run_tamis table evaluate --predicted "$T/pred.jsonl" "$T/gold.jsonl" --errors 3 --span-attributes value
check "the table exits 0" status_is 0
check "the table gives the documents" has table.out '5 documents, 3 scored, 1 missing, 1 failed'
check "the table has a row per matching" \
  sh -c "grep -q '^  exact  *5  *4  *1  *3  *4 ' '$T/table.out' && grep -q '^  overlap  *5  *4  *2  *2  *3 ' '$T/table.out'"
check "the table has the confusion matrix" has table.out '^  en  *2  *1  *1$'
check "the table lists errors with context" has table.out 'Paid \[\$5\] and €10 today\.'
check "the table gives span attribute accuracy" has table.out 'attribute value: 1 of 1 exactly matched spans agree'

run_tamis select evaluate --predicted "$T/pred.jsonl" "$T/gold.jsonl" --format json --layers money --attributes ''
check "--attributes '' scores no document attribute" jq_true "$T/select.out" '.attributes == {}'
run_tamis match evaluate --predicted "$T/pred.jsonl" "$T/gold.jsonl" --format json --match-attributes currency
check "--match-attributes: the wrong currency of d2 no longer matches" \
  jq_true "$T/match.out" '.layers.money.exact.tp == 0 and .layers.money.overlap.tp == 1'

# a text that is not the gold one: offsets cannot be compared
sed 's/€10 today/€11 today/' "$T/pred.jsonl" >"$T/pred-text.jsonl"
run_tamis text evaluate --predicted "$T/pred-text.jsonl" "$T/gold.jsonl"
check "a predicted text that differs from the gold exits 2" status_is 2
check "... naming the record" has text.err "record 'd1'.*text"
check "... and prints no report" test ! -s "$T/text.out"

printf '{"id": "x", "text": "abc", "layers": {"money": [{"start": 2, "end": 9}]}}\n' >"$T/bad.jsonl"
run_tamis bad evaluate --predicted "$T/pred.jsonl" "$T/bad.jsonl"
check "a gold span beyond the text exits 2" status_is 2
check "... naming the record" has bad.err "record 'x'"
run_tamis usage evaluate "$EXAMPLES/news.yaml"
check "a missing gold file is a usage error" status_is 2

# ---- the pipeline itself, on examples/gold.jsonl ----
GOLD="$EXAMPLES/gold.jsonl"
run_tamis news evaluate "$EXAMPLES/news.yaml" "$GOLD" --format json --span-attributes value,currency -j 2
check "news.yaml on examples/gold.jsonl exits 0" status_is 0
check "gold documents in both languages, languages all right" \
  jq_true "$T/news.out" '.attributes.lang | (.classes | keys) == ["en", "fr"] and .accuracy == 1'
check "every gold amount is found exactly, with its value and currency" \
  jq_true "$T/news.out" '.layers.money | .exact.f1 == 1 and .exact.gold >= 10 and .attributes.value.accuracy == 1 and .attributes.currency.accuracy == 1'
check "the layers and attributes scored by default are those of the gold" \
  jq_true "$T/news.out" '(.layers | keys) == ["money"] and (.attributes | keys) == ["lang"]'
run_tamis news1 evaluate "$EXAMPLES/news.yaml" "$GOLD" --format json --span-attributes value,currency -j 1
check "-j 1 and -j 2 give the same report" cmp -s "$T/news.out" "$T/news1.out"

# the same through the records of tamis run: both modes agree
run_tamis records run "$EXAMPLES/news.yaml" "$EXAMPLES/corpus" -o "$T/records.jsonl"
run_tamis saved evaluate --predicted "$T/records.jsonl" "$GOLD" --format json --span-attributes value,currency
check "--predicted on the records of tamis run gives the pipeline's figures" \
  sh -c "jq -S '{layers, attributes}' '$T/news.out' >'$T/a' && jq -S '{layers, attributes}' '$T/saved.out' >'$T/b' && cmp -s '$T/a' '$T/b'"
check "... and counts the records that are not in the gold" \
  jq_true "$T/saved.out" '.documents.not_in_gold == 6'

run_tamis news-table evaluate "$EXAMPLES/news.yaml" "$GOLD"
check "the table on examples/gold.jsonl" has news-table.out '^layer money'

tap_done
