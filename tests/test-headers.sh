#!/bin/sh
# Every public header compiles on its own, as C11 and as C++20: a
# translation unit of one line, "#include <tamis/NAME.h>", with -Wall
# -Wextra -Werror. The headers are those of include/tamis/ in the source
# tree, and the generated version.h of the build tree.
#
# The compilers are configure's CC and $CXX, or g++ when CXX is not set;
# without a C++ compiler the C++ lines are skipped. make check writes CC
# and the GLib flags to tests/test-headers.env in the build tree.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
if [ -f "$TAMIS_BUILDDIR/tests/test-headers.env" ]; then
  . "$TAMIS_BUILDDIR/tests/test-headers.env"
fi
CC=${TAMIS_CC:-${CC:-cc}}
CXX=${CXX:-g++}
INC="-I$TAMIS_SRCDIR/include -I$TAMIS_BUILDDIR/include"
if [ -z "${TAMIS_GLIB_CFLAGS+set}" ]; then
  TAMIS_GLIB_CFLAGS=$(pkg-config --cflags glib-2.0 gio-2.0 2>/dev/null) || TAMIS_GLIB_CFLAGS=
fi

headers=
for h in "$TAMIS_SRCDIR"/include/tamis/*.h; do
  case "$h" in */version.h) continue ;; esac
  [ -f "$h" ] && headers="$headers ${h##*/}"
done
[ -f "$TAMIS_BUILDDIR/include/tamis/version.h" ] && headers="$headers version.h"
[ -n "$headers" ] || tap_skip_all "no public headers found under $TAMIS_SRCDIR/include/tamis"

# first_word CMD: the program of a command line such as "gcc -m32".
first_word () { set -- $1; echo "$1"; }

have_cc=yes
command -v "$(first_word "$CC")" >/dev/null 2>&1 || have_cc=no
have_cxx=yes
command -v "$(first_word "$CXX")" >/dev/null 2>&1 || have_cxx=no

# compile LANG COMPILER STD EXT HEADER: one TAP line.
compile () {
  lang=$1 compiler=$2 std=$3 ext=$4 h=$5
  base="$T/${h%.h}-$ext"
  printf '#include <tamis/%s>\n' "$h" >"$base.$ext"
  # shellcheck disable=SC2086 # the flags are lists of words
  if $compiler -std="$std" -Wall -Wextra -Werror -fsyntax-only $INC $TAMIS_GLIB_CFLAGS \
       "$base.$ext" >"$base.err" 2>&1; then
    tap_ok "tamis/$h compiles alone as $lang"
  else
    first=$(grep -m1 -E 'error' "$base.err" | sed -e "s|$TAMIS_SRCDIR/||" -e "s|$TAMIS_BUILDDIR/||" -e "s|$T/||")
    tap_not_ok "tamis/$h does not compile alone as $lang ($compiler -std=$std): ${first:-see the log}"
    tap_diag "$base.err"
  fi
}

for h in $headers; do
  if [ "$have_cc" = yes ]; then
    compile C11 "$CC" c11 c "$h"
  else
    tap_skip "tamis/$h as C11: $CC is not installed"
  fi
  if [ "$have_cxx" = yes ]; then
    compile C++20 "$CXX" c++20 cc "$h"
  else
    tap_skip "tamis/$h as C++20: no C++ compiler ($CXX; set CXX, or install g++)"
  fi
done

# A whole plugin descriptor in C++20, written as the README says.
if [ "$have_cxx" = yes ]; then
  # shellcheck disable=SC2086 # the flags are lists of words
  # -Wextra would flag every member a designated initialiser leaves out.
  if $CXX -std=c++20 -Wall -Werror -fsyntax-only $INC $TAMIS_GLIB_CFLAGS \
       "$TAMIS_SRCDIR/tests/cxx-plugin.cc" >"$T/cxx-plugin.err" 2>&1; then
    tap_ok "a plugin descriptor written in C++20 compiles"
  else
    tap_not_ok "a plugin descriptor written in C++20 does not compile"
    tap_diag "$T/cxx-plugin.err"
  fi
else
  tap_skip "a plugin descriptor in C++20: no C++ compiler"
fi

tap_done
