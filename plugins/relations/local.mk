# relations: amounts of money tied to their entities (plugin, cue lists,
# tests).

plugin_LTLIBRARIES += plugins/relations.la
plugins_relations_la_SOURCES = \
	plugins/relations/relations.c \
	plugins/relations/rel-cues.c \
	plugins/relations/rel-cues.h \
	plugins/relations/rel-text.c \
	plugins/relations/rel-text.h \
	plugins/relations/rel-tie.c \
	plugins/relations/rel-tie.h
plugins_relations_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_relations_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_relations_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_relations_la_LIBADD = $(PLUGIN_LINK_LIBS) -lm

relationsfrdir = $(pkgdatadir)/relations/fr
dist_relationsfr_DATA = plugins/relations/data/fr/cues.tsv
relationsendir = $(pkgdatadir)/relations/en
dist_relationsen_DATA = plugins/relations/data/en/cues.tsv

check_PROGRAMS += tests/test-relations
TESTS += tests/test-relations tests/test-relations.sh
tests_test_relations_SOURCES = tests/test-relations.c
tests_test_relations_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_relations_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_relations_LDADD = core/libtamis.la $(GLIB_LIBS)

relations-bench: tamis$(EXEEXT) plugins/relations.la bench/segment/segbench$(EXEEXT)
	$(SHELL) $(srcdir)/bench/relations/run.sh ./tamis$(EXEEXT)
.PHONY: relations-bench

EXTRA_DIST += \
	plugins/relations/README.md \
	tests/test-relations.sh \
	tests/relations-score.py \
	tests/data/relations/fr.txt \
	tests/data/relations/en.txt \
	bench/relations/run.sh \
	bench/relations/seeds-gold.tsv \
	bench/relations/seeds-score.py
