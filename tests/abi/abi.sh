#!/bin/sh
# The stored ABI description of libtamis, core/libtamis.abi.
#
#   abi.sh dump SRCDIR LIB OUT    writes the description of LIB to OUT
#   abi.sh update SRCDIR LIB      regenerates SRCDIR/core/libtamis.abi
#                                 (make update-abi)
#
# The description is abidw's, limited to what the public headers of SRCDIR
# declare: the exported functions and the types they reach, without the
# core's private types, the functions it calls in other libraries, its
# DT_NEEDED list, source locations or paths. The translation units' names
# are made relative to the tree, so that the same sources give the same
# file in any build directory, optimised or not, sanitised or not.
#
# The rule (tests/test-abi.sh checks it): the stored description always
# describes the library. A compatible change (new functions or types) only
# needs `make update-abi`. An incompatible one (a function removed, a type
# or a signature changed: abidiff's exit status has bit 8 set) also needs a
# new soname: bump TAMIS_LT_VERSION in configure.ac to CURRENT+1:0:0 first.
# `update` refuses to store an incompatible change under the same soname.
set -e
LC_ALL=C
export LC_ALL

usage () {
  echo "usage: $0 dump SRCDIR LIB OUT | update SRCDIR LIB" >&2
  exit 2
}

# The soname a description names.
abi_soname () {
  sed -n "s/^<abi-corpus [^>]*soname='\([^']*\)'.*/\1/p" "$1"
}

abi_dump () {
  abidw --headers-dir "$1/include/tamis" --drop-private-types --drop-undefined-syms \
    --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
    --type-id-style hash --out-file "$3.raw" "$2"
  sed "s|\(<abi-instr [^>]* path='\)[^']*/\(core/[^']*'\)|\1\2|" "$3.raw" >"$3"
  rm -f "$3.raw"
}

[ $# -ge 1 ] || usage
cmd=$1
shift
case "$cmd" in
  dump)
    [ $# -eq 3 ] || usage
    abi_dump "$@"
    ;;
  update)
    [ $# -eq 2 ] || usage
    srcdir=$1
    lib=$2
    stored="$srcdir/core/libtamis.abi"
    for tool in abidw abidiff; do
      if ! command -v $tool >/dev/null 2>&1; then
        echo "$0: $tool is not installed (Debian: abigail-tools; autogen.sh --install-deps installs it)" >&2
        exit 1
      fi
    done
    new="$stored.new"
    trap 'rm -f "$new" "$new.raw" "$new.diff"' EXIT
    abi_dump "$srcdir" "$lib" "$new"
    if [ -f "$stored" ]; then
      status=0
      abidiff --harmless "$stored" "$new" >"$new.diff" 2>&1 || status=$?
      if [ $((status & 3)) -ne 0 ]; then
        cat "$new.diff" >&2
        echo "$0: abidiff failed (status $status)" >&2
        exit 1
      fi
      if [ $((status & 8)) -ne 0 ] && [ "$(abi_soname "$stored")" = "$(abi_soname "$new")" ]; then
        cat "$new.diff" >&2
        echo "$0: incompatible ABI change under the same soname $(abi_soname "$new"):" >&2
        echo "$0: undo it, or bump TAMIS_LT_VERSION in configure.ac (CURRENT+1:0:0), rebuild and run make update-abi again" >&2
        exit 1
      fi
      if [ "$status" -eq 0 ] && cmp -s "$stored" "$new"; then
        echo "core/libtamis.abi is up to date"
        exit 0
      fi
      cat "$new.diff"
    fi
    mv -f "$new" "$stored"
    echo "core/libtamis.abi updated ($(abi_soname "$stored")): commit it"
    ;;
  *) usage ;;
esac
