/* tamis — the table writers: TSV and CSV in one wide layout.
 *
 * Columns: id, then one per document attribute, then layer, start, end,
 * label, score, text, then one per span attribute, then `attributes` (what
 * no column was made for, as key=value pairs joined by ';'), error and
 * error_message. A row per span of the layers written; a document without
 * such a span still gets one row, its span columns empty, so that every
 * document is in the table; a failed document is one row with its error.
 *
 * The header is written before any row, so the columns must be known
 * first: tamis_table_declare() takes them from what the pipeline's stages
 * declare they write (the core holds stages to it, so nothing they write
 * misses its column). Without a pipeline, the first document decides; what
 * a later one has beyond it goes to `attributes`, never dropped.
 *
 * A column's name is its attribute's; one named like a fixed column (or a
 * span attribute named like a document attribute) is `attr_NAME`, as in
 * the SQLite writer. Values are written by type: integers and doubles as
 * numbers (the fewest digits that read back), booleans as true and false,
 * JSON values as their JSON text, none as an empty cell.
 *
 * TSV escapes tabs, line breaks and backslashes (\t \n \r \\) and ends
 * rows with LF. CSV follows RFC 4180: fields with a comma, a quote, CR or
 * LF are quoted, quotes doubled, rows end with CRLF (line breaks inside a
 * quoted field are kept as they are in the text). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "document-private.h"
#include "io-private.h"
#include "writer-table.h"

/* The columns every table has, in order, around the attribute columns. */
static const char *const fixed_columns[] = {
  "id", "layer", "start", "end", "label", "score", "text", "attributes", "error",
  "error_message", NULL,
};

struct _TamisTable {
  gboolean csv;
  gsize ready;            /* g_once_init: the columns are fixed */
  GPtrArray *doc_keys;    /* char *: the document attribute of each column */
  GPtrArray *doc_names;   /* char *: its header */
  GHashTable *doc_index;  /* key -> 1 + column */
  GPtrArray *span_names;  /* char *: the header of each span attribute column */
  GHashTable *span_index; /* key -> 1 + column */
};

TamisTable *
tamis_table_new (gboolean csv)
{
  TamisTable *self = g_new0 (TamisTable, 1);

  self->csv = csv;
  self->doc_keys = g_ptr_array_new_with_free_func (g_free);
  self->doc_names = g_ptr_array_new_with_free_func (g_free);
  self->doc_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->span_names = g_ptr_array_new_with_free_func (g_free);
  self->span_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
tamis_table_free (TamisTable *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->doc_index);
  g_ptr_array_unref (self->doc_keys);
  g_ptr_array_unref (self->doc_names);
  g_hash_table_unref (self->span_index);
  g_ptr_array_unref (self->span_names);
  g_free (self);
}

/* ---- columns ---- */

static gboolean
layer_wanted (const char *const *layers, const char *name)
{
  return layers == NULL || g_strv_contains (layers, name);
}

static void
add_doc_column (TamisTable *self, const char *key)
{
  if (g_hash_table_contains (self->doc_index, key))
    return;
  g_ptr_array_add (self->doc_keys, g_strdup (key));
  g_ptr_array_add (self->doc_names, g_strv_contains (fixed_columns, key)
                                    ? g_strconcat ("attr_", key, NULL) : g_strdup (key));
  g_hash_table_insert (self->doc_index, self->doc_keys->pdata[self->doc_keys->len - 1],
                       GUINT_TO_POINTER (self->doc_keys->len));
}

