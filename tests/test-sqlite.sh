#!/bin/sh
# The SQLite output: examples/news.yaml over examples/corpus into a
# database holds what the JSON Lines records hold (documents, spans per
# layer, offsets, attributes), its views answer, an existing database is
# refused without --resume, and a run killed with SIGKILL leaves a sound
# database of whole documents that --resume completes into the same one
# as a run in one go. The database is read with python3's sqlite3 module.
. "$TAMIS_SRCDIR/tests/tap.sh"

command -v python3 >/dev/null 2>&1 || tap_skip_all "python3 is not installed"
python3 -c 'import sqlite3' 2>/dev/null || tap_skip_all "python3 has no sqlite3 module"

T=$tap_tmp
NEWS="$EXAMPLES/news.yaml"
CORPUS="$EXAMPLES/corpus"

status_is () { [ "$status" -eq "$1" ]; }

# py SCRIPT ARGS...: runs a Python check; its output goes to the log.
py () {
  script=$1
  shift
  python3 -c "$script" "$@" >"$T/py.log" 2>&1
  py_status=$?
  if [ -s "$T/py.log" ]; then tap_diag "$T/py.log"; fi
  return $py_status
}

# The records of a JSONL file and the rows of a database, side by side:
# same ids in the same order, same attributes, same spans (offsets, label,
# score, attributes) layer by layer.
SAME='
import json, sqlite3, sys
records = [json.loads(l) for l in open(sys.argv[1])]
db = sqlite3.connect(sys.argv[2])
db.row_factory = sqlite3.Row
columns = {r["name"]: r["column"] for r in db.execute("SELECT * FROM attributes")}
docs = db.execute("SELECT * FROM documents ORDER BY rowid").fetchall()
assert [d["id"] for d in docs] == [r["id"] for r in records], "ids differ"
for rec, doc in zip(records, docs):
    if "error" in rec:
        assert doc["error_code"] == rec["error"]["code"], rec["id"]
        continue
    assert doc["error_code"] is None, rec["id"]
    for key, value in rec.items():
        if key in ("id", "layers", "meta", "text", "repaired"):
            continue
        got = doc[columns[key]]
        if isinstance(value, (dict, list)):
            got = json.loads(got)
        elif isinstance(value, bool):
            value = int(value)
        assert got == value, (rec["id"], key, got, value)
    assert (json.loads(doc["meta"]) if doc["meta"] else None) == rec.get("meta"), rec["id"]
    spans = db.execute("SELECT * FROM spans WHERE doc = ? ORDER BY rowid", (doc["rowid"],)).fetchall()
    got = {}
    for s in spans:
        span = {"start": s["start"], "end": s["end"]}
        if s["label"] is not None:
            span["label"] = s["label"]
        if s["score"] is not None:
            span["score"] = s["score"]
        span.update(json.loads(s["attrs"]) if s["attrs"] else {})
        got.setdefault(s["layer"], []).append(span)
    want = {k: v for k, v in rec["layers"].items() if v}
    assert got == want, rec["id"]
'

# ---- news.yaml over the corpus ----
run_tamis jsonl run "$NEWS" "$CORPUS"
run_tamis db run "$NEWS" "$CORPUS" -o "$T/news.db"
check "-o FILE.db writes a database and exits 0" status_is 0
check "nothing on stderr" test ! -s "$T/db.err"
check "nothing on stdout" test ! -s "$T/db.out"
check "the database holds what the JSON Lines records hold" py "$SAME" "$T/jsonl.out" "$T/news.db"
check "the database is sound and one file once finished" \
  py 'import sqlite3, sys, os
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
assert os.path.getsize(sys.argv[1] + "-wal") == 0' "$T/news.db"
check "spans per layer equal the JSON Lines counts" \
  py 'import json, sqlite3, sys, collections
want = collections.Counter()
for l in open(sys.argv[1]):
    for k, v in json.loads(l)["layers"].items():
        want[k] += len(v)
db = sqlite3.connect(sys.argv[2])
got = dict(db.execute("SELECT layer, count(*) FROM spans GROUP BY layer"))
assert got == dict(want), (got, want)' "$T/jsonl.out" "$T/news.db"
check "attribute columns are typed by their values" \
  py 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
