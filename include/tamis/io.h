/* tamis — reading document sets and writing results. */
#pragma once

#include <gio/gio.h>
#include <tamis/document.h>

G_BEGIN_DECLS

/**
 * TAMIS_DEFAULT_MAX_DOC_SIZE:
 *
 * Documents larger than this (64 MiB) are refused unless the pipeline's
 * `input: {max_size:}` says otherwise.
 */
#define TAMIS_DEFAULT_MAX_DOC_SIZE (64u * 1024u * 1024u)

/**
 * TAMIS_DEFAULT_MAX_DEPTH:
 *
 * A JSON Lines record nested deeper than this (64 levels: the record is
 * level 1, each value in an object or array one level deeper than it, so
 * the `1` of `{"m": [[1]]}` is at level 4) becomes a "too-deep" failed
 * document unless the pipeline's `input: {max_depth:}` says otherwise.
 */
#define TAMIS_DEFAULT_MAX_DEPTH 64u

/**
 * TAMIS_MAX_DEPTH_LIMIT:
 *
 * The largest `input: {max_depth:}` accepted (100000).
 */
#define TAMIS_MAX_DEPTH_LIMIT 100000u

/**
 * TamisReader:
 *
 * Turns command-line inputs into a stream of documents: text files,
 * directories (recursively, sorted, `.txt` and `.jsonl` files), JSON Lines
 * files (`{"id", "text", …}`) and standard input (`-`). A document that cannot
 * be used (invalid UTF-8, binary, empty, too large, a JSONL line that is not
 * an object with a "text" string) comes out as a failed document
 * (tamis_doc_get_error_code()), in its place, so that the run goes on.
 * Repairs are flagged with tamis_doc_add_repair(): "bom" (a UTF-8 byte-order
 * mark dropped), "crlf" (CR LF turned into LF), "cr" (a lone CR turned into
 * LF), "id-escaped" (a file name that is not UTF-8 made into an id, see
 * below). A JSON Lines record nested deeper than the depth limit
 * (tamis_reader_set_max_depth()) is a "too-deep" failed document.
 * Directories contribute their `.txt`, `.jsonl` and `.ndjson` files,
 * hidden entries skipped, sorted bytewise. A JSON Lines line longer than the
 * size limit becomes a "too-large" record without being kept in memory.
 *
 * Ids are always valid UTF-8. A file name that is not (a Latin-1 name from
 * an old archive, `caf\xe9.txt`) gives an id where each byte that is not
 * part of valid UTF-8, and each '%' of such a name, is written `%XX` (two
 * upper-case hexadecimal digits): `caf%E9.txt`. Decoding every `%XX` gives
 * the name's bytes back. Names that are valid UTF-8 are never changed.
 */
typedef struct _TamisReader TamisReader;

/**
 * TamisInputFormat:
 * @TAMIS_INPUT_AUTO: by file name (`.jsonl`, `.ndjson` are JSON Lines, the
 *   rest text); standard input is JSON Lines when its first non-blank byte
 *   is `{`, else one text document
 * @TAMIS_INPUT_TEXT: every file is one text document
 * @TAMIS_INPUT_JSONL: every file is JSON Lines
 */
typedef enum {
  TAMIS_INPUT_AUTO,
  TAMIS_INPUT_TEXT,
  TAMIS_INPUT_JSONL,
} TamisInputFormat;

/**
 * tamis_input_format_from_string:
 * @name: "auto", "text" or "jsonl"
 * @format: (out): the format
 *
 * Returns: %FALSE for an unknown name
 */
gboolean tamis_input_format_from_string (const char *name, TamisInputFormat *format);

/**
 * tamis_size_from_string:
 * @text: a size in bytes: digits, then optionally K, M or G (powers of
 *   1024) and "B" or "iB": "1000", "512K", "64M", "1GiB"
 * @size: (out): the size in bytes
 *
 * Reads a document size limit as pipelines and the command line write it.
 *
 * Returns: %FALSE when @text is not such a size, or is 0
 */
