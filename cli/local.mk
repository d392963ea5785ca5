# The tamis command-line tool, built on the public API only.

bin_PROGRAMS += tamis
tamis_SOURCES = \
	cli/main.c \
	cli/cli.h \
	cli/cmd-run.c \
	cli/cmd-report.c \
	cli/output.c \
	cli/output.h \
	cli/line-stream.c \
	cli/line-stream.h \
	cli/cmd-check.c \
	cli/cmd-plugins.c \
	cli/cmd-plugin-check.c \
	cli/plugin-check.h \
	cli/plugin-check-docs.c \
	cli/describe.c \
	cli/cmd-evaluate.c \
	cli/cmd-summary.c \
	cli/cmd-merge.c \
	cli/shard.c \
	cli/shard.h \
	cli/evaluate.h \
	cli/evaluate-records.c \
	cli/evaluate-score.c \
	cli/evaluate-report.c
tamis_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include -DG_LOG_DOMAIN='"tamis"'
tamis_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(JSON_CFLAGS)
tamis_LDADD = core/libtamis.la $(GLIB_LIBS) $(JSON_LIBS)

man1_MANS += doc/tamis.1
EXTRA_DIST += doc/tamis.1

if BUILTIN_PLUGINS
# ./configure --enable-builtin-plugins: the plugins of this tree linked into
# tamis and preloaded with libltdl (-dlpreopen). Preopening wants a static
# archive, and the plugin modules have none: LT_INIT([disable-static]) and
# -shared make them shared only. Each gets a static twin instead, archived
# from the module's own objects (nothing is compiled twice). The -rpath
# keeps a twin from being a convenience library, which a program may not
# preopen; it is never installed. A twin bears its plugin's name, which
# libltdl takes as the module name: its symbols are NAME_LTX_….
BUILTIN_PLUGIN_LINK_FLAGS = -module -avoid-version -static -rpath $(plugindir)
noinst_LTLIBRARIES += \
	plugins/builtin/segment.la \
	plugins/builtin/langid.la \
	plugins/builtin/money.la \
	plugins/builtin/entities.la \
	plugins/builtin/sentiment.la \
	plugins/builtin/relations.la
plugins_builtin_segment_la_SOURCES =
plugins_builtin_segment_la_LIBADD = $(plugins_segment_la_OBJECTS) $(plugins_segment_la_LIBADD)
plugins_builtin_segment_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)
plugins_builtin_langid_la_SOURCES =
plugins_builtin_langid_la_LIBADD = $(plugins_langid_la_OBJECTS) $(plugins_langid_la_LIBADD)
plugins_builtin_langid_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)
plugins_builtin_money_la_SOURCES =
plugins_builtin_money_la_LIBADD = $(plugins_money_la_OBJECTS) $(plugins_money_la_LIBADD)
plugins_builtin_money_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)
plugins_builtin_entities_la_SOURCES =
plugins_builtin_entities_la_LIBADD = $(plugins_entities_la_OBJECTS) $(plugins_entities_la_LIBADD)
plugins_builtin_entities_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)
plugins_builtin_sentiment_la_SOURCES =
plugins_builtin_sentiment_la_LIBADD = $(plugins_sentiment_la_OBJECTS) $(plugins_sentiment_la_LIBADD)
plugins_builtin_sentiment_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)
plugins_builtin_relations_la_SOURCES =
plugins_builtin_relations_la_LIBADD = $(plugins_relations_la_OBJECTS) $(plugins_relations_la_LIBADD)
plugins_builtin_relations_la_LDFLAGS = $(BUILTIN_PLUGIN_LINK_FLAGS)

tamis_LDFLAGS = \
	-dlpreopen plugins/builtin/segment.la \
	-dlpreopen plugins/builtin/langid.la \
	-dlpreopen plugins/builtin/money.la \
	-dlpreopen plugins/builtin/entities.la \
	-dlpreopen plugins/builtin/sentiment.la \
	-dlpreopen plugins/builtin/relations.la
EXTRA_tamis_DEPENDENCIES = \
	plugins/builtin/segment.la \
	plugins/builtin/langid.la \
	plugins/builtin/money.la \
	plugins/builtin/entities.la \
	plugins/builtin/sentiment.la \
	plugins/builtin/relations.la
endif
