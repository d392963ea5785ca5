# Examples: a pipeline and its corpus, an out-of-tree plugin, an embedding
# program. The embedding program is built by `make check` and run by
# tests/test-embed.sh; the plugin is built against an installed tamis by
# tests/test-sdk.sh.
check_PROGRAMS += examples/embed/embed
examples_embed_embed_SOURCES = examples/embed/embed.c
examples_embed_embed_CPPFLAGS = -I$(top_srcdir)/include -I$(top_builddir)/include
examples_embed_embed_CFLAGS = $(WARN_CFLAGS) $(GLIB_CFLAGS)
examples_embed_embed_LDADD = core/libtamis.la $(GLIB_LIBS)

EXTRA_DIST += \
	examples/news.yaml \
	examples/corpus.jsonl \
	examples/gold.jsonl \
	examples/corpus/en-01-chip-earnings.txt \
	examples/corpus/en-02-cloud-deal.txt \
	examples/corpus/en-03-chip-export.txt \
	examples/corpus/en-04-central-bank.txt \
	examples/corpus/en-05-startup-round.txt \
	examples/corpus/fr-01-meta-capex.txt \
	examples/corpus/fr-02-levee-fonds.txt \
	examples/corpus/fr-03-banque-centrale.txt \
	examples/corpus/fr-04-centre-donnees-gpu.txt \
	examples/corpus/fr-05-nuage-panne.txt \
	examples/slurm/README.md \
	examples/slurm/submit.sh \
	examples/slurm/tamis-array.sbatch \
	examples/slurm/tamis-merge.sbatch \
	examples/plugin-wordcount/Makefile \
	examples/plugin-wordcount/README.md \
	examples/plugin-wordcount/wordcount.c \
	examples/plugin-wordcount/wordcount.yaml