gboolean tamis_size_from_string (const char *text, gsize *size);

/**
 * tamis_reader_new:
 * @inputs: %NULL-terminated file names, directory names or "-"
 * @format: how to read files
 * @max_doc_size: the largest document accepted, in bytes (0 for the default)
 * @error: return location for a #GError
 *
 * Checks that every input exists (a %TAMIS_ERROR_IO error otherwise) and
 * lists the files of directories. Nothing is read yet.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
TamisReader *tamis_reader_new (const char *const *inputs, TamisInputFormat format,
                               gsize max_doc_size, GError **error);

/**
 * tamis_reader_set_max_depth:
 * @reader: a reader
 * @max_depth: the deepest level a value of a JSON Lines record may be at,
 *   the record being level 1 (see %TAMIS_DEFAULT_MAX_DEPTH; 0 for
 *   %TAMIS_DEFAULT_MAX_DEPTH; at most %TAMIS_MAX_DEPTH_LIMIT)
 *
 * Records nested deeper become "too-deep" failed documents; the parser
 * never recurses, so no depth can exhaust the stack. Set it before reading.
 */
void tamis_reader_set_max_depth (TamisReader *reader, guint max_depth);

/**
 * tamis_reader_next:
 * @reader: a reader
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the next document (possibly a failed
 *   one), or %NULL at the end or, with @error set, when an input stream
 *   itself fails
 */
TamisDoc *tamis_reader_next (TamisReader *reader, GError **error);

/**
 * tamis_reader_get_total_bytes:
 * @reader: a reader
 *
 * Returns: the size of all input files, or 0 when unknown (standard input)
 */
guint64 tamis_reader_get_total_bytes (const TamisReader *reader);

/**
 * tamis_reader_get_bytes_read:
 * @reader: a reader
 *
 * Returns: the bytes consumed so far
 */
guint64 tamis_reader_get_bytes_read (const TamisReader *reader);

/**
 * tamis_reader_set_shard:
 * @reader: a reader, before its first document
 * @index: the shard to read, from 0 to @count - 1
 * @count: the number of shards the input is split into
 * @error: return location for a #GError
 *
 * Narrows the reader to one of @count shards of its input, so that @count
 * runs, one per shard, read every document exactly once between them. The
 * input's files, in the order they are listed, are seen as one run of
 * bytes cut into @count equal parts: a text file belongs to the part where
 * it starts, a JSON Lines line to the part where the line starts. A run
 * reads only its own part (and, when it starts inside a JSON Lines file,
 * the bytes before it, to count lines, without parsing them), and the
 * records of the runs of shards 0, 1, … put end to end are those of one
 * run over the whole input, in the same order. The listing must be the
 * same for every shard: the same inputs, unchanged while the runs last.
 *
 * Returns: %FALSE with a %TAMIS_ERROR_CONFIG error when the input holds
 *   standard input or a pipe, whose size is not known in advance
 */
gboolean tamis_reader_set_shard (TamisReader *reader, guint index, guint count, GError **error);

/** tamis_reader_free: Frees the reader and closes its files. */
void tamis_reader_free (TamisReader *reader);

