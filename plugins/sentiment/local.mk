# sentiment: polarity of sentences, documents and entities (plugin, cue
# lexicons, tests).

plugin_LTLIBRARIES += plugins/sentiment.la
plugins_sentiment_la_SOURCES = \
	plugins/sentiment/sentiment.c \
	plugins/sentiment/senti-lex.c \
	plugins/sentiment/senti-lex.h \
	plugins/sentiment/senti-score.c \
	plugins/sentiment/senti-score.h
plugins_sentiment_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_sentiment_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_sentiment_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_sentiment_la_LIBADD = $(PLUGIN_LINK_LIBS) -lm

sentimentcommondir = $(pkgdatadir)/sentiment/common
dist_sentimentcommon_DATA = plugins/sentiment/data/common/emoji.tsv
sentimentfrdir = $(pkgdatadir)/sentiment/fr
dist_sentimentfr_DATA = \
	plugins/sentiment/data/fr/directions.tsv \
	plugins/sentiment/data/fr/rules.tsv \
	plugins/sentiment/data/fr/lexicon.tsv
sentimentendir = $(pkgdatadir)/sentiment/en
dist_sentimenten_DATA = \
	plugins/sentiment/data/en/directions.tsv \
	plugins/sentiment/data/en/rules.tsv \
	plugins/sentiment/data/en/lexicon.tsv

check_PROGRAMS += tests/test-sentiment
TESTS += tests/test-sentiment
tests_test_sentiment_SOURCES = tests/test-sentiment.c
tests_test_sentiment_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_sentiment_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_sentiment_LDADD = core/libtamis.la $(GLIB_LIBS)

EXTRA_DIST += \
	plugins/sentiment/README.md \
	plugins/sentiment/data/SOURCES.md \
	plugins/sentiment/data/check-lexicon.py \
	plugins/sentiment/data/make-lexicon.py \
	plugins/sentiment/data/src/en.txt \
	plugins/sentiment/data/src/fr.txt \
	plugins/sentiment/data/src/en-directions.txt \
	plugins/sentiment/data/src/fr-directions.txt
