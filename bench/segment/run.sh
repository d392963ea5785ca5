#!/bin/sh
# Speed of the segment plugin. Writes a varied corpus of news-like articles
# (100 MB by default) under a temporary directory, twice: one article per
# file (about 3 KB each, as news arrives), and the same text packed into
# files of about 1 MB (where reading files costs little). For each it reports
#   - `cat` of the files: the ceiling;
#   - `tamis run` with a pipeline of segment alone, output limited to
#     sentences, at -j 1 and -j 2, and two -j 1 runs over the two halves at
#     once (the machine's own ceiling for -j 2);
#   - the library alone (bench/segment/segbench: files read beforehand, no
#     output), tokens + sentences and sentences only, at -j 1 and -j 2.
#
# Run from the build directory:  bench/segment/run.sh [TAMIS] [SIZE_MB]
#   TAMIS    the tamis binary (default ./tamis); skipped if it does not run
#   SIZE_MB  corpus size (default 100)
# Each figure is the best of REPEAT runs (default 3), as other work on the
# machine only ever slows a run down; CPU time comes from /usr/bin/time
# (Debian package "time") when installed. SEGBENCH=path overrides the
# driver (default bench/segment/segbench).
set -e

TAMIS=${1:-./tamis}
SIZE=${2:-100}
SEGBENCH=${SEGBENCH:-bench/segment/segbench}
REPEAT=${REPEAT:-3}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/segment-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

sources="$top/examples/corpus"
if [ -d "$top/../shared/corpus/seeds" ]; then
  sources="$sources $top/../shared/corpus/seeds"
fi
for d in $sources; do
  [ -d "$d" ] || { echo "run.sh: missing $d" >&2; exit 2; }
done

cat > "$work/segment.yaml" <<EOF
tamis: 1
stages:
  - segment
output: {format: jsonl, layers: [sentence]}
EOF
cat > "$work/sentences.yaml" <<EOF
tamis: 1
stages:
  - segment: {tokens: false}
output: {format: jsonl, layers: [sentence]}
EOF

now () { date +%s.%N; }
min () { awk -v t="$1" -v b="$2" 'BEGIN { print (b == "" || t < b) ? t : b }'; }

# best COMMAND...: runs it REPEAT times; prints the best wall-clock
# throughput over $bytes and the best per CPU-second (user + system)
best () {
  bw= bc=
  i=0
  while [ "$i" -lt "$REPEAT" ]; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null
      read -r w u s < "$work/time"
      bc=$(min "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" "$bc")
    else
      t0=$(now); "$@" > /dev/null; t1=$(now)
      w=$(awk -v a="$t0" -v z="$t1" 'BEGIN { print z - a }')
    fi
    bw=$(min "$w" "$bw")
    i=$((i + 1))
  done
  awk -v n="$bytes" -v w="$bw" -v c="$bc" 'BEGIN {
    printf "%7.1f MB/s wall (%.2f s)", n / 1e6 / w, w
    if (c != "" && c > 0) printf ", %7.1f MB per CPU-second", n / 1e6 / c }'
}

# best_segbench ARGS...: the segbench line of the fastest of REPEAT runs
best_segbench () {
  i=0
  while [ "$i" -lt "$REPEAT" ]; do
    "$SEGBENCH" "$@"
    i=$((i + 1))
  done | sort -g -r | head -n 1
}

cat_files () { xargs cat < "$1"; }

# measure DIR: every figure for the corpus in DIR
measure () {
  find "$1" -name '*.txt' | sort > "$work/files"
  bytes=$(xargs cat < "$work/files" | wc -c)
  echo "## $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $(wc -l < "$work/files") files"
  cat_files "$work/files" > /dev/null # warm the page cache
  echo "cat                            $(best sh -c 'xargs cat < "$1"' sh "$work/files")"

  if "$TAMIS" --version > /dev/null 2>&1; then
    for j in 1 2; do
      echo "tamis run -j $j                  $(best "$TAMIS" run "$work/segment.yaml" "$1" -j "$j" -o "$work/out.jsonl")"
    done
    # Two independent -j 1 runs over the two halves at once: what this
    # machine gives two busy processes, the ceiling for -j 2 (shared or
    # throttled virtual cores give far less than 2x).
    mkdir -p "$work/half1" "$work/half2"
    awk 'NR % 2' "$work/files" | xargs -I{} ln -sf {} "$work/half1/"
    awk '!(NR % 2)' "$work/files" | xargs -I{} ln -sf {} "$work/half2/"
    echo "two tamis run -j 1 at once     $(best sh -c '"$1" run "$2" "$3" -j 1 -o "$5.1" & "$1" run "$2" "$4" -j 1 -o "$5.2"; wait' sh "$TAMIS" "$work/segment.yaml" "$work/half1" "$work/half2" "$work/out.jsonl")"
    rm -rf "$work/half1" "$work/half2"
  else
    echo "tamis run: skipped ($TAMIS does not run)"
  fi

  if [ -x "$SEGBENCH" ]; then
    for j in 1 2; do
      echo "segbench tokens+sentences -j $j $(best_segbench -j "$j" "$work/segment.yaml" "$1")"
    done
    for j in 1 2; do
      echo "segbench sentences only -j $j   $(best_segbench -j "$j" "$work/sentences.yaml" "$1")"
    done
  else
    echo "segbench: skipped ($SEGBENCH not built: make bench/segment/segbench)"
  fi
}

echo "# segment speed, $(nproc) cores, best of $REPEAT"
"${PYTHON3:-python3}" "$here/make-corpus.py" --size "$SIZE" --out "$work/articles" $sources
measure "$work/articles"
rm -rf "$work/articles"
"${PYTHON3:-python3}" "$here/make-corpus.py" --size "$SIZE" --per-file 330 --out "$work/packed" $sources
measure "$work/packed"
