/* tamis — counting a JSON record into a summary: the record seen as a
 * SummarySource (summary-private.h), so that a results file gives the
 * same figures as the documents that made it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <tamis/error.h>
#include "summary-private.h"

typedef struct {
  JsonObject *record;
  JsonObject *layers;     /* NULL when none */
  GPtrArray *layer_names; /* in the record's order */
  GPtrArray *layer_spans; /* JsonArray *, or NULL for a member that is not a list */
  const char *text;       /* "text" when the record holds it */
} Record;

/* Members of a record that are not document attributes. */
static gboolean
is_attribute (const char *name)
{
  static const char *const reserved[] = { "id", "error", "repaired", "meta", "text", "layers", NULL };

  return !g_strv_contains (reserved, name);
}

static gboolean
value_from_node (JsonNode *node, SValue *out)
{
  memset (out, 0, sizeof *out);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      out->kind = SVALUE_JSON;
      return TRUE;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      out->kind = SVALUE_STRING;
      out->s = json_node_get_string (node);
      return TRUE;
    case G_TYPE_INT64:
      out->kind = SVALUE_NUMBER;
      out->f = (Fixed) json_node_get_int (node) * FIXED_ONE;
      return TRUE;
    case G_TYPE_DOUBLE:
      out->kind = SVALUE_NUMBER;
      out->f = tamis_fixed_from_double (json_node_get_double (node));
      return TRUE;
    case G_TYPE_BOOLEAN:
      out->kind = SVALUE_BOOL;
      out->b = json_node_get_boolean (node);
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
rec_error_code (gconstpointer doc)
{
  const Record *r = doc;
  JsonNode *error = json_object_get_member (r->record, "error");

  if (error == NULL || JSON_NODE_HOLDS_NULL (error))
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (error))
    {
      const char *code = json_object_get_string_member_with_default (json_node_get_object (error),
                                                                     "code", NULL);
      if (code != NULL)
        return code;
    }
  return "error";
}

static void
rec_foreach_attr (gconstpointer doc, SAttrFunc func, gpointer data)
{
  const Record *r = doc;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  SValue v;

  json_object_iter_init (&iter, r->record);
  while (json_object_iter_next (&iter, &name, &member))
    if (is_attribute (name) && value_from_node (member, &v))
      func (name, &v, data);
}

static gboolean
rec_get_attr (gconstpointer doc, const char *name, SValue *out)
{
  const Record *r = doc;

  return is_attribute (name) && value_from_node (json_object_get_member (r->record, name), out);
}

