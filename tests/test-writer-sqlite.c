/* Tests of the SQLite writer through its public constructor: offsets in
 * code points, attribute columns (typed, renamed when they clash), span
 * attributes as JSON, repeated ids, failed documents, refusals, resume. */
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <tamis/tamis.h>
#include "document-private.h"
#include "io-private.h"

#define TEXT "Ça coûte 65 milliards d’euros 🙂 selon Meta."

static char *dir;

static char *
tmp_path (const char *name)
{
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("tamis-sqlite-XXXXXX", NULL);
      g_assert_nonnull (dir);
    }
  return g_build_filename (dir, name, NULL);
}

static TamisDoc *
make_doc (const char *id)
{
  g_autoptr(GError) error = NULL;
  TamisDoc *doc = tamis_doc_new (id, TEXT, -1, &error);
  const char *text;
  TamisLayer *money;
  guint32 start;

  g_assert_no_error (error);
  text = tamis_doc_get_text (doc);
  tamis_doc_set_string (doc, "lang", "fr");
  tamis_doc_set_string (doc, "Lang", "upper");
  tamis_doc_set_int (doc, "text", 7);
  tamis_doc_set_double (doc, "lang_score", 0.25);
  tamis_doc_set_bool (doc, "checked", TRUE);
  tamis_doc_set_json (doc, "extra", "{\"a\": [1, 2]}");
  money = tamis_doc_ensure_layer (doc, "money");
  start = strstr (text, "65") - text;
  tamis_layer_add (money, start, strstr (text, " 🙂") - text, "amount");
  tamis_layer_set_double (money, 0, "value", 65e9);
  tamis_layer_set_string (money, 0, "text", "65 milliards d’euros");
  tamis_layer_set_string (money, 0, "quote", "say \"hi\"\n");
  return doc;
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static char *
query (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

#define assert_query(db, sql, expected)         \
  G_STMT_START {                                \
    g_autofree char *got_ = query (db, sql);    \
    g_assert_cmpstr (got_, ==, expected);       \
  } G_STMT_END

static void
write_docs (const char *path, TamisWriterFlags flags, const char *const *ids, gboolean fail_last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisWriter) writer = tamis_writer_new_for_path (TAMIS_FORMAT_SQLITE, path, NULL, FALSE,
                                                             flags, &error);

  g_assert_no_error (error);
  for (guint i = 0; ids[i]; i++)
    {
      TamisDoc *doc = fail_last && ids[i + 1] == NULL
                        ? tamis_doc_new_failed (ids[i], "empty", "no text")
                        : make_doc (ids[i]);

      if (!tamis_writer_skips (writer, doc))
        g_assert_true (tamis_writer_write (writer, doc, &error));
      g_assert_no_error (error);
      tamis_doc_free (doc);
    }
  g_assert_true (tamis_writer_finish (writer, &error));
  g_assert_no_error (error);
}

static void
test_rows (void)
{
  g_autofree char *path = tmp_path ("rows.db");
  const char *ids[] = { "a", "a", "bad", NULL };
  sqlite3 *db;

  write_docs (path, TAMIS_WRITER_NONE, ids, TRUE);
  db = open_db (path);
  /* the same id again is kept apart, and a failed document is a row */
  assert_query (db, "SELECT group_concat(id, ' ') FROM documents", "a a#2 bad");
  assert_query (db, "SELECT error_code || ': ' || error_message FROM documents WHERE id = 'bad'",
                "empty: no text");
  /* attributes: typed columns; "text" clashes with a column, "Lang" with
   * "lang" (SQL names ignore case) */
  assert_query (db, "SELECT lang || ' ' || typeof(lang_score) || ' ' || checked || ' ' || attr_text "
                    "|| ' ' || lang_2 FROM documents WHERE id = 'a'", "fr real 1 7 upper");
  assert_query (db, "SELECT json_extract(extra, '$.a[1]') FROM documents WHERE id = 'a'", "2");
  assert_query (db, "SELECT group_concat(name || '=' || \"column\" || ':' || kind, ' ') FROM "
                    "(SELECT * FROM attributes ORDER BY name)",
                "Lang=Lang_2:text checked=checked:boolean extra=extra:json lang=lang:text "
                "lang_score=lang_score:real text=attr_text:integer");
  /* offsets in code points; attributes as JSON; the span's own text */
  assert_query (db, "SELECT start || '-' || \"end\" || ' ' || label || ' ' || text FROM spans LIMIT 1",
                "9-29 amount 65 milliards d’euros");
  assert_query (db, "SELECT json_extract(attrs, '$.quote') = 'say \"hi\"' || char(10) FROM spans LIMIT 1",
                "1");
  assert_query (db, "SELECT count(*) FROM amounts", "2");
  assert_query (db, "PRAGMA integrity_check", "ok");
  sqlite3_close (db);
}

static void
test_refusals (void)
{
  g_autofree char *path = tmp_path ("exists.db");
  g_autofree char *other = tmp_path ("other.db");
  g_autofree char *jsonl = tmp_path ("out.jsonl");
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "a", NULL };
  TamisWriter *writer;

  write_docs (path, TAMIS_WRITER_NONE, ids, FALSE);
  writer = tamis_writer_new_for_path (TAMIS_FORMAT_SQLITE, path, NULL, FALSE, TAMIS_WRITER_NONE, &error);
  g_assert_null (writer);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_clear_error (&error);

  /* a file that is not a tamis database is never continued */
  g_assert_true (g_file_set_contents (other, "not a database, not at all, no\n", -1, NULL));
  writer = tamis_writer_new_for_path (TAMIS_FORMAT_SQLITE, other, NULL, FALSE, TAMIS_WRITER_RESUME, &error);
  g_assert_null (writer);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_clear_error (&error);

  writer = tamis_writer_new_for_path (TAMIS_FORMAT_JSONL, jsonl, NULL, FALSE, TAMIS_WRITER_RESUME, &error);
  g_assert_null (writer);
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_IO);
  g_clear_error (&error);
}

static void
test_resume (void)
{
  g_autofree char *path = tmp_path ("resume.db");
  const char *first[] = { "a", "b", NULL };
  const char *all[] = { "a", "b", "c", NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  write_docs (path, TAMIS_WRITER_NONE, first, FALSE);
  write_docs (path, TAMIS_WRITER_RESUME, all, FALSE);
  db = open_db (path);
  assert_query (db, "SELECT group_concat(id, ' ') FROM documents", "a b c");
  assert_query (db, "SELECT count(*) FROM spans", "3");
  sqlite3_close (db);
}

static void
test_stream_format (void)
{
  g_autofree char *path = tmp_path ("out.jsonl");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  TamisWriter *writer = tamis_writer_new_for_path (TAMIS_FORMAT_JSONL, path, NULL, FALSE,
                                                   TAMIS_WRITER_NONE, &error);
  TamisDoc *doc = make_doc ("j");

  g_assert_no_error (error);
  g_assert_true (tamis_writer_write (writer, doc, &error));
  g_assert_true (tamis_writer_finish (writer, &error));
  g_assert_cmpuint (tamis_writer_get_n_skipped (writer), ==, 0);
  tamis_writer_free (writer);
  tamis_doc_free (doc);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\"id\":\"j\""));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer-sqlite/rows", test_rows);
  g_test_add_func ("/writer-sqlite/refusals", test_refusals);
  g_test_add_func ("/writer-sqlite/resume", test_resume);
  g_test_add_func ("/writer-sqlite/stream-format", test_stream_format);

  status = g_test_run ();
  if (dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  return status;
}
