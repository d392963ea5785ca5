# core/: libtamis, the library every other part links.

lib_LTLIBRARIES += core/libtamis.la

# Every object of the library goes into a convenience library first;
# libtamis.so is made from it and exports only the functions of
# core/libtamis.sym, the public API (tests/abi.mk checks it: `make
# update-symbols` regenerates it from the headers). Unit tests that need
# internal functions link the convenience library instead, statically; such
# a test must not load plugin modules, which link the shared library and
# would see a second copy of the core's global state.
noinst_LTLIBRARIES += core/libtamis-internal.la

tamisincludedir = $(includedir)/tamis
tamisinclude_HEADERS = \
	include/tamis/tamis.h \
	include/tamis/error.h \
	include/tamis/document.h \
	include/tamis/config.h \
	include/tamis/plugin.h \
	include/tamis/registry.h \
	include/tamis/pipeline.h \
	include/tamis/io.h \
	include/tamis/run.h \
	include/tamis/summary.h
nodist_tamisinclude_HEADERS = include/tamis/version.h

core_libtamis_internal_la_SOURCES = \
	core/error.c \
	core/document.c \
	core/yaml-tree.c \
	core/yaml-tree.h \
	core/config.c \
	core/config-private.h \
	core/paths.c \
	core/paths.h \
	core/loader.c \
	core/loader.h \
	core/registry.c \
	core/registry-private.h \
	core/schema.c \
	core/schema.h \
	core/pipeline.c \
	core/where.c \
	core/where.h \
	core/reader.c \
	core/json-scan.c \
	core/json-scan.h \
	core/writer.c \
	core/json-write.c \
	core/json-write.h \
	core/writer-sqlite.c \
	core/writer-sqlite-pack.c \
	core/writer-sqlite-private.h \
	core/writer-html.c \
	core/writer-html.h \
	core/writer-table.c \
	core/writer-table.h \
	core/run.c \
	core/watchdog.c \
	core/watchdog-private.h \
	core/summary.c \
	core/summary-doc.c \
	core/summary-record.c \
	core/summary-json.c \
	core/summary-private.h \
	core/document-private.h \
	core/utf8-private.h \
	core/io-private.h \
	core/tsan-private.h \
	core/pipeline-private.h
nodist_core_libtamis_internal_la_SOURCES = \
	core/report-resources.c \
	core/report-resources.h
core_libtamis_internal_la_CPPFLAGS = \
	-I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/core -I$(top_builddir)/core \
	-DTAMIS_BUILDDIR='"$(abs_top_builddir)"' \
	-DTAMIS_SRCDIR='"$(abs_top_srcdir)"' \
	-DG_LOG_DOMAIN='"tamis"'
core_libtamis_internal_la_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(YAML_CFLAGS) $(JSON_CFLAGS) $(JSONC_CFLAGS) $(SQLITE_CFLAGS)
core_libtamis_internal_la_LIBADD = $(GLIB_LIBS) $(YAML_LIBS) $(JSON_LIBS) $(JSONC_LIBS) $(SQLITE_LIBS) $(LTDL_LIBS) -lm

core_libtamis_la_SOURCES =
core_libtamis_la_LIBADD = core/libtamis-internal.la
core_libtamis_la_LDFLAGS = -version-info $(TAMIS_LT_VERSION) -no-undefined \
	-export-symbols $(srcdir)/core/libtamis.sym
EXTRA_core_libtamis_la_DEPENDENCIES = $(srcdir)/core/libtamis.sym
EXTRA_DIST += core/libtamis.sym

# The HTML report's page, style sheet and script (core/report/) are real
# files, compiled into the library with GResource; writer-html.c registers
# the resource when it first needs it.
REPORT_ASSETS = \
	core/report/report.html \
	core/report/report.css \
	core/report/report.js
REPORT_GRESOURCE = core/report/report.gresource.xml
EXTRA_DIST += $(REPORT_ASSETS) $(REPORT_GRESOURCE)
BUILT_SOURCES += core/report-resources.c core/report-resources.h
CLEANFILES += core/report-resources.c core/report-resources.h
REPORT_RESOURCE_FLAGS = --sourcedir=$(srcdir)/core/report --c-name tamis_report --manual-register --internal

core/report-resources.c: $(srcdir)/$(REPORT_GRESOURCE) $(REPORT_ASSETS:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) core && \
	  $(GLIB_COMPILE_RESOURCES) $(REPORT_RESOURCE_FLAGS) --generate-source --target=$@ $(srcdir)/$(REPORT_GRESOURCE)
core/report-resources.h: $(srcdir)/$(REPORT_GRESOURCE)
	$(AM_V_GEN)$(MKDIR_P) core && \
	  $(GLIB_COMPILE_RESOURCES) $(REPORT_RESOURCE_FLAGS) --generate-header --target=$@ $(srcdir)/$(REPORT_GRESOURCE)
# Also for builds of single targets, which skip BUILT_SOURCES.
$(core_libtamis_internal_la_OBJECTS): core/report-resources.h
