/* tamis — counting a TamisDoc into a summary: the document seen as a
 * SummarySource (summary-private.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "summary-private.h"
#include "tsan-private.h"

static gboolean json_text_valid (const char *text);

static gboolean
value_from_tamis (const TamisValue *in, SValue *out)
{
  memset (out, 0, sizeof *out);
  switch (in->type)
    {
    case TAMIS_VALUE_STRING:
      if (in->s == NULL)
        return FALSE;
      out->kind = SVALUE_STRING;
      out->s = in->s;
      return TRUE;
    case TAMIS_VALUE_INT:
      out->kind = SVALUE_NUMBER;
      out->f = (Fixed) in->i * FIXED_ONE;
      return TRUE;
    case TAMIS_VALUE_DOUBLE:
      /* the writers print NaN and infinities as null */
      if (!isfinite (in->d))
        return FALSE;
      out->kind = SVALUE_NUMBER;
      out->f = tamis_fixed_from_double (in->d);
      return TRUE;
    case TAMIS_VALUE_BOOL:
      out->kind = SVALUE_BOOL;
      out->b = in->b;
      return TRUE;
    case TAMIS_VALUE_JSON:
      if (in->s == NULL)
        return FALSE;
      /* what is not JSON after all the writers write as a string */
      out->kind = json_text_valid (in->s) ? SVALUE_JSON : SVALUE_STRING;
      out->s = in->s;
      return TRUE;
    case TAMIS_VALUE_NONE:
    default:
      return FALSE;
    }
}

static const char *
doc_error_code (gconstpointer doc)
{
  return tamis_doc_get_error_code (doc);
}

static void
doc_foreach_attr (gconstpointer doc, SAttrFunc func, gpointer data)
{
  TamisAttrIter iter;
  const char *key;
  TamisValue value;
  SValue v;

  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    if (value_from_tamis (&value, &v))
      func (key, &v, data);
}

static gboolean
doc_get_attr (gconstpointer doc, const char *name, SValue *out)
{
  TamisValue value;

  return tamis_doc_get_attr (doc, name, &value) && value_from_tamis (&value, out);
}

/* A JSON attribute through the summary's own parser: JsonParser costs
 * more than all the rest of counting a document. */
static JVal *
doc_json (gconstpointer doc, const char *name)
{
  TamisValue value;
  const char *problem;
  gsize at;

  if (!tamis_doc_get_attr (doc, name, &value) || value.type != TAMIS_VALUE_JSON || value.s == NULL)
    return NULL;
  return tamis_jval_parse (value.s, -1, &problem, &at);
}

static void
doc_foreach_stage (gconstpointer doc, SStageFunc func, gpointer data)
{
  g_autoptr (JVal) by = doc_json (doc, "by");

  if (by == NULL)
    return;
  for (guint i = 0; by->type == J_OBJECT && i < by->items->len; i += 2)
    func (((JVal *) by->items->pdata[i])->text, data);
  for (guint i = 0; by->type == J_ARRAY && i < by->items->len; i++)
    {
      JVal *id = tamis_jval_member (by->items->pdata[i], "id");

      if (id != NULL && id->type == J_STRING)
        func (id->text, data);
    }
}

/* ---- the per-entity sentiment, scanned in place ----
 *
 * Every document has one, of some hundreds of bytes: building a tree of it
 * cost more than the rest of counting the document. It is checked to be
 * JSON in a first pass (a record would hold it as a string otherwise, and
 * count nothing), then read in a second that assumes so. */

#define SCAN_MAX_DEPTH 64

static const char *
scan_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* Past a string starting at its quote, or NULL when malformed. */
static const char *
scan_string (const char *p, gboolean *escaped)
{
  for (p++; *p != '"'; p++)
    {
      if ((unsigned char) *p < 0x20)
        return NULL; /* the end of the text too */
      if (*p != '\\')
        continue;
      *escaped = TRUE;
      p++;
      if (*p == 'u')
        {
          for (int i = 1; i <= 4; i++)
            if (!g_ascii_isxdigit (p[i]))
              return NULL;
          p += 4;
        }
      else if (*p == '\0' || !strchr ("\"\\/bfnrt", *p))
        return NULL;
    }
  return p + 1;
}

static const char *
scan_digits (const char *p)
{
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  return p;
}

static const char *
scan_number (const char *p)
{
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if ((p = scan_digits (p)) == NULL)
    return NULL;
  if (*p == '.' && (p = scan_digits (p + 1)) == NULL)
    return NULL;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      p = scan_digits (p);
    }
  return p;
}

