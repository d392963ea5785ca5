#!/bin/sh
# Measures langid against CLD2 and libexttextcat on the held-out
# development set, in one run, one thread each.
#
#   bench/langid/run.sh [WORKDIR]      (run from the build directory)
#
# WORKDIR holds the fetched training material (default: langid-training);
# the development set is made by plugins/langid/fetch-training.sh when it is
# missing. Needs g++, libcld2-dev and libexttextcat-dev (Debian). Each
# detector runs on one thread and is timed in CPU time, the best of
# LANGID_BENCH_PASSES passes (default 5; 2 for the slow libexttextcat).
set -e

src=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-langid-training}
if [ ! -f "$work/text/dev/short.tsv" ]; then
  sh "$src/plugins/langid/fetch-training.sh" "$work"
fi
out=$work/bench
mkdir -p "$out"

make -s plugins/langid.la core/libtamis.la plugins/langid/tamis-train-langid tamis
./libtool --quiet --mode=link gcc -O2 -o "$out/tamis-driver" "$src/bench/langid/tamis-driver.c" \
  -I"$src/include" -Iinclude $(pkg-config --cflags --libs glib-2.0) core/libtamis.la
g++ -O2 -o "$out/cld2-driver" "$src/bench/langid/cld2-driver.cc" -lcld2
gcc -O2 -o "$out/textcat-driver" "$src/bench/langid/textcat-driver.c" \
  $(pkg-config --cflags --libs libexttextcat)
textcat_dir=$(pkg-config --variable=prefix libexttextcat)/share/libexttextcat/

printf 'tamis: 1\nstages: [langid]\n' > "$out/langid.yaml"

# each driver times the best of $passes passes over a bucket, in CPU time
passes=${LANGID_BENCH_PASSES:-5}
for bucket in short medium long; do
  dev=$work/text/dev/$bucket.tsv
  "$out/tamis-driver" "$passes" < "$dev" > "$out/tamis-$bucket.txt" 2> "$out/tamis-$bucket.time"
  "$out/cld2-driver" "$passes" < "$dev" > "$out/cld2-$bucket.txt" 2> "$out/cld2-$bucket.time"
  "$out/textcat-driver" "$textcat_dir" 2 < "$dev" > "$out/textcat-$bucket.txt" 2> "$out/textcat-$bucket.time"
  # the detector alone, without documents or pipeline around it
  plugins/langid/tamis-train-langid --eval --repeat "$passes" \
    --model "$src/plugins/langid/data/langid.model" "$dev" > "$out/detector-$bucket.txt"
  # tamis's accuracy and macro-F1 come from tamis evaluate, on every
  # language of the set and on CLD2's (the driver above is timed only)
  python3 "$src/bench/langid/score.py" --gold "$dev" "$out/gold-$bucket.jsonl" "$out/gold-cld2-$bucket.jsonl"
  for set in gold gold-cld2; do
    ./tamis evaluate "$out/langid.yaml" "$out/$set-$bucket.jsonl" -j 1 --layers '' --attributes lang \
      --format json > "$out/$set-$bucket.eval.json"
  done
done

python3 "$src/bench/langid/score.py" "$work/text/dev" "$out" "$textcat_dir/fpdb.conf"
