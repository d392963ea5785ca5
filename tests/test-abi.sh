#!/bin/sh
# The ABI of libtamis against its stored description, core/libtamis.abi
# (abidw's, public types only; tests/abi/abi.sh has the rule):
#   - any difference, harmless ones included (a renamed struct member, say:
#     abidiff --harmless), fails until `make update-abi` records the new
#     ABI, so that the stored description always describes the library;
#   - an incompatible change (abidiff's exit status has bit 8: a function
#     removed, a type or a signature changed) fails unless the soname was
#     bumped (TAMIS_LT_VERSION in configure.ac) compared with the stored one,
#     and `make update-abi` refuses to record it otherwise.
# Skipped without abidiff, without debug information (a build without -g),
# or when the stored description is for another architecture.
. "$TAMIS_SRCDIR/tests/tap.sh"

LIB="$TAMIS_BUILDDIR/core/.libs/libtamis.so"
STORED="$TAMIS_SRCDIR/core/libtamis.abi"
ABI_SH="$TAMIS_SRCDIR/tests/abi/abi.sh"
T=$tap_tmp

for tool in abidw abidiff; do
  command -v $tool >/dev/null 2>&1 ||
    tap_skip_all "$tool is not installed (Debian: abigail-tools; autogen.sh --install-deps installs it)"
done
[ -f "$LIB" ] || tap_skip_all "core/.libs/libtamis.so is not built (a shared build on ELF is needed)"
if command -v readelf >/dev/null 2>&1 && ! readelf -S "$LIB" | grep -q '\.debug_info'; then
  tap_skip_all "libtamis.so has no debug information (built without -g): no types to compare"
fi

check "core/libtamis.abi exists (make update-abi writes it)" test -f "$STORED"
[ -f "$STORED" ] || { tap_done; exit 1; }

${SHELL:-sh} "$ABI_SH" dump "$TAMIS_SRCDIR" "$LIB" "$T/built.abi" 2>"$T/abidw.err"
check "abidw describes the built library" test -s "$T/built.abi"
tap_diag "$T/abidw.err"
[ -s "$T/built.abi" ] || { tap_done; exit 1; }

attr () { sed -n "s/^<abi-corpus [^>]*$1='\([^']*\)'.*/\1/p" "$2"; }
stored_arch=$(attr architecture "$STORED")
built_arch=$(attr architecture "$T/built.abi")
if [ "$stored_arch" != "$built_arch" ]; then
  tap_skip "core/libtamis.abi describes $stored_arch, this build is $built_arch: type sizes cannot be compared"
  tap_done
  exit 0
fi
stored_soname=$(attr soname "$STORED")
built_soname=$(attr soname "$T/built.abi")

status=0
abidiff --harmless "$STORED" "$T/built.abi" >"$T/diff" 2>&1 || status=$?
check "abidiff compares core/libtamis.abi with the library" test $((status & 3)) -eq 0
[ $((status & 3)) -eq 0 ] || { tap_diag "$T/diff"; tap_done; exit 1; }

if [ $((status & 8)) -eq 0 ]; then
  tap_ok "no incompatible ABI change"
elif [ "$stored_soname" != "$built_soname" ]; then
  tap_ok "incompatible ABI change, under a new soname ($stored_soname -> $built_soname)"
else
  tap_not_ok "incompatible ABI change under the same soname $built_soname (abidiff below): undo it, or bump TAMIS_LT_VERSION in configure.ac to CURRENT+1:0:0, rebuild and run make update-abi"
  tap_diag "$T/diff"
fi

if [ "$status" -eq 0 ]; then
  tap_ok "core/libtamis.abi describes the built library"
elif [ $((status & 8)) -ne 0 ] && [ "$stored_soname" = "$built_soname" ]; then
  tap_not_ok "core/libtamis.abi does not describe the built library: bump the soname as said above, then run make update-abi and commit core/libtamis.abi"
else
  tap_not_ok "core/libtamis.abi does not describe the built library (abidiff below): run make update-abi and commit core/libtamis.abi"
  tap_diag "$T/diff"
fi

tap_done