/* Past one value, checked; NULL when it is not JSON. */
static const char *
scan_value (const char *p, int depth)
{
  gboolean escaped = FALSE;

  p = scan_space (p);
  switch (*p)
    {
    case '"':
      return scan_string (p, &escaped);
    case '{':
    case '[':
      {
        char close = *p == '{' ? '}' : ']';

        if (depth >= SCAN_MAX_DEPTH)
          return NULL;
        p = scan_space (p + 1);
        if (*p == close)
          return p + 1;
        for (;;)
          {
            if (close == '}')
              {
                p = scan_space (p);
                if (*p != '"' || (p = scan_string (p, &escaped)) == NULL)
                  return NULL;
                p = scan_space (p);
                if (*p++ != ':')
                  return NULL;
              }
            if ((p = scan_value (p, depth + 1)) == NULL)
              return NULL;
            p = scan_space (p);
            if (*p == close)
              return p + 1;
            if (*p++ != ',')
              return NULL;
          }
      }
    case 't':
      return strncmp (p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f':
      return strncmp (p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n':
      return strncmp (p, "null", 4) == 0 ? p + 4 : NULL;
    default:
      return scan_number (p);
    }
}

static gboolean
json_text_valid (const char *text)
{
  const char *end = scan_value (text, 0);

  return end != NULL && *scan_space (end) == '\0' && g_utf8_validate (text, -1, NULL);
}

/* The string whose quote is at @p (checked already), unescaped. */
static char *
take_string (const char *p, const char **after)
{
  gboolean escaped = FALSE;
  const char *end = scan_string (p, &escaped);

  *after = end;
  if (escaped)
    {
      g_autoptr (JVal) v = NULL;
      const char *problem;
      gsize at;

      v = tamis_jval_parse (p, end - p, &problem, &at);
      return v && v->type == J_STRING ? g_steal_pointer (&v->text) : NULL;
    }
  return g_strndup (p + 1, end - p - 2);
}

static void
doc_foreach_entity_sentiment (gconstpointer doc, const char *attr, SSentiFunc func, gpointer data)
{
  TamisValue value;
  const char *p;

  if (!tamis_doc_get_attr (doc, attr, &value) || value.type != TAMIS_VALUE_JSON || value.s == NULL)
    return;
  p = scan_space (value.s);
  if (*p != '{' || !json_text_valid (p))
    return;

  for (p = scan_space (p + 1); *p == '"';)
    {
      g_autofree char *name = take_string (p, &p);
      g_autofree char *label = NULL, *type = NULL;
      gboolean has_score = FALSE, object = *scan_space (scan_space (p) + 1) == '{';
      Fixed score = 0;

      p = scan_space (scan_space (p) + 1); /* past ':' */
      if (object)
        for (p = scan_space (p + 1); *p == '"';)
          {
            g_autofree char *key = take_string (p, &p);
            const char *v = scan_space (scan_space (p) + 1);

            p = scan_value (v, 1);
            /* the last of a repeated member, as JsonParser keeps */
            if (key && *v == '"' && (g_str_equal (key, "label") || g_str_equal (key, "type")))
              {
                const char *ignored;
                char **slot = g_str_equal (key, "label") ? &label : &type;

                g_free (*slot);
                *slot = take_string (v, &ignored);
              }
            else if (key && g_str_equal (key, "score"))
              {
                g_autofree char *number = NULL;

                has_score = *v != '"' && *v != '{' && *v != '[' && *v != 't' && *v != 'f' && *v != 'n';
                if (has_score)
                  {
                    number = g_strndup (v, p - v);
                    has_score = tamis_fixed_from_json_number (number, &score);
                  }
              }
            p = scan_space (p);
            if (*p == ',')
              p = scan_space (p + 1);
          }
      else
        p = scan_value (p, 1) - 1;
      p = scan_space (p + 1); /* past '}' or the value's last byte */
      if (name != NULL && object)
        func (name, label, type, has_score, score, data);
      if (*p == ',')
        p = scan_space (p + 1);
    }
}

static guint
doc_n_layers (gconstpointer doc)
{
  return tamis_doc_get_n_layers (doc);
}

static const char *
doc_layer_name (gconstpointer doc, guint layer)
{
  return tamis_layer_get_name (tamis_doc_get_nth_layer (doc, layer));
}

static gboolean
doc_find_layer (gconstpointer doc, const char *name, guint *layer)
{
  for (guint i = 0, n = tamis_doc_get_n_layers (doc); i < n; i++)
    if (strcmp (tamis_layer_get_name (tamis_doc_get_nth_layer (doc, i)), name) == 0)
      {
        *layer = i;
        return TRUE;
      }
  return FALSE;
}

static guint
doc_n_spans (gconstpointer doc, guint layer)
{
  return tamis_layer_get_n_spans (tamis_doc_get_nth_layer (doc, layer));
}

static void
doc_span_range (gconstpointer doc, guint layer, guint span, gsize *start, gsize *end)
{
  const TamisLayer *l = tamis_doc_get_nth_layer (doc, layer);

  *start = tamis_layer_get_start (l, span);
  *end = tamis_layer_get_end (l, span);
}

static const char *
doc_span_label (gconstpointer doc, guint layer, guint span)
{
  return tamis_layer_get_label (tamis_doc_get_nth_layer (doc, layer), span);
}

static gboolean
doc_span_attr (gconstpointer doc, guint layer, guint span, const char *key, SValue *out)
{
  TamisValue value;

  return tamis_layer_get_attr (tamis_doc_get_nth_layer (doc, layer), span, key, &value) &&
         value_from_tamis (&value, out);
}

static char *
doc_span_text (gconstpointer doc, guint layer, guint span)
{
  const TamisLayer *l = tamis_doc_get_nth_layer (doc, layer);
  guint32 start = tamis_layer_get_start (l, span);

  return g_strndup (tamis_doc_get_text (doc) + start, tamis_layer_get_end (l, span) - start);
}

static const SummarySource doc_source = {
  doc_error_code, doc_foreach_attr, doc_get_attr, doc_foreach_stage, doc_foreach_entity_sentiment,
  doc_n_layers, doc_layer_name,
  doc_find_layer, doc_n_spans, doc_span_range, doc_span_label, doc_span_attr, doc_span_text,
};

void
tamis_summary_add_doc (TamisSummary *summary, const TamisDoc *doc)
{
  TamisSummary *partial;

  g_return_if_fail (summary != NULL && doc != NULL);
  /* Counted into this thread's own summary, which holds its keys from one
   * document to the next: no lock is waited for, nothing is allocated for
   * keys seen before. A document's "by" names some of its pipeline's
   * stages, which a summary made from that pipeline holds already. */
  partial = tamis_summary_lock_partial (summary);
  tamis_summary_count (partial, &doc_source, doc);
  tamis_mutex_unlock (&partial->lock);
}
