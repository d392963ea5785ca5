# segment: tokens and sentences (plugin, abbreviation lists, tests, bench).

plugin_LTLIBRARIES += plugins/segment.la
plugins_segment_la_SOURCES = \
	plugins/segment/segment.c \
	plugins/segment/scan.c \
	plugins/segment/scan.h \
	plugins/segment/chars.c \
	plugins/segment/chars.h \
	plugins/segment/abbrev.c \
	plugins/segment/abbrev.h
plugins_segment_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_segment_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_segment_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_segment_la_LIBADD = $(PLUGIN_LINK_LIBS)

segmentfrdir = $(pkgdatadir)/segment/fr
dist_segmentfr_DATA = plugins/segment/data/fr/abbreviations.txt
segmentendir = $(pkgdatadir)/segment/en
dist_segmenten_DATA = plugins/segment/data/en/abbreviations.txt

check_PROGRAMS += tests/test-segment
TESTS += tests/test-segment
tests_test_segment_SOURCES = tests/test-segment.c
tests_test_segment_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_segment_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_segment_LDADD = core/libtamis.la $(GLIB_LIBS)

# The speed driver: runs a pipeline over files with the library alone, so
# that the plugin can be timed without the CLI's reading and writing.
noinst_PROGRAMS += bench/segment/segbench
bench_segment_segbench_SOURCES = bench/segment/segbench.c
bench_segment_segbench_CPPFLAGS = $(PLUGIN_CPPFLAGS)
bench_segment_segbench_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
bench_segment_segbench_LDADD = core/libtamis.la $(GLIB_LIBS)

EXTRA_DIST += \
	plugins/segment/README.md \
	bench/segment/run.sh \
	bench/segment/make-corpus.py

segment-bench: tamis$(EXEEXT) plugins/segment.la bench/segment/segbench$(EXEEXT)
	PYTHON3='$(PYTHON3)' $(SHELL) $(srcdir)/bench/segment/run.sh ./tamis$(EXEEXT)

.PHONY: segment-bench
