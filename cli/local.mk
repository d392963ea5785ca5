# The tamis command-line tool, built on the public API only.

bin_PROGRAMS += tamis
tamis_SOURCES = \
	cli/main.c \
	cli/cli.h \
	cli/cmd-run.c \
	cli/cmd-check.c \
	cli/cmd-plugins.c \
	cli/describe.c
tamis_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include -DG_LOG_DOMAIN='"tamis"'
tamis_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tamis_LDADD = core/libtamis.la $(GLIB_LIBS)

man1_MANS += doc/tamis.1
EXTRA_DIST += doc/tamis.1
