# Fuzzing: libFuzzer targets for the parsers and the plugins, and their
# corpora replayed by make check (tests/fuzz/README.md).

fuzz_targets = pipeline jsonl text segment langid money lexicon entities sentiment relations

# ---- make check: each corpus replayed by a plain program ----
#
# The targets are linked with a small main() instead of libFuzzer, with the
# core's objects statically (core/libtamis-internal.la) and the plugins'
# sources compiled in and registered with tamis_registry_register(): no
# module is loaded, so the process holds one copy of the core.

check_LTLIBRARIES += tests/fuzz/libfuzz-support.la
tests_fuzz_libfuzz_support_la_SOURCES = \
	tests/fuzz/fuzz-common.c \
	tests/fuzz/fuzz-common.h \
	$(plugins_segment_la_SOURCES) \
	$(plugins_langid_la_SOURCES) \
	$(plugins_money_la_SOURCES) \
	$(plugins_entities_la_SOURCES) \
	$(plugins_sentiment_la_SOURCES) \
	$(plugins_relations_la_SOURCES)
nodist_tests_fuzz_libfuzz_support_la_SOURCES = $(nodist_plugins_money_la_SOURCES)
tests_fuzz_libfuzz_support_la_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_libfuzz_support_la_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(JSON_CFLAGS)

FUZZ_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/core \
	-I$(top_srcdir)/plugins/money -I$(top_srcdir)/tests/fuzz
# json-c after json-glib: see IO_TEST_LIBS in tests/io.mk.
FUZZ_REPLAY_LIBS = tests/fuzz/libfuzz-support.la core/libtamis-internal.la \
	$(GLIB_LIBS) $(JSON_LIBS) -lm $(JSONC_LIBS)

fuzz_replays = tests/fuzz/replay-pipeline tests/fuzz/replay-jsonl tests/fuzz/replay-text \
	tests/fuzz/replay-segment tests/fuzz/replay-langid tests/fuzz/replay-money \
	tests/fuzz/replay-lexicon tests/fuzz/replay-entities tests/fuzz/replay-sentiment \
	tests/fuzz/replay-relations
check_PROGRAMS += $(fuzz_replays)
TESTS += $(fuzz_replays)

tests_fuzz_replay_pipeline_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-pipeline.c
tests_fuzz_replay_pipeline_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_pipeline_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_pipeline_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_jsonl_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-jsonl.c
tests_fuzz_replay_jsonl_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_jsonl_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_jsonl_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_text_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-text.c
tests_fuzz_replay_text_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_text_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_text_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_segment_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-segment.c
tests_fuzz_replay_segment_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_segment_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_segment_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_langid_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-langid.c
tests_fuzz_replay_langid_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_langid_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_langid_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_money_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-money.c
tests_fuzz_replay_money_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_money_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_money_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_lexicon_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-lexicon.c
tests_fuzz_replay_lexicon_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_lexicon_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_lexicon_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_entities_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-entities.c
tests_fuzz_replay_entities_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_entities_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_entities_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_sentiment_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-sentiment.c
tests_fuzz_replay_sentiment_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_sentiment_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_sentiment_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_relations_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-relations.c
tests_fuzz_replay_relations_CPPFLAGS = $(FUZZ_CPPFLAGS)
tests_fuzz_replay_relations_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_fuzz_replay_relations_LDADD = $(FUZZ_REPLAY_LIBS)

# The corpora: a folder per target, copied whole into the tarball (their
# file names are hashes, too many to list here).
EXTRA_DIST += tests/fuzz/README.md tests/fuzz/seeds.py
dist-hook: dist-fuzz-corpus
dist-fuzz-corpus:
	$(MKDIR_P) $(distdir)/tests/fuzz
	cp -R $(srcdir)/tests/fuzz/corpus $(distdir)/tests/fuzz/
	chmod -R u+w $(distdir)/tests/fuzz/corpus

# ---- make fuzz: the libFuzzer binaries, with clang ----
#
# The library's and the plugins' sources are compiled again by $(FUZZ_CC)
# with coverage instrumentation and the sanitizers, outside libtool, into
# tests/fuzz/clang/, and each target is linked with all of them.

FUZZ_CC = clang
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer $(FUZZ_SANITIZE)
FUZZ_OBJDIR = tests/fuzz/clang
FUZZ_DEFS = -DTAMIS_BUILDDIR='"$(abs_top_builddir)"' -DTAMIS_SRCDIR='"$(abs_top_srcdir)"'
FUZZ_ALL_CPPFLAGS = -I$(top_builddir) $(FUZZ_CPPFLAGS) $(FUZZ_DEFS) \
	$(GLIB_CFLAGS) $(YAML_CFLAGS) $(JSON_CFLAGS) $(SQLITE_CFLAGS)
FUZZ_LIB_SRCS = \
	$(filter %.c,$(core_libtamis_internal_la_SOURCES)) \
	$(filter %.c,$(nodist_core_libtamis_internal_la_SOURCES)) \
	$(filter %.c,$(tests_fuzz_libfuzz_support_la_SOURCES)) \
	$(nodist_tests_fuzz_libfuzz_support_la_SOURCES)
FUZZ_LIB_OBJS = $(FUZZ_LIB_SRCS:%.c=$(FUZZ_OBJDIR)/%.o)
FUZZ_BINARIES = $(fuzz_targets:%=$(FUZZ_OBJDIR)/fuzz-%)

fuzz: $(FUZZ_BINARIES)

$(FUZZ_OBJDIR)/%.o: %.c config.h include/tamis/version.h $(BUILT_SOURCES)
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_OBJDIR)/fuzz-%: $(FUZZ_OBJDIR)/tests/fuzz/fuzz-%.o $(FUZZ_LIB_OBJS)
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ \
	  $(GLIB_LIBS) $(YAML_LIBS) $(JSON_LIBS) $(SQLITE_LIBS) $(LTDL_LIBS) -ldl -lm

clean-local: clean-fuzz
clean-fuzz:
	rm -rf $(FUZZ_OBJDIR)

# keep the objects between builds: make would delete them as intermediate
.PRECIOUS: $(FUZZ_OBJDIR)/%.o

.PHONY: fuzz clean-fuzz dist-fuzz-corpus
