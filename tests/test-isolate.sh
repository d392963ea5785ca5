#!/bin/sh
# End-to-end tests of tamis run --isolate: stages in worker processes, so
# that a plugin that crashes, hangs or eats memory costs one error record.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
modules="$TAMIS_BUILDDIR/tests/modules"

run_tamis () {
  name=$1
  shift
  "$TAMIS" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
  status=$?
  if [ -s "$T/$name.err" ]; then tap_diag "$T/$name.err"; fi
}

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
check "limits without --isolate: the run goes on, with a warning that nothing is stopped" \
  sh -c "[ $status -eq 0 ] && grep -q 'limits apply only with --isolate' '$T/nolimit.err'"
run_tamis negative run --isolate --doc-timeout -1 "$EXAMPLES/news.yaml" "$EXAMPLES/corpus"
check "a negative --doc-timeout is a usage error" test "$status" -eq 2

tap_done
