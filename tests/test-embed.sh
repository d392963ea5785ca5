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

tap_done
