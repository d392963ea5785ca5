/* tamis — the reader and the writer split in two, so that worker threads
 * read, parse and format documents, and only the ordered listing and
 * writing are left to one thread. */
#pragma once

#include <tamis/io.h>
#include <tamis/pipeline.h>

G_BEGIN_DECLS

/* As tamis_reader_next(), but the document may still be pending: its file
 * unread or its JSON line unparsed until tamis_doc_load() (document-private.h). */
TamisDoc *tamis_reader_next_pending (TamisReader *reader, GError **error);

/* Which parser makes a JSON Lines record into a document: the fast path
 * for flat records (json-scan.c) with json-c for the rest, as the reader
 * does; or either alone, for tests that compare them. */
typedef enum {
  TAMIS_JSONL_PARSE_ANY,
  TAMIS_JSONL_PARSE_FAST,       /* NULL when the record is not flat */
  TAMIS_JSONL_PARSE_JSONC,
} TamisJsonlParse;

/* The document the JSON Lines reader makes of @line (@len bytes without
 * its line end, nul-terminated), line @line_no of @path (NULL: standard
 * input, "-" in messages), named @name in the ids of records that have
 * none, parsed as @how says with the nesting limit @max_depth. */
TamisDoc *tamis_reader_parse_line (const char *line, gsize len, const char *path, const char *name,
                                   guint line_no, guint max_depth, TamisJsonlParse how);

/* Whether an input is read as it comes: standard input or a named pipe
 * that is not a regular file (a pipe, a terminal, a socket). */
gboolean tamis_reader_is_live (const TamisReader *reader);

/* FALSE when the next tamis_reader_next_pending() will not wait for input:
 * a whole line is buffered, the input has ended, or its descriptor has
 * bytes to read (possibly only part of a line). TRUE when it may wait. */
gboolean tamis_reader_would_block (TamisReader *reader);

/* Writes out what the writer holds and flushes its stream, so that a
 * reader of a live output sees every record written so far. */
gboolean tamis_writer_flush (TamisWriter *writer, GError **error);

/* Appends the record of @doc to @out. Thread-safe. */
void tamis_writer_format (TamisWriter *writer, TamisDoc *doc, GString *out);

/* Writes a record made by tamis_writer_format(), with what goes between
 * records (array commas, the TSV header). Records must come in order. */
gboolean tamis_writer_write_record (TamisWriter *writer, const char *record, gsize len,
                                    GError **error);

/* Whether the records of tamis_writer_format() go out end to end, with
 * nothing between them (JSON Lines), so that a run can write a batch of
 * them with tamis_writer_write_records(). */
gboolean tamis_writer_concatenates (const TamisWriter *writer);

/* Writes @n records made by tamis_writer_format(), end to end in @records
 * (@len bytes), as @n calls of tamis_writer_write_record() would. Only for
 * a writer that tamis_writer_concatenates(). */
gboolean tamis_writer_write_records (TamisWriter *writer, const char *records, gsize len, guint n,
                                     GError **error);

/* Called by a run before the first document, with the pipeline it runs:
 * the SQLite writer records the run, and on resume checks that the
 * database was made by the same stages. Other formats do nothing. */
gboolean tamis_writer_start (TamisWriter *writer, const TamisPipeline *pipeline, GError **error);

/* Whether @doc is already in the output (an SQLite database continued
 * with TAMIS_WRITER_RESUME): a run then skips its stages, and its record
 * is empty. Thread-safe; the document must be loaded. */
gboolean tamis_writer_skips (TamisWriter *writer, TamisDoc *doc);

/* The offsets of the spans of @layer in code points, start and end of
 * each span one after the other in @offsets (2 per span). */
void tamis_layer_code_points (const TamisLayer *layer, const char *text, gsize *offsets);

/* A span's float score as the double written in JSON records. */
double tamis_span_score_value (float score);

/* ---- the SQLite writer (writer-sqlite.c), behind TamisWriter ---- */

typedef struct _TamisSqliteOut TamisSqliteOut;

TamisSqliteOut *tamis_sqlite_open (const char *path, gboolean resume, GError **error);
gboolean tamis_sqlite_start (TamisSqliteOut *db, const TamisPipeline *pipeline, GError **error);
gboolean tamis_sqlite_has_id (const TamisSqliteOut *db, const char *id);
void tamis_sqlite_format (TamisSqliteOut *db, TamisDoc *doc, const char *const *layers,
                          const char *const *attributes,
                          gboolean with_text, GString *out);
gboolean tamis_sqlite_write (TamisSqliteOut *db, const char *record, gsize len, GError **error);
/* Appends @d (finite) with the fewest significant digits (17 at most)
 * that read back as the same double: what every writer prints for a
 * number (json-write.c). */
void tamis_string_append_double (GString *out, double d);

gboolean tamis_sqlite_finish (TamisSqliteOut *db, GError **error);
guint64 tamis_sqlite_get_n_skipped (const TamisSqliteOut *db);
void tamis_sqlite_close (TamisSqliteOut *db);

/* Whether a document attribute is written: @attributes is the writer's
 * choice, %NULL for all. */
gboolean tamis_attribute_wanted (const char *const *attributes, const char *key);

/* An id for file name @name, always valid UTF-8: @name itself when it is
 * valid, else @name with each byte that is not part of valid UTF-8, and
 * each '%', written %XX (upper-case hexadecimal); @escaped says which. */
char *tamis_reader_escape_name (const char *name, gboolean *escaped);

G_END_DECLS