kinds = dict(db.execute("SELECT name, kind FROM attributes"))
assert kinds["lang"] == "text" and kinds["lang_score"] == "real" and kinds["entity_sentiment"] == "json", kinds
types = {r[1]: r[2] for r in db.execute("PRAGMA table_info(documents)")}
assert types["lang"] == "TEXT" and types["lang_score"] == "REAL", types
assert db.execute("SELECT count(*) FROM documents WHERE lang = \"fr\"").fetchone()[0] == 5' "$T/news.db"
check "the run table names the pipeline, its stages and when it ran" \
  py 'import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT pipeline, stages, tamis_version, started, finished, documents FROM run").fetchall()
assert len(rows) == 1 and rows[0][0] == "news" and rows[0][4] is not None and rows[0][5] == 10, rows
assert [s.split()[0] for s in json.loads(rows[0][1])] == ["segment", "langid", "money", "entities", "sentiment", "relations"]' "$T/news.db"
check "the views: entities, amounts and sentiment" \
  py 'import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
one = lambda sql: db.execute(sql).fetchone()[0]
assert one("SELECT count(*) FROM entities") == one("SELECT count(*) FROM spans WHERE layer = \"entity\"")
assert one("SELECT count(*) FROM entities WHERE name IS NULL") == 0
assert one("SELECT count(*) FROM amounts") == one("SELECT count(*) FROM spans WHERE layer = \"money\"")
assert one("SELECT count(*) FROM amounts WHERE currency IS NULL OR text IS NULL") == 0
assert one("SELECT count(*) FROM amounts WHERE label = \"range\" AND (min IS NULL OR max IS NULL)") == 0
assert one("SELECT count(*) FROM sentiment WHERE entity IS NULL") == 10
n = sum(len(json.loads(r[0])) for r in db.execute("SELECT entity_sentiment FROM documents"))
assert one("SELECT count(*) FROM sentiment WHERE entity IS NOT NULL") == n' "$T/news.db"
check "the name of an entity is looked up by its index" \
  py 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT * FROM entities WHERE name = ?", ("Meta",)))
assert "spans_entity_name" in plan, plan' "$T/news.db"

# ---- an existing database, formats, text, failures, metadata ----
cp "$T/news.db" "$T/before.db"
run_tamis again run "$NEWS" "$CORPUS" -o "$T/news.db"
check "an existing database is refused without --resume (exit 2)" status_is 2
check "the refusal says what to do" grep -q -e "--resume" "$T/again.err"
check "the refused database is left as it was" cmp -s "$T/news.db" "$T/before.db"
run_tamis resume-all run "$NEWS" "$CORPUS" -o "$T/news.db" --resume
check "--resume over a finished database exits 0" status_is 0
check "--resume skips every document it holds" grep -q "10 documents already in" "$T/resume-all.err"
check "--resume over a finished database adds nothing" py "$SAME" "$T/jsonl.out" "$T/news.db"
run_tamis resume-jsonl run "$NEWS" "$CORPUS" -o "$T/x.jsonl" --resume
check "--resume with a JSON Lines output is refused" status_is 2
run_tamis stdout run "$NEWS" "$CORPUS" --format sqlite
check "--format sqlite without -o is refused" status_is 2

mkdir "$T/in"
cp "$CORPUS/en-02-cloud-deal.txt" "$CORPUS/fr-02-levee-fonds.txt" "$T/in/"
: >"$T/in/empty.txt"
sed -e 's/^  format: jsonl$/  format: sqlite\n  text: true/' "$NEWS" >"$T/text.yaml"
run_tamis text run "$T/text.yaml" "$T/in" -o "$T/text.data"
check "output: {format: sqlite} in the pipeline writes a database; a failed document exits 1" status_is 1
check "a failed document is a row with its error; the text and span texts are kept" \
  py 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = dict(db.execute("SELECT id, error_code FROM documents"))
assert rows == {"empty.txt": "empty", "en-02-cloud-deal.txt": None, "fr-02-levee-fonds.txt": None}, rows
text = db.execute("SELECT text FROM documents WHERE id = \"fr-02-levee-fonds.txt\"").fetchone()[0]
assert text == open(sys.argv[2], encoding="utf-8").read()
bad = [r for r in db.execute("SELECT s.start, s.\"end\", s.text, d.text FROM spans s JOIN documents d ON d.rowid = s.doc")
       if r[3][r[0]:r[1]] != r[2]]
