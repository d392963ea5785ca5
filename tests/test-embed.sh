#!/bin/sh
# The embedding example: a C program that runs a pipeline on a string.
. "$TAMIS_SRCDIR/tests/tap.sh"

EMBED="$TAMIS_BUILDDIR/examples/embed/embed"
T=$tap_tmp

[ -x "$EMBED" ] || tap_skip_all "examples/embed/embed is not built (make check builds it)"

"$EMBED" >"$T/default" 2>"$T/err"
check "embed runs on its default sentence" test $? -eq 0
tap_diag "$T/err"
check "it prints token spans: layer, start, end, kind, text" \
  grep -q "^token	[0-9]*	[0-9]*	word	milliards$" "$T/default"
check "numbers are tokens of kind number" grep -q "^token	[0-9]*	[0-9]*	number	65$" "$T/default"
check "it prints two sentences" test "$(grep -c '^sentence	' "$T/default")" -eq 2
check "the first sentence ends at its full stop" \
  grep -q "^sentence	0	[0-9]*	-	Meta prévoit .* en 2025\.$" "$T/default"

"$EMBED" "Hello, world. Prices rose by 2%." >"$T/arg" 2>"$T/err"
check "embed runs on the text given as argument" test $? -eq 0
check "offsets are bytes of the text" grep -q "^token	7	12	word	world$" "$T/arg"
check "punctuation is a token of kind punct" grep -q "^token	5	6	punct	,$" "$T/arg"
check "the argument's two sentences are found" test "$(grep -c '^sentence	' "$T/arg")" -eq 2

# Many documents in memory on 4 threads, with a plugin compiled into the
# program and registered in a registry of its own.
texts=""
for i in $(seq 1 40); do
  texts="$texts|Document $i. Nvidia a perdu 600 milliards de dollars en une journée."
done
printf '%s' "$texts" | cut -c2- | tr '|' '\n' >"$T/texts"
(IFS='
'; "$EMBED" --batch $(cat "$T/texts") "Les marchés reculent." \
   "$(printf 'bad \377 byte')") >"$T/batch" 2>"$T/batch.err"
status=$?
check "the batch run exits 1 when one text is not UTF-8" test $status -eq 1
tap_diag "$T/batch.err"
check "one line per text, in input order" \
  sh -c "[ \$(grep -c '^doc	' '$T/batch') -eq 42 ] && cut -f2 '$T/batch' | seq -s ' ' 0 41 | grep -q . && [ \"\$(cut -f2 '$T/batch' | tr '\n' ' ')\" = \"\$(seq -s ' ' 0 41) \" ]"
check "the registered plugin ran after segment" \
  grep -q "^doc	0	sentences=2	longest=milliards$" "$T/batch"
check "a text that is not UTF-8 is an error in its place, the others go on" \
  sh -c "grep -q '^doc	41	error	.*invalid UTF-8' '$T/batch' && grep -q '^doc	40	sentences=1	longest=marchés$' '$T/batch'"

tap_done
