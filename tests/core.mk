# Unit tests of the core library, and the small plugin modules they load:
# a working one with options of every type, and deliberately broken ones.

TEST_MODULE_FLAGS = -module -avoid-version -no-undefined -shared -rpath /nowhere

check_LTLIBRARIES += tests/modules/probe.la tests/modules/nodesc.la \
	tests/modules/wrongabi.la tests/modules/failcreate.la tests/modules/needy.la \
	tests/modules/langset.la tests/modules/rogue.la
tests_modules_probe_la_SOURCES = tests/modules/probe.c
tests_modules_probe_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_probe_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_probe_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_probe_la_LIBADD = core/libtamis.la $(GLIB_LIBS)
tests_modules_nodesc_la_SOURCES = tests/modules/nodesc.c
tests_modules_nodesc_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_nodesc_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_wrongabi_la_SOURCES = tests/modules/wrongabi.c
tests_modules_wrongabi_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_wrongabi_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_wrongabi_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_failcreate_la_SOURCES = tests/modules/failcreate.c
tests_modules_failcreate_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_failcreate_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_failcreate_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_failcreate_la_LIBADD = core/libtamis.la $(GLIB_LIBS)

tests_modules_needy_la_SOURCES = tests/modules/needy.c
tests_modules_needy_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_needy_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_needy_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_needy_la_LIBADD = core/libtamis.la $(GLIB_LIBS)

tests_modules_langset_la_SOURCES = tests/modules/langset.c
tests_modules_langset_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_langset_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_langset_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_langset_la_LIBADD = core/libtamis.la $(GLIB_LIBS)

tests_modules_rogue_la_SOURCES = tests/modules/rogue.c
tests_modules_rogue_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_rogue_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_rogue_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_rogue_la_LIBADD = core/libtamis.la $(GLIB_LIBS)

# Plugins that break one rule each, for tamis plugins --check.
check_LTLIBRARIES += tests/modules/crashy.la tests/modules/leaky.la \
	tests/modules/racy.la tests/modules/mute.la
tests_modules_crashy_la_SOURCES = tests/modules/crashy.c
tests_modules_crashy_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_crashy_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_crashy_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_crashy_la_LIBADD = core/libtamis.la $(GLIB_LIBS)
tests_modules_leaky_la_SOURCES = tests/modules/leaky.c
tests_modules_leaky_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_leaky_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_leaky_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_leaky_la_LIBADD = core/libtamis.la $(GLIB_LIBS)
tests_modules_racy_la_SOURCES = tests/modules/racy.c
tests_modules_racy_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_racy_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_racy_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_racy_la_LIBADD = core/libtamis.la $(GLIB_LIBS)
tests_modules_mute_la_SOURCES = tests/modules/mute.c
tests_modules_mute_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_modules_mute_la_CFLAGS = $(PLUGIN_CFLAGS)
tests_modules_mute_la_LDFLAGS = $(TEST_MODULE_FLAGS)
tests_modules_mute_la_LIBADD = core/libtamis.la $(GLIB_LIBS)

CORE_TEST_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/core
CORE_TEST_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(JSON_CFLAGS)
CORE_TEST_LIBS = core/libtamis.la $(GLIB_LIBS) $(JSON_LIBS)

core_tests = tests/test-document tests/test-pipeline tests/test-registry tests/test-summary
check_PROGRAMS += $(core_tests)
TESTS += $(core_tests)

tests_test_document_SOURCES = tests/test-document.c
tests_test_document_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_test_document_CFLAGS = $(CORE_TEST_CFLAGS)
tests_test_document_LDADD = $(CORE_TEST_LIBS)
tests_test_pipeline_SOURCES = tests/test-pipeline.c
tests_test_pipeline_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_test_pipeline_CFLAGS = $(CORE_TEST_CFLAGS)
tests_test_pipeline_LDADD = $(CORE_TEST_LIBS)
tests_test_registry_SOURCES = tests/test-registry.c
tests_test_registry_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_test_registry_CFLAGS = $(CORE_TEST_CFLAGS)
tests_test_registry_LDADD = $(CORE_TEST_LIBS)
tests_test_summary_SOURCES = tests/test-summary.c
tests_test_summary_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_test_summary_CFLAGS = $(CORE_TEST_CFLAGS)
tests_test_summary_LDADD = $(CORE_TEST_LIBS)
