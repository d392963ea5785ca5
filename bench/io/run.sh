#!/bin/sh
# The I/O benchmark: how fast tamis reads and writes records, apart from
# what its stages cost. Run from the build directory (or `make io-bench`):
#
#   bench/io/run.sh [LANGID_WORKDIR]
#
# 1. The JSON parsers on what the JSON Lines reader does with a line
#    (jsonbench.c, built here once per parser: json-glib, json-c, jansson).
# 2. `tamis run` with the langid stage alone, JSON Lines in, attributes out
#    (output: {layers: []}), on the short, medium and long buckets of the
#    langid benchmark's development set (LANGID_WORKDIR/text/dev, made by
#    plugins/langid/fetch-training.sh when missing, as bench/langid/run.sh
#    does), against CLD2 on the same texts (bench/langid/cld2-driver.cc,
#    with glibc's malloc trimming turned off: see there). MB of text per
#    CPU-second on both sides. Beside them, the stage alone through the
#    library (bench/langid/tamis-driver.c: documents made and run through
#    the pipeline, no JSON), against CLD2 on the same texts.
# 3. An empty pipeline on ~2 KB news records (MB of input per CPU-second)
#    and on one-line records of 60 to 90 bytes (records per CPU-second).
# 4. segment with every token written as JSON Lines (MB of input per
#    CPU-second).
#
# tamis runs on one thread (-j 1); its start-up (loading the plugins and
# their data, measured on a one-record input) is subtracted and printed
# apart. Each figure is the least CPU time of IO_BENCH_PASSES runs
# (default 3); inputs are sized for about a second each. Needs python3,
# gcc, libjson-c-dev and libjansson-dev (the parser comparison), g++ and
# libcld2-dev (the CLD2 side): `./autogen.sh --install-bench-deps`.
set -e

src=$(cd "$(dirname "$0")/../.." && pwd)
here=$src/bench/io
work=${1:-langid-training}
out=${IO_BENCH_DIR:-io-bench}
PASSES=${IO_BENCH_PASSES:-3}
export PASSES
mkdir -p "$out"
py=${PYTHON3:-python3}

make -s tamis plugins/langid.la plugins/segment.la
tamis="./tamis"

cpu () { "$py" "$here/cputime.py" "$@"; }
# rate BYTES SECONDS: MB per second
rate () { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 1e-9; printf "%.1f", b / s / 1e6 }'; }
minus () { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 1e-6) d = 1e-6; printf "%.4f", d }'; }
size () { wc -c < "$1" | tr -d ' '; }

echo "== 1. JSON parsers, one record a line (id, text, the rest as metadata text)"
gcc -O2 -o "$out/jsonbench-json-glib" "$here/jsonbench.c" $(pkg-config --cflags --libs json-glib-1.0)
"$out/jsonbench-json-glib" "${IO_BENCH_SECONDS:-1}"
if pkg-config --exists json-c; then
  gcc -O2 -DWITH_JSONC -o "$out/jsonbench-json-c" "$here/jsonbench.c" \
    $(pkg-config --cflags --libs glib-2.0 json-c)
  "$out/jsonbench-json-c" "${IO_BENCH_SECONDS:-1}"
fi
if pkg-config --exists jansson; then
  gcc -O2 -DWITH_JANSSON -o "$out/jsonbench-jansson" "$here/jsonbench.c" \
    $(pkg-config --cflags --libs glib-2.0 jansson)
  "$out/jsonbench-jansson" "${IO_BENCH_SECONDS:-1}"
else
  echo "(jansson not installed: libjansson-dev)"
fi

printf '{"id":"x","text":"Un mot."}\n' > "$out/one.jsonl"

echo
echo "== 2. langid alone, JSON Lines in, attributes out, against CLD2 (MB of text per CPU-second)"
if [ ! -f "$work/text/dev/short.tsv" ]; then
  sh "$src/plugins/langid/fetch-training.sh" "$work"
fi
printf 'tamis: 1\nstages: [langid]\noutput: {layers: []}\n' > "$out/langid.yaml"
startup=$(cpu "$tamis" run "$out/langid.yaml" -j 1 "$out/one.jsonl")
echo "start-up (one record): $startup CPU-s"
have_cld2=no
if command -v g++ >/dev/null 2>&1 &&
   g++ -O2 -o "$out/cld2-driver" "$src/bench/langid/cld2-driver.cc" -lcld2 2>/dev/null; then
  have_cld2=yes
else
  echo "(CLD2 not built: needs g++ and libcld2-dev)"
fi
# the stage alone through the library, no JSON (bench/langid/tamis-driver.c,
# document creation and the pipeline): what the records cost is the rest
./libtool --quiet --mode=link gcc -O2 -o "$out/tamis-driver" "$src/bench/langid/tamis-driver.c" \
  -I"$src/include" -Iinclude $(pkg-config --cflags --libs glib-2.0) core/libtamis.la
