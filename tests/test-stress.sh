#!/bin/sh
# Stress test of the worker threads: many runs of many tiny documents on
# more threads than cores, each run's output compared byte for byte with a
# one-thread run. Tiny documents make workers take and give back the
# writer's formatters and hand over documents as often as they can, which
# is where races between workers showed (a record still referencing a
# formatter's pooled arrays after another worker had taken it).
#
#   TAMIS_STRESS_RUNS  runs per pipeline (default 12, so 24 runs in all)
#   TAMIS_STRESS_DOCS  documents per run (default 20000)
#   TAMIS_STRESS_JOBS  threads (default 8)
#
# .ci/run also runs it, shortened, on a ThreadSanitizer build of tamis
# (with tests/tsan.supp).
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
runs=${TAMIS_STRESS_RUNS:-12}
docs=${TAMIS_STRESS_DOCS:-20000}
jobs=${TAMIS_STRESS_JOBS:-8}

# Five short texts in turn; every seventh line has metadata besides its id
# and text, which the reader keeps with the document and the writer copies.
awk -v n="$docs" 'BEGIN {
  t[0] = "Meta dépense 65 milliards."
  t[1] = "Nvidia sold $80bn of chips. Analysts were surprised."
  t[2] = "La BCE a relevé ses taux. Les marchés ont réagi."
  t[3] = "OpenAI lève 5,6 millions d’euros à Paris."
  t[4] = "Le Conseil a voté. It was late! Was it?"
  for (i = 1; i <= n; i++)
    {
      meta = i % 7 == 0 ? sprintf(",\"source\":\"wire\",\"rank\":%d,\"w\":0.%d", i, i % 10) : ""
      printf "{\"id\":\"t%06d\",\"text\":\"%s\"%s}\n", i, t[(i - 1) % 5], meta
    }
}' >"$T/docs.jsonl"

cat >"$T/sentence.yaml" <<'YAML'
tamis: 1
stages: [segment]
output: {layers: [sentence]}
YAML
cat >"$T/all.yaml" <<'YAML'
tamis: 1
stages: [segment]
YAML

# The references: one thread.
for p in sentence all; do
  "$TAMIS" run -j 1 "$T/$p.yaml" "$T/docs.jsonl" >"$T/$p.ref" 2>"$T/$p.ref.err" </dev/null
  status=$?
  check "$p: -j 1 writes $docs records" \
    sh -c "[ $status -eq 0 ] && [ ! -s '$T/$p.ref.err' ] && [ \$(wc -l <'$T/$p.ref') -eq $docs ]"
  if [ -s "$T/$p.ref.err" ]; then head -20 "$T/$p.ref.err" | tap_diag; fi
done
check "the metadata is in the records" \
  sh -c "grep -q '\"meta\":{\"source\":\"wire\",\"rank\":7,' '$T/sentence.ref'"

i=1
while [ "$i" -le "$runs" ]; do
  for p in sentence all; do
    "$TAMIS" run -j "$jobs" "$T/$p.yaml" "$T/docs.jsonl" >"$T/out" 2>"$T/err" </dev/null
    status=$?
    if [ "$status" -eq 0 ] && [ ! -s "$T/err" ] && cmp -s "$T/$p.ref" "$T/out"; then
      tap_ok "$p: run $i at -j $jobs is the -j 1 output"
    else
      tap_not_ok "$p: run $i at -j $jobs is the -j 1 output"
      echo "exit status $status, $(wc -l <"$T/out") of $docs records" | tap_diag
      head -20 "$T/err" | tap_diag
    fi
  done
  i=$((i + 1))
done

tap_done
