#!/bin/sh
# tamis plugins --check: the plugins of this tree pass it, and test modules
# that break one rule each fail it with a message naming the rule.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
MODULES="$TAMIS_BUILDDIR/tests/modules"

# check_plugin NAME ARGS...: runs the check with stdout in $T/NAME.out and
# the exit status in $status.
check_plugin () {
  name=$1
  shift
  "$TAMIS" plugins --check --quick "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
  status=$?
}

status_is () { [ "$status" -eq "$1" ]; }
has () { grep -q -e "$2" "$T/$1.out"; }
# Shows the report in the log when a test about it fails.
show () { grep -v '^ok ' "$T/$1.out" | tap_diag; }

for plugin in segment langid money entities sentiment relations; do
  check_plugin "$plugin" "$plugin"
  check "the $plugin plugin passes the check" status_is 0
  check "$plugin: no check fails" sh -c "! grep -q '^FAIL' '$T/$plugin.out'"
  check "$plugin: every document, threads, memory and options are checked" \
    sh -c "grep -q \"^ok    document 'empty'\" '$T/$plugin.out' &&
           grep -q \"^ok    document 'large'\" '$T/$plugin.out' &&
           grep -q '^ok    threads: ' '$T/$plugin.out' &&
           grep -q '^\(ok  \|warn\)  memory: ' '$T/$plugin.out' &&
           grep -q '^ok    option ' '$T/$plugin.out'"
  check "$plugin: the report ends with a summary" has "$plugin" "^$plugin [0-9.]*: [0-9]* checks: [0-9]* ok, [0-9]* warn, 0 FAIL: it passes$"
  [ "$status" -eq 0 ] || show "$plugin"
done
check "the declarations are printed first" has segment '^  layer token: '
check "a value out of the declared range is refused before create()" \
  has langid "^ok    option min_chars=100001: outside the declared range, refused: .*must be at most 100000"

# A file: the module of a plugin that reads 'token' gets segment first.
check_plugin racy "$MODULES/racy.la"
check "racy.la (shared state) fails the check" status_is 1
check "its read of 'token' is met by segment" has racy "^ok    reads: token, written by the stage run before it: segment$"
check "the thread check names the rule and a document" \
  has racy "^FAIL  threads: output differs between 1 and 8 threads on documents\? '.*shared mutable state in process()"

check_plugin crashy "$MODULES/crashy.la"
check "crashy.la (crash on empty text) fails the check" status_is 1
check "the crash is reported with the document and the signal" \
  has crashy "^FAIL  document 'empty': crashed on document 'empty' (signal [0-9]*\|exit status"
check "the documents after the crash are still checked" has crashy "^ok    document 'one-char'"

check_plugin leaky "$MODULES/leaky.la"
if has leaky '^warn  memory: skipped'; then
  tap_skip "leaky.la: the memory check is skipped in this build"
else
  check "leaky.la (a leak on every document) fails the memory check with the figure" \
    has leaky "^FAIL  memory: resident memory grew by [0-9.]* MB .*about [0-9]* KB per document"
fi

check_plugin mute "$MODULES/mute.la"
check "mute.la fails the check" status_is 1
check "create() returning NULL without an error is named" \
  has mute "^FAIL  option prefix='': create() returned NULL without setting an error"

check_plugin past-end "$MODULES/rogue.la" --with fault=past-end
check "rogue.la with fault=past-end fails the check" status_is 1
check "a span past the end is a plugin-contract failure naming the document" \
  has past-end "^FAIL  document 'punctuation': breaks the plugin contract: .*is outside the text"
check_plugin undeclared "$MODULES/rogue.la" --with fault=undeclared-attr
check "an undeclared attribute is a plugin-contract failure" \
  has undeclared "^FAIL  document 'punctuation': breaks the plugin contract: .*undeclared span attribute 'extra'"

# Usage errors and modules that cannot be loaded exit 2.
check_plugin nomodule
check "no module exits 2" status_is 2
check_plugin missing "$T/nothing-here.so"
check "a module that cannot be loaded exits 2" status_is 2
check_plugin nodesc "$MODULES/nodesc.la"
check "a module without a descriptor exits 2" status_is 2
check_plugin badwith segment --with no_such_option=1
check "an unknown --with option exits 2" status_is 2
"$TAMIS" plugins --check --help >"$T/help.out" 2>&1
check "plugins --check --help documents the options" \
  sh -c "grep -q -- '--with=KEY=VALUE' '$T/help.out' && grep -q -- '--threads=N' '$T/help.out' && grep -q -- '--quick' '$T/help.out'"
"$TAMIS" plugins --help >"$T/plugins-help.out" 2>&1
check "plugins --help mentions --check" grep -q -- '--check' "$T/plugins-help.out"

tap_done
