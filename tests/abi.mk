# The exported ABI of libtamis, and the public headers as C and C++.
#
# core/libtamis.sym   the functions libtamis.so exports (libtool
#                     -export-symbols): exactly those the public headers
#                     declare. `make update-symbols` regenerates it.
# core/libtamis.abi   abidw's description of the built library, public
#                     types only; `make update-abi` regenerates it, and
#                     refuses an incompatible change (abidiff: functions or
#                     types removed or changed) unless the soname was bumped
#                     (TAMIS_LT_VERSION in configure.ac). The rule is in
#                     tests/abi/abi.sh.
#
# Tests:
#   test-exports.sh  libtamis.so exports exactly core/libtamis.sym, which is
#                    exactly the documented functions of the public headers
#   test-abi.sh      abidiff of core/libtamis.abi and the built library:
#                    fails on any change until `make update-abi` records it,
#                    and on an incompatible change without a soname bump
#   test-headers.sh  each public header compiles alone as C11 and as C++20

# The public headers, relative to the source tree (version.h as its
# template, which declares the same things).
ABI_HEADER_FILES = $(tamisinclude_HEADERS) include/tamis/version.h.in

# Both write into the source tree: they are for developers, never run by
# a build or a test. update-abi first updates the list, relinks the
# library, then records its ABI: after a change to the public headers,
# `make update-abi` is the one command to run (then commit both files).
update-symbols:
	$(AM_V_GEN)cd $(srcdir) && \
	  $(SHELL) tests/abi/public-api.sh functions $(ABI_HEADER_FILES) | \
	  cut -d' ' -f1 > core/libtamis.sym.tmp && \
	  if cmp -s core/libtamis.sym.tmp core/libtamis.sym; then \
	    rm -f core/libtamis.sym.tmp; \
	  else \
	    mv -f core/libtamis.sym.tmp core/libtamis.sym && echo "core/libtamis.sym updated: commit it"; \
	  fi

update-abi: update-symbols
	$(MAKE) $(AM_MAKEFLAGS) core/libtamis.la
	$(AM_V_GEN)$(SHELL) $(srcdir)/tests/abi/abi.sh update $(srcdir) core/.libs/libtamis.so

TESTS += tests/test-exports.sh tests/test-abi.sh tests/test-headers.sh

# test-headers.sh compiles with configure's C compiler and GLib flags,
# which it reads from this file, and with $CXX (default g++) when it is
# installed.
check_DATA = tests/test-headers.env
tests/test-headers.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests && \
	{ echo "# Written by make: the compilers of test-headers.sh."; \
	  echo "TAMIS_CC='$(CC)'"; \
	  echo "TAMIS_GLIB_CFLAGS='$(GLIB_CFLAGS)'"; } > $@
CLEANFILES += tests/test-headers.env

EXTRA_DIST += \
	tests/cxx-plugin.cc \
	core/libtamis.abi \
	tests/abi/public-api.sh \
	tests/abi/abi.sh \
	tests/test-exports.sh \
	tests/test-abi.sh \
	tests/test-headers.sh

.PHONY: update-symbols update-abi
