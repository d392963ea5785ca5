# End-to-end tests: TAP shell scripts run by tests/run-test.sh.
#   test-cli.sh    the tamis command on examples/ (and ../shared when present)
#   test-input.sh  hostile or unusual input: a line nested 100,000 deep,
#                  max_depth, metadata numbers, file names not UTF-8
#   test-evaluate.sh  tamis evaluate: matchings, attributes, both modes
#   test-summary.sh  tamis run --summary and tamis summary: halves merged
#                  in either order equal the whole, byte for byte
#   test-embed.sh  examples/embed, a program linking libtamis
#   test-plugin-check.sh  tamis plugins --check on the plugins of this tree
#                  and on test modules that break one rule each
#   test-sdk.sh    install into a temporary prefix, build the out-of-tree
#                  plugin and the embedding example with pkg-config, run them
#   test-builtin.sh  (--enable-builtin-plugins) the plugins linked into
#                  tamis, which runs without any plugin directory
#   test-table.sh  the CSV and TSV tables against the JSON Lines records,
#                  the format from -o's extension, --layers, --attributes
#   test-sqlite.sh the SQLite output: the same as the records, views,
#                  refusal, a run killed with SIGKILL then resumed
#   test-report.sh the HTML report, checked in headless Chromium when
#                  chromium and chromedriver are installed
#   test-run.sh    tamis run: stages: [], output: where and --where, the
#                  run report (--stats, a terminal), a live standard input
#   test-shard.sh  run --shard I/N and tamis merge: parts joined equal one
#                  run, byte for byte; refusals; --skip-existing; slurm
#   test-slurm.sh  examples/slurm on a one-node Slurm it brings up: an
#                  8-task array and its merge equal one run
#   test-stress.sh many runs of many tiny documents on 8 threads, each the
#                  same bytes as one thread's (TAMIS_STRESS_RUNS=100 for more)
#   test-json-records.sh  every record of the example pipeline, JSON Lines
#                  and JSON, read by Python's json, without float noise
# Besides, every script that sources tests/tap.sh ends with one more test:
# the JSON records of all its complete runs made with run_tamis read by
# Python's json and by json-glib (records-check.py, records-check-glib).
TESTS += \
	tests/test-cli.sh \
	tests/test-input.sh \
	tests/test-evaluate.sh \
	tests/test-isolate.sh \
	tests/test-run.sh \
	tests/test-summary.sh \
	tests/test-embed.sh \
	tests/test-plugin-check.sh \
	tests/test-sdk.sh \
	tests/test-sqlite.sh \
	tests/test-table.sh \
	tests/test-report.sh \
	tests/test-shard.sh \
	tests/test-slurm.sh \
	tests/test-stress.sh \
	tests/test-json-records.sh
# What tests/tap.sh reads the records of the shell tests' runs with.
check_PROGRAMS += tests/records-check-glib
tests_records_check_glib_SOURCES = tests/records-check-glib.c
tests_records_check_glib_CFLAGS = $(WARN_CFLAGS) $(JSON_CFLAGS)
tests_records_check_glib_LDADD = $(JSON_LIBS) $(GLIB_LIBS)
# The screenshots tests/test-report.sh saves.
CLEANFILES += tests/report-corpus.png tests/report-seeds.png
if BUILTIN_PLUGINS
TESTS += tests/test-builtin.sh
endif

EXTRA_DIST += \
	tests/spans.h \
	tests/valgrind-test.sh \
	tests/run-test.sh \
	tests/tap.sh \
	tests/records-check.py \
	tests/test-cli.sh \
	tests/test-input.sh \
	tests/test-evaluate.sh \
	tests/test-isolate.sh \
	tests/test-run.sh \
	tests/test-summary.sh \
	tests/test-embed.sh \
	tests/test-plugin-check.sh \
	tests/test-sdk.sh \
	tests/test-builtin.sh \
	tests/test-sqlite.sh \
	tests/test-table.sh \
	tests/table-check.py \
	tests/test-report.sh \
	tests/report-check.py \
	tests/test-shard.sh \
	tests/test-slurm.sh \
	tests/test-stress.sh \
	tests/test-json-records.sh \
	tests/tsan.supp

