# Benchmarks live beside the plugin they measure (plugins/NAME/local.mk);
# those of plugins written apart from their bench live here.
include bench/nlp.mk
include bench/sqlite/local.mk

# The I/O benchmark: JSON parsers, and tamis's reading and writing apart
# from its stages, against CLD2 for langid (bench/io/run.sh, README.md).
EXTRA_DIST += \
	bench/io/README.md \
	bench/io/run.sh \
	bench/io/jsonbench.c \
	bench/io/make-records.py \
	bench/io/cputime.py

io-bench: tamis$(EXEEXT) plugins/langid.la plugins/segment.la
	$(SHELL) $(srcdir)/bench/io/run.sh $(LANGID_WORKDIR)

.PHONY: io-bench
