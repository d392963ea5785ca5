#!/bin/sh
# ./configure --enable-builtin-plugins: tamis has the plugins of this tree
# linked in. Checks that `tamis plugins` says so, that a module file in an
# explicit directory still wins, and that a tamis installed (with DESTDIR)
# runs the example pipeline once its plugin directory is deleted.
. "$TAMIS_SRCDIR/tests/tap.sh"

grep -q '^#define TAMIS_BUILTIN_PLUGINS 1' "$TAMIS_BUILDDIR/config.h" ||
  tap_skip_all "not configured with --enable-builtin-plugins"

T=$tap_tmp
log="$T/install.log"
BUILTIN="segment langid money entities sentiment relations"

# Only the built-in plugins may serve the pipeline.
unset TAMIS_PLUGIN_PATH TAMIS_DATA_PATH DESTDIR
# A nested make must not join the jobserver of the make running the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS

# jq_ok ARGS...: jq -e, quietly.
jq_ok () { jq -e "$@" >/dev/null 2>&1; }

# ---- the build tree's tamis ----
"$TAMIS" plugins >"$T/list" 2>"$T/list.err"
for name in $BUILTIN; do
  check "tamis plugins marks $name as built in" grep -q "^$name .*(built in)\$" "$T/list"
  "$TAMIS" plugins "$name" >"$T/$name" 2>&1
  check "tamis plugins $name says built in: yes" \
    sh -c "grep -q '^  built in: *yes\$' '$T/$name' && grep -q '^  file: *(built in)\$' '$T/$name'"
done
"$TAMIS" plugins -v >"$T/verbose" 2>&1
check "tamis plugins -v shows the built-in plugins in the search path" \
  grep -q '^  (built in: entities, langid, money, relations, segment, sentiment)$' "$T/verbose"

# A module file of the same name in an explicit directory comes first.
"$TAMIS" plugins --plugin-dir "$TAMIS_BUILDDIR/plugins" segment >"$T/explicit" 2>&1
check "a module in --plugin-dir wins over the built-in plugin" \
  sh -c "grep -q '^  built in: *no\$' '$T/explicit' && grep -q '^  file: .*segment\\.la\$' '$T/explicit'"

# ---- an installed tamis without its plugin directory ----
dest="$T/dest"
if ! make -C "$TAMIS_BUILDDIR" install DESTDIR="$dest" >"$log" 2>&1; then
  tap_not_ok "make install DESTDIR=…"
  tail -n 40 "$log" | tap_diag
  tap_done
  exit 1
fi
tap_ok "make install DESTDIR=…"

installed=$(find "$dest" -path '*/bin/tamis' -type f | head -n 1)
libtamis=$(find "$dest" -name 'libtamis.so*' | head -n 1)
plugindir=$(find "$dest" -type d -path '*/tamis/plugins' | head -n 1)
datadir=$(find "$dest" -type d -path '*/share/tamis' | head -n 1)
check "the plugin modules were installed" test -f "$plugindir/segment.la"
rm -rf "$plugindir"
check "the plugin directory is gone" test ! -e "$plugindir"

# The staged library looks for data where the real install would put them:
# TAMIS_DATA_PATH points at the staged copies instead.
LD_LIBRARY_PATH="$(dirname "$libtamis")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
TAMIS_DATA_PATH="$datadir"
export LD_LIBRARY_PATH TAMIS_DATA_PATH

for name in $BUILTIN; do
  "$installed" plugins "$name" >"$T/inst-$name" 2>&1
  check "the installed tamis has $name built in" grep -q '^  built in: *yes$' "$T/inst-$name"
done
"$installed" plugins -v >"$T/inst-list" 2>&1
check "the installed tamis does not search the build tree" \
  sh -c "! grep -q -F '$TAMIS_BUILDDIR' '$T/inst-list'"

"$installed" run "$EXAMPLES/news.yaml" "$EXAMPLES/corpus" >"$T/run.out" 2>"$T/run.err"
status=$?
tap_diag "$T/run.err"
check "the installed tamis runs examples/news.yaml without plugin directory" test "$status" -eq 0
check "every document has tokens, sentences, a language and its amounts" \
  jq_ok -s --argjson n "$(ls "$EXAMPLES/corpus" | wc -l)" \
    'length == $n and all(.[]; .error == null and (.lang | type == "string") and
       (.layers.token | length > 0) and (.layers.sentence | length > 0) and
       (.layers.money | type == "array"))' "$T/run.out"
# The same records as the build tree's tamis, plugins loaded from files.
"$TAMIS" run --plugin-dir "$TAMIS_BUILDDIR/plugins" "$EXAMPLES/news.yaml" "$EXAMPLES/corpus" \
  >"$T/modules.out" 2>/dev/null
check "the records are those of the plugin modules" cmp -s "$T/run.out" "$T/modules.out"

tap_done