printf '%-7s %8s %10s %10s %8s %14s %8s\n' bucket docs tamis CLD2 ratio "stage alone" ratio
for bucket in short medium long; do
  dev=$work/text/dev/$bucket.tsv
  # the bucket repeated up to about 40 MB of text, so that tamis runs for
  # well over its start-up even on long texts; the drivers, which hold
  # their texts in memory, on about 8 MB, so that each pass takes a good
  # part of a second too (one copy, some 20 ms, moved by half from run to
  # run on a shared machine)
  repeat=$(awk -v b="$(size "$dev")" 'BEGIN { r = int(4e7 / b); print r < 1 ? 1 : r }')
  bytes=$("$py" "$here/make-records.py" tsv "$dev" "$repeat" "$out/langid-$bucket.jsonl")
  one=$((bytes / repeat))
  docs=$(wc -l < "$out/langid-$bucket.jsonl" | tr -d ' ')
  t=$(cpu "$tamis" run "$out/langid.yaml" -j 1 "$out/langid-$bucket.jsonl")
  t=$(minus "$t" "$startup")
  ours=$(rate "$bytes" "$t")
  few=$(awk -v b="$(size "$dev")" 'BEGIN { r = int(8e6 / b); print r < 1 ? 1 : r }')
  : > "$out/langid-$bucket.tsv"
  i=0
  while [ "$i" -lt "$few" ]; do cat "$dev" >> "$out/langid-$bucket.tsv"; i=$((i + 1)); done
  few_bytes=$((one * few))
  theirs=-
  ratio=-
  if [ "$have_cld2" = yes ]; then
    c=$("$out/cld2-driver" "$PASSES" < "$out/langid-$bucket.tsv" 2>&1 >/dev/null | awk '{ print $2 }')
    theirs=$(rate "$few_bytes" "$c")
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2fx", a / b }')
  fi
  s=$("$out/tamis-driver" "$PASSES" < "$out/langid-$bucket.tsv" 2>&1 >/dev/null | awk '{ print $2 }')
  alone=$(rate "$few_bytes" "$s")
  alone_ratio=-
  if [ "$have_cld2" = yes ]; then
    alone_ratio=$(awk -v a="$alone" -v b="$theirs" 'BEGIN { printf "%.2fx", a / b }')
  fi
  printf '%-7s %8s %10s %10s %8s %14s %8s\n' "$bucket" "$docs" "$ours" "$theirs" "$ratio" "$alone" "$alone_ratio"
done

echo
echo "== 3. empty pipeline: JSON Lines in, id and metadata out"
if printf 'tamis: 1\nstages: []\n' > "$out/empty.yaml" &&
   "$tamis" check "$out/empty.yaml" >/dev/null 2>&1; then
  echo "(stages: [])"
else
  # Until an empty stage list is accepted: the cheapest stage, its layers
  # not written.
  printf 'tamis: 1\nstages: [segment]\noutput: {layers: []}\n' > "$out/empty.yaml"
  echo "(stages: [] is refused by this tamis: measured with [segment] and layers: [] instead)"
fi
if [ ! -d "$out/articles" ]; then
  "$py" "$src/bench/segment/make-corpus.py" --size 2 --out "$out/articles" "$src/examples/corpus" >/dev/null
fi
"$py" "$here/make-records.py" news "$out/articles" 10000 "$out/news.jsonl" >/dev/null
"$py" "$here/make-records.py" short 300000 "$out/short.jsonl" >/dev/null
startup=$(cpu "$tamis" run "$out/empty.yaml" -j 1 "$out/one.jsonl")
echo "start-up (one record): $startup CPU-s"
bytes=$(size "$out/news.jsonl")
t=$(minus "$(cpu "$tamis" run "$out/empty.yaml" -j 1 "$out/news.jsonl")" "$startup")
echo "news, 10000 records of $((bytes / 10000)) bytes: $(rate "$bytes" "$t") MB/CPU-s"
bytes=$(size "$out/short.jsonl")
t=$(minus "$(cpu "$tamis" run "$out/empty.yaml" -j 1 "$out/short.jsonl")" "$startup")
echo "short, 300000 records of $((bytes / 300000)) bytes: $(awk -v s="$t" 'BEGIN { printf "%.0f", 300000 / s }') records/CPU-s ($(rate "$bytes" "$t") MB/CPU-s)"

echo
echo "== 4. segment, every token written as JSON Lines"
printf 'tamis: 1\nstages: [segment]\n' > "$out/segment.yaml"
head -n 3000 "$out/news.jsonl" > "$out/news-3000.jsonl"
startup=$(cpu "$tamis" run "$out/segment.yaml" -j 1 "$out/one.jsonl")
bytes=$(size "$out/news-3000.jsonl")
t=$(minus "$(cpu "$tamis" run "$out/segment.yaml" -j 1 "$out/news-3000.jsonl")" "$startup")
echo "news, 3000 records of $((bytes / 3000)) bytes: $(rate "$bytes" "$t") MB/CPU-s (start-up $startup CPU-s apart)"