static JsonNode *
rec_json (gconstpointer doc, const char *name)
{
  const Record *r = doc;
  JsonNode *node = json_object_get_member (r->record, name);

  if (node == NULL || !is_attribute (name) || JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static const char *
node_string (JsonNode *node)
{
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static void
rec_foreach_stage (gconstpointer doc, SStageFunc func, gpointer data)
{
  JsonNode *by = rec_json (doc, "by");

  if (by == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (by))
    {
      JsonObjectIter iter;
      const char *id;

      json_object_iter_init (&iter, json_node_get_object (by));
      while (json_object_iter_next (&iter, &id, NULL))
        func (id, data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (by))
    {
      JsonArray *array = json_node_get_array (by);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *id;

          if (JSON_NODE_HOLDS_OBJECT (item) &&
              (id = node_string (json_object_get_member (json_node_get_object (item), "id"))))
            func (id, data);
        }
    }
}

static void
rec_foreach_entity_sentiment (gconstpointer doc, const char *attr, SSentiFunc func, gpointer data)
{
  JsonNode *all = rec_json (doc, attr);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (all == NULL || !JSON_NODE_HOLDS_OBJECT (all))
    return;
  json_object_iter_init (&iter, json_node_get_object (all));
  while (json_object_iter_next (&iter, &name, &member))
    {
      JsonObject *entry;
      JsonNode *score;
      gboolean has_score = FALSE;
      Fixed value = 0;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        continue;
      entry = json_node_get_object (member);
      score = json_object_get_member (entry, "score");
      if (score && JSON_NODE_HOLDS_VALUE (score) &&
          (json_node_get_value_type (score) == G_TYPE_DOUBLE ||
           json_node_get_value_type (score) == G_TYPE_INT64))
        {
          has_score = TRUE;
          value = tamis_fixed_from_double (json_node_get_double (score));
        }
      func (name, node_string (json_object_get_member (entry, "label")),
            node_string (json_object_get_member (entry, "type")), has_score, value, data);
    }
}

static guint
rec_n_layers (gconstpointer doc)
{
  return ((const Record *) doc)->layer_names->len;
}

static const char *
rec_layer_name (gconstpointer doc, guint layer)
{
  return ((const Record *) doc)->layer_names->pdata[layer];
}

static gboolean
rec_find_layer (gconstpointer doc, const char *name, guint *layer)
{
  const Record *r = doc;

  for (guint i = 0; i < r->layer_names->len; i++)
    if (strcmp (r->layer_names->pdata[i], name) == 0)
      {
        *layer = i;
        return TRUE;
      }
  return FALSE;
}

static guint
rec_n_spans (gconstpointer doc, guint layer)
{
  JsonArray *spans = ((const Record *) doc)->layer_spans->pdata[layer];

  return spans ? json_array_get_length (spans) : 0;
}

static JsonObject *
span_object (gconstpointer doc, guint layer, guint span)
{
  JsonArray *spans = ((const Record *) doc)->layer_spans->pdata[layer];
  JsonNode *node = json_array_get_element (spans, span);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gsize
offset_member (JsonObject *span, const char *name)
{
  JsonNode *node = span ? json_object_get_member (span, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0)
    return (gsize) json_node_get_int (node);
  return 0;
}

static void
rec_span_range (gconstpointer doc, guint layer, guint span, gsize *start, gsize *end)
{
  JsonObject *obj = span_object (doc, layer, span);

  *start = offset_member (obj, "start");
  *end = offset_member (obj, "end");
}

static const char *
rec_span_label (gconstpointer doc, guint layer, guint span)
{
  JsonObject *obj = span_object (doc, layer, span);
  JsonNode *node = obj ? json_object_get_member (obj, "label") : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
rec_span_attr (gconstpointer doc, guint layer, guint span, const char *key, SValue *out)
{
  JsonObject *obj = span_object (doc, layer, span);

  return obj && value_from_node (json_object_get_member (obj, key), out);
}

/* Offsets in records are code points: the span's text, when the record
 * holds the document's. */
static char *
rec_span_text (gconstpointer doc, guint layer, guint span)
{
  const Record *r = doc;
  gsize start, end;
  glong length;
  const char *from, *to;

  if (r->text == NULL)
    return NULL;
  rec_span_range (doc, layer, span, &start, &end);
  length = g_utf8_strlen (r->text, -1);
  if (start > end || (glong) end > length)
    return NULL;
  from = g_utf8_offset_to_pointer (r->text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

static const SummarySource record_source = {
  rec_error_code, rec_foreach_attr, rec_get_attr, rec_foreach_stage, rec_foreach_entity_sentiment,
  rec_n_layers, rec_layer_name,
  rec_find_layer, rec_n_spans, rec_span_range, rec_span_label, rec_span_attr, rec_span_text,
};

gboolean
tamis_summary_add_record (TamisSummary *summary, const char *json, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GPtrArray) spans = g_ptr_array_new ();
  Record r = { 0 };
  JsonNode *root, *node;
  TamisSummary *one;
  gboolean ok;

  g_return_val_if_fail (summary != NULL && json != NULL, FALSE);
  if (!json_parser_load_from_data (parser, json, length, &local))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "not JSON: %s", local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "a record is a JSON object");
      return FALSE;
    }
  r.record = json_node_get_object (root);
  node = json_object_get_member (r.record, "id");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "a record has an \"id\" string");
      return FALSE;
    }
  node = json_object_get_member (r.record, "text");
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    r.text = json_node_get_string (node);
  node = json_object_get_member (r.record, "layers");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "\"layers\" is an object of lists");
          return FALSE;
        }
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "layer \"%s\" is not a list", name);
              return FALSE;
            }
          g_ptr_array_add (names, (gpointer) name);
          g_ptr_array_add (spans, json_node_get_array (member));
        }
    }
  r.layer_names = names;
  r.layer_spans = spans;

  one = tamis_summary_new_empty (summary->inputs);
  tamis_summary_count (one, &record_source, &r);
  /* Records of another pipeline may follow one another in a file: the
   * check of a merge refuses them, as it refuses another's summary. */
  ok = tamis_summary_merge (summary, one, error);
  tamis_summary_free (one);
  return ok;
}