/**
 * TamisFormat:
 * @TAMIS_FORMAT_JSONL: one JSON object per document per line
 * @TAMIS_FORMAT_JSON: one indented JSON array of the records
 * @TAMIS_FORMAT_TSV: a table, tab-separated, with a header row: one row per
 *   span of the layers written, with the columns `id`, one per document
 *   attribute written (`lang`, `sentiment`…), `layer`, `start`, `end`
 *   (code points), `label`, `score`, `text` (the span's), one per span
 *   attribute (`value`, `currency`…), `attributes` (those without a
 *   column, as key=value joined by ';', with ';' and '\\' escaped by '\\'),
 *   `error` and `error_message`. The columns are those the pipeline's stages
 *   declare (tamis_run()), else those of the first document. A document
 *   without a span written is one row with empty span columns; a failed
 *   document one row with its error code and message. Numbers are written as
 *   numbers, booleans as true or false, JSON values as JSON text. Tabs, line
 *   breaks and backslashes in values are escaped as \t \n \r \\; rows end
 *   with LF.
 * @TAMIS_FORMAT_SQLITE: an SQLite database (tables `documents`, `spans`,
 *   `attributes`, `run`; views `entities`, `amounts`, `sentiment`), written
 *   in transactions of up to 1000 documents or about a second, in WAL mode,
 *   so that a killed run leaves whole documents only. It needs a file:
 *   tamis_writer_new_for_path().
 * @TAMIS_FORMAT_HTML: one self-contained HTML page, a report: charts of the
 *   corpus summary, a searchable list of the documents, and each
 *   document's text with its entities, amounts and sentiment cues
 *   highlighted. Records keep their text and, of their layers, only those
 *   the page shows; they are streamed into the page as they come, the
 *   summary is written when the writer finishes.
 * @TAMIS_FORMAT_CSV: the table of %TAMIS_FORMAT_TSV as CSV (RFC 4180):
 *   comma-separated, rows ended by CR LF, a field quoted when it holds a
 *   comma, a double quote, CR or LF, with its quotes doubled.
 */
typedef enum {
  TAMIS_FORMAT_JSONL,
  TAMIS_FORMAT_JSON,
  TAMIS_FORMAT_TSV,
  TAMIS_FORMAT_SQLITE,
  TAMIS_FORMAT_HTML,
  TAMIS_FORMAT_CSV,
} TamisFormat;

/**
 * tamis_format_from_string:
 * @name: "jsonl", "json", "tsv", "csv", "sqlite" or "html"
 * @format: (out): the format
 * @error: return location for a #GError
 *
 * Returns: %FALSE with a %TAMIS_ERROR_CONFIG error for an unknown name
 */
gboolean tamis_format_from_string (const char *name, TamisFormat *format, GError **error);

/**
 * TamisWriter:
 *
 * Writes one record per document. Records hold "id", the document
 * attributes, the input's metadata, and every layer (or those chosen) with
 * offsets in Unicode code points; a failed document's record is
 * `{"id": …, "error": {"code": …, "message": …}}`.
 */
typedef struct _TamisWriter TamisWriter;

/**
 * tamis_writer_new:
 * @format: the output format, not %TAMIS_FORMAT_SQLITE (which needs
 *   tamis_writer_new_for_path())
 * @stream: where to write; the writer takes a reference
 * @layers: (nullable): the layers to write, %NULL for all
 * @with_text: whether records include the document text
 *
 * Returns: (transfer full): the writer
 */
TamisWriter *tamis_writer_new (TamisFormat format, GOutputStream *stream,
                               const char *const *layers, gboolean with_text);

/**
 * TamisWriterFlags:
 * @TAMIS_WRITER_NONE: no flag: a file that exists is replaced, except an
 *   SQLite database, which is refused (%TAMIS_ERROR_IO)
 * @TAMIS_WRITER_RESUME: (SQLite only) continue the database if it exists:
 *   documents whose id it holds already are skipped by tamis_run() before
 *   any stage runs, the others are appended
 */
typedef enum {
  TAMIS_WRITER_NONE = 0,
  TAMIS_WRITER_RESUME = 1 << 0,
} TamisWriterFlags;

