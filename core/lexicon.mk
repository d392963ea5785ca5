# The shared lexicon matcher of the core.

tamisinclude_HEADERS += include/tamis/lexicon.h

core_libtamis_internal_la_SOURCES += \
	core/lexicon.c \
	core/lexicon-private.h \
	core/lexicon-load.c \
	core/lexicon-match.c \
	core/lexicon-fold.c \
	core/lexicon-fold.h \
	core/lexicon-trie.c \
	core/lexicon-trie.h

check_PROGRAMS += tests/test-lexicon
TESTS += tests/test-lexicon
tests_test_lexicon_SOURCES = tests/test-lexicon.c
tests_test_lexicon_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_test_lexicon_CFLAGS = $(CORE_TEST_CFLAGS)
tests_test_lexicon_LDADD = $(CORE_TEST_LIBS)
