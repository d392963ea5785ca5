#!/bin/sh
# Runs split into shards: tamis run --shard I/N over a directory, one large
# JSON Lines file and both at once, joined by tamis merge, equal byte for
# byte to one run over the whole input (records and summary); merge refuses
# a missing, doubled or foreign part; --skip-existing; --shard slurm; exit
# statuses.
. "$TAMIS_SRCDIR/tests/tap.sh"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"
CORPUS="$EXAMPLES/corpus"

# A JSON Lines file of several hundred records, French and English, with
# blank lines, a record without an id (named by its line number), a line
# that is not JSON and a line whose text is not a string.
mkdir -p "$T/in"
i=0
while [ $i -lt 60 ]; do
  for f in "$CORPUS"/*.txt; do
    jq -Rs --arg id "r$i-$(basename "$f" .txt)" '{id: $id, text: .}' "$f"
  done
  i=$((i + 1))
done | jq -c . > "$T/in/big.jsonl"
{
  echo '{"text": "Sans identifiant : Meta dépense 65 milliards de dollars."}'
  echo ''
  echo '{"id": "broken", "text": '
  echo '{"id": "n", "text": 42}'
  echo '{"id": "last", "text": "Nvidia lost $600 billion in one day."}'
} >> "$T/in/big.jsonl"
cp "$CORPUS"/*.txt "$T/in/"
printf 'tamis: 1\nstages: [segment, langid, money]\noutput: {layers: [money]}\n' > "$T/p.yaml"

run_tamis whole run -j 2 "$T/p.yaml" "$T/in" -o "$T/whole.jsonl" --summary "$T/whole.summary.json"
check "one run over the whole input (some documents fail: status 1)" test "$status" -eq 1
n_whole=$(wc -l < "$T/whole.jsonl")

for n in 1 3 8; do
  mkdir -p "$T/parts$n"
  ok=1
  i=0
  while [ $i -lt $n ]; do
    quiet=1 run_tamis "part$n-$i" run -j 2 "$T/p.yaml" "$T/in" --shard "$i/$n" \
      -o "$T/parts$n/part-$i.jsonl" --summary "$T/parts$n/part-$i.summary.json"
    [ "$status" -le 1 ] || { ok=0; tap_diag "$T/part$n-$i.err"; }
    i=$((i + 1))
  done
  check "$n shards run" test "$ok" = 1
  run_tamis "merge$n" merge "$T/parts$n" -o "$T/merged$n.jsonl" --summary "$T/merged$n.summary.json"
  check "merge of $n shards: status 1, as the whole run" test "$status" -eq 1
  check "merge of $n shards equals the whole run, byte for byte" same "$T/whole.jsonl" "$T/merged$n.jsonl"
  check "merged summary of $n shards equals the whole run's" \
    same "$T/whole.summary.json" "$T/merged$n.summary.json"
done
check "each document once: as many records as the whole run ($n_whole)" \
  test "$(cat "$T"/parts8/part-*.jsonl | wc -l)" -eq "$n_whole"
check "the shards split the work: no part holds more than half of it" \
  test "$(wc -l < "$T/parts8/part-3.jsonl")" -lt $((n_whole / 2))
check "a record without id keeps its line number in a shard" \
  grep -q '"id":"big.jsonl:[0-9]*"' "$T/merged8.jsonl"
check "the manifest names the part, its shard and the stages" \
  jq -e '.shard == 3 and .shards == 8 and .output == "part-3.jsonl" and (.stages | length) == 3 and (.output_sha256 | length) == 64' \
  "$T/parts8/part-3.jsonl.manifest.json"

# one JSON Lines file alone, split at line starts
run_tamis single run -j 1 "$T/p.yaml" "$T/in/big.jsonl" -o "$T/single.jsonl"
mkdir -p "$T/one"
for i in 0 1 2 3 4; do
  quiet=1 run_tamis "one$i" run -j 1 "$T/p.yaml" "$T/in/big.jsonl" --shard "$i/5" -o "$T/one/p$i.jsonl"
done
run_tamis one-merge merge "$T"/one/p*.jsonl -o "$T/one.jsonl"
check "one JSON Lines file in 5 shards merges to the single run" same "$T/single.jsonl" "$T/one.jsonl"

# refusals
mkdir -p "$T/gap"
cp "$T"/parts8/part-[0-24-7].jsonl* "$T/gap/"
quiet=1 run_tamis gap merge "$T/gap" -o "$T/gap.jsonl"
check "merge refuses a missing shard, naming it" \
  sh -c "[ $status -eq 2 ] && grep -q 'missing 3' '$T/gap.err' && [ ! -e '$T/gap.jsonl' ]"
quiet=1 run_tamis twice merge "$T/parts8" "$T/parts8/part-5.jsonl" -o "$T/twice.jsonl"
check "merge refuses a shard given twice" sh -c "[ $status -eq 2 ] && grep -q 'twice: 5' '$T/twice.err'"
quiet=1 run_tamis mixed merge "$T/parts3/part-0.jsonl" "$T/parts8/part-1.jsonl" -o "$T/mixed.jsonl"
check "merge refuses parts of different runs" sh -c "[ $status -eq 2 ] && grep -q 'different runs' '$T/mixed.err'"
mkdir -p "$T/changed"
cp "$T"/parts3/* "$T/changed/"
echo '{"id":"extra"}' >> "$T/changed/part-1.jsonl"
quiet=1 run_tamis changed merge "$T/changed" -o "$T/changed.jsonl"
check "merge refuses a part changed since its manifest" \
  sh -c "[ $status -eq 2 ] && grep -q 'changed since' '$T/changed.err'"

# resubmission
quiet=1 run_tamis skip run "$T/p.yaml" "$T/in" --shard 1/3 -o "$T/parts3/part-1.jsonl" --skip-existing
check "--skip-existing skips a complete part" \
  sh -c "grep -q 'complete' '$T/skip.err' && [ $status -le 1 ]"
rm "$T/parts3/part-2.jsonl"
quiet=1 run_tamis redo run "$T/p.yaml" "$T/in" --shard 2/3 -o "$T/parts3/part-2.jsonl" --skip-existing \
  --summary "$T/parts3/part-2.summary.json"
check "--skip-existing runs a part that is not there" \
  sh -c "! grep -q 'complete' '$T/redo.err' && [ -s '$T/parts3/part-2.jsonl' ]"
run_tamis remerge merge "$T/parts3" -o "$T/remerged.jsonl"
check "and the set merges again to the whole run" same "$T/whole.jsonl" "$T/remerged.jsonl"

# Slurm's environment, and errors
mkdir -p "$T/slurm"
for id in 1 2 3; do
  SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=1 \
    "$TAMIS" run "$T/p.yaml" "$T/in" --shard slurm -o "$T/slurm/t$id.jsonl" 2>/dev/null
done
run_tamis slurm-merge merge "$T/slurm" -o "$T/slurm.jsonl"
check "--shard slurm: an array 1-3 merges to the whole run" same "$T/whole.jsonl" "$T/slurm.jsonl"
quiet=1 run_tamis noslurm run "$T/p.yaml" "$T/in" --shard slurm -o "$T/x.jsonl"
check "--shard slurm outside a job array is a usage error (2)" \
  sh -c "[ $status -eq 2 ] && grep -q SLURM_ARRAY_TASK_ID '$T/noslurm.err'"
quiet=1 run_tamis badshard run "$T/p.yaml" "$T/in" --shard 8/8 -o "$T/x.jsonl"
check "--shard 8/8 is refused (shards count from 0)" test "$status" -eq 2
printf 'x\n' | "$TAMIS" run "$T/p.yaml" --shard 0/2 -o "$T/x.jsonl" 2>"$T/stdin.err"
check "standard input cannot be split" sh -c "[ $? -eq 2 ] && grep -q 'cannot be split' '$T/stdin.err'"
quiet=1 run_tamis noout run "$T/p.yaml" "$T/in" --shard 0/2
check "--shard needs -o" test "$status" -eq 2
quiet=1 run_tamis missing run "$T/p.yaml" "$T/nowhere"
check "a missing input is an I/O error (3)" test "$status" -eq 3

tap_done
