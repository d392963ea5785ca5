/* tamis — the SQLite writer: records as rows of one database file.
 *
 * Tables:
 *   documents   one row per document: rowid, id (unique), source, line,
 *               error_code, error_message, text (with output text), meta
 *               (JSON), repaired (JSON), then one column per document
 *               attribute, added with ALTER TABLE the first time the
 *               attribute is seen and typed by that first value (JSON
 *               values are TEXT holding JSON)
 *   attributes  which column holds which attribute, and its kind
 *   spans       one row per span: doc (documents.rowid), layer, label,
 *               start, end (code points, as in JSON records), score, attrs
 *               (JSON object), text (with output text, or the span's own
 *               `text` attribute)
 *   run         one row per run: pipeline, stages (JSON), tamis version,
 *               started, finished (NULL: the run did not end), documents
 *               written and skipped
 * Views (remade whenever a column appears, since they read attribute
 * columns that may not exist yet): entities, amounts, sentiment.
 *
 * Workers cannot touch the connection, and the ordered writer no longer
 * has the document: tamis_sqlite_format() (writer-sqlite-pack.c) packs what
 * the rows need into a flat record, which tamis_sqlite_write() here binds
 * straight from the buffer. A document already in a resumed database packs
 * to nothing.
 *
 * Writes go in transactions of BATCH_DOCS documents or BATCH_USEC of
 * writing, in WAL mode: a run killed at any point leaves the documents of
 * the transactions committed, each whole with its spans. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <tamis/error.h>
#include <tamis/version.h>
#include "document-private.h"
#include "io-private.h"
#include "writer-sqlite-private.h"

#define BATCH_DOCS 1000
#define BATCH_USEC G_USEC_PER_SEC

/* PRAGMA application_id of a tamis database: "tams". */
#define APPLICATION_ID 0x74616d73
#define SCHEMA_VERSION 1

/* Columns of documents that are not attributes; an attribute of one of
 * these names gets the column "attr_NAME". */
static const char *const fixed_columns[] = {
  "rowid", "id", "source", "line", "error_code", "error_message", "text", "meta", "repaired", NULL
};

/* ---- reading a packed record ---- */

typedef struct {
  const char *p;
  const char *end;
  gboolean bad;
} Unpack;

static gboolean
take (Unpack *u, void *dest, gsize n)
{
  if (u->bad || (gsize) (u->end - u->p) < n)
    {
      u->bad = TRUE;
      memset (dest, 0, n);
      return FALSE;
    }
  memcpy (dest, u->p, n);
  u->p += n;
  return TRUE;
}

static guint32
get_u32 (Unpack *u)
{
  guint32 v;

  take (u, &v, sizeof v);
  return v;
}

static gint64
get_i64 (Unpack *u)
{
  gint64 v;

  take (u, &v, sizeof v);
  return v;
}

static double
get_f64 (Unpack *u)
{
  double v;

  take (u, &v, sizeof v);
  return v;
}

/* A string of the record, not NUL-terminated: @len is its length; NULL
 * for a missing one. */
static const char *
get_str (Unpack *u, int *len)
{
  guint32 n = get_u32 (u);
  const char *s;

  *len = 0;
  if (u->bad || n == NO_STRING)
    return NULL;
  if ((gsize) (u->end - u->p) < n || n > G_MAXINT)
    {
      u->bad = TRUE;
      return NULL;
    }
  s = u->p;
  u->p += n;
  *len = (int) n;
  return s;
}

/* ---- the database, on the writing thread ---- */

typedef struct {
  char *column; /* its name in documents */
  char *kind;   /* text, integer, real, boolean, json */
} Column;

