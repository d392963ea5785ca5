# money: amounts of money (plugin, generated currency table, data, tests, bench).

plugin_LTLIBRARIES += plugins/money.la
plugins_money_la_SOURCES = \
	plugins/money/money.c \
	plugins/money/money-private.h \
	plugins/money/money-data.h \
	plugins/money/money-decimal.c \
	plugins/money/money-tokenize.c \
	plugins/money/money-lexicon.c \
	plugins/money/money-scan.c
nodist_plugins_money_la_SOURCES = plugins/money/money-gen.c
plugins_money_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -I$(top_srcdir)/plugins/money
plugins_money_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_money_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_money_la_LIBADD = $(PLUGIN_LINK_LIBS) -lm

# Currency codes, names, plurals and symbols, number and scale words: from
# Unicode CLDR and iso-codes, turned into a C table at build time.
plugins/money/money-gen.c: $(top_srcdir)/plugins/money/gen-currencies.py
	$(AM_V_GEN)$(MKDIR_P) plugins/money && \
	$(PYTHON3) $(top_srcdir)/plugins/money/gen-currencies.py \
		"$(CLDR_DIR)" "$(ISO_CODES_JSON_DIR)" $@
BUILT_SOURCES += plugins/money/money-gen.c
CLEANFILES += plugins/money/money-gen.c

moneydatadir = $(pkgdatadir)/money
dist_moneydata_DATA = \
	plugins/money/data/common.txt \
	plugins/money/data/fr.txt \
	plugins/money/data/en.txt

check_PROGRAMS += tests/test-money
TESTS += tests/test-money
tests_test_money_SOURCES = tests/test-money.c
tests_test_money_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_money_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_money_LDADD = core/libtamis.la $(GLIB_LIBS)

EXTRA_DIST += \
	plugins/money/README.md \
	plugins/money/gen-currencies.py \
	bench/money/run.sh

money-bench: tamis$(EXEEXT) plugins/money.la plugins/langid.la bench/segment/segbench$(EXEEXT)
	$(SHELL) $(srcdir)/bench/money/run.sh ./tamis$(EXEEXT)

.PHONY: money-bench