static gboolean
name_taken (TamisTable *self, const char *name)
{
  if (g_strv_contains (fixed_columns, name))
    return TRUE;
  for (guint i = 0; i < self->doc_names->len; i++)
    if (strcmp (self->doc_names->pdata[i], name) == 0)
      return TRUE;
  for (guint i = 0; i < self->span_names->len; i++)
    if (strcmp (self->span_names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Span attributes of every layer share a column by name: a row is one
 * span, of one layer. Called after the document columns are all made. */
static void
add_span_column (TamisTable *self, const char *key)
{
  g_autofree char *name = NULL;

  if (g_hash_table_contains (self->span_index, key))
    return;
  name = g_strdup (key);
  if (g_strv_contains (fixed_columns, key) || g_hash_table_contains (self->doc_index, key))
    {
      g_free (name);
      name = g_strconcat ("attr_", key, NULL);
    }
  /* attr_NAME may be taken too: then the value goes to `attributes`. */
  if (name_taken (self, name))
    return;
  g_ptr_array_add (self->span_names, g_steal_pointer (&name));
  g_hash_table_insert (self->span_index, g_strdup (key), GUINT_TO_POINTER (self->span_names->len));
}

/* The outputs stage @index still writes (create() may drop some). */
static gboolean
stage_writes (const TamisPipeline *pipeline, guint index, const TamisOutput *output)
{
  const char *const *writes = tamis_pipeline_get_stage_writes (pipeline, index);

  return writes != NULL && g_strv_contains (writes, output->name);
}

static void
declare_from_pipeline (TamisTable *self, const TamisPipeline *pipeline, const char *const *layers,
                       const char *const *attributes)
{
  guint n_stages = tamis_pipeline_get_n_stages (pipeline);

  if (attributes != NULL)
    for (guint i = 0; attributes[i] != NULL; i++)
      add_doc_column (self, attributes[i]);
  else
    {
      for (guint s = 0; s < n_stages; s++)
        {
          const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (tamis_pipeline_get_stage (pipeline, s, NULL));

          for (const TamisOutput *w = plugin->writes; w && w->name; w++)
            if (w->kind == TAMIS_OUTPUT_ATTRIBUTE && stage_writes (pipeline, s, w))
              add_doc_column (self, w->name);
        }
      /* The core's own attribute, from output: {provenance:}. */
      if (tamis_pipeline_get_provenance (pipeline) != TAMIS_PROVENANCE_NONE)
        add_doc_column (self, "by");
    }

  for (guint s = 0; s < n_stages; s++)
    {
      const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (tamis_pipeline_get_stage (pipeline, s, NULL));

      for (const TamisOutput *w = plugin->writes; w && w->name; w++)
        if (w->kind == TAMIS_OUTPUT_LAYER && stage_writes (pipeline, s, w) && layer_wanted (layers, w->name))
          for (const TamisAttribute *a = w->attributes; a && a->name; a++)
            add_span_column (self, a->name);
    }
}

static void
declare_from_doc (TamisTable *self, TamisDoc *doc, const char *const *layers,
                  const char *const *attributes)
{
  guint n_layers = tamis_doc_get_n_layers (doc);
  TamisAttrIter iter;
  const char *key;
  TamisValue value;

  if (attributes != NULL)
    for (guint i = 0; attributes[i] != NULL; i++)
      add_doc_column (self, attributes[i]);
  else
    {
      tamis_doc_attr_iter_init (&iter, doc);
      while (tamis_attr_iter_next (&iter, &key, &value))
        add_doc_column (self, key);
    }
  for (guint l = 0; l < n_layers; l++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, l);

      if (!layer_wanted (layers, tamis_layer_get_name (layer)))
        continue;
      for (guint i = 0; i < tamis_layer_get_n_spans (layer); i++)
        {
          tamis_layer_attr_iter_init (&iter, layer, i);
          while (tamis_attr_iter_next (&iter, &key, &value))
            add_span_column (self, key);
        }
    }
}

void
tamis_table_declare (TamisTable *self, const TamisPipeline *pipeline, const char *const *layers,
                     const char *const *attributes)
{
  if (g_once_init_enter (&self->ready))
    {
      declare_from_pipeline (self, pipeline, layers, attributes);
      g_once_init_leave (&self->ready, 1);
    }
}

/* ---- cells ---- */

static void
tsv_cell (GString *out, const char *s, gsize len)
{
  const char *end = s + len;

  while (s < end)
    {
      const char *run = s;

      while (s < end && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\\')
        s++;
      g_string_append_len (out, run, s - run);
      if (s == end)
        break;
      g_string_append_c (out, '\\');
      switch (*s)
        {
        case '\t': g_string_append_c (out, 't'); break;
        case '\n': g_string_append_c (out, 'n'); break;
        case '\r': g_string_append_c (out, 'r'); break;
        default: g_string_append_c (out, *s); break;
        }
      s++;
    }
}

static void
csv_cell (GString *out, const char *s, gsize len)
{
  const char *end = s + len;

  for (const char *p = s; p < end; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
      goto quoted;
  g_string_append_len (out, s, len);
  return;

quoted:
  g_string_append_c (out, '"');
  while (s < end)
    {
      const char *quote = memchr (s, '"', end - s);

      if (quote == NULL)
        {
          g_string_append_len (out, s, end - s);
          break;
        }
      g_string_append_len (out, s, quote + 1 - s);
      g_string_append_c (out, '"');
      s = quote + 1;
    }
  g_string_append_c (out, '"');
}

static void
cell (const TamisTable *self, GString *out, const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;

  if (self->csv)
    csv_cell (out, s, n);
  else
    tsv_cell (out, s, n);
}

static void
sep (const TamisTable *self, GString *out)
{
  g_string_append_c (out, self->csv ? ',' : '\t');
}

static void
end_row (const TamisTable *self, GString *out)
{
  g_string_append (out, self->csv ? "\r\n" : "\n");
}

/* A value as plain text, before the cell's quoting or escaping; numbers
 * and booleans need neither. */
static void
value_text (GString *out, const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
    case TAMIS_VALUE_JSON:
      if (value->s != NULL)
        g_string_append (out, value->s);
      break;
    case TAMIS_VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      break;
    case TAMIS_VALUE_DOUBLE:
      if (isfinite (value->d))
        tamis_string_append_double (out, value->d);
      break;
    case TAMIS_VALUE_BOOL:
      g_string_append (out, value->b ? "true" : "false");
      break;
    case TAMIS_VALUE_NONE:
    default:
      break;
    }
}

static void
value_cell (const TamisTable *self, GString *out, const TamisValue *value)
{
  if (value->type == TAMIS_VALUE_STRING || value->type == TAMIS_VALUE_JSON)
    {
      if (value->s != NULL)
        cell (self, out, value->s, -1);
    }
  else
    value_text (out, value);
}

/* Appends key=value to the `attributes` text, ';' and '\' escaped with a
 * backslash (the cell's own quoting or escaping comes on top). */
static void
overflow_add (GString *overflow, const char *key, const TamisValue *value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (overflow->len > 0)
    g_string_append_c (overflow, ';');
  g_string_append (text, key);
  g_string_append_c (text, '=');
  value_text (text, value);
  for (gsize i = 0; i < text->len; i++)
    {
      if (text->str[i] == ';' || text->str[i] == '\\')
        g_string_append_c (overflow, '\\');
      g_string_append_c (overflow, text->str[i]);
    }
}

/* ---- rows ---- */

void
tamis_table_header (TamisTable *self, GString *out)
{
  guint n_doc, n_span;

  /* A table without rows nor pipeline has only the fixed columns. */
  if (g_once_init_enter (&self->ready))
    g_once_init_leave (&self->ready, 1);
  n_doc = self->doc_names->len;
  n_span = self->span_names->len;

  cell (self, out, "id", -1);
  for (guint i = 0; i < n_doc; i++)
    {
      sep (self, out);
      cell (self, out, self->doc_names->pdata[i], -1);
    }
  for (guint i = 1; i <= 6; i++)
    {
      sep (self, out);
      cell (self, out, fixed_columns[i], -1);
    }
  for (guint i = 0; i < n_span; i++)
    {
      sep (self, out);
      cell (self, out, self->span_names->pdata[i], -1);
    }
  for (guint i = 7; fixed_columns[i] != NULL; i++)
    {
      sep (self, out);
      cell (self, out, fixed_columns[i], -1);
    }
  end_row (self, out);
}

static void
empty_cells (const TamisTable *self, GString *out, guint n)
{
  for (guint i = 0; i < n; i++)
    sep (self, out);
}

/* One row of a failed document: its id, its error, nothing else. */
static void
error_row (TamisTable *self, TamisDoc *doc, const char *code, GString *out)
{
  const char *message = tamis_doc_get_error_message (doc);

  cell (self, out, tamis_doc_get_id (doc), -1);
  /* document attributes, the six span columns, span attributes, attributes */
  empty_cells (self, out, self->doc_names->len + 6 + self->span_names->len + 1);
  sep (self, out);
  cell (self, out, code, -1);
  sep (self, out);
  cell (self, out, message ? message : "", -1);
  end_row (self, out);
}

void
tamis_table_format (TamisTable *self, TamisDoc *doc, const char *const *layers,
                    const char *const *attributes, GString *out)
{
  const char *code = tamis_doc_get_error_code (doc);
  const char *text = tamis_doc_get_text (doc);
  g_autoptr(GString) prefix = g_string_new (NULL);
  g_autoptr(GString) doc_overflow = g_string_new (NULL);
  g_autoptr(GString) overflow = g_string_new (NULL);
  g_autoptr(GArray) offsets = NULL;
  g_autofree TamisValue *doc_values = NULL;
  g_autofree TamisValue *span_values = NULL;
  guint n_layers, n_span_cols;
  gboolean any_row = FALSE;
  TamisAttrIter iter;
  const char *key;
  TamisValue value;

  if (g_once_init_enter (&self->ready))
    {
      if (code == NULL)
        declare_from_doc (self, doc, layers, attributes);
      g_once_init_leave (&self->ready, 1);
    }
  if (code != NULL)
    {
      error_row (self, doc, code, out);
      return;
    }

  /* What every row of the document starts with: id and its attributes. */
  cell (self, prefix, tamis_doc_get_id (doc), -1);
  doc_values = g_new0 (TamisValue, self->doc_keys->len);
  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    {
      guint column;

      if (!tamis_attribute_wanted (attributes, key))
        continue;
      column = GPOINTER_TO_UINT (g_hash_table_lookup (self->doc_index, key));
      if (column > 0)
        doc_values[column - 1] = value;
      else
        overflow_add (doc_overflow, key, &value);
    }
  for (guint i = 0; i < self->doc_keys->len; i++)
    {
      sep (self, prefix);
      value_cell (self, prefix, &doc_values[i]);
    }
  sep (self, prefix);

  n_span_cols = self->span_names->len;
  span_values = g_new0 (TamisValue, MAX (n_span_cols, 1));
  offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  n_layers = tamis_doc_get_n_layers (doc);
  for (guint l = 0; l < n_layers; l++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, l);
      const char *name = tamis_layer_get_name (layer);
      guint n_spans;
      const TamisSpan *spans;

      if (!layer_wanted (layers, name))
        continue;
      spans = tamis_layer_peek_spans (layer, &n_spans);
      g_array_set_size (offsets, 2 * (gsize) n_spans);
      tamis_layer_code_points (layer, text, (gsize *) offsets->data);
      for (guint i = 0; i < n_spans; i++)
        {
          const TamisSpan *span = &spans[i];

          any_row = TRUE;
          g_string_append_len (out, prefix->str, prefix->len);
          cell (self, out, name, -1);
          g_string_append_printf (out, "%c%" G_GSIZE_FORMAT "%c%" G_GSIZE_FORMAT "%c",
                                  self->csv ? ',' : '\t', g_array_index (offsets, gsize, 2 * i),
                                  self->csv ? ',' : '\t', g_array_index (offsets, gsize, 2 * i + 1),
                                  self->csv ? ',' : '\t');
          if (span->label != NULL)
            cell (self, out, span->label, -1);
          sep (self, out);
          if (!isnan (span->score))
            tamis_string_append_double (out, tamis_span_score_value (span->score));
          sep (self, out);
          cell (self, out, text + span->start, span->end - span->start);

          memset (span_values, 0, sizeof (TamisValue) * MAX (n_span_cols, 1));
          g_string_assign (overflow, doc_overflow->str);
          tamis_layer_attr_iter_init (&iter, layer, i);
          while (tamis_attr_iter_next (&iter, &key, &value))
            {
              guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->span_index, key));

              if (column > 0)
                span_values[column - 1] = value;
              else
                overflow_add (overflow, key, &value);
            }
          for (guint c = 0; c < n_span_cols; c++)
            {
              sep (self, out);
              value_cell (self, out, &span_values[c]);
            }
          sep (self, out);
          cell (self, out, overflow->str, overflow->len);
          /* error, error_message */
          empty_cells (self, out, 2);
          end_row (self, out);
        }
    }

  if (!any_row)
    {
      g_string_append_len (out, prefix->str, prefix->len);
      /* layer was the separator's; start, end, label, score, text, span attributes */
      empty_cells (self, out, 5 + n_span_cols + 1);
      cell (self, out, doc_overflow->str, doc_overflow->len);
      empty_cells (self, out, 2);
      end_row (self, out);
    }
}