struct _TamisSqliteOut {
  sqlite3 *db;
  char *path;
  GHashTable *done;      /* ids held when it was opened, for a resume */
  GHashTable *columns;   /* attribute name -> Column */
  GHashTable *taken;     /* case-folded column names of documents */
  GHashTable *doc_stmts; /* attribute names joined by \x1f -> insert statement */
  sqlite3_stmt *insert_span;
  GString *key;
  GString *sql;
  GString *name;
  GPtrArray *attr_names; /* of the document being written */
  gboolean in_tx;
  gboolean broken;       /* a write failed: the open batch may hold part of a document */
  guint batch_docs;
  gint64 batch_started;
  gboolean views_stale;
  gint64 run_id;
  guint64 n_written;
  guint64 n_skipped;
};

static gboolean
db_error (TamisSqliteOut *self, GError **error, const char *what)
{
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: %s: %s", self->path, what,
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (TamisSqliteOut *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: %s", self->path,
                   message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (TamisSqliteOut *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, "prepare");
      return NULL;
    }
  return stmt;
}

/* An SQL identifier, quoted. */
static void
append_ident (GString *out, const char *name)
{
  g_string_append_c (out, '"');
  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->column);
  g_free (column->kind);
  g_free (column);
}

static void
stmt_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS documents ("
  " rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT, line INTEGER,"
  " error_code TEXT, error_message TEXT, text TEXT, meta TEXT, repaired TEXT);"
  "CREATE TABLE IF NOT EXISTS spans ("
  " doc INTEGER NOT NULL REFERENCES documents (rowid), layer TEXT NOT NULL, label TEXT,"
  " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, score REAL, attrs TEXT, text TEXT);"
  "CREATE TABLE IF NOT EXISTS attributes ("
  " name TEXT PRIMARY KEY, \"column\" TEXT NOT NULL UNIQUE, kind TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS run ("
  " rowid INTEGER PRIMARY KEY, pipeline TEXT, stages TEXT, tamis_version TEXT,"
  " started TEXT, finished TEXT, documents INTEGER, skipped INTEGER);"
  "CREATE INDEX IF NOT EXISTS spans_doc ON spans (doc, layer, start);";

/* Made when a run finishes: kept up to date row by row, they would more
 * than double the cost of writing (their rows go anywhere in the tree,
 * where spans_doc only grows at its end). */
static const char late_indexes[] =
  "CREATE INDEX IF NOT EXISTS spans_layer_label ON spans (layer, label);"
  "CREATE INDEX IF NOT EXISTS spans_entity_name ON spans (json_extract (attrs, '$.canonical'))"
  " WHERE layer = 'entity';";

/* What is in a database being continued: its ids and attribute columns. */
static gboolean
load_existing (TamisSqliteOut *self, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT id FROM documents", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (self->done, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "reading the ids");

  stmt = prepare (self, "SELECT name, \"column\", kind FROM attributes", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column *column = g_new0 (Column, 1);

      column->column = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      column->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_add (self->taken, g_utf8_casefold (column->column, -1));
      g_hash_table_insert (self->columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "reading the attribute columns");
  return TRUE;
}

static int
pragma_int (TamisSqliteOut *self, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

TamisSqliteOut *
tamis_sqlite_open (const char *path, gboolean resume, GError **error)
{
  TamisSqliteOut *self;
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              APPLICATION_ID, SCHEMA_VERSION);

  if (exists && !resume)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                   "%s exists: a database is continued (resumed) or written anew, never "
                   "overwritten", path);
      return NULL;
    }
  if (!exists)
    {
      /* What a removed database may have left would be taken for its journal. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }

  self = g_new0 (TamisSqliteOut, 1);
  self->path = g_strdup (path);
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, column_free);
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->doc_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           stmt_free);
  self->key = g_string_new (NULL);
  self->sql = g_string_new (NULL);
  self->name = g_string_new (NULL);
  self->attr_names = g_ptr_array_new ();
  for (guint i = 0; fixed_columns[i]; i++)
    g_hash_table_add (self->taken, g_strdup (fixed_columns[i]));

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      db_error (self, error, "cannot open");
      tamis_sqlite_close (self);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (exists)
    {
      int app = pragma_int (self, "PRAGMA application_id");
      int tables = pragma_int (self, "SELECT count(*) FROM sqlite_master");

      if (app < 0 || (app != APPLICATION_ID && tables != 0))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "%s is not a database written by tamis: it is not continued", path);
          tamis_sqlite_close (self);
          return NULL;
        }
    }

  /* WAL: a commit is whole or absent after a crash, and readers may look
   * at the database while it grows. NORMAL: a power cut may lose the
   * last commits, never consistency; a killed process loses nothing
   * committed. Checkpoints (each two syncs) every 64 MB of journal rather
   * than 4. */
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;", error)
      || !exec (self, "BEGIN", error)
      || !exec (self, schema, error)
      || !exec (self, pragmas, error)
      || !exec (self, "COMMIT", error)
      || !load_existing (self, error))
    {
      tamis_sqlite_close (self);
      return NULL;
    }

  self->insert_span = prepare (self,
                               "INSERT INTO spans (doc, layer, label, start, \"end\", score, attrs, text)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (self->insert_span == NULL)
    {
      tamis_sqlite_close (self);
      return NULL;
    }
  self->views_stale = TRUE;
  return self;
}

gboolean
tamis_sqlite_has_id (const TamisSqliteOut *self, const char *id)
{
  return g_hash_table_size (self->done) > 0 && g_hash_table_contains (self->done, id);
}

guint64
tamis_sqlite_get_n_skipped (const TamisSqliteOut *self)
{
  return self->n_skipped;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
tamis_sqlite_start (TamisSqliteOut *self, const TamisPipeline *pipeline, GError **error)
{
  g_autoptr(GString) stages = g_string_new ("[");
  g_autofree char *started = now_iso ();
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; pipeline && i < tamis_pipeline_get_n_stages (pipeline); i++)
    {
      if (i > 0)
        g_string_append_c (stages, ',');
      tamis_sqlite_json_string (stages, tamis_pipeline_get_stage_id (pipeline, i), -1);
    }
  g_string_append_c (stages, ']');

  /* Records of other stages (another version, other options) would not
   * be comparable with those already there. */
  stmt = prepare (self, "SELECT stages FROM run ORDER BY rowid DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && pipeline && sqlite3_column_text (stmt, 0)
      && strcmp ((const char *) sqlite3_column_text (stmt, 0), stages->str) != 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "%s was written by other stages (%s), not %s: it is not continued",
                   self->path, sqlite3_column_text (stmt, 0), stages->str);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  stmt = prepare (self, "INSERT INTO run (pipeline, stages, tamis_version, started, documents, skipped)"
                        " VALUES (?, ?, ?, ?, 0, 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pipeline ? tamis_pipeline_get_name (pipeline) : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, pipeline ? stages->str : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, TAMIS_VERSION, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, started, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "recording the run");
  self->run_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* ---- views ---- */

/* The column of attribute @name as an SQL expression, "NULL" when the
 * database has none. */
static void
append_attr (TamisSqliteOut *self, GString *sql, const char *table, const char *name)
{
  Column *column = g_hash_table_lookup (self->columns, name);

  if (column == NULL)
    {
      g_string_append (sql, "NULL");
      return;
    }
  g_string_append_printf (sql, "%s.", table);
  append_ident (sql, column->column);
}

static gboolean
make_views (TamisSqliteOut *self, GError **error)
{
  GString *sql = self->sql;

  g_string_assign (sql,
    "DROP VIEW IF EXISTS entities; DROP VIEW IF EXISTS amounts; DROP VIEW IF EXISTS sentiment;"
    "CREATE VIEW entities AS"
    " SELECT doc, json_extract (attrs, '$.canonical') AS name, label, start, \"end\", score, text"
    " FROM spans WHERE layer = 'entity';"
    /* the relation tied to an amount has the amount's offsets */
    "CREATE VIEW amounts AS"
    " SELECT m.doc AS doc, m.label AS label, json_extract (m.attrs, '$.value') AS value,"
    " json_extract (m.attrs, '$.min') AS min, json_extract (m.attrs, '$.max') AS max,"
    " json_extract (m.attrs, '$.currency') AS currency,"
    " coalesce (m.text, json_extract (m.attrs, '$.text')) AS text, m.start AS start, m.\"end\" AS \"end\","
    " json_extract (r.attrs, '$.entity') AS entity, json_extract (r.attrs, '$.entity_type') AS entity_type,"
    " r.label AS relation, json_extract (r.attrs, '$.cue') AS cue, r.score AS relation_score"
    " FROM spans AS m LEFT JOIN spans AS r"
    " ON r.doc = m.doc AND r.layer = 'relation' AND r.start = m.start AND r.\"end\" = m.\"end\""
    " WHERE m.layer = 'money';"
    "CREATE VIEW sentiment AS"
    " SELECT d.rowid AS doc, NULL AS entity, NULL AS entity_type, ");
  append_attr (self, sql, "d", "sentiment");
  g_string_append (sql, " AS label, ");
  append_attr (self, sql, "d", "sentiment_score");
  g_string_append (sql, " AS score, NULL AS mentions FROM documents AS d WHERE d.error_code IS NULL");
  if (g_hash_table_contains (self->columns, "entity_sentiment"))
    {
      g_string_append (sql,
        " UNION ALL SELECT d.rowid, e.key, json_extract (e.value, '$.type'),"
        " json_extract (e.value, '$.label'), json_extract (e.value, '$.score'),"
        " json_extract (e.value, '$.mentions') FROM documents AS d, json_each (");
      append_attr (self, sql, "d", "entity_sentiment");
      g_string_append (sql, ") AS e WHERE json_valid (");
      append_attr (self, sql, "d", "entity_sentiment");
      g_string_append (sql, ")");
    }
  /* Documents without the per-entity attribute: their mention spans, the
   * label the one more of them have (neutral on a tie). */
  g_string_append (sql,
    " UNION ALL SELECT s.doc, json_extract (s.attrs, '$.canonical') AS name,"
    " json_extract (s.attrs, '$.type'),"
    " CASE WHEN sum (s.label = 'positive') > sum (s.label = 'negative') THEN 'positive'"
    " WHEN sum (s.label = 'negative') > sum (s.label = 'positive') THEN 'negative' ELSE 'neutral' END,"
    " avg (s.score), count (*) FROM spans AS s JOIN documents AS d ON d.rowid = s.doc"
    " WHERE s.layer = 'mention_sentiment'");
  if (g_hash_table_contains (self->columns, "entity_sentiment"))
    {
      g_string_append (sql, " AND ");
      append_attr (self, sql, "d", "entity_sentiment");
      g_string_append (sql, " IS NULL");
    }
  g_string_append (sql, " GROUP BY s.doc, name;");
  if (!exec (self, sql->str, error))
    return FALSE;
  self->views_stale = FALSE;
  return TRUE;
}

/* ---- writing ---- */

static gboolean
commit (TamisSqliteOut *self, GError **error)
{
  if (!self->in_tx)
    return TRUE;
  if (self->views_stale && !make_views (self, error))
    return FALSE;
  if (!exec (self, "COMMIT", error))
    return FALSE;
  self->in_tx = FALSE;
  self->batch_docs = 0;
  return TRUE;
}

static const char *
kind_name (TamisValueType type)
{
  switch (type)
    {
    case TAMIS_VALUE_INT: return "integer";
    case TAMIS_VALUE_DOUBLE: return "real";
    case TAMIS_VALUE_BOOL: return "boolean";
    case TAMIS_VALUE_JSON: return "json";
    case TAMIS_VALUE_STRING:
    case TAMIS_VALUE_NONE:
    default: return "text";
    }
}

static const char *
sql_type (TamisValueType type)
{
  switch (type)
    {
    case TAMIS_VALUE_INT:
    case TAMIS_VALUE_BOOL:
      return "INTEGER";
    case TAMIS_VALUE_DOUBLE:
      return "REAL";
    case TAMIS_VALUE_STRING:
    case TAMIS_VALUE_JSON:
    case TAMIS_VALUE_NONE:
    default:
      return "TEXT";
    }
}

/* The column of attribute @name, added when new. */
static Column *
ensure_column (TamisSqliteOut *self, const char *name, TamisValueType type, GError **error)
{
  Column *column = g_hash_table_lookup (self->columns, name);
  g_autofree char *base = NULL;
  char *folded;
  sqlite3_stmt *stmt;
  int rc;

  if (column != NULL)
    return column;

  base = g_strv_contains (fixed_columns, name) ? g_strconcat ("attr_", name, NULL) : g_strdup (name);
  column = g_new0 (Column, 1);
  column->column = g_strdup (base);
  /* Column names are case-insensitive in SQL. */
  for (guint n = 2; g_hash_table_contains (self->taken, folded = g_utf8_casefold (column->column, -1)); n++)
    {
      g_free (folded);
      g_free (column->column);
      column->column = g_strdup_printf ("%s_%u", base, n);
    }
  g_hash_table_add (self->taken, folded);
  column->kind = g_strdup (kind_name (type));
  g_hash_table_insert (self->columns, g_strdup (name), column);

  g_string_assign (self->sql, "ALTER TABLE documents ADD COLUMN ");
  append_ident (self->sql, column->column);
  g_string_append_printf (self->sql, " %s", sql_type (type));
  if (!exec (self, self->sql->str, error))
    return NULL;
  if (g_str_equal (name, "lang") && !exec (self, "CREATE INDEX IF NOT EXISTS documents_lang ON documents (lang)", error))
    return NULL;
  stmt = prepare (self, "INSERT INTO attributes (name, \"column\", kind) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column->column, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, column->kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, "recording an attribute column");
      return NULL;
    }
  self->views_stale = TRUE;
  return column;
}

/* The insert statement of a document with the attributes of
 * self->attr_names, in that order. */
static sqlite3_stmt *
doc_stmt (TamisSqliteOut *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_string_truncate (self->key, 0);
  for (guint i = 0; i < self->attr_names->len; i++)
    {
      g_string_append (self->key, self->attr_names->pdata[i]);
      g_string_append_c (self->key, '\x1f');
    }
  stmt = g_hash_table_lookup (self->doc_stmts, self->key->str);
  if (stmt != NULL)
    return stmt;

  g_string_assign (self->sql, "INSERT INTO documents (id, source, line, error_code, error_message, text,"
                              " meta, repaired");
  for (guint i = 0; i < self->attr_names->len; i++)
    {
      Column *column = g_hash_table_lookup (self->columns, self->attr_names->pdata[i]);

      g_string_append (self->sql, ", ");
      append_ident (self->sql, column->column);
    }
  g_string_append (self->sql, ") VALUES (?, ?, ?, ?, ?, ?, ?, ?");
  for (guint i = 0; i < self->attr_names->len; i++)
    g_string_append (self->sql, ", ?");
  g_string_append_c (self->sql, ')');
  stmt = prepare (self, self->sql->str, error);
  if (stmt != NULL)
    g_hash_table_insert (self->doc_stmts, g_strdup (self->key->str), stmt);
  return stmt;
}

static void
bind_str (sqlite3_stmt *stmt, int index, const char *s, int len)
{
  if (s == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, s, len, SQLITE_STATIC);
}

static gboolean
write_spans (TamisSqliteOut *self, Unpack *u, sqlite3_int64 doc, GError **error)
{
  guint32 n_layers = get_u32 (u);
  sqlite3_stmt *stmt = self->insert_span;

  for (guint32 l = 0; l < n_layers && !u->bad; l++)
    {
      int layer_len;
      const char *layer = get_str (u, &layer_len);
      guint32 n_spans = get_u32 (u);

      for (guint32 i = 0; i < n_spans && !u->bad; i++)
        {
          int len;
          const char *s;
          double score;

          sqlite3_bind_int64 (stmt, 1, doc);
          bind_str (stmt, 2, layer, layer_len);
          s = get_str (u, &len);
          bind_str (stmt, 3, s, len);
          sqlite3_bind_int64 (stmt, 4, get_i64 (u));
          sqlite3_bind_int64 (stmt, 5, get_i64 (u));
          score = get_f64 (u);
          if (isnan (score))
            sqlite3_bind_null (stmt, 6);
          else
            sqlite3_bind_double (stmt, 6, score);
          s = get_str (u, &len);
          bind_str (stmt, 7, s, len);
          s = get_str (u, &len);
          bind_str (stmt, 8, s, len);
          if (u->bad)
            break;
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              db_error (self, error, "writing a span");
              sqlite3_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* Opens the transaction of a batch, when none is. */
static gboolean
begin (TamisSqliteOut *self, gint64 now, GError **error)
{
  if (self->in_tx)
    return TRUE;
  if (!exec (self, "BEGIN", error))
    return FALSE;
  self->in_tx = TRUE;
  self->batch_started = now;
  return TRUE;
}

typedef struct {
  const char *s;
  int len;
  guint8 type;
  gint64 i;
  double d;
} AttrValue;

gboolean
tamis_sqlite_write (TamisSqliteOut *self, const char *record, gsize len, GError **error)
{
  Unpack u = { record, record + len, FALSE };
  const char *f[8];
  int f_len[8];
  guint32 line, n_attrs;
  g_autoptr(GArray) values = NULL;
  g_autofree char *unique_id = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_monotonic_time ();
  int rc;

  if (len == 0)
    {
      self->n_skipped++;
      return TRUE;
    }

  f[0] = get_str (&u, &f_len[0]);   /* id */
  f[1] = get_str (&u, &f_len[1]);   /* source */
  line = get_u32 (&u);
  for (guint i = 2; i < 7; i++)     /* code, message, text, meta, repaired */
    f[i] = get_str (&u, &f_len[i]);
  n_attrs = get_u32 (&u);
  values = g_array_sized_new (FALSE, FALSE, sizeof (AttrValue), MIN (n_attrs, 256));
  g_ptr_array_set_size (self->attr_names, 0);
  for (guint32 i = 0; i < n_attrs && !u.bad; i++)
    {
      AttrValue v = { 0 };
      int name_len;
      const char *name = get_str (&u, &name_len);
      char *name_z;
      gpointer stored;

      take (&u, &v.type, 1);
      switch (v.type)
        {
        case TAMIS_VALUE_STRING:
        case TAMIS_VALUE_JSON:
          v.s = get_str (&u, &v.len);
          break;
        case TAMIS_VALUE_INT:
        case TAMIS_VALUE_BOOL:
          v.i = get_i64 (&u);
          break;
        case TAMIS_VALUE_DOUBLE:
          v.d = get_f64 (&u);
          break;
        default:
          break;
        }
      if (u.bad || name == NULL)
        break;
      /* names are NUL-free C strings: a copy that ends */
      g_string_truncate (self->name, 0);
      g_string_append_len (self->name, name, name_len);
      name_z = self->name->str;
      if (!g_hash_table_lookup_extended (self->columns, name_z, &stored, NULL))
        {
          /* a schema change belongs to the batch it comes with */
          if (!begin (self, now, error) || !ensure_column (self, name_z, v.type, error))
            {
              self->broken = TRUE;
              return FALSE;
            }
          g_hash_table_lookup_extended (self->columns, name_z, &stored, NULL);
        }
      g_ptr_array_add (self->attr_names, stored);
      g_array_append_val (values, v);
    }
  if (u.bad || f[0] == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED, "%s: a malformed record", self->path);
      return FALSE;
    }

  if (!begin (self, now, error))
    return FALSE;

  stmt = doc_stmt (self, error);
  if (stmt == NULL)
    return FALSE;
  for (guint n = 2;; n++)
    {
      if (unique_id)
        sqlite3_bind_text (stmt, 1, unique_id, -1, SQLITE_STATIC);
      else
        sqlite3_bind_text (stmt, 1, f[0], f_len[0], SQLITE_STATIC);
      bind_str (stmt, 2, f[1], f_len[1]);
      if (f[1] != NULL)
        sqlite3_bind_int64 (stmt, 3, line);
      else
        sqlite3_bind_null (stmt, 3);
      for (guint i = 2; i < 7; i++)
        bind_str (stmt, i + 2, f[i], f_len[i]);
      for (guint i = 0; i < values->len; i++)
        {
          AttrValue *v = &g_array_index (values, AttrValue, i);

          switch (v->type)
            {
            case TAMIS_VALUE_STRING:
            case TAMIS_VALUE_JSON:
              bind_str (stmt, i + 9, v->s, v->len);
              break;
            case TAMIS_VALUE_INT:
            case TAMIS_VALUE_BOOL:
              sqlite3_bind_int64 (stmt, i + 9, v->i);
              break;
            case TAMIS_VALUE_DOUBLE:
              if (isfinite (v->d))
                sqlite3_bind_double (stmt, i + 9, v->d);
              else
                sqlite3_bind_null (stmt, i + 9);
              break;
            default:
              sqlite3_bind_null (stmt, i + 9);
              break;
            }
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_CONSTRAINT || n > 1000)
        break;
      /* The same id twice in the input: the later ones get "#2", "#3"... */
      g_free (unique_id);
      unique_id = g_strdup_printf ("%.*s#%u", f_len[0], f[0], n);
    }
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      self->broken = TRUE;
      return db_error (self, error, "writing a document");
    }

  if (!write_spans (self, &u, sqlite3_last_insert_rowid (self->db), error))
    {
      self->broken = TRUE;
      return FALSE;
    }
  if (u.bad)
    {
      self->broken = TRUE;
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED, "%s: a malformed record", self->path);
      return FALSE;
    }
  self->n_written++;
  if (++self->batch_docs >= BATCH_DOCS || now - self->batch_started >= BATCH_USEC)
    return commit (self, error);
  return TRUE;
}

gboolean
tamis_sqlite_finish (TamisSqliteOut *self, GError **error)
{
  g_autofree char *finished = now_iso ();
  sqlite3_stmt *stmt;
  int rc;

  if (!commit (self, error))
    return FALSE;
  if (self->views_stale)
    {
      if (!exec (self, "BEGIN", error))
        return FALSE;
      self->in_tx = TRUE;
      if (!commit (self, error))
        return FALSE;
    }
  if (self->run_id > 0)
    {
      stmt = prepare (self, "UPDATE run SET finished = ?, documents = ?, skipped = ? WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, finished, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, self->n_written);
      sqlite3_bind_int64 (stmt, 3, self->n_skipped);
      sqlite3_bind_int64 (stmt, 4, self->run_id);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return db_error (self, error, "recording the end of the run");
    }
  /* Statistics for the query planner, then the journal folded into the
   * file, so that the database is one file again. */
  return exec (self, late_indexes, error)
         && exec (self, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);", error);
}

void
tamis_sqlite_close (TamisSqliteOut *self)
{
  if (self == NULL)
    return;
  /* A run that stopped (its input failed) keeps the whole documents of
   * its last batch; after a failed write, the batch is dropped. */
  if (self->in_tx && self->db)
    sqlite3_exec (self->db, self->broken ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&self->doc_stmts, g_hash_table_unref);
  g_clear_pointer (&self->insert_span, stmt_free);
  if (self->db)
    sqlite3_close (self->db);
  g_hash_table_unref (self->done);
  g_hash_table_unref (self->columns);
  g_hash_table_unref (self->taken);
  g_string_free (self->key, TRUE);
  g_string_free (self->sql, TRUE);
  g_string_free (self->name, TRUE);
  g_ptr_array_unref (self->attr_names);
  g_free (self->path);
  g_free (self);
}
