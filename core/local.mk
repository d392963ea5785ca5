# core/: libtamis, the library every other part links.

lib_LTLIBRARIES += core/libtamis.la

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
	include/tamis/run.h
nodist_tamisinclude_HEADERS = include/tamis/version.h

core_libtamis_la_SOURCES = \
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
	core/reader.c \
	core/writer.c \
	core/run.c \
	core/document-private.h \
	core/io-private.h
core_libtamis_la_CPPFLAGS = \
	-I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/core \
	-DTAMIS_PLUGINDIR='"$(plugindir)"' \
	-DTAMIS_PKGDATADIR='"$(pkgdatadir)"' \
	-DTAMIS_BUILDDIR='"$(abs_top_builddir)"' \
	-DTAMIS_SRCDIR='"$(abs_top_srcdir)"' \
	-DG_LOG_DOMAIN='"tamis"'
core_libtamis_la_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(YAML_CFLAGS) $(JSON_CFLAGS)
core_libtamis_la_LIBADD = $(GLIB_LIBS) $(YAML_LIBS) $(JSON_LIBS) $(LTDL_LIBS)
core_libtamis_la_LDFLAGS = -version-info $(TAMIS_LT_VERSION) -no-undefined \
	-export-symbols-regex '^tamis_'
