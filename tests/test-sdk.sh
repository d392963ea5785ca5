#!/bin/sh
# The plugin SDK from the outside: installs tamis into a temporary prefix,
# builds examples/plugin-wordcount and examples/embed against it with
# pkg-config alone, and runs the installed tamis with the new plugin.
. "$TAMIS_SRCDIR/tests/tap.sh"

for tool in make cc pkg-config; do
  command -v "$tool" >/dev/null 2>&1 || tap_skip_all "$tool is not installed"
done

T=$tap_tmp
prefix="$T/prefix"
build="$T/build"
log="$T/build.log"
CORPUS="$EXAMPLES/corpus"

# jq_ok ARGS...: jq -e, quietly.
jq_ok () { jq -e "$@" >/dev/null 2>&1; }

# Only the temporary prefix may provide plugins and data.
unset TAMIS_PLUGIN_PATH TAMIS_DATA_PATH DESTDIR
# A nested make must not join the jobserver of the make running the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS

fail_with_log () {
  tap_not_ok "$1"
  tail -n 40 "$log" | tap_diag
  # Without an rpath, the program finds libtamis only where the dynamic
# linker looks: the README says so, and shows LD_LIBRARY_PATH.
if cc $cflags -o "$T/embed-norpath" "$EXAMPLES/embed/embed.c" $(pkg-config --cflags --libs tamis) \
     $ldflags >>"$log" 2>&1; then
  "$T/embed-norpath" >/dev/null 2>"$T/norpath.err"
  check "without rpath nor LD_LIBRARY_PATH the program cannot find libtamis" \
    grep -q 'libtamis\.so\.[0-9]*: cannot open shared object file' "$T/norpath.err"
  LD_LIBRARY_PATH="$(pkg-config --variable=libdir tamis)" "$T/embed-norpath" >"$T/ldpath.out" 2>>"$log"
  check "with LD_LIBRARY_PATH=\$(pkg-config --variable=libdir tamis) it runs" \
    grep -q '^sentence	' "$T/ldpath.out"
else
  tap_not_ok "examples/embed builds without an rpath"
fi

tap_done
  exit 1
}

# The same configure arguments as this build (compiler, flags, data
# directories), a prefix of our own.
eval "set -- $("$TAMIS_BUILDDIR/config.status" --config)"
mkdir "$build"
src=$TAMIS_SRCDIR
# configure refuses a second build of a source tree configured in place
# (the README's quick start builds that way): build from a copy made by
# 'make distdir' then, which also proves the tarball's contents suffice.
if [ -f "$TAMIS_SRCDIR/config.status" ]; then
  src="$T/src"
  make -C "$TAMIS_BUILDDIR" distdir distdir="$src" >"$log" 2>&1 ||
    fail_with_log "copy the sources with make distdir"
fi
(cd "$build" && "$src/configure" "$@" --srcdir="$src" --prefix="$prefix") >>"$log" 2>&1 ||
  fail_with_log "configure for a temporary prefix"
tap_ok "configure for a temporary prefix"
make -C "$build" -j2 >>"$log" 2>&1 || fail_with_log "build for a temporary prefix"
make -C "$build" install >>"$log" 2>&1 || fail_with_log "make install into the temporary prefix"
tap_ok "build and make install into the temporary prefix"

for f in bin/tamis include/tamis/tamis.h include/tamis/plugin.h include/tamis/version.h \
         lib/pkgconfig/tamis.pc share/man/man1/tamis.1; do
  check "installed $f" test -f "$prefix/$f"
done

PKG_CONFIG_PATH="$prefix/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
pluginsdir=$(pkg-config --variable=pluginsdir tamis)
check "pkg-config finds the installed tamis" test "$(pkg-config --modversion tamis)" != ""
check "the pluginsdir variable points into the prefix" test "$pluginsdir" = "$prefix/lib/tamis/plugins"
check "segment is installed in pluginsdir" sh -c "ls '$pluginsdir' | grep -q '^segment\.'"

# Build as this build does (sanitizer flags must match the installed library).
cflags=$(sed -n 's/^CFLAGS = //p' "$build/Makefile")
ldflags=$(sed -n 's/^LDFLAGS = //p' "$build/Makefile")

# ---- the out-of-tree plugin ----
cp -R "$EXAMPLES/plugin-wordcount" "$T/wordcount"
chmod -R u+w "$T/wordcount"
rm -f "$T/wordcount/wordcount.so"
make -C "$T/wordcount" CFLAGS="$cflags -Wall -Wextra -Werror" LDFLAGS="$ldflags" >>"$log" 2>&1 ||
  fail_with_log "build examples/plugin-wordcount with its Makefile"
tap_ok "build examples/plugin-wordcount with its Makefile"
make -C "$T/wordcount" install >>"$log" 2>&1 || fail_with_log "install the wordcount plugin"
check "make install puts wordcount.so in pluginsdir" test -f "$pluginsdir/wordcount.so"

installed="$prefix/bin/tamis"
"$installed" plugins -v >"$T/plugins" 2>"$T/plugins.err"
check "the installed tamis lists wordcount" grep -q '^wordcount 1\.1\.0' "$T/plugins"
outside=$(grep '^  file:' "$T/plugins" | grep -v -F "$prefix/")
check "the installed tamis finds its plugins in the prefix, not the build tree" \
  sh -c "[ -z '$outside' ] && grep -q '^  file: *$pluginsdir/segment' '$T/plugins'"