assert not bad, bad[:3]' "$T/text.data" "$T/in/fr-02-levee-fonds.txt"

run_tamis meta run "$NEWS" "$EXAMPLES/corpus.jsonl" -o "$T/meta.sqlite"
check "-o FILE.sqlite writes a database too" status_is 0
check "JSON Lines metadata is kept as JSON" \
  py 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT substr(json_extract(meta, \"$.date\"), 1, 7), count(*) FROM documents GROUP BY 1").fetchall()
assert rows == [("2025-02", 3)], rows' "$T/meta.sqlite"

# ---- killed with SIGKILL, then resumed ----
python3 - "$EXAMPLES/corpus.jsonl" "$T/big.jsonl" <<'EOF'
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for i in range(4000):
        out.write(json.dumps({"id": "doc-%05d" % i, "text": "%s Item %d." % (texts[i % len(texts)], i)}) + "\n")
EOF
run_tamis whole run "$NEWS" "$T/big.jsonl" -o "$T/whole.db"
check "the large input in one go" status_is 0

# The first 2500 documents come through a pipe that then stays open: the
# run commits what it can and waits, and is killed there, whatever the
# speed of the machine. A batch holds at most 1000 documents, so 1500 are
# committed by then.
mkfifo "$T/feed"
"$TAMIS" run "$NEWS" - -o "$T/killed.db" -j 1 <"$T/feed" >/dev/null 2>"$T/killed.err" &
pid=$!
{ head -n 2500 "$T/big.jsonl"; exec sleep 300; } >"$T/feed" 2>/dev/null &
feeder=$!
count=0
tries=0
while [ "$count" -lt 1500 ] && [ "$tries" -lt 600 ]; do
  sleep 0.1
  tries=$((tries + 1))
  count=$(python3 -c 'import sqlite3, sys
try:
    db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    print(db.execute("SELECT count(*) FROM documents").fetchone()[0])
except Exception:
    print(0)' "$T/killed.db")
done
kill -9 "$pid" 2>/dev/null
kill "$feeder" 2>/dev/null
wait "$pid" 2>/dev/null
echo "# killed after $count documents were committed"

PARTIAL='
import sqlite3, sys
whole = sqlite3.connect(sys.argv[1])
part = sqlite3.connect(sys.argv[2])
assert part.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
n = part.execute("SELECT count(*) FROM documents").fetchone()[0]
assert 0 < n < 2500, n
count = """SELECT d.id, s.layer, count(*) FROM documents d JOIN spans s ON s.doc = d.rowid
           GROUP BY d.id, s.layer"""
want = {(i, l): c for i, l, c in whole.execute(count)}
got = {(i, l): c for i, l, c in part.execute(count)}
ids = {r[0] for r in part.execute("SELECT id FROM documents")}
assert got == {k: v for k, v in want.items() if k[0] in ids}, "a document is not whole"
print("%d whole documents" % n)
'
check "a run killed with SIGKILL leaves a sound database of whole documents" \
  py "$PARTIAL" "$T/whole.db" "$T/killed.db"
run_tamis resumed run "$NEWS" "$T/big.jsonl" -o "$T/killed.db" --resume
check "--resume finishes it" status_is 0
SAMEDB='
import sqlite3, sys
a = sqlite3.connect(sys.argv[1])
b = sqlite3.connect(sys.argv[2])
q = """SELECT d.id, s.layer, s.label, s.start, s."end", s.score, s.attrs
       FROM documents d JOIN spans s ON s.doc = d.rowid ORDER BY d.id, s.layer, s.start, s."end", s.label"""
ids = "SELECT id, lang, sentiment, sentiment_score, entity_sentiment FROM documents ORDER BY id"
assert a.execute(ids).fetchall() == b.execute(ids).fetchall(), "documents differ"
assert a.execute(q).fetchall() == b.execute(q).fetchall(), "spans differ"
runs = b.execute("SELECT count(*), count(finished) FROM run").fetchone()
assert runs == (2, 1), runs
'
check "the resumed database equals the one written in one go" py "$SAMEDB" "$T/whole.db" "$T/killed.db"

printf 'tamis: 1\nstages: [segment]\n' >"$T/segment.yaml"
run_tamis other run "$T/segment.yaml" "$T/big.jsonl" -o "$T/killed.db" --resume
check "--resume with other stages is refused" status_is 2

tap_done
