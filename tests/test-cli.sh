#!/bin/sh
# End-to-end tests of the tamis command: examples/news.yaml over
# examples/corpus, output formats, -o, -j, exit statuses, check, plugins.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"
CORPUS="$EXAMPLES/corpus"

# run_tamis NAME ARGS...: runs tamis with stdout in $T/NAME.out, stderr in
# $T/NAME.err and the exit status in $status.
status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1"; }
jq_true () { file=$1; shift; jq -e -s "$@" "$file" >/dev/null 2>&1; }

# ---- version and help ----
run_tamis version --version
check "--version exits 0" status_is 0
check "--version prints the version and ABI" has version.out '^tamis [0-9][0-9.]* (plugin ABI [0-9]*\.[0-9]*)$'

run_tamis help --help
check "tamis --help exits 0" status_is 0
check "tamis --help lists the commands" \
  sh -c "grep -q '^  run ' '$T/help.out' && grep -q '^  check ' '$T/help.out' && grep -q '^  plugins ' '$T/help.out'"
for cmd in run check plugins; do
  run_tamis "help-$cmd" "$cmd" --help
  check "tamis $cmd --help exits 0" status_is 0
  check "tamis $cmd --help shows its usage" has "help-$cmd.out" "^  tamis $cmd \\[OPTION"
done
run_tamis help-cmd help run
check "tamis help run is tamis run --help" has help-cmd.out "^  tamis run \\[OPTION"

run_tamis noargs
check "no command exits 2" status_is 2
run_tamis badcmd frobnicate
check "an unknown command exits 2" status_is 2
check "an unknown command is named" has badcmd.err "^tamis: unknown command 'frobnicate'"
run_tamis badopt run --no-such-option "$NEWS"
check "an unknown option exits 2" status_is 2

# ---- news.yaml over the example corpus ----
run_tamis news run "$NEWS" "$CORPUS"
check "news.yaml over the corpus exits 0" status_is 0
check "nothing on stderr when it is not a terminal" test ! -s "$T/news.err"
(cd "$CORPUS" && LC_ALL=C ls *.txt) >"$T/files"
jq -r .id "$T/news.out" >"$T/ids"
check "one record per article, in sorted order, with the file names as ids" cmp -s "$T/files" "$T/ids"
check "every record has tokens and sentences" \
  jq_true "$T/news.out" 'length > 0 and all(.[]; (.layers.token | length) > 100 and (.layers.sentence | length) > 3)'
check "no record is an error" jq_true "$T/news.out" 'all(.[]; has("error") | not)'
check "tokens have kinds" \
  jq_true "$T/news.out" '[.[].layers.token[].label] | unique | (index("word") != null and index("number") != null and index("punct") != null)'

# Offsets are code points: slicing the text by them gives the tokens back.
cat >"$T/text.yaml" <<'YAML'
tamis: 1
stages:
  - segment
output:
  layers: [token]
  text: true
YAML
run_tamis text run "$T/text.yaml" "$CORPUS/fr-02-levee-fonds.txt"
check "a French article with non-ASCII text runs" status_is 0
check "token offsets slice the text into tokens without blanks at either end" \
  jq_true "$T/text.out" '.[0] as $r | all($r.layers.token[]; ($r.text[.start:.end] | test("^\\S(.*\\S)?$")))'
check "a number with narrow no-break spaces is one token" \
  jq_true "$T/text.out" '.[0] as $r | [$r.layers.token[] | select(.label == "number") | $r.text[.start:.end]] | index("1\u202f300") != null'
check "the text sliced at a token gives the word" \
  jq_true "$T/text.out" '.[0] as $r | [$r.layers.token[] | $r.text[.start:.end]] | (index("Lumenor") != null and index("agronome") != null)'

# ---- standard input and JSON Lines ----
"$TAMIS" run "$NEWS" <"$CORPUS/en-04-central-bank.txt" >"$T/stdin.out" 2>"$T/stdin.err"
status=$?
check "a document on standard input exits 0" status_is 0
check "a document on standard input gives one record with tokens" \
  jq_true "$T/stdin.out" 'length == 1 and (.[0].layers.token | length) > 100'

run_tamis jsonl run "$NEWS" "$EXAMPLES/corpus.jsonl"
check "a JSON Lines file runs" status_is 0
check "JSON Lines records keep their ids, in order" \
  jq_true "$T/jsonl.out" '[.[].id] == ["wire-0001", "wire-0002", "wire-0003"]'