"$installed" run "$T/wordcount/wordcount.yaml" "$CORPUS/en-05-startup-round.txt" "$CORPUS/fr-02-levee-fonds.txt" \
  >"$T/run.out" 2>"$T/run.err"
status=$?
tap_diag "$T/run.err"
check "the installed tamis runs wordcount.yaml" test "$status" -eq 0
check "records carry the words and chars attributes" \
  jq_ok -s 'length == 2 and all(.[]; (.words | type == "number") and .words > 100 and .chars > .words)' "$T/run.out"
check "chars counts characters, not bytes" \
  jq_ok -s --argjson bytes "$(wc -c <"$CORPUS/fr-02-levee-fonds.txt")" '.[1].chars < $bytes' "$T/run.out"

# min_length is read from the pipeline: a larger one counts fewer words.
sed 's/min_length: 3/min_length: 8/' "$T/wordcount/wordcount.yaml" >"$T/long.yaml"
"$installed" run "$T/long.yaml" "$CORPUS/en-05-startup-round.txt" >"$T/long.out" 2>/dev/null
check "min_length changes the count" \
  jq_ok -n --slurpfile a "$T/run.out" --slurpfile b "$T/long.out" '$b[0].words < $a[0].words and $b[0].words > 0'
sed 's/min_length: 3/min_length: 0/' "$T/wordcount/wordcount.yaml" >"$T/zero.yaml"
"$installed" run "$T/zero.yaml" "$CORPUS/en-05-startup-round.txt" >/dev/null 2>"$T/zero.err"
status=$?
check "a rejected option exits 2 and points at its line" \
  sh -c "[ $status -eq 2 ] && grep -q 'zero\.yaml:[0-9]*:[0-9]*: .*min_length' '$T/zero.err'"

# The plugin also works uninstalled, from its own folder.
rm -f "$pluginsdir/wordcount.so"
"$installed" run --plugin-dir "$T/wordcount" "$T/wordcount/wordcount.yaml" "$CORPUS/en-05-startup-round.txt" \
  >"$T/dir.out" 2>"$T/dir.err"
check "--plugin-dir finds the plugin where it was built" jq_ok '.words > 100' "$T/dir.out"

# The conformance check a plugin author runs on the built module: the
# installed segment provides the token layer it reads.
"$installed" plugins --check --quick "$T/wordcount/wordcount.so" >"$T/check.out" 2>"$T/check.err"
status=$?
grep -v '^ok ' "$T/check.out" | tap_diag
check "the installed tamis plugins --check passes wordcount.so" test "$status" -eq 0
check "the check puts the installed segment before it" \
  grep -q '^ok    reads: token, written by the stage run before it: segment$' "$T/check.out"

# ---- embedding: examples/embed against the installed library ----
if cc $cflags -o "$T/embed" "$EXAMPLES/embed/embed.c" $(pkg-config --cflags --libs tamis) \
     $ldflags -Wl,-rpath,"$prefix/lib" >>"$log" 2>&1; then
  tap_ok "examples/embed builds with pkg-config --cflags --libs tamis"
  "$T/embed" "Nvidia fell 17%. Investors were nervous." >"$T/embed.out" 2>>"$log"
  check "the embedding program prints tokens and sentences" \
    sh -c "grep -q '^token	0	6	word	Nvidia$' '$T/embed.out' && [ \$(grep -c '^sentence	' '$T/embed.out') -eq 2 ]"
  "$T/embed" --batch "Nvidia fell 17%." "Meta spends more." "Chips are scarce." >"$T/batch.out" 2>>"$log"
  check "the installed embedding program runs in-memory documents on 4 threads with its own plugin" \
    sh -c "[ \$(grep -c '^doc	' '$T/batch.out') -eq 3 ] && grep -q '^doc	2	sentences=1	longest=scarce$' '$T/batch.out'"
else
  tail -n 20 "$log" | tap_diag
  tap_not_ok "examples/embed builds with pkg-config --cflags --libs tamis"
fi

# Without an rpath, the program finds libtamis only where the dynamic
# linker looks: the README says so, and shows LD_LIBRARY_PATH.
if cc $cflags -o "$T/embed-norpath" "$EXAMPLES/embed/embed.c" $(pkg-config --cflags --libs tamis) \
     $ldflags >>"$log" 2>&1; then
  "$T/embed-norpath" >/dev/null 2>"$T/norpath.err"
  check "without rpath nor LD_LIBRARY_PATH the program cannot find libtamis" \
    grep -q 'libtamis\.so\.[0-9]*: cannot open shared object file' "$T/norpath.err"
  LD_LIBRARY_PATH="$(pkg-config --variable=libdir tamis)" "$T/embed-norpath" >"$T/ldpath.out" 2>>"$log"
  check "with LD_LIBRARY_PATH=\$(pkg-config --variable=libdir tamis) it runs" \
    grep -q '^sentence	' "$T/ldpath.out"
else
  tap_not_ok "examples/embed builds without an rpath"
fi

tap_done
