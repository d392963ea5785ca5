#!/bin/sh
# Every record of the example pipeline, in each JSON format, read by
# Python's json module: valid JSON, one record a line for JSON Lines, and
# no number written with 17 significant digits of float noise. Over
# examples/corpus, examples/corpus.jsonl and, when present, the seed
# articles of ../shared/corpus/seeds.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"

command -v python3 >/dev/null 2>&1 || tap_skip_all "python3 is not installed"

check_py="$TAMIS_SRCDIR/tests/records-check.py"

# check_records NAME FORMAT INPUT: runs news.yaml and checks its output.
check_records () {
  name=$1 format=$2
  shift 2
  "$TAMIS" run -f "$format" "$NEWS" "$@" >"$T/$name.$format" 2>"$T/$name.err" </dev/null
  status=$?
  check "$name as $format: the run exits 0" test "$status" -eq 0
  check "$name as $format: Python's json reads every record, without float noise" \
    sh -c "python3 '$check_py' --format $format '$T/$name.$format' >'$T/$name.n' 2>&1 || { sed 's/^/# /' '$T/$name.n'; exit 1; }"
}

for format in jsonl json; do
  check_records corpus $format "$EXAMPLES/corpus"
  check_records wire $format "$EXAMPLES/corpus.jsonl"
done

seeds="$TAMIS_SRCDIR/../shared/corpus/seeds"
if [ -d "$seeds" ]; then
  for format in jsonl json; do
    check_records seeds $format "$seeds"
  done
else
  tap_skip "news.yaml over the seed articles (../shared/corpus/seeds is absent)"
fi

# With the text, and the metadata of JSON Lines input.
cat >"$T/text.yaml" <<'YAML'
tamis: 1
stages:
  - segment
  - langid
output:
  text: true
YAML
"$TAMIS" run "$T/text.yaml" "$EXAMPLES/corpus.jsonl" "$EXAMPLES/corpus" >"$T/text.jsonl" 2>"$T/text.err" </dev/null
check "records with their text: Python's json reads them" \
  sh -c "python3 '$check_py' --format jsonl '$T/text.jsonl' >/dev/null"
check "the metadata of JSON Lines input is kept" \
  jq -e -s 'map(select(.meta.source == "example wire")) | length > 0' "$T/text.jsonl"

tap_done
