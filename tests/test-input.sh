#!/bin/sh
# End-to-end tests of what the reader makes of hostile or unusual input:
# a JSON Lines record nested 100,000 levels deep among good ones (one
# "too-deep" record, every other one written, exit status 1 as for any
# failed document), the depth limit set in the pipeline, metadata numbers
# passed through as written, and file names that are not UTF-8 (ids
# escaped, flagged "id-escaped", the output valid JSON).
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp

status_is () { [ "$status" -eq "$1" ]; }
jq_true () { file=$1; shift; jq -e -s "$@" "$file" >/dev/null 2>&1; }

printf 'tamis: 1\nstages: [segment]\noutput: {layers: []}\n' > "$T/p.yaml"
printf 'tamis: 1\ninput: {max_depth: 4}\nstages: [segment]\noutput: {layers: []}\n' > "$T/p3.yaml"

# ---- a line nested 100,000 deep among good lines ----
{
  printf '{"id":"before","text":"Avant la ligne piégée.","n":1}\n'
  printf '{"id":"deep","text":"x","meta":'
  i=0
  # 100,000 brackets, written 1,000 at a time
  open=$(printf '%01000d' 0 | tr 0 '[')
  close=$(printf '%01000d' 0 | tr 0 ']')
  while [ $i -lt 100 ]; do printf '%s' "$open"; i=$((i + 1)); done
  i=0
  while [ $i -lt 100 ]; do printf '%s' "$close"; i=$((i + 1)); done
  printf '}\n'
  printf '{"id":"after","text":"Après.","score":0.9962,"big":12345678901234567890123,"v":1.0}\n'
  printf '{"id":"three","text":"Trois niveaux.","m":[[1]]}\n'
  printf '{"id":"four","text":"Quatre niveaux.","m":[[[1]]]}\n'
} > "$T/deep.jsonl"

run_tamis deep run "$T/p.yaml" -j 2 "$T/deep.jsonl"
check "a 100,000-deep line fails the run with status 1, not a crash" status_is 1
check "every other record is written, in order" \
  jq_true "$T/deep.out" '(map(.id) | del(.[1])) == ["before", "after", "three", "four"] and (.[1].id | endswith("/deep.jsonl:2"))'
check "the deep line is one too-deep record" \
  jq_true "$T/deep.out" '.[1].error.code == "too-deep" and (.[1].error.message | test("deep.jsonl:2: nested deeper than 64 levels"))'
check "the good records have no error" jq_true "$T/deep.out" '[.[0], .[2], .[3], .[4]] | all(.error == null)'
check "the run counts one failed document" grep -q "1 of 5 documents failed" "$T/deep.err"

run_tamis deep3 run "$T/p3.yaml" -j 1 "$T/deep.jsonl"
# the record is level 1, each value inside one level deeper: the 1 of
# {"m":[[1]]} is at level 4
check "input: {max_depth: 4} lets {\"m\":[[1]]} through" \
  jq_true "$T/deep3.out" '.[3].id == "three" and .[3].error == null'
check "input: {max_depth: 4} stops {\"m\":[[[1]]]}" \
  jq_true "$T/deep3.out" '.[4].error.code == "too-deep" and (.[4].error.message | test("deeper than 4 levels"))'

printf 'tamis: 1\ninput: {max_depth: lots}\nstages: [segment]\n' > "$T/bad.yaml"
run_tamis bad check "$T/bad.yaml"
check "a max_depth that is not a number is refused" status_is 2
check "... and the message says what it must be" grep -q "'max_depth' must be a whole number" "$T/bad.err"

# ---- metadata numbers as they came in, through the SQLite output ----
run_tamis meta run "$T/p.yaml" -j 1 -o "$T/meta.db" "$T/deep.jsonl"
if command -v sqlite3 >/dev/null 2>&1; then
  meta=$(sqlite3 "$T/meta.db" "SELECT meta FROM documents WHERE id = 'after'" 2>&1)
  check "metadata numbers pass through exactly ($meta)" \
    test "$meta" = '{"score":0.9962,"big":12345678901234567890123,"v":1.0}'
else
  tap_skip "sqlite3 is not installed"
fi

# ---- file names that are not UTF-8 ----
mkdir -p "$T/names"
latin1=$(printf 'caf\351')
printf 'Un café.\n' > "$T/names/$latin1.txt"
printf 'Cent pour cent.\n' > "$T/names/100%.txt"
printf '{"text":"Une ligne."}\n{"id":"own","text":"Son id."}\n' > "$T/names/$(printf 'l\377')%.jsonl"
if [ -f "$T/names/$latin1.txt" ]; then
  run_tamis names run "$T/p.yaml" -j 1 "$T/names"
  check "a directory with Latin-1 names runs" status_is 0
  check "the output is valid JSON" jq_true "$T/names.out" 'length == 4'
  check "a Latin-1 name is escaped, %XX, and flagged" \
    jq_true "$T/names.out" 'any(.id == "caf%E9.txt" and .repaired == ["id-escaped"])'
  check "a '%' of such a name is escaped too; an id of its own is kept" \
    jq_true "$T/names.out" 'any(.id == "l%FF%25.jsonl:1" and .repaired == ["id-escaped"]) and any(.id == "own" and .repaired == null)'
  check "a UTF-8 name with '%' is left as it is" \
    jq_true "$T/names.out" 'any(.id == "100%.txt" and .repaired == null)'
  check "decoding the %XX of an id gives the name's bytes back" \
    sh -c "jq -r '.[] | select(.repaired) | .id' -s '$T/names.out' | head -n 1 |
           python3 -c 'import sys, urllib.parse, os; n = urllib.parse.unquote_to_bytes(sys.stdin.read().strip()); sys.exit(0 if os.path.exists(os.path.join(b\"$T/names\", n)) else 1)'"
  run_tamis name1 run "$T/p.yaml" -j 1 "$T/names/$latin1.txt"
  check "a Latin-1 file named on the command line gets an escaped id" \
    jq_true "$T/name1.out" '.[0].id | endswith("/caf%E9.txt")'
else
  tap_skip "this file system refuses names that are not UTF-8"
fi

tap_done
