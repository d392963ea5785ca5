# langid: language identification (plugin, training tool, model, tests).

plugin_LTLIBRARIES += plugins/langid.la
plugins_langid_la_SOURCES = \
	plugins/langid/langid.c \
	plugins/langid/langid-clean.c \
	plugins/langid/langid-clean.h \
	plugins/langid/langid-doc.c \
	plugins/langid/langid-doc.h \
	plugins/langid/langid-roman.c \
	plugins/langid/langid-roman.h \
	plugins/langid/langid-model.c \
	plugins/langid/langid-model.h \
	plugins/langid/langid-pairs.c \
	plugins/langid/langid-pairs.h \
	plugins/langid/langid-text.c \
	plugins/langid/langid-text.h
plugins_langid_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_langid_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_langid_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_langid_la_LIBADD = $(PLUGIN_LINK_LIBS) -lm

# The training tool: text per language in, model out (and --eval).
bin_PROGRAMS += plugins/langid/tamis-train-langid
plugins_langid_tamis_train_langid_SOURCES = \
	plugins/langid/langid-clean.c \
	plugins/langid/langid-clean.h \
	plugins/langid/train.c \
	plugins/langid/langid-model.c \
	plugins/langid/langid-model.h \
	plugins/langid/langid-text.c \
	plugins/langid/langid-text.h
plugins_langid_tamis_train_langid_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_langid_tamis_train_langid_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
plugins_langid_tamis_train_langid_LDADD = core/libtamis.la $(GLIB_LIBS) -lm

langiddatadir = $(pkgdatadir)/langid
dist_langiddata_DATA = plugins/langid/data/langid.model plugins/langid/data/pairs.tsv

EXTRA_DIST += \
	plugins/langid/README.md \
	plugins/langid/fetch-training.sh \
	plugins/langid/extract-training.py \
	plugins/langid/train-pairs.py \
	bench/langid/run.sh \
	bench/langid/cld2-driver.cc \
	bench/langid/textcat-driver.c \
	bench/langid/tamis-driver.c \
	bench/langid/score.py \
	bench/langid/calibration.py \
	bench/langid/pairs.sh

check_PROGRAMS += tests/test-langid
TESTS += tests/test-langid
tests_test_langid_SOURCES = tests/test-langid.c
tests_test_langid_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_langid_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_langid_LDADD = core/libtamis.la $(GLIB_LIBS)

# Regenerates the committed model from Debian packages (needs the network
# and apt-get; a normal build uses the committed file).
LANGID_WORKDIR = $(abs_top_builddir)/langid-training
LANGID_TOP = 2500,0,0,0,7500
langid-model: plugins/langid/tamis-train-langid$(EXEEXT)
	$(SHELL) $(srcdir)/plugins/langid/fetch-training.sh $(LANGID_WORKDIR)
	plugins/langid/tamis-train-langid$(EXEEXT) --top $(LANGID_TOP) \
	  -o $(srcdir)/plugins/langid/data/langid.model $(LANGID_WORKDIR)/text/train
	python3 $(srcdir)/plugins/langid/train-pairs.py $(LANGID_WORKDIR)/text/train \
	  $(srcdir)/plugins/langid/data/pairs.tsv
	plugins/langid/tamis-train-langid$(EXEEXT) --eval -m $(srcdir)/plugins/langid/data/langid.model \
	  $(LANGID_WORKDIR)/text/dev/short.tsv $(LANGID_WORKDIR)/text/dev/medium.tsv $(LANGID_WORKDIR)/text/dev/long.tsv

# The side-by-side measure against CLD2 and libexttextcat (bench/langid/).
langid-bench: plugins/langid.la
	$(SHELL) $(srcdir)/bench/langid/run.sh $(LANGID_WORKDIR)

.PHONY: langid-model langid-bench
