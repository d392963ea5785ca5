#!/bin/sh
# End-to-end tests of tamis run --isolate: stages in worker processes, so
# that a plugin that crashes, hangs or eats memory costs one error record.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
modules="$TAMIS_BUILDDIR/tests/modules"

# 3,000 documents, the 2,500th of which sets the rogue plugin off; the
# same without it gives what the 2,999 others must come out as.
awk 'BEGIN { for (i = 1; i <= 3000; i++)
               printf "{\"id\":\"d%d\",\"text\":\"%sDocument %d.\",\"n\":%d}\n", i, i == 2500 ? "!" : "", i, i }' \
  >"$T/in.jsonl"
sed 2500d "$T/in.jsonl" >"$T/good.jsonl"
printf 'tamis: 1\nstages:\n  - rogue: {fault: crash}\n' >"$T/good.yaml"
# no provenance: it names the fault option, which differs between the runs
run_tamis good run -j 2 --provenance none --plugin-dir "$modules" "$T/good.yaml" "$T/good.jsonl"
check "the reference run without the bad document passes" test "$status" -eq 0

# fault CODE [OPTION...]: a run with --isolate -j 2 over the 3,000, with -o.
fault () {
  f=$1
  code=$2
  shift 2
  mkdir -p "$T/$f"
  printf 'tamis: 1\nstages:\n  - rogue: {fault: %s}\n' "$f" >"$T/$f.yaml"
  if [ "$f" = hog ]; then printf 'limits: {worker_memory: 200M}\n' >>"$T/$f.yaml"; fi
  run_tamis "$f" run --isolate -j 2 --provenance none --plugin-dir "$modules" "$@" "$T/$f.yaml" "$T/in.jsonl" \
    -o "$T/$f/out.jsonl"
  check "$f: the run goes on and exits 1" test "$status" -eq 1
  check "$f: one error record '$code' in the bad document's place" \
    sh -c "[ \$(wc -l <'$T/$f/out.jsonl') -eq 3000 ] &&
           sed -n 2500p '$T/$f/out.jsonl' | jq -e '.id == \"d2500\" and .error.code == \"$code\" and (.error.message | test(\"stage 1 \\\\(rogue\\\\)\"))' >/dev/null"
  check "$f: the 2,999 others are written in order, as without isolation" \
    sh -c "sed 2500d '$T/$f/out.jsonl' | cmp -s - '$T/good.out'"
  check "$f: standard error counts the failure" grep -q '^tamis: 1 of 3000 documents failed$' "$T/$f.err"
  check "$f: no temporary file is left beside the output" \
    sh -c "[ \"\$(ls -A '$T/$f')\" = out.jsonl ]"
}

fault crash plugin-crash
check "crash: the message names the signal" \
  sh -c "sed -n 2500p '$T/crash/out.jsonl' | grep -q 'Segmentation fault (signal 11) in stage 1 (rogue)'"
fault hang timeout --doc-timeout 2
fault hog memory

# The pipeline can ask for isolation itself.
printf 'tamis: 1\nstages:\n  - rogue: {fault: crash}\nrun: {isolate: true}\n' >"$T/self.yaml"
run_tamis self run -j 2 --plugin-dir "$modules" "$T/self.yaml" "$T/in.jsonl"
check "run: {isolate: true} in the pipeline isolates" \
  sh -c "[ $status -eq 1 ] && [ \$(wc -l <'$T/self.out') -eq 3000 ]"

# Isolated or not, the records are the same: metadata, repairs, sources.
for input in "$EXAMPLES/corpus" "$EXAMPLES/corpus.jsonl"; do
  for format in jsonl json tsv; do
    "$TAMIS" run -j 2 -f $format "$EXAMPLES/news.yaml" "$input" >"$T/threads.out" 2>/dev/null
    "$TAMIS" run -j 3 --isolate -f $format "$EXAMPLES/news.yaml" "$input" >"$T/isolated.out" 2>/dev/null
    check "$(basename "$input") as $format: the same records with --isolate" \
      sh -c "[ -s '$T/threads.out' ] && cmp -s '$T/threads.out' '$T/isolated.out'"
  done
done
printf 'x\r\ny\n' >"$T/crlf.txt"
printf '\377\376' >"$T/binary.txt"
"$TAMIS" run -j 1 "$EXAMPLES/news.yaml" "$T/crlf.txt" "$T/binary.txt" >"$T/threads.out" 2>/dev/null
"$TAMIS" run -j 1 --isolate "$EXAMPLES/news.yaml" "$T/crlf.txt" "$T/binary.txt" >"$T/isolated.out" 2>/dev/null
check "repairs and input errors are the same with --isolate" \
  sh -c "grep -q repaired '$T/isolated.out' && grep -q error '$T/isolated.out' && cmp -s '$T/threads.out' '$T/isolated.out'"

# Bad settings are refused before anything runs.
for bad in 'run: {isolate: maybe}' 'limits: {worker_memory: lots}' 'limits: {document_seconds: 0}' \
           'limits: {cpu: 1}'; do
  printf 'tamis: 1\nstages:\n  - rogue: {fault: crash}\n%s\n' "$bad" >"$T/bad.yaml"
  run_tamis bad check --plugin-dir "$modules" "$T/bad.yaml"
  check "'$bad' is refused" sh -c "[ $status -eq 2 ] && grep -q 'bad\.yaml:4:' '$T/bad.err'"
done
run_tamis nolimit run -j 2 --doc-timeout 5 "$EXAMPLES/news.yaml" "$EXAMPLES/corpus"
check "a time limit without --isolate that no document reaches says nothing" \
  sh -c "[ $status -eq 0 ] && [ ! -s '$T/nolimit.err' ]"
