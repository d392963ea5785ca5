# entities: people, organisations, places and other names (plugin, trainer,
# name lists, model trained at build time from the annotated text in train/).

ENTITIES_CORE_SOURCES = \
	plugins/entities/ent-token.c \
	plugins/entities/ent-token.h \
	plugins/entities/ent-gaz.c \
	plugins/entities/ent-gaz.h \
	plugins/entities/ent-features.c \
	plugins/entities/ent-features.h \
	plugins/entities/ent-model.c \
	plugins/entities/ent-model.h \
	plugins/entities/ent-tagger.c \
	plugins/entities/ent-tagger.h \
	plugins/entities/ent-coref.c

plugin_LTLIBRARIES += plugins/entities.la
plugins_entities_la_SOURCES = plugins/entities/entities.c $(ENTITIES_CORE_SOURCES)
plugins_entities_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_entities_la_CFLAGS = $(PLUGIN_CFLAGS)
plugins_entities_la_LDFLAGS = $(PLUGIN_LINK_FLAGS)
plugins_entities_la_LIBADD = $(PLUGIN_LINK_LIBS) -lm

bin_PROGRAMS += plugins/entities/tamis-train-entities
plugins_entities_tamis_train_entities_SOURCES = plugins/entities/train.c $(ENTITIES_CORE_SOURCES)
plugins_entities_tamis_train_entities_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_entities_tamis_train_entities_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS) $(JSON_CFLAGS)
plugins_entities_tamis_train_entities_LDADD = core/libtamis.la $(GLIB_LIBS) $(JSON_LIBS) -lm

# The name and cue lists, one directory per language plus common/.
entitiescommondir = $(pkgdatadir)/entities/common
dist_entitiescommon_DATA = $(ENTITIES_COMMON_LISTS)
entitiesfrdir = $(pkgdatadir)/entities/fr
dist_entitiesfr_DATA = $(ENTITIES_FR_LISTS)
entitiesendir = $(pkgdatadir)/entities/en
dist_entitiesen_DATA = $(ENTITIES_EN_LISTS)

include plugins/entities/lists.mk

# The models are made here, from text written for the project, and are
# reproducible: same text, lists and trainer, same bytes. model.bin learns
# from all of it and serves French and any other language; English has a
# model of its own, which scores better on English than the shared one.
ENTITIES_TRAIN_CMD = plugins/entities/tamis-train-entities$(EXEEXT) --data $(srcdir)/plugins/entities/data
entitiesdir = $(pkgdatadir)/entities
nodist_entities_DATA = plugins/entities/data/model.bin plugins/entities/data/model-en.bin
ENTITIES_MODEL_DEPS = plugins/entities/tamis-train-entities$(EXEEXT) $(ENTITIES_TRAIN) \
	$(ENTITIES_COMMON_LISTS) $(ENTITIES_FR_LISTS) $(ENTITIES_EN_LISTS)
plugins/entities/data/model.bin: $(ENTITIES_MODEL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) plugins/entities/data && \
	files=; for f in $(ENTITIES_TRAIN); do files="$$files $(srcdir)/$$f"; done; \
	$(ENTITIES_TRAIN_CMD) -o $@.tmp $$files 2>plugins/entities/train.log && mv $@.tmp $@
plugins/entities/data/model-en.bin: $(ENTITIES_MODEL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) plugins/entities/data && \
	files=; for f in $(ENTITIES_TRAIN); do case $$f in */train/en/*) files="$$files $(srcdir)/$$f";; esac; done; \
	$(ENTITIES_TRAIN_CMD) -o $@.tmp $$files 2>plugins/entities/train-en.log && mv $@.tmp $@
CLEANFILES += $(nodist_entities_DATA) plugins/entities/train.log plugins/entities/train-en.log
all-local: $(nodist_entities_DATA)

EXTRA_DIST += \
	plugins/entities/README.md \
	plugins/entities/lists.mk \
	plugins/entities/data/SOURCES.md \
	plugins/entities/data/SOURCES-org.md \
	plugins/entities/data/SOURCES-misc.md \
	plugins/entities/data/gen-places.py \
	plugins/entities/data/gen-names.py \
	plugins/entities/data/places_tables.py \
	plugins/entities/data/demonym_tables.py \
	plugins/entities/data/names_tables.py \
	plugins/entities/data/check-gazetteers.py \
	plugins/entities/data/check_org.py \
	plugins/entities/data/check-misc.py \
	plugins/entities/data/measure-coverage.py \
	plugins/entities/data/measure-misc.py \
	plugins/entities/train/check-marked.py \
	$(ENTITIES_TRAIN)

# Rewrites lists.mk after files are added to data/ or train/.
update-entities-lists:
	cd $(srcdir) && { \
	  echo '# The files of plugins/entities/data and train/, listed for make.'; \
	  echo '# Written by "make update-entities-lists".'; \
	  for v in COMMON:data/common FR:data/fr EN:data/en TRAIN:train; do \
	    name=$${v%%:*}; dir=$${v#*:}; \
	    case $$name in TRAIN) pat='*/*.txt'; var=ENTITIES_TRAIN;; *) pat='*.tsv'; var=ENTITIES_$${name}_LISTS;; esac; \
	    printf '%s =' "$$var"; \
	    for f in plugins/entities/$$dir/$$pat; do printf ' \\\n\t%s' "$$f"; done; \
	    printf '\n'; \
	  done; } > plugins/entities/lists.mk

.PHONY: update-entities-lists

check_PROGRAMS += tests/test-entities
TESTS += tests/test-entities
tests_test_entities_SOURCES = tests/test-entities.c
tests_test_entities_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_test_entities_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
tests_test_entities_LDADD = core/libtamis.la $(GLIB_LIBS)

TESTS += tests/test-entities-train.sh
EXTRA_DIST += \
	tests/test-entities-train.sh \
	tests/data/news/fr.txt \
	tests/data/news/en.txt
