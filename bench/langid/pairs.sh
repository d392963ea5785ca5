#!/bin/sh
# Errors between close languages on the development set, with the word
# tables of the close pairs (langid's `pairs` option) and without.
#
#   bench/langid/pairs.sh [WORKDIR]      (run from the build directory)
#
# WORKDIR holds the fetched training material and its development set
# (default: langid-training; made by plugins/langid/fetch-training.sh when
# missing). Prints, per bucket, the accuracy over all 69 languages and,
# per pair, the samples of either language labelled the other one.
set -e

src=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-langid-training}
if [ ! -f "$work/text/dev/short.tsv" ]; then
  sh "$src/plugins/langid/fetch-training.sh" "$work"
fi
out=$work/pairs
mkdir -p "$out"
make -s plugins/langid.la tamis

for pairs in true false; do
  printf 'tamis: 1\ninput: {format: jsonl}\nstages:\n  - langid: {pairs: %s}\noutput: {layers: [], text: false}\n' \
    "$pairs" > "$out/pairs-$pairs.yaml"
done
for bucket in short medium long; do
  # LANG<TAB>TEXT lines as JSON Lines, the answer kept as metadata
  python3 -c 'import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    lang, text = line.rstrip("\n").split("\t", 1)
    print(json.dumps({"id": str(i), "text": text, "gold": lang}, ensure_ascii=False))' \
    "$work/text/dev/$bucket.tsv" > "$out/$bucket.jsonl"
  for pairs in true false; do
    ./tamis run "$out/pairs-$pairs.yaml" "$out/$bucket.jsonl" > "$out/$bucket-$pairs.jsonl"
  done
done

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
pairs = [("hr", "sr"), ("id", "ms"), ("no", "da"), ("cs", "sk"), ("pt", "gl"), ("es", "gl")]
print("| bucket | pairs | accuracy % | " + " | ".join("%s/%s" % p for p in pairs) + " |")
print("|---|---|---:|" + "---:|" * len(pairs))
for bucket in ("short", "medium", "long"):
    for mode in ("false", "true"):
        recs = [json.loads(l) for l in open("%s/%s-%s.jsonl" % (out, bucket, mode), encoding="utf-8")]
        right = sum(r.get("lang") == r["meta"]["gold"] for r in recs)
        errs = []
        for a, b in pairs:
            errs.append(sum(1 for r in recs if r["meta"]["gold"] in (a, b) and r.get("lang") in (a, b)
                            and r.get("lang") != r["meta"]["gold"]))
        print("| %s | %s | %.2f | %s |" % (bucket, "on" if mode == "true" else "off",
                                         100.0 * right / len(recs), " | ".join(map(str, errs))))
PY
