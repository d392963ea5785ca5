#!/bin/sh
# The export list of libtamis is its public API:
#   - the dynamic symbols libtamis.so defines are exactly core/libtamis.sym;
#   - every name of the list is declared in a public header and has a doc
#     comment there;
#   - every tamis_ function a public header declares is in the list.
# A failure is one "not ok" line per symbol, saying what to do.
. "$TAMIS_SRCDIR/tests/tap.sh"

LIB="$TAMIS_BUILDDIR/core/.libs/libtamis.so"
SYMS="$TAMIS_SRCDIR/core/libtamis.sym"
LISTER="$TAMIS_SRCDIR/tests/abi/public-api.sh"
NM=${NM:-nm}
T=$tap_tmp
LC_ALL=C
export LC_ALL

[ -f "$LIB" ] || tap_skip_all "core/.libs/libtamis.so is not built (a shared build on ELF is needed)"
command -v "$NM" >/dev/null 2>&1 || tap_skip_all "nm is not installed"

# The public headers: those of the source tree and the generated version.h.
set -- "$TAMIS_SRCDIR"/include/tamis/*.h
[ -f "$TAMIS_BUILDDIR/include/tamis/version.h" ] && set -- "$@" "$TAMIS_BUILDDIR/include/tamis/version.h"

# "name header" lines, header relative to the tree it is in.
strip_dirs () { sed -e "s| $TAMIS_SRCDIR/| |" -e "s| $TAMIS_BUILDDIR/| |"; }
${SHELL:-sh} "$LISTER" functions "$@" | strip_dirs >"$T/declared"
${SHELL:-sh} "$LISTER" documented "$@" | strip_dirs >"$T/documented"
cut -d' ' -f1 "$T/declared" >"$T/declared.names"
cut -d' ' -f1 "$T/documented" >"$T/documented.names"
sort -u "$SYMS" >"$T/list"
"$NM" -D --defined-only "$LIB" >"$T/nm.out" 2>"$T/nm.err"
check "nm reads the dynamic symbols of core/.libs/libtamis.so" test -s "$T/nm.out"
tap_diag "$T/nm.err"
awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' "$T/nm.out" | sort -u >"$T/exported"

# report FILE OK-DESCRIPTION: an "ok" line when FILE is empty, else one
# "not ok" line per line of FILE (each a complete message).
report () {
  if [ -s "$1" ]; then
    while IFS= read -r msg; do tap_not_ok "$msg"; done <"$1"
  else
    tap_ok "$2"
  fi
}

check "core/libtamis.sym is sorted, one name per line, no duplicates (make update-symbols writes it so)" \
  sh -c 'LC_ALL=C sort -u "$1" | cmp -s - "$1" && ! grep -qv "^[A-Za-z_][A-Za-z0-9_]*\$" "$1"' sh "$SYMS"

comm -23 "$T/exported" "$T/list" | sed \
  's|.*|& is exported by core/.libs/libtamis.so but not listed in core/libtamis.sym: the library is out of date (run make), or the link does not use the list (see core/local.mk)|' \
  >"$T/extra"
report "$T/extra" "libtamis.so exports nothing outside core/libtamis.sym"

comm -13 "$T/exported" "$T/list" | sed \
  's|.*|& is listed in core/libtamis.sym but libtamis.so does not define it: implement it in core/, or remove its declaration from include/tamis/ and run make update-symbols|' \
  >"$T/missing"
report "$T/missing" "libtamis.so defines every name of core/libtamis.sym"

comm -23 "$T/list" "$T/declared.names" | sed \
  's|.*|& is listed in core/libtamis.sym but no public header declares it: declare and document it in include/tamis/ if it is public API, else run make update-symbols to drop it|' \
  >"$T/undeclared"
report "$T/undeclared" "every name of core/libtamis.sym is declared in a public header"

# Documented: among the declared names of the list, those without a
# "/** name:" comment in any public header.
comm -12 "$T/list" "$T/declared.names" | comm -23 - "$T/documented.names" |
  join - "$T/declared" | sed \
  's|^\([^ ]*\) \(.*\)$|\1 (declared in \2) has no doc comment: add a gtk-doc block above its declaration, "/**" then " * \1:", its parameters and Returns:, or the one-liner "/** \1: Returns: ... */"|' \
  >"$T/undocumented"
report "$T/undocumented" "every name of core/libtamis.sym is documented in its header"

join -v 1 "$T/declared" "$T/list" | sed \
  's|^\([^ ]*\) \(.*\)$|\2 declares \1, which core/libtamis.sym does not list: run make update-symbols and commit core/libtamis.sym (or make the function static inline or private if it is not API)|' \
  >"$T/unlisted"
report "$T/unlisted" "every tamis_ function of the public headers is in core/libtamis.sym"

tap_done
