/* tamis evaluate — reading gold and predicted records (JSON Lines). */
#include "evaluate.h"

#include <string.h>

void
eval_record_free (EvalRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->text);
  g_free (record->error_code);
  g_clear_pointer (&record->object, json_object_unref);
  g_free (record);
}

gboolean
eval_is_doc_attribute (const char *name, JsonNode *value)
{
  static const char *const reserved[] = { "id", "text", "layers", "meta", "repaired", "error", NULL };

  if (g_strv_contains (reserved, name) || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  return TRUE;
}

EvalRecord *
eval_record_new (JsonNode *node, const char *where, GError **error)
{
  g_autoptr(EvalRecord) record = g_new0 (EvalRecord, 1);
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", where);
      return NULL;
    }
  object = json_node_get_object (node);
  record->object = json_object_ref (object);

  member = json_object_get_member (object, "id");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no \"id\" string", where);
      return NULL;
    }
  record->id = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "text");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: record '%s': \"text\" is not a string", where, record->id);
          return NULL;
        }
      record->text = g_strdup (json_node_get_string (member));
    }

  member = json_object_get_member (object, "error");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonNode *code = json_object_get_member (json_node_get_object (member), "code");

      record->error_code = g_strdup (code && json_node_get_value_type (code) == G_TYPE_STRING
                                     ? json_node_get_string (code) : "error");
    }
  return g_steal_pointer (&record);
}

GPtrArray *
eval_read_jsonl (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) eval_record_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  char *line;
  guint lineno = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  line = contents;
  while (line < contents + length)
    {
      char *eol = memchr (line, '\n', contents + length - line);
      gsize n = eol ? (gsize) (eol - line) : (gsize) (contents + length - line);
      g_autofree char *where = NULL;
      g_autoptr(GError) local = NULL;
      g_autoptr(JsonNode) root = NULL;
      EvalRecord *record;

      lineno++;
      where = g_strdup_printf ("%s:%u", path, lineno);
      if (strspn (line, " \t\r") < n)
        {
          if (!json_parser_load_from_data (parser, line, n, &local))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", where, local->message);
              return NULL;
            }
          root = json_parser_steal_root (parser);
          record = eval_record_new (root, where, error);
          if (record == NULL)
            return NULL;
          g_ptr_array_add (records, record);
        }
      line += n + 1;
    }
  return g_steal_pointer (&records);
}

static gboolean
get_offset (JsonObject *span, const char *name, guint *offset)
{
  JsonNode *node = json_object_get_member (span, name);
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT32)
    return FALSE;
  *offset = (guint) value;
  return TRUE;
}

GArray *
eval_record_get_spans (const EvalRecord *record, const char *layer, GError **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  JsonObject *layers;
  JsonArray *array;
  glong length = record->text ? g_utf8_strlen (record->text, -1) : -1;

  if (!json_object_has_member (record->object, "layers")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (record->object, "layers")))
    return g_steal_pointer (&spans);
  layers = json_object_get_object_member (record->object, "layers");
  if (!json_object_has_member (layers, layer))
    return g_steal_pointer (&spans);
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (layers, layer)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "record '%s': layer '%s' is not an array", record->id, layer);
      return NULL;
    }
  array = json_object_get_array_member (layers, layer);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      EvalSpan span = { 0 };
      JsonNode *label, *optional;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      span.object = json_node_get_object (node);
      if (!get_offset (span.object, "start", &span.start) || !get_offset (span.object, "end", &span.end)
          || span.start > span.end || (length >= 0 && span.end > (guint) length))
        goto bad;
      label = json_object_get_member (span.object, "label");
      if (label != NULL && json_node_get_value_type (label) == G_TYPE_STRING)
        span.label = json_node_get_string (label);
      optional = json_object_get_member (span.object, "optional");
      span.optional = optional && json_node_get_value_type (optional) == G_TYPE_BOOLEAN
                      && json_node_get_boolean (optional);
      g_array_append_val (spans, span);
      continue;

    bad:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "record '%s': span %u of layer '%s' is not {start, end} within the text "
                   "(offsets in code points, start <= end)", record->id, i, layer);
      return NULL;
    }
  return g_steal_pointer (&spans);
}
