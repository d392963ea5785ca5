# The SQLite output against JSON Lines: CPU, MB per CPU-second, records per
# second (bench/sqlite/run.py; SQLITE_BENCH_FLAGS="--docs 20000 --pipeline
# $(srcdir)/bench/sqlite/segment.yaml" for the tokens-only case).

EXTRA_DIST += \
	bench/sqlite/run.py \
	bench/sqlite/segment.yaml

sqlite-bench: tamis$(EXEEXT) plugins/segment.la
	$(PYTHON3) $(srcdir)/bench/sqlite/run.py --tamis ./tamis$(EXEEXT) $(SQLITE_BENCH_FLAGS)

.PHONY: sqlite-bench
