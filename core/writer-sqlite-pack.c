/* tamis — the SQLite writer's records, packed on the worker threads
 * (the layout is in writer-sqlite-private.h): everything the rows need,
 * offsets already in code points and attributes already JSON, so that the
 * writing thread only binds. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "document-private.h"
#include "io-private.h"
#include "writer-sqlite-private.h"

static void
put_u32 (GString *out, guint32 v)
{
  g_string_append_len (out, (const char *) &v, sizeof v);
}

static void
put_i64 (GString *out, gint64 v)
{
  g_string_append_len (out, (const char *) &v, sizeof v);
}

static void
put_f64 (GString *out, double v)
{
  g_string_append_len (out, (const char *) &v, sizeof v);
}

static void
put_str (GString *out, const char *s, gssize len)
{
  if (s == NULL)
    {
      put_u32 (out, NO_STRING);
      return;
    }
  if (len < 0)
    len = strlen (s);
  put_u32 (out, (guint32) len);
  g_string_append_len (out, s, len);
}

/* Starts a string whose bytes are appended next; end_str() sets its length. */
static gsize
begin_str (GString *out)
{
  put_u32 (out, 0);
  return out->len;
}

static void
end_str (GString *out, gsize at)
{
  guint32 len = out->len - at;

  memcpy (out->str + at - sizeof len, &len, sizeof len);
}

/* ---- JSON text ---- */

void
tamis_sqlite_json_string (GString *out, const char *s, gssize len)
{
  const char *end = s + (len < 0 ? (gssize) strlen (s) : len);

  g_string_append_c (out, '"');
  while (s < end)
    {
      const char *run = s;

      while (s < end && (guchar) *s >= 0x20 && *s != '"' && *s != '\\')
        s++;
      g_string_append_len (out, run, s - run);
      if (s == end)
        break;
      switch (*s)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_printf (out, "\\u%04x", (guchar) *s); break;
        }
      s++;
    }
  g_string_append_c (out, '"');
}

/* JSON has no NaN nor infinity: null. */
static void
json_double (GString *out, double d)
{
  if (isfinite (d))
    tamis_string_append_double (out, d);
  else
    g_string_append (out, "null");
}

