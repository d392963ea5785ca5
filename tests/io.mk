# Tests of the readers and writers. They include the core's private
# document header, so they build with the core's include path, and call
# internal functions that libtamis.so does not export: they link the core's
# objects statically (core/libtamis-internal.la, see core/local.mk). They
# load no plugin module, so the process holds one copy of the core.

IO_TEST_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/core
IO_TEST_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(JSON_CFLAGS)
# json-c last: it exports a few functions named as json-glib's
# (json_object_iter_next...), and the core means json-glib's.
IO_TEST_LIBS = core/libtamis-internal.la $(GLIB_LIBS) $(JSON_LIBS) $(SQLITE_LIBS) $(JSONC_LIBS)

io_tests = tests/test-reader tests/test-writer tests/test-writer-sqlite tests/test-writer-html \
	tests/test-json-write tests/test-utf8 tests/test-jsonl-fast
check_PROGRAMS += $(io_tests)
TESTS += $(io_tests)

tests_test_reader_SOURCES = tests/test-reader.c
tests_test_reader_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_reader_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_reader_LDADD = $(IO_TEST_LIBS)
tests_test_writer_SOURCES = tests/test-writer.c
tests_test_writer_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_writer_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_writer_LDADD = $(IO_TEST_LIBS)
tests_test_writer_sqlite_SOURCES = tests/test-writer-sqlite.c
tests_test_writer_sqlite_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_writer_sqlite_CFLAGS = $(IO_TEST_CFLAGS) $(SQLITE_CFLAGS)
tests_test_writer_sqlite_LDADD = $(IO_TEST_LIBS)
tests_test_writer_html_SOURCES = tests/test-writer-html.c
tests_test_writer_html_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_writer_html_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_writer_html_LDADD = $(IO_TEST_LIBS)
tests_test_json_write_SOURCES = tests/test-json-write.c
tests_test_json_write_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_json_write_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_json_write_LDADD = $(IO_TEST_LIBS)
tests_test_utf8_SOURCES = tests/test-utf8.c
tests_test_utf8_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_utf8_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_utf8_LDADD = $(IO_TEST_LIBS)
tests_test_jsonl_fast_SOURCES = tests/test-jsonl-fast.c
tests_test_jsonl_fast_CPPFLAGS = $(IO_TEST_CPPFLAGS)
tests_test_jsonl_fast_CFLAGS = $(IO_TEST_CFLAGS)
tests_test_jsonl_fast_LDADD = $(IO_TEST_LIBS)
