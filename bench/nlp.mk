# The entities and sentiment benches: quality on ../shared/eval-data and
# speed, beside npm peers (bench/entities/, bench/sentiment/). Each says so
# and stops when the data or its plugin is missing.

EXTRA_DIST += \
	bench/nlp-bench.py \
	bench/entities/run.sh \
	bench/entities/report.py \
	bench/entities/peer-compromise.mjs \
	bench/sentiment/run.sh \
	bench/sentiment/report.py \
	bench/sentiment/peers.mjs

# ENTITIES_BENCH_FLAGS=--half-split also checks the learner on half of each set.
entities-bench: tamis$(EXEEXT) plugins/segment.la bench/segment/segbench$(EXEEXT)
	$(SHELL) $(srcdir)/bench/entities/run.sh $(ENTITIES_BENCH_FLAGS) ./tamis$(EXEEXT)

sentiment-bench: tamis$(EXEEXT) plugins/segment.la bench/segment/segbench$(EXEEXT)
	$(SHELL) $(srcdir)/bench/sentiment/run.sh $(SENTIMENT_BENCH_FLAGS) ./tamis$(EXEEXT)

.PHONY: entities-bench sentiment-bench