check "JSON Lines fields other than id and text come out as meta" \
  jq_true "$T/jsonl.out" 'all(.[]; .meta.source == "example wire" and (.meta.date | length) == 10)'

# ---- -j: the same output whatever the number of threads ----
mkdir "$T/many"
i=0
for a in "$CORPUS"/*.txt; do
  for b in "$CORPUS"/*.txt; do
    i=$((i + 1))
    [ $((i % 2)) -eq 0 ] || continue
    # Each document mixes two articles, so sizes and contents vary.
    { echo "Dépêche numéro $i"; echo; cat "$a"; echo; tail -n 4 "$b"; } >"$T/many/doc-$(printf %03d $i).txt"
  done
done
n_many=$(ls "$T/many" | wc -l)
run_tamis j1 run -j 1 "$NEWS" "$T/many"
check "-j 1 over $n_many documents exits 0" status_is 0
run_tamis j2 run -j 2 "$NEWS" "$T/many"
check "-j 2 over $n_many documents exits 0" status_is 0
check "-j 2 writes $n_many records" jq_true "$T/j2.out" "length == $n_many"
check "-j 2 output is identical to -j 1" cmp -s "$T/j1.out" "$T/j2.out"
run_tamis j8 run --jobs=8 "$NEWS" "$T/many"
check "-j 8 output is identical to -j 1" cmp -s "$T/j1.out" "$T/j8.out"

# ---- output formats ----
run_tamis json run --format json "$NEWS" "$CORPUS"
check "--format json exits 0" status_is 0
check "--format json is one array of the records" \
  jq_true "$T/json.out" 'length == 1 and (.[0] | type == "array" and length == 10)'
run_tamis tsv run --format tsv "$NEWS" "$CORPUS"
check "--format tsv exits 0" status_is 0
check "--format tsv lines all have the header's number of fields" \
  awk -F '\t' 'NR == 1 { n = NF } NF != n || n < 10 { bad = 1 } END { exit bad || NR < 1000 }' "$T/tsv.out"
check "--format tsv has token and sentence rows" \
  sh -c "col=\$(head -1 '$T/tsv.out' | tr '\t' '\n' | grep -nx layer | cut -d: -f1) &&
         cut -f \$col '$T/tsv.out' | sort -u | grep -qx token && cut -f \$col '$T/tsv.out' | grep -qx sentence"
run_tamis badformat run --format xml "$NEWS" "$CORPUS"
check "--format xml exits 2" status_is 2

# ---- -o FILE ----
out="$T/dir/result.jsonl"
mkdir "$T/dir"
run_tamis o1 run -o "$out" "$NEWS" "$CORPUS"
check "-o exits 0" status_is 0
check "-o writes nothing on stdout" test ! -s "$T/o1.out"
check "-o writes the same records as stdout" cmp -s "$out" "$T/news.out"
inode1=$(stat -c %i "$out")
run_tamis o2 run -o "$out" "$NEWS" "$CORPUS/en-01-chip-earnings.txt"
inode2=$(stat -c %i "$out")
check "-o replaces the file by renaming a new one over it" test "$inode1" != "$inode2"
check "-o replaced the content" jq_true "$out" 'length == 1'
check "-o leaves no temporary file" test "$(ls -A "$T/dir")" = "result.jsonl"
cp "$out" "$T/before"
run_tamis o3 run -o "$out" "$NEWS" "$T/does-not-exist"
check "-o with a missing input exits 3 (I/O)" status_is 3
check "-o with a missing input leaves the file as it was" cmp -s "$out" "$T/before"
printf 'tamis: 1\nstages: [nosuchplugin]\n' >"$T/noplugin.yaml"
run_tamis o4 run -o "$out" "$T/noplugin.yaml" "$CORPUS"
check "-o with a broken pipeline exits 2" status_is 2
check "-o with a broken pipeline leaves the file as it was" cmp -s "$out" "$T/before"
check "failed runs leave no temporary file" test "$(ls -A "$T/dir")" = "result.jsonl"
run_tamis o5 run -o "$T/no/such/dir/out.jsonl" "$NEWS" "$CORPUS"
check "-o into a missing directory exits 3 (I/O)" status_is 3
ln -s result.jsonl "$T/dir/link.jsonl"
run_tamis o7 run -o "$T/dir/link.jsonl" "$NEWS" "$CORPUS/en-02-cloud-deal.txt"
check "-o through a symbolic link replaces the file it points to" \
  sh -c "[ -L '$T/dir/link.jsonl' ] && grep -q 'en-02-cloud-deal' '$out'"
run_tamis o6 run -o /dev/null "$NEWS" "$CORPUS/en-01-chip-earnings.txt"
check "-o /dev/null writes to the device" sh -c "[ $status -eq 0 ] && [ -c /dev/null ]"

# ---- bad input: exit 1, an error record each, the rest fine ----
bad="$T/bad"
mkdir "$bad"
printf 'A fine document. It has two sentences.\n' >"$bad/a-good.txt"
: >"$bad/b-empty.txt"
printf 'Caf\351 cr\350me, encod\351 en Latin-1.\n' >"$bad/c-latin1.txt"
printf 'PK\003\004\000\000\000\010\000binary\000\000\377\376' >"$bad/d-binary.txt"
printf '\357\273\277Un texte avec une marque d'"'"'ordre des octets.\n' >"$bad/e-bom.txt"
printf 'Windows line one.\r\nLine two.\r\n' >"$bad/f-crlf.txt"
{
  echo '{"id": "j-good", "text": "This line is fine."}'
  echo 'this line is not JSON'
  echo '{"id": "j-notext", "title": "no text field"}'
} >"$bad/g-lines.jsonl"
run_tamis bad run "$NEWS" "$bad"
check "a directory with bad inputs exits 1" status_is 1
n_err=$(jq -s '[.[] | select(has("error"))] | length' "$T/bad.out")
n_all=$(jq -s 'length' "$T/bad.out")
check "the summary line counts the failed documents" has bad.err "^tamis: $n_err of $n_all documents failed$"
check "every input document has a record (6 files + 3 lines)" test "$n_all" -eq 9
check "error records carry a code and a message" \
  jq_true "$T/bad.out" '[.[] | select(has("error"))] | length >= 4 and all(.[]; (.error.code | length) > 0 and (.error.message | length) > 0)'
check "invalid UTF-8, a binary file and bad JSON lines are errors" \
  jq_true "$T/bad.out" '[.[] | select(has("error")) | .id | tostring] as $e | ($e | map(test("latin1")) | any) and ($e | map(test("binary")) | any) and ($e | length) >= 4'
check "the good documents have tokens" \
  jq_true "$T/bad.out" '[.[] | select(.id == "a-good.txt" or .id == "j-good")] | length == 2 and all(.[]; (.layers.token | length) > 3)'
check "a BOM is repaired and flagged" \
  jq_true "$T/bad.out" '.[] | select(.id == "e-bom.txt") | (has("error") | not) and (.repaired | tostring | test("bom"))'

cat "$CORPUS"/en-0[123]-*.txt >"$T/big.txt"
run_tamis maxsize run --max-size 2K "$NEWS" "$T/big.txt" "$CORPUS/en-04-central-bank.txt"
check "--max-size: a larger document fails, exit 1" status_is 1
check "--max-size: only the larger document is an error record" \
  jq_true "$T/maxsize.out" 'length == 2 and (.[0] | has("error")) and (.[1] | has("error") | not)'
run_tamis badsize run --max-size lots "$NEWS" "$CORPUS"
check "--max-size with a bad value exits 2" status_is 2

# ---- pipeline errors: exit 2, nothing read, file:line:column ----
cat >"$T/badkey.yaml" <<'YAML'
tamis: 1
name: typo
stages:
  - segment
outptu:
  format: jsonl
YAML
run_tamis badkey run "$T/badkey.yaml" "$CORPUS"
check "a pipeline with an unknown key exits 2" status_is 2
check "the unknown key is reported as file:line:column" has badkey.err "^tamis: .*badkey\.yaml:5:[0-9][0-9]*: "
check "nothing is written for a broken pipeline" test ! -s "$T/badkey.out"
run_tamis noinput run "$NEWS" "$T/does-not-exist"
check "a missing input exits 3 (I/O)" status_is 3
run_tamis nopipe run
check "run without a pipeline exits 2" status_is 2
run_tamis badj run -j -1 "$NEWS" "$CORPUS"
check "-j -1 exits 2" status_is 2

# ---- provenance ----
check "every record names the stages that made it, with their versions" \
  jq_true "$T/news.out" 'all(.[]; (.by | keys | map(test("^(segment|langid|money|entities|sentiment|relations) [0-9.]+ #[0-9a-f]{8}$")) | all) and (.by | to_entries | map(select(.key | startswith("segment"))) | .[0].value == ["token", "sentence"]))'
run_tamis provnone run --provenance none "$NEWS" "$CORPUS/fr-01-meta-capex.txt"
check "--provenance none leaves it out" jq_true "$T/provnone.out" 'all(.[]; has("by") | not)'
run_tamis provfull run --provenance full "$NEWS" "$CORPUS/fr-01-meta-capex.txt"
check "--provenance full lists each stage with its options" \
  jq_true "$T/provfull.out" '.[0].by[2].plugin == "money" and .[0].by[2].options.dollar_currency == "USD" and .[0].by[2].wrote == ["money"]'
cat >"$T/cad-run.yaml" <<'YAML'
tamis: 1
stages:
  - money: {dollar_currency: CAD}
YAML
run_tamis provcad run "$T/cad-run.yaml" "$CORPUS/fr-01-meta-capex.txt"
check "other options give another stage id" \
  sh -c "[ \"\$(jq -r '.by | keys[0]' '$T/provcad.out')\" != \"\$(jq -r '.by | keys[2]' '$T/news.out' | head -1)\" ]"
run_tamis provbad run --provenance some "$NEWS" "$CORPUS/fr-01-meta-capex.txt"
check "an unknown --provenance mode exits 2" status_is 2

# ---- tamis check ----
run_tamis check check "$NEWS"
check "check news.yaml exits 0" status_is 0
check "check shows the segment stage with its version" has check.out '^stage 1: segment [0-9]'
check "check shows the plugin file" has check.out '^  file: .*segment'
check "check shows each stage's id as records carry it" has check.out '^  id:       segment [0-9.]* #[0-9a-f]\{8\}$'
check "check shows what the stage writes" has check.out '^  writes: *token, sentence'
check "check ends with ok" sh -c "tail -n 1 '$T/check.out' | grep -qx ok"
cat >"$T/when.yaml" <<'YAML'
tamis: 1
stages:
  - langid
  - plugin: segment
    when: {lang: [fr, en]}
YAML
run_tamis checkwhen check "$T/when.yaml"
check "check shows the languages of a when: clause" has checkwhen.out 'when: *lang in fr, en'
# check -v: the options each stage runs with
cat >"$T/cad.yaml" <<'YAML'
tamis: 1
stages:
  - money: {dollar_currency: CAD}
YAML
run_tamis checkv check -v "$T/cad.yaml"
check "check -v exits 0" status_is 0
check "check -v shows an option set by the pipeline" has checkv.out '^    dollar_currency  *string  *CAD$'
check "check -v marks the defaults" has checkv.out '^    languages  *list  *\[fr, en\] (default)$'

# The three mistakes that used to run and write nothing are refused.
cat >"$T/typolayer.yaml" <<'YAML'
tamis: 1
stages: [segment, money]
output:
  layers: [sentence, mony]
YAML
run_tamis typolayer check "$T/typolayer.yaml"
check "check refuses an output layer no stage writes, at its position" \
  sh -c "[ $status -eq 2 ] && grep -q \"typolayer\.yaml:4:22: 'output: layers' names 'mony', which no stage writes; hint: did you mean 'money'?\" '$T/typolayer.err'"
cat >"$T/nolang.yaml" <<'YAML'
tamis: 1
stages:
  - segment
  - money: {when: {lang: [fr]}}
YAML
run_tamis nolang check "$T/nolang.yaml"
check "check refuses a when: lang with no stage writing lang, and names langid" \
  sh -c "[ $status -eq 2 ] && grep -q \"nolang\.yaml:4:20: .*which no earlier stage writes; hint: add 'langid' before it\" '$T/nolang.err'"
cat >"$T/notokens.yaml" <<'YAML'
tamis: 1
stages:
  - segment: {tokens: false}
output: {layers: [token]}
YAML
run_tamis notokens check "$T/notokens.yaml"
check "check knows that segment without tokens writes no token layer" \
  sh -c "[ $status -eq 2 ] && grep -q \"notokens\.yaml:4:19: 'output: layers' names 'token'\" '$T/notokens.err'"

# A plugin that breaks the contract costs one error record, not the run.
modules="$TAMIS_BUILDDIR/tests/modules"
cat >"$T/rogue.yaml" <<'YAML'
tamis: 1
stages:
  - rogue: {fault: past-end}
YAML
printf '%s\n' '{"id":"a","text":"Meta investit."}' '{"id":"b","text":"!Nvidia perd 600 milliards."}' \
  '{"id":"c","text":"OpenAI lève des fonds."}' >"$T/rogue.jsonl"
run_tamis rogue run --plugin-dir "$modules" "$T/rogue.yaml" "$T/rogue.jsonl"
check "a contract violation exits 1" status_is 1
check "it costs one plugin-contract error record naming the stage" \
  jq_true "$T/rogue.out" 'length == 3 and ([.[] | select(.error)] | length == 1) and .[1].error.code == "plugin-contract" and (.[1].error.message | test("^stage 1 \\(rogue\\): span 0..37 of layer .rogue. is outside the text"))'
check "the other documents are written in full" \
  jq_true "$T/rogue.out" '.[0].layers.rogue[0].label == "mark" and .[2].rogue_n == 1'

# A plugin that crashes: a message naming the stage and the document, and
# no temporary file left beside -o; a dead run's temporary file (its pid
# gone) is removed by the next run writing the same file.
cat >"$T/crash.yaml" <<'YAML'
tamis: 1
stages:
  - rogue: {fault: crash}
YAML
printf '%s\n' '{"id":"a","text":"Meta investit."}' '{"id":"b","text":"!boom"}' >"$T/crash.jsonl"
mkdir -p "$T/crashout"
: >"$T/crashout/.out.jsonl.tamis-2147483646.AbCdEf"
run_tamis crash run -j 1 --plugin-dir "$modules" "$T/crash.yaml" "$T/crash.jsonl" -o "$T/crashout/out.jsonl"
check "a crash in a plugin ends the run with its signal" test "$status" -ge 128
check "the crash is reported with the stage and the document" \
  has crash.err "^tamis: Segmentation fault in stage 1 (rogue) on document 'b'; the run stops$"
check "no temporary file is left, not even a dead run's" \
  sh -c "[ -z \"\$(ls -A '$T/crashout')\" ]"

# On standard output, the records written before the crash are whole: the
# output is passed on in chunks that end at a line end.
awk 'BEGIN { for (i = 1; i <= 3000; i++)
  printf "{\"id\":\"d%d\",\"text\":\"%s\"}\n", i, i == 2500 ? "!boom" : "Meta investit 65 milliards de dollars." }' \
  >"$T/crash3000.jsonl"
"$TAMIS" run -j 2 --plugin-dir "$modules" "$T/crash.yaml" "$T/crash3000.jsonl" >"$T/crash3000.out" 2>/dev/null
check "after a crash, standard output holds only whole records" \
  sh -c "[ -s '$T/crash3000.out' ] && [ \"\$(tail -c 1 '$T/crash3000.out' | od -An -c | tr -d ' ')\" = '\\n' ] && jq -e . '$T/crash3000.out' >/dev/null"

# An empty --plugin-dir (an unset variable) is not the current folder.
mkdir -p "$T/cwd"
cp "$modules/.libs/probe.so" "$T/cwd/segment.so" 2>/dev/null || true
(cd "$T/cwd" && "$TAMIS" plugins --plugin-dir '' >"$T/emptydir.out" 2>"$T/emptydir.err")
check "an empty --plugin-dir is ignored with a warning" \
  sh -c "grep -q 'ignoring an empty --plugin-dir' '$T/emptydir.err' && ! grep -q '$T/cwd' '$T/emptydir.out'"

run_tamis checkbad check "$T/badkey.yaml"
check "check on a broken pipeline exits 2" status_is 2
check "check on a broken pipeline prints file:line:column" has checkbad.err "badkey\.yaml:5:[0-9][0-9]*: "
run_tamis checknoplugin check "$T/noplugin.yaml"
check "check on an unknown plugin exits 2 with its position" \
  sh -c "[ $status -eq 2 ] && grep -q 'noplugin\.yaml:2:[0-9][0-9]*: ' '$T/checknoplugin.err'"

# ---- tamis plugins ----
run_tamis plugins plugins
check "plugins exits 0" status_is 0
check "plugins lists segment with a version and summary" has plugins.out '^segment  *[0-9][0-9.]*  *[A-Za-z]'
run_tamis pluginsv plugins -v
check "plugins -v lists segment" has pluginsv.out '^segment [0-9]'
check "plugins -v shows what a plugin writes" has pluginsv.out '^  writes: token, sentence'
check "plugins -v shows the module file" has pluginsv.out '^  file: .*segment'
check "plugins -v shows the search path" has pluginsv.out '^Search path:'

# One plugin in full: its options with defaults and its record schema.
run_tamis pluginsmoney plugins money
check "plugins money exits 0" status_is 0
check "plugins money shows the option languages with its default and choices" \
  sh -c "grep -q '^  languages  *list  *default \[fr, en\]' '$T/pluginsmoney.out' && grep -q 'one of: fr, en' '$T/pluginsmoney.out'"
check "plugins money shows min_value with its range" \
  sh -c "grep -q '^  min_value  *number  *default 0' '$T/pluginsmoney.out' && grep -q 'min 0' '$T/pluginsmoney.out'"
check "plugins money shows the money layer, its labels and typed attributes" \
  sh -c "grep -q '^  layer money' '$T/pluginsmoney.out' && grep -q 'label  *amount | range' '$T/pluginsmoney.out' && grep -q '^    value  *double' '$T/pluginsmoney.out' && grep -q '^    currency  *string' '$T/pluginsmoney.out'"
run_tamis pluginslangid plugins langid
check "plugins langid shows its document attributes" \
  sh -c "grep -q '^  attribute lang (string)' '$T/pluginslangid.out' && grep -q '^  attribute lang_score (double)' '$T/pluginslangid.out'"
run_tamis pluginsnone plugins mony
check "plugins NAME of an unknown plugin exits 2 and says so" \
  sh -c "[ $status -eq 2 ] && grep -q \"plugin 'mony' not found\" '$T/pluginsnone.err'"
run_tamis pluginsdir plugins --plugin-dir "$T/nowhere"
check "a missing --plugin-dir is a warning, not an error" \
  sh -c "[ $status -eq 0 ] && grep -q 'warning' '$T/pluginsdir.err'"

# ---- the real articles beside the project, when present ----
seeds="$TAMIS_SRCDIR/../shared/corpus/seeds"
if [ -d "$seeds" ]; then
  run_tamis seeds run "$NEWS" "$seeds"
  check "news.yaml over the seed articles exits 0" status_is 0
  check "five seed records with tokens and sentences" \
    jq_true "$T/seeds.out" 'length == 5 and all(.[]; (.layers.token | length) > 100 and (.layers.sentence | length) > 3)'
  # every mention of each of these names has its label, and the family
  # name alone always takes the full name
  check "the seed articles' companies, people, places and products are typed right" \
    jq_true "$T/seeds.out" '[.[].layers.entity[]?] as $e
      | ([["ORG", "Meta"], ["ORG", "DeepSeek"], ["ORG", "Nvidia"], ["ORG", "OpenAI"], ["ORG", "Microsoft"],
          ["ORG", "Anthropic"], ["ORG", "Google"], ["PER", "Mark Zuckerberg"], ["PER", "Satya Nadella"],
          ["PER", "Yann LeCun"], ["LOC", "Silicon Valley"], ["LOC", "Manhattan"], ["MISC", "Llama 4"],
          ["MISC", "ChatGPT"]]
         | all(.[]; .[0] as $l | .[1] as $n
               | any($e[]; .canonical == $n) and all($e[] | select(.canonical == $n); .label == $l)))
        and ([$e[] | select(.canonical == "Mark Zuckerberg")] | length) >= 20
        and (any($e[]; .canonical == "Zuckerberg") | not)'
  check "the seed articles have a document sentiment" \
    jq_true "$T/seeds.out" 'all(.[]; .sentiment == "positive" or .sentiment == "negative" or .sentiment == "neutral")'
else
  tap_skip "news.yaml over the seed articles (../shared/corpus/seeds is absent)"
  tap_skip "five seed records with tokens and sentences"
  tap_skip "the seed articles' companies, people, places and products are typed right"
  tap_skip "the seed articles have a document sentiment"
fi

tap_done