printf 'tamis: 1\nstages: [segment]\nlimits: {worker_memory: 1G}\n' >"$T/memory.yaml"
run_tamis memory run -j 2 "$T/memory.yaml" "$EXAMPLES/corpus"
check "a memory limit without --isolate: the run goes on, with a warning that it is not watched" \
  sh -c "[ $status -eq 0 ] && grep -q 'worker_memory.* applies only with --isolate' '$T/memory.err'"

# Without --isolate, the watchdog: a document over the time limit is
# reported on standard error while it runs, once, naming the stage, and the
# run waits for it. rogue's 'slow' spends 3 s on s100.
awk 'BEGIN { for (i = 1; i <= 200; i++)
               printf "{\"id\":\"s%d\",\"text\":\"%sDocument %d.\"}\n", i, i == 100 ? "!" : "", i }' \
  >"$T/slow.jsonl"
seq 200 | sed 's/^/s/' >"$T/slow.ids"
printf 'tamis: 1\nstages:\n  - rogue: {fault: slow}\n' >"$T/slow.yaml"
printf 'limits: {document_seconds: 1}\n' | cat "$T/slow.yaml" - >"$T/slow-limit.yaml"
for j in 1 2; do
  # -j 1 runs on the calling thread, -j 2 on a pool; the limit comes from
  # the pipeline, then from the command line
  if [ $j = 1 ]; then set -- "$T/slow-limit.yaml"; else set -- --doc-timeout 1 "$T/slow.yaml"; fi
  run_tamis slow$j run -j $j --plugin-dir "$modules" "$@" "$T/slow.jsonl"
  check "-j $j, watchdog: the slow document is reported once, naming it and its stage" \
    sh -c "[ \$(grep -c 'has run over' '$T/slow$j.err') -eq 1 ] &&
           grep -q \"^tamis: warning: document 's100' has run over 1 s (limits: document_seconds), now in stage 1 (rogue); a thread cannot be stopped safely, so the run waits for it: --isolate enforces the limit\\$\" '$T/slow$j.err'"
  check "-j $j, watchdog: the run finishes with every record, in order, none failed" \
    sh -c "[ $status -eq 0 ] && jq -r .id '$T/slow$j.out' | cmp -s - '$T/slow.ids' &&
           [ \$(jq -c 'select(.error)' '$T/slow$j.out' | wc -l) -eq 0 ]"
done
# 'hang' never returns: the report must come while the document runs.
printf 'tamis: 1\nstages:\n  - rogue: {fault: hang}\n' >"$T/hang-threads.yaml"
"$TAMIS" run -j 2 --doc-timeout 0.5 --plugin-dir "$modules" "$T/hang-threads.yaml" "$T/slow.jsonl" \
  >/dev/null 2>"$T/hang-threads.err" </dev/null &
pid=$!
for i in $(seq 100); do
  grep -q "document 's100' has run over 0.5 s" "$T/hang-threads.err" && break
  sleep 0.2
done
check "watchdog: a document that never ends is reported while it runs" \
  sh -c "kill -0 $pid && grep -q \"document 's100' has run over 0.5 s (limits: document_seconds), now in stage 1 (rogue)\" '$T/hang-threads.err'"
kill -9 $pid
wait $pid 2>/dev/null

# Workers that keep dying: from c301 on, every document crashes the
# plugin. After 16 deaths in a row with no new document processed between,
# the run stops with status 2; the records up to there are whole.
awk 'BEGIN { for (i = 1; i <= 1000; i++)
               printf "{\"id\":\"c%d\",\"text\":\"%sDocument %d.\"}\n", i, (i > 300 ? "!" : ""), i }' \
  >"$T/every.jsonl"
run_tamis every run --isolate -j 2 --plugin-dir "$modules" "$T/crash.yaml" "$T/every.jsonl"
check "workers dying on every document: the run stops with status 2 and says why" \
  sh -c "[ $status -eq 2 ] &&
         grep -q \"^tamis: 16 worker processes died in a row without getting through a new document, the last on document 'c[0-9]*': Segmentation fault (signal 11) in stage 1 (rogue); the run stops\\$\" '$T/every.err'"
check "workers dying on every document: the records written are whole, in order from c1" \
  sh -c "jq -e -s 'length > 0 and length < 1000 and
                   [.[] | .id] == [range(1; length + 1) | \"c\\(.)\"]' '$T/every.out' >/dev/null"
# One document in ten: more deaths than that in a batch, but each worker
# gets through new documents before it dies, so the run goes on.
awk 'BEGIN { for (i = 1; i <= 500; i++)
               printf "{\"id\":\"t%d\",\"text\":\"%sDocument %d.\"}\n", i, (i % 10 == 0 ? "!" : ""), i }' \
  >"$T/tenth.jsonl"
run_tamis tenth run --isolate -j 2 --plugin-dir "$modules" "$T/crash.yaml" "$T/tenth.jsonl"
check "workers dying on one document in ten: the run goes on, 50 error records of 500" \
  sh -c "[ $status -eq 1 ] && [ \$(wc -l <'$T/tenth.out') -eq 500 ] &&
         [ \$(jq -c 'select(.error.code == \"plugin-crash\")' '$T/tenth.out' | wc -l) -eq 50 ]"
mkdir -p "$T/every"
run_tamis every-o run --isolate -j 2 --plugin-dir "$modules" "$T/crash.yaml" "$T/every.jsonl" -o "$T/every/out.jsonl"
check "workers dying on every document, with -o: no output and no temporary file" \
  sh -c "[ $status -eq 2 ] && [ -z \"\$(ls -A '$T/every')\" ]"
run_tamis negative run --isolate --doc-timeout -1 "$EXAMPLES/news.yaml" "$EXAMPLES/corpus"
check "a negative --doc-timeout is a usage error" test "$status" -eq 2

tap_done
