#!/usr/bin/env python3
"""Checks a table written by `tamis run --format csv` (or tsv) against the
JSON Lines records of the same run: one row per span of each record's
layers (one empty-span row for a record without any, one error row for a
failed one), every cell the record's value, the span's text the slice of
the record's text at its code-point offsets.

    table-check.py RECORDS.jsonl TABLE.csv|TABLE.tsv

The records must hold the text (`output: {text: true}`). Prints what
differs and exits 1, or exits 0."""

import csv
import io
import json
import sys

FIXED = ["id", "layer", "start", "end", "label", "score", "text", "attributes", "error",
         "error_message"]


def tsv_unescape(cell):
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(cell[i + 1], cell[i + 1]))
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def read_table(path):
    if path.endswith(".tsv"):
        with open(path, encoding="utf-8", newline="") as f:
            data = f.read()
        assert data.endswith("\n") and "\r" not in data, "TSV rows end with LF, no raw CR"
        return [[tsv_unescape(c) for c in line.split("\t")] for line in data[:-1].split("\n")]
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    assert data.endswith("\r\n"), "CSV rows end with CR LF"
    return list(csv.reader(io.StringIO(data, newline="")))


def same(cell, value):
    """Whether a table cell holds @value as the records have it."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, (int, float)):
        try:
            return float(cell) == value and (not isinstance(value, int) or int(cell) == value)
        except ValueError:
            return False
    if isinstance(value, (dict, list)):
        try:
            return json.loads(cell) == value
        except ValueError:
            return False
    return cell == value


def main():
    records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    rows = read_table(sys.argv[2])
    header, rows = rows[0], rows[1:]
    problems = []

    for name in FIXED:
        if name not in header:
            problems.append("no column %s" % name)
    if problems:
        print("\n".join(problems))
        return 1
    for i, row in enumerate(rows):
        if len(row) != len(header):
            problems.append("row %d has %d cells, the header %d" % (i + 2, len(row), len(header)))
    doc_cols = header[1:header.index("layer")]
    span_cols = header[header.index("text") + 1:header.index("attributes")]
    doc_keys = [c[5:] if c.startswith("attr_") and c[5:] in FIXED else c for c in doc_cols]
    span_keys = [c[5:] if c.startswith("attr_") and (c[5:] in FIXED or c[5:] in doc_keys) else c
                 for c in span_cols]
    col = {name: i for i, name in enumerate(header)}

    expected = []
    for rec in records:
        if "error" in rec:
            expected.append((rec, None, None))
            continue
        spans = [(layer, span) for layer, items in rec.get("layers", {}).items() for span in items]
        expected.extend([(rec, layer, span) for layer, span in spans] or [(rec, None, None)])
    if len(expected) != len(rows):
        problems.append("%d rows, the records make %d" % (len(rows), len(expected)))

    for n, ((rec, layer, span), row) in enumerate(zip(expected, rows)):
        where = "row %d (%s)" % (n + 2, rec["id"])
        if len(row) != len(header):
            continue
        if row[0] != rec["id"]:
            problems.append("%s: id %r" % (where, row[0]))
        if "error" in rec:
            if row[col["error"]] != rec["error"]["code"] or row[col["error_message"]] != rec["error"]["message"]:
                problems.append("%s: error %r %r" % (where, row[col["error"]], row[col["error_message"]]))
            if any(row[1:col["error"]]):
                problems.append("%s: an error row with values" % where)
            continue
        for name, key in zip(doc_cols, doc_keys):
            if not same(row[col[name]], rec.get(key)):
                problems.append("%s: %s is %r, the record %r" % (where, name, row[col[name]], rec.get(key)))
        if row[col["error"]] or row[col["error_message"]] or row[col["attributes"]]:
            problems.append("%s: unexpected error or attributes cells" % where)
        if span is None:
            if any(row[col["layer"]:col["attributes"]]):
                problems.append("%s: a row without span has span cells" % where)
            continue
        if row[col["layer"]] != layer:
            problems.append("%s: layer %r, expected %r" % (where, row[col["layer"]], layer))
        for name in ("start", "end", "label", "score"):
            if not same(row[col[name]], span.get(name)):
                problems.append("%s: %s is %r, the record %r" % (where, name, row[col[name]], span.get(name)))
        if row[col["text"]] != rec["text"][span["start"]:span["end"]]:
            problems.append("%s: text %r is not the slice %d:%d" % (where, row[col["text"]], span["start"], span["end"]))
        for name, key in zip(span_cols, span_keys):
            if not same(row[col[name]], span.get(key)):
                problems.append("%s: %s is %r, the span's %r" % (where, name, row[col[name]], span.get(key)))
        for key in span:
            if key not in ("start", "end", "label", "score") and key not in span_keys:
                problems.append("%s: the span's %s has no column" % (where, key))

    print("\n".join(problems[:20]))
    print("%d rows checked, %d problems" % (len(rows), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
