# libtamis: the library every other part links.

lib_LTLIBRARIES += libtamis/libtamis.la

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

libtamis_libtamis_la_SOURCES = \
	libtamis/error.c \
	libtamis/document.c \
	libtamis/yaml-tree.c \
	libtamis/yaml-tree.h \
	libtamis/config.c \
	libtamis/config-private.h \
	libtamis/paths.c \
	libtamis/paths.h \
	libtamis/loader.c \
	libtamis/loader.h \
	libtamis/registry.c \
	libtamis/registry-private.h \
	libtamis/pipeline.c \
	libtamis/reader.c \
	libtamis/writer.c \
	libtamis/run.c \
	libtamis/document-private.h \
	libtamis/io-private.h
libtamis_libtamis_la_CPPFLAGS = \
	-I$(top_srcdir)/include -I$(top_builddir)/include -I$(top_srcdir)/libtamis \
	-DTAMIS_PLUGINDIR='"$(plugindir)"' \
	-DTAMIS_PKGDATADIR='"$(pkgdatadir)"' \
	-DTAMIS_BUILDDIR='"$(abs_top_builddir)"' \
	-DTAMIS_SRCDIR='"$(abs_top_srcdir)"' \
	-DG_LOG_DOMAIN='"tamis"'
libtamis_libtamis_la_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(YAML_CFLAGS) $(JSON_CFLAGS)
libtamis_libtamis_la_LIBADD = $(GLIB_LIBS) $(YAML_LIBS) $(JSON_LIBS) $(LTDL_LIBS)
libtamis_libtamis_la_LDFLAGS = -version-info $(TAMIS_LT_VERSION) -no-undefined \
	-export-symbols-regex '^tamis_'
