/* tamis — counting a TamisDoc into a summary: the document seen as a
 * SummarySource (summary-private.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "summary-private.h"
#include "tsan-private.h"

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
      out->kind = SVALUE_JSON;
      out->s = in->s;
      return in->s != NULL;
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

static const char *
jval_string (const JVal *v)
{
  return v != NULL && v->type == J_STRING ? v->text : NULL;
}

static void
doc_foreach_entity_sentiment (gconstpointer doc, const char *attr, SSentiFunc func, gpointer data)
{
  g_autoptr (JVal) all = doc_json (doc, attr);

  for (guint i = 0; all != NULL && all->type == J_OBJECT && i < all->items->len; i += 2)
    {
      const JVal *entry = all->items->pdata[i + 1];
      const JVal *score = tamis_jval_member (entry, "score");
      Fixed value = 0;
      gboolean has_score;

      if (entry->type != J_OBJECT)
        continue;
      /* as a record's number reads, so that both give the same */
      has_score = score && score->type == J_NUMBER && tamis_fixed_from_json_number (score->text, &value);
      func (((JVal *) all->items->pdata[i])->text, jval_string (tamis_jval_member (entry, "label")),
            jval_string (tamis_jval_member (entry, "type")), has_score, value, data);
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
