# Lexicon matching benchmark (bench/lexicon/README.md): the driver is built
# by `make check` and `make lexicon-bench`, not by the default build.

check_PROGRAMS += bench/lexicon/lexbench
bench_lexicon_lexbench_SOURCES = bench/lexicon/lexbench.c
bench_lexicon_lexbench_CPPFLAGS = $(PLUGIN_CPPFLAGS)
bench_lexicon_lexbench_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
bench_lexicon_lexbench_LDADD = core/libtamis.la $(GLIB_LIBS)

EXTRA_DIST += \
	bench/lexicon/README.md \
	bench/lexicon/run.sh \
	bench/lexicon/make-lexicon.py

lexicon-bench: bench/lexicon/lexbench$(EXEEXT)
	PYTHON3='$(PYTHON3)' $(SHELL) $(srcdir)/bench/lexicon/run.sh bench/lexicon/lexbench$(EXEEXT)

.PHONY: lexicon-bench