/**
 * tamis_writer_new_for_path:
 * @format: the output format
 * @path: the file to write: a database with %TAMIS_FORMAT_SQLITE, else a
 *   file written in place (g_file_replace())
 * @layers: (nullable): the layers to write, %NULL for all
 * @with_text: whether records include the document text (with SQLite,
 *   the `text` columns of documents and spans)
 * @flags: #TamisWriterFlags
 * @error: return location for a #GError
 *
 * A writer of its own file. An SQLite database that exists is refused
 * unless @flags has %TAMIS_WRITER_RESUME, since it may hold the part of a
 * long run that stopped, which resuming finishes; nor is a file that is not
 * a tamis database ever continued.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
TamisWriter *tamis_writer_new_for_path (TamisFormat format, const char *path,
                                        const char *const *layers, gboolean with_text,
                                        TamisWriterFlags flags, GError **error);

/**
 * tamis_writer_set_attributes:
 * @writer: a writer, before its first record
 * @attributes: (nullable) (array zero-terminated=1): the document attributes
 *   to write (`lang`, `sentiment`…), %NULL for all
 *
 * Chooses which document attributes the records carry, in every format; an
 * empty list writes none. The id, the error, the metadata and the layers
 * are not attributes: they are written whatever the choice.
 */
void tamis_writer_set_attributes (TamisWriter *writer, const char *const *attributes);

/**
 * tamis_writer_get_n_skipped:
 * @writer: a writer
 *
 * Returns: the documents skipped because a resumed database held them
 */
guint64 tamis_writer_get_n_skipped (const TamisWriter *writer);

/**
 * tamis_writer_write:
 * @writer: a writer
 * @doc: a document, processed or failed
 * @error: return location for a #GError
 *
 * Returns: %FALSE when the stream fails
 */
gboolean tamis_writer_write (TamisWriter *writer, TamisDoc *doc, GError **error);

/**
 * tamis_writer_write_json:
 * @writer: a writer of format %TAMIS_FORMAT_JSONL, %TAMIS_FORMAT_JSON or
 *   %TAMIS_FORMAT_HTML
 * @record: a record as the JSON writers make it (a line of a JSON Lines
 *   results file), not necessarily nul-terminated
 * @length: the length of @record in bytes, or -1 when nul-terminated
 * @error: return location for a #GError
 *
 * Writes a record made earlier, as if its document had been written with
 * tamis_writer_write(): this is how a results file becomes a report. The
 * writer's choice of layers and text does not apply; the HTML writer keeps
 * only the layers its page shows. The writer's summary
 * (tamis_writer_set_summary()) counts the whole record.
 *
 * Returns: %FALSE when @record is not a JSON object (%TAMIS_ERROR_INPUT),
 *   the format is TSV or CSV (%TAMIS_ERROR_CONFIG) or the stream fails
 */
gboolean tamis_writer_write_json (TamisWriter *writer, const char *record, gssize length,
                                  GError **error);

/**
 * tamis_writer_set_summary_json:
 * @writer: a writer
 * @summary: (nullable): a corpus summary as JSON, or %NULL
 *
 * Gives the HTML writer the summary its page draws its charts from, in
 * place of the one it counts from the documents and records it writes
 * (its own, or the one given to tamis_writer_set_summary()). Other
 * formats ignore it.
 */
void tamis_writer_set_summary_json (TamisWriter *writer, const char *summary);

/**
 * tamis_writer_finish:
 * @writer: a writer
 * @error: return location for a #GError
 *
 * Writes what closes the output (the JSON array's end, the HTML page's
 * summary and script) and flushes.
 *
 * Returns: %FALSE when the stream fails
 */
gboolean tamis_writer_finish (TamisWriter *writer, GError **error);

/** tamis_writer_free: Frees the writer (without finishing it). */
void tamis_writer_free (TamisWriter *writer);

/**
 * tamis_doc_to_json:
 * @doc: a document
 * @layers: (nullable): the layers to include, %NULL for all
 * @with_text: whether to include the text
 * @pretty: indent the output
 *
 * The record the JSON writers produce for @doc, as a string.
 *
 * Returns: (transfer full): the JSON text
 */
char *tamis_doc_to_json (TamisDoc *doc, const char *const *layers, gboolean with_text, gboolean pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisReader, tamis_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisWriter, tamis_writer_free)

G_END_DECLS
