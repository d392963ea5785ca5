# The exported ABI of libtamis, and the public headers as C and C++.
#
# core/libtamis.sym   the functions libtamis.so exports (libtool
#                     -export-symbols): exactly those the public headers
#                     declare. `make update-symbols` regenerates it.

# The public headers, relative to the source tree (version.h as its
# template, which declares the same things).
ABI_HEADER_FILES = $(tamisinclude_HEADERS) include/tamis/version.h.in

update-symbols:
	$(AM_V_GEN)cd $(srcdir) && \
	  $(SHELL) tests/abi/public-api.sh functions $(ABI_HEADER_FILES) | \
	  cut -d' ' -f1 > core/libtamis.sym.tmp && \
	  mv -f core/libtamis.sym.tmp core/libtamis.sym

EXTRA_DIST += tests/abi/public-api.sh

.PHONY: update-symbols