static void
json_value (GString *out, const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
      if (value->s == NULL)
        g_string_append (out, "null");
      else
        tamis_sqlite_json_string (out, value->s, -1);
      break;
    case TAMIS_VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      break;
    case TAMIS_VALUE_DOUBLE:
      json_double (out, value->d);
      break;
    case TAMIS_VALUE_BOOL:
      g_string_append (out, value->b ? "true" : "false");
      break;
    case TAMIS_VALUE_JSON:
      /* valid JSON by the document's contract */
      g_string_append (out, value->s ? value->s : "null");
      break;
    case TAMIS_VALUE_NONE:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* ---- packing ---- */

static gboolean
layer_wanted (const char *const *layers, const char *name)
{
  return layers == NULL || g_strv_contains (layers, name);
}

static void
pack_layer (GString *out, TamisDoc *doc, const TamisLayer *layer, gboolean with_text)
{
  const char *text = tamis_doc_get_text (doc);
  guint n_spans = tamis_layer_get_n_spans (layer);
  gsize stack[64];
  gsize *offsets = n_spans * 2 <= G_N_ELEMENTS (stack) ? stack : g_new (gsize, n_spans * 2);

  tamis_layer_code_points (layer, text, offsets);
  put_str (out, tamis_layer_get_name (layer), -1);
  put_u32 (out, n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      TamisAttrIter iter;
      const char *key;
      TamisValue value;
      const char *own_text = NULL;
      float score = tamis_layer_get_score (layer, i);
      gboolean first = TRUE;
      gsize at = 0;

      put_str (out, tamis_layer_get_label (layer, i), -1);
      put_i64 (out, offsets[2 * i]);
      put_i64 (out, offsets[2 * i + 1]);
      put_f64 (out, isnan (score) ? NAN : tamis_span_score_value (score));

      tamis_layer_attr_iter_init (&iter, layer, i);
      while (tamis_attr_iter_next (&iter, &key, &value))
        {
          if (first)
            {
              at = begin_str (out);
              g_string_append_c (out, '{');
            }
          else
            g_string_append_c (out, ',');
          first = FALSE;
          tamis_sqlite_json_string (out, key, -1);
          g_string_append_c (out, ':');
          json_value (out, &value);
          if (value.type == TAMIS_VALUE_STRING && strcmp (key, "text") == 0)
            own_text = value.s;
        }
      if (first)
        put_str (out, NULL, 0);
      else
        {
          g_string_append_c (out, '}');
          end_str (out, at);
        }

      if (with_text)
        {
          guint start = tamis_layer_get_start (layer, i), end = tamis_layer_get_end (layer, i);
          put_str (out, text + start, end - start);
        }
      else
        put_str (out, own_text, -1);
    }
  if (offsets != stack)
    g_free (offsets);
}

void
tamis_sqlite_format (TamisSqliteOut *db, TamisDoc *doc, const char *const *layers,
                     const char *const *attributes, gboolean with_text, GString *out)
{
  const char *code = tamis_doc_get_error_code (doc);
  gsize meta_len = 0;
  const char *meta = tamis_doc_get_meta_json (doc, &meta_len);
  const char *const *repairs = tamis_doc_get_repairs (doc);
  guint n_layers = code ? 0 : tamis_doc_get_n_layers (doc);
  guint n_wanted = 0;
  TamisAttrIter iter;
  const char *key;
  TamisValue value;
  gsize count_at;
  guint32 n_attrs = 0;

  if (db != NULL && tamis_sqlite_has_id (db, tamis_doc_get_id (doc)))
    return;

  put_str (out, tamis_doc_get_id (doc), -1);
  put_str (out, tamis_doc_get_source_path (doc), -1);
  put_u32 (out, tamis_doc_get_source_line (doc));
  put_str (out, code, -1);
  put_str (out, code ? (tamis_doc_get_error_message (doc) ? tamis_doc_get_error_message (doc) : "")
                     : NULL, -1);
  put_str (out, with_text && !code ? tamis_doc_get_text (doc) : NULL,
           with_text && !code ? (gssize) tamis_doc_get_length (doc) : -1);
  /* the metadata go in as they came: their JSON text is kept compact */
  put_str (out, meta, meta ? (gssize) meta_len : 0);
  if (!code && repairs != NULL && repairs[0] != NULL)
    {
      gsize at = begin_str (out);

      g_string_append_c (out, '[');
      for (guint i = 0; repairs[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          tamis_sqlite_json_string (out, repairs[i], -1);
        }
      g_string_append_c (out, ']');
      end_str (out, at);
    }
  else
    put_str (out, NULL, 0);

  count_at = out->len;
  put_u32 (out, 0);
  if (!code)
    {
      tamis_doc_attr_iter_init (&iter, doc);
      while (tamis_attr_iter_next (&iter, &key, &value))
        {
          if (!tamis_attribute_wanted (attributes, key))
            continue;
          put_str (out, key, -1);
          g_string_append_c (out, (char) value.type);
          switch (value.type)
            {
            case TAMIS_VALUE_STRING:
            case TAMIS_VALUE_JSON:
              put_str (out, value.s, -1);
              break;
            case TAMIS_VALUE_INT:
              put_i64 (out, value.i);
              break;
            case TAMIS_VALUE_BOOL:
              put_i64 (out, value.b ? 1 : 0);
              break;
            case TAMIS_VALUE_DOUBLE:
              put_f64 (out, value.d);
              break;
            case TAMIS_VALUE_NONE:
            default:
              break;
            }
          n_attrs++;
        }
    }
  memcpy (out->str + count_at, &n_attrs, sizeof n_attrs);

  for (guint i = 0; i < n_layers; i++)
    n_wanted += layer_wanted (layers, tamis_layer_get_name (tamis_doc_get_nth_layer (doc, i)));
  put_u32 (out, n_wanted);
  for (guint i = 0; i < n_layers; i++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, i);

      if (layer_wanted (layers, tamis_layer_get_name (layer)))
        pack_layer (out, doc, layer, with_text);
    }
}

