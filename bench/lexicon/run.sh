#!/bin/sh
# Speed of the lexicon matcher of libtamis against GNU grep, on the same
# 100,000-term lexicon and the same news text (see README.md beside this).
#
# Run from the build directory:  bench/lexicon/run.sh [LEXBENCH] [SIZE_MB]
#   LEXBENCH  the driver (default bench/lexicon/lexbench)
#   SIZE_MB   size of the text (default 50)
# RUNS (default 5) runs of each; the medians are reported. PYTHON3 names
# the Python used to build the lexicon and the text (default python3).
set -e

LEXBENCH=${1:-bench/lexicon/lexbench}
SIZE=${2:-50}
RUNS=${RUNS:-5}
PYTHON3=${PYTHON3:-python3}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/lexicon-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

sources="$top/examples/corpus"
if [ -d "$top/../shared/corpus/seeds" ]; then
  sources="$sources $top/../shared/corpus/seeds"
fi

"$PYTHON3" "$here/make-lexicon.py" --entries 100000 --size "$SIZE" \
  --lexicon "$work/lexicon.tsv" --terms "$work/terms.txt" --text "$work/text.txt" $sources

# median FILE: the median of the numbers in FILE, one a line
median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# field LINE KEY: the value of KEY=value in LINE
field () {
  printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

echo "lexicon: $(wc -l < "$work/terms.txt") terms; text: $(wc -c < "$work/text.txt") bytes; $RUNS runs each"

: > "$work/load" ; : > "$work/tamis"
i=0
while [ "$i" -lt "$RUNS" ]; do
  line=$("$LEXBENCH" "$work/lexicon.tsv" "$work/text.txt")
  echo "  tamis: $line"
  field "$line" load_cpu_ms >> "$work/load"
  field "$line" mb_per_cpu_s >> "$work/tamis"
  matches=$(field "$line" matches)
  i=$((i + 1))
done

# The peer: fixed strings, ignoring case, whole words, in the C locale
# (bytes; its fastest call: UTF-8 locales make -i much slower).
bytes=$(wc -c < "$work/text.txt")
: > "$work/grep"
i=0
while [ "$i" -lt "$RUNS" ]; do
  /usr/bin/time -f '%U %S' -o "$work/time" \
    env LC_ALL=C grep -F -i -w -o -f "$work/terms.txt" "$work/text.txt" > "$work/grep.out" || true
  read -r u s < "$work/time"
  grep_matches=$(wc -l < "$work/grep.out")
  awk -v n="$bytes" -v u="$u" -v s="$s" 'BEGIN { printf "%.1f\n", n / 1e6 / (u + s) }' >> "$work/grep"
  echo "  grep: $(tail -n 1 "$work/grep") MB per CPU-second, $grep_matches matches"
  i=$((i + 1))
done

t=$(median "$work/tamis")
g=$(median "$work/grep")
echo "load (CPU ms, median):            $(median "$work/load")"
echo "tamis_lexicon_match (MB/CPU-s):   $t   ($matches matches)"
echo "grep -F -i -w -o (MB/CPU-s):      $g   ($grep_matches matches)"
awk -v t="$t" -v g="$g" 'BEGIN { printf "ratio tamis / grep:               %.2f\n", t / g }'
