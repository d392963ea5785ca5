/* tamis — documents, their attributes and their layers of spans.
 *
 * Spans live by value in one GArray per layer and their attributes in one
 * pool per layer, chained by index: adding a token costs an array append,
 * never a malloc of its own. Strings are copied into one GStringChunk per
 * document, freed with it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <tamis/error.h>
#include "document-private.h"

typedef struct {
  const char *key;
  TamisValue value;
  guint32 next; /* 1 + index of the owner's next attribute; 0 ends the chain */
} Attr;

struct _TamisLayer {
  TamisDoc *doc;
  char *name;
  TamisSpan *spans; /* grown by doubling: appending is the hot path */
  guint n_spans;
  guint n_alloc;
  GArray *attrs; /* Attr */
  gboolean sorted;
};

struct _TamisDoc {
  char *id;
  char *text;
  gsize length;
  char *source_path;
  guint source_line;
  char *error_code;
  char *error_message;
  GPtrArray *repairs; /* static strings, NULL-terminated when set */
  GStringChunk *strings;
  GArray *attrs;      /* Attr, document level, in the order first set */
  GPtrArray *layers;  /* TamisLayer */
  JsonObject *meta;
  gsize input_size;
  gsize cursor_byte;  /* last offset tamis_doc_char_offset() converted */
  gsize cursor_char;
  TamisDocLoadFunc load; /* set while the document is pending */
  gpointer load_data;
  GDestroyNotify load_free;
};

static void
layer_free (gpointer data)
{
  TamisLayer *layer = data;

  g_free (layer->spans);
  g_array_unref (layer->attrs);
  g_free (layer->name);
  g_free (layer);
}

static TamisDoc *
doc_alloc (const char *id)
{
  TamisDoc *doc = g_new0 (TamisDoc, 1);

  doc->id = g_strdup (id ? id : "");
  /* room for the few attributes a document usually gets, without regrowth */
  doc->attrs = g_array_sized_new (FALSE, FALSE, sizeof (Attr), 4);
  doc->layers = g_ptr_array_new_with_free_func (layer_free);
  return doc;
}

gboolean
tamis_utf8_validate (const char *text, gsize len, const char **bad)
{
  const guchar *p = (const guchar *) text, *end = p + len;

  /* ASCII runs are skipped eight bytes at a time; GLib checks the rest. */
  while (p < end)
    {
      const guchar *run;
      guint64 word;

      while (end - p >= 8)
        {
          memcpy (&word, p, 8);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      while (p < end && *p < 0x80)
        p++;
      if (p == end)
        break;
      run = p;
      while (p < end && *p >= 0x80)
        p++;
      if (!g_utf8_validate_len ((const char *) run, p - run, bad))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_utf8 (const char *id, const char *text, gsize length, GError **error)
{
  const char *end = memchr (text, '\0', length);

  /* A NUL is valid UTF-8 but cannot be part of a C string of text. */
  if (end == NULL && tamis_utf8_validate (text, length, &end))
    return TRUE;
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
               *end == '\0' ? "%s: NUL byte at byte %" G_GSIZE_FORMAT
                             : "%s: invalid UTF-8 at byte %" G_GSIZE_FORMAT,
               id ? id : "document", (gsize) (end - text));
  return FALSE;
}

TamisDoc *
tamis_doc_new (const char *id, const char *text, gssize length, GError **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (!check_utf8 (id, text, length, error))
    return NULL;
  return tamis_doc_new_take (id, g_strndup (text, length), length, error);
}

TamisDoc *
tamis_doc_new_take (const char *id, char *text, gsize length, GError **error)
{
  TamisDoc *doc;

  g_return_val_if_fail (text != NULL, NULL);

  if (length > G_MAXUINT32)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                   "%s: document larger than 4 GiB", id ? id : "document");
      g_free (text);
      return NULL;
    }
  if (!check_utf8 (id, text, length, error))
    {
      g_free (text);
      return NULL;
    }
  doc = doc_alloc (id);
  doc->text = text;
  doc->length = length;
  return doc;
}

TamisDoc *
tamis_doc_new_take_valid (const char *id, char *text, gsize length)
{
  TamisDoc *doc;

  g_return_val_if_fail (length <= G_MAXUINT32, NULL);
  doc = doc_alloc (id);
  doc->text = text;
  doc->length = length;
  return doc;
}

TamisDoc *
tamis_doc_new_failed (const char *id, const char *code, const char *message)
{
  TamisDoc *doc = doc_alloc (id);

  doc->text = g_strdup ("");
  tamis_doc_set_error (doc, code, message);
  return doc;
}

TamisDoc *
tamis_doc_new_pending (TamisDocLoadFunc load, gpointer data, GDestroyNotify free_data)
{
  TamisDoc *doc = doc_alloc (NULL);

  doc->text = g_strdup ("");
  doc->load = load;
  doc->load_data = data;
  doc->load_free = free_data;
  return doc;
}

void
tamis_doc_load (TamisDoc *doc)
{
  TamisDocLoadFunc load = doc->load;
  gpointer data = doc->load_data;
  GDestroyNotify free_data = doc->load_free;
  TamisDoc *real, placeholder;

  if (load == NULL)
    return;
  doc->load = NULL;
  doc->load_data = NULL;
  doc->load_free = NULL;
  real = load (data);
  if (free_data)
    free_data (data);
  /* The caller keeps its pointer: move the contents, not the document.
   * A freshly read document has no layers pointing back at it. */
  placeholder = *doc;
  *doc = *real;
  *real = placeholder;
  tamis_doc_free (real);
}

void
tamis_doc_free (TamisDoc *doc)
{
  if (doc == NULL)
    return;
  if (doc->load_free)
    doc->load_free (doc->load_data);
  g_ptr_array_unref (doc->layers);
  g_array_unref (doc->attrs);
  if (doc->strings)
    g_string_chunk_free (doc->strings);
  if (doc->repairs)
    g_ptr_array_unref (doc->repairs);
  if (doc->meta)
    json_object_unref (doc->meta);
  g_free (doc->error_code);
  g_free (doc->error_message);
  g_free (doc->source_path);
  g_free (doc->text);
  g_free (doc->id);
  g_free (doc);
}

const char *
tamis_doc_get_id (const TamisDoc *doc)
{
  return doc->id;
}

const char *
tamis_doc_get_text (const TamisDoc *doc)
{
  return doc->text;
}

gsize
tamis_doc_get_length (const TamisDoc *doc)
{
  return doc->length;
}

void
tamis_doc_set_source (TamisDoc *doc, const char *path, guint line)
{
  g_free (doc->source_path);
  doc->source_path = g_strdup (path);
  doc->source_line = line;
}

const char *
tamis_doc_get_source_path (const TamisDoc *doc)
{
  return doc->source_path;
}

guint
tamis_doc_get_source_line (const TamisDoc *doc)
{
  return doc->source_line;
}

void
tamis_doc_set_error (TamisDoc *doc, const char *code, const char *message)
{
  g_free (doc->error_code);
  g_free (doc->error_message);
  doc->error_code = g_strdup (code ? code : "failed");
  doc->error_message = g_strdup (message ? message : "");
}

const char *
tamis_doc_get_error_code (const TamisDoc *doc)
{
  return doc->error_code;
}

const char *
tamis_doc_get_error_message (const TamisDoc *doc)
{
  return doc->error_message;
}

void
tamis_doc_add_repair (TamisDoc *doc, const char *what)
{
  if (doc->repairs == NULL)
    doc->repairs = g_ptr_array_new_null_terminated (2, NULL, TRUE);
  for (guint i = 0; i < doc->repairs->len; i++)
    if (strcmp (g_ptr_array_index (doc->repairs, i), what) == 0)
      return;
  g_ptr_array_add (doc->repairs, (gpointer) what);
}

const char *const *
tamis_doc_get_repairs (const TamisDoc *doc)
{
  return doc->repairs ? (const char *const *) doc->repairs->pdata : NULL;
}

static GStringChunk *
doc_strings (TamisDoc *doc)
{
  if (doc->strings == NULL)
    doc->strings = g_string_chunk_new (1024);
  return doc->strings;
}

const char *
tamis_doc_intern (TamisDoc *doc, const char *str)
{
  return g_string_chunk_insert_const (doc_strings (doc), str);
}

static const char *
doc_copy (TamisDoc *doc, const char *str, gssize len)
{
  if (len < 0)
    return g_string_chunk_insert (doc_strings (doc), str);
  return g_string_chunk_insert_len (doc_strings (doc), str, len);
}

/* ---- document attributes ---- */

static void
doc_set (TamisDoc *doc, const char *key, TamisValue value)
{
  for (guint i = 0; i < doc->attrs->len; i++)
    {
      Attr *attr = &g_array_index (doc->attrs, Attr, i);
      if (strcmp (attr->key, key) == 0)
        {
          attr->value = value;
          return;
        }
    }
  Attr attr = { key, value, 0 };
  g_array_append_val (doc->attrs, attr);
}

void
tamis_doc_set_string (TamisDoc *doc, const char *key, const char *value)
{
  doc_set (doc, key, (TamisValue) { .type = TAMIS_VALUE_STRING, .s = doc_copy (doc, value, -1) });
}

void
tamis_doc_set_int (TamisDoc *doc, const char *key, gint64 value)
{
  doc_set (doc, key, (TamisValue) { .type = TAMIS_VALUE_INT, .i = value });
}

void
tamis_doc_set_double (TamisDoc *doc, const char *key, double value)
{
  doc_set (doc, key, (TamisValue) { .type = TAMIS_VALUE_DOUBLE, .d = value });
}

void
tamis_doc_set_bool (TamisDoc *doc, const char *key, gboolean value)
{
  doc_set (doc, key, (TamisValue) { .type = TAMIS_VALUE_BOOL, .b = !!value });
}

void
tamis_doc_set_json (TamisDoc *doc, const char *key, const char *json)
{
  doc_set (doc, key, (TamisValue) { .type = TAMIS_VALUE_JSON, .s = doc_copy (doc, json, -1) });
}

gboolean
tamis_doc_get_attr (const TamisDoc *doc, const char *key, TamisValue *value)
{
  for (guint i = 0; i < doc->attrs->len; i++)
    {
      const Attr *attr = &g_array_index (doc->attrs, Attr, i);
      if (strcmp (attr->key, key) == 0)
        {
          if (value)
            *value = attr->value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tamis_doc_get_string (const TamisDoc *doc, const char *key)
{
  TamisValue value;

  if (tamis_doc_get_attr (doc, key, &value) && value.type == TAMIS_VALUE_STRING)
    return value.s;
  return NULL;
}

const char *
tamis_doc_get_meta (const TamisDoc *doc, const char *key)
{
  JsonNode *node;

  if (doc->meta == NULL || !json_object_has_member (doc->meta, key))
    return NULL;
  node = json_object_get_member (doc->meta, key);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

void
tamis_doc_take_meta (TamisDoc *doc, JsonObject *meta)
{
  if (doc->meta)
    json_object_unref (doc->meta);
  doc->meta = meta;
}

JsonObject *
tamis_doc_get_meta_object (const TamisDoc *doc)
{
  return doc->meta;
}

void
tamis_doc_set_input_size (TamisDoc *doc, gsize bytes)
{
  doc->input_size = bytes;
}

gsize
tamis_doc_get_input_size (const TamisDoc *doc)
{
  return doc->input_size;
}

/* Iterators: document attributes walk the array (next = array index + 1),
 * span attributes walk their chain in the layer's pool. */
void
tamis_doc_attr_iter_init (TamisAttrIter *iter, const TamisDoc *doc)
{
  iter->owner = doc->attrs;
  iter->next = doc->attrs->len ? 1 : 0;
  iter->pad = 1; /* walk by array position */
}

void
tamis_layer_attr_iter_init (TamisAttrIter *iter, const TamisLayer *layer, guint index)
{
  g_return_if_fail (index < layer->n_spans);
  iter->owner = layer->attrs;
  iter->next = layer->spans[index].attrs;
  iter->pad = 0; /* walk by chain */
}

gboolean
tamis_attr_iter_next (TamisAttrIter *iter, const char **key, TamisValue *value)
{
  const GArray *pool = iter->owner;
  const Attr *attr;

  if (iter->next == 0 || iter->next > pool->len)
    return FALSE;
  attr = &g_array_index (pool, Attr, iter->next - 1);
  if (key)
    *key = attr->key;
  if (value)
    *value = attr->value;
  if (iter->pad)
    iter->next = iter->next < pool->len ? iter->next + 1 : 0;
  else
    iter->next = attr->next;
  return TRUE;
}

/* ---- layers ---- */

TamisLayer *
tamis_doc_get_layer (const TamisDoc *doc, const char *name)
{
  for (guint i = 0; i < doc->layers->len; i++)
    {
      TamisLayer *layer = g_ptr_array_index (doc->layers, i);
      if (strcmp (layer->name, name) == 0)
        return layer;
    }
  return NULL;
}

TamisLayer *
tamis_doc_ensure_layer (TamisDoc *doc, const char *name)
{
  TamisLayer *layer = tamis_doc_get_layer (doc, name);

  if (layer)
    return layer;
  layer = g_new0 (TamisLayer, 1);
  layer->doc = doc;
  layer->name = g_strdup (name);
  layer->attrs = g_array_new (FALSE, FALSE, sizeof (Attr));
  layer->sorted = TRUE;
  g_ptr_array_add (doc->layers, layer);
  return layer;
}

guint
tamis_doc_get_n_layers (const TamisDoc *doc)
{
  return doc->layers->len;
}

TamisLayer *
tamis_doc_get_nth_layer (const TamisDoc *doc, guint n)
{
  g_return_val_if_fail (n < doc->layers->len, NULL);
  return g_ptr_array_index (doc->layers, n);
}

const char *
tamis_layer_get_name (const TamisLayer *layer)
{
  return layer->name;
}

TamisDoc *
tamis_layer_get_doc (const TamisLayer *layer)
{
  return layer->doc;
}

guint
tamis_layer_add (TamisLayer *layer, guint32 start, guint32 end, const char *label)
{
  guint n = layer->n_spans;
  TamisSpan *span;

  g_return_val_if_fail (start <= end && end <= layer->doc->length, G_MAXUINT);

  if (G_UNLIKELY (n == layer->n_alloc))
    {
      layer->n_alloc = MAX (64, 2 * layer->n_alloc);
      layer->spans = g_renew (TamisSpan, layer->spans, layer->n_alloc);
    }
  if (n > 0 && layer->sorted)
    {
      const TamisSpan *last = &layer->spans[n - 1];
      if (start < last->start || (start == last->start && end > last->end))
        layer->sorted = FALSE;
    }
  span = &layer->spans[n];
  span->start = start;
  span->end = end;
  span->label = label;
  span->score = NAN;
  span->attrs = 0;
  layer->n_spans = n + 1;
  return n;
}

guint
tamis_layer_get_n_spans (const TamisLayer *layer)
{
  return layer->n_spans;
}

TamisSpan *
tamis_layer_get_spans (const TamisLayer *layer, guint *n_spans)
{
  if (n_spans)
    *n_spans = layer->n_spans;
  return layer->spans;
}

TamisSpan *
tamis_layer_get_span (const TamisLayer *layer, guint index)
{
  g_return_val_if_fail (index < layer->n_spans, NULL);
  return &layer->spans[index];
}

static gint
span_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const TamisSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

void
tamis_layer_sort (TamisLayer *layer)
{
  if (layer->sorted)
    return;
  /* g_qsort_with_data() is a stable merge sort: equal spans keep their order. */
  g_qsort_with_data (layer->spans, layer->n_spans, sizeof (TamisSpan),
                     span_compare, NULL);
  layer->sorted = TRUE;
}

void
tamis_layer_clear (TamisLayer *layer)
{
  layer->n_spans = 0;
  g_array_set_size (layer->attrs, 0);
  layer->sorted = TRUE;
}

static void
layer_set (TamisLayer *layer, guint index, const char *key, TamisValue value)
{
  TamisSpan *span;
  guint32 *link;
  Attr attr = { key, value, 0 };

  g_return_if_fail (index < layer->n_spans);
  span = &layer->spans[index];

  /* Walk to the end of the span's chain, replacing the key if already set. */
  link = &span->attrs;
  while (*link)
    {
      Attr *old = &g_array_index (layer->attrs, Attr, *link - 1);
      if (old->key == key || strcmp (old->key, key) == 0)
        {
          old->value = value;
          return;
        }
      link = &old->next;
    }
  /* @link may point into the pool, which the append can move: index it. */
  if (link == &span->attrs)
    {
      g_array_append_val (layer->attrs, attr);
      span->attrs = layer->attrs->len;
    }
  else
    {
      gsize at = (Attr *) ((char *) link - G_STRUCT_OFFSET (Attr, next)) - (Attr *) layer->attrs->data;
      g_array_append_val (layer->attrs, attr);
      g_array_index (layer->attrs, Attr, at).next = layer->attrs->len;
    }
}

void
tamis_layer_set_string (TamisLayer *layer, guint index, const char *key, const char *value)
{
  layer_set (layer, index, key,
             (TamisValue) { .type = TAMIS_VALUE_STRING, .s = doc_copy (layer->doc, value, -1) });
}

void
tamis_layer_set_string_len (TamisLayer *layer, guint index, const char *key, const char *value,
                            gsize len)
{
  layer_set (layer, index, key,
             (TamisValue) { .type = TAMIS_VALUE_STRING, .s = doc_copy (layer->doc, value, len) });
}

void
tamis_layer_set_static (TamisLayer *layer, guint index, const char *key, const char *value)
{
  layer_set (layer, index, key, (TamisValue) { .type = TAMIS_VALUE_STRING, .s = value });
}

void
tamis_layer_set_int (TamisLayer *layer, guint index, const char *key, gint64 value)
{
  layer_set (layer, index, key, (TamisValue) { .type = TAMIS_VALUE_INT, .i = value });
}

void
tamis_layer_set_double (TamisLayer *layer, guint index, const char *key, double value)
{
  layer_set (layer, index, key, (TamisValue) { .type = TAMIS_VALUE_DOUBLE, .d = value });
}

void
tamis_layer_set_bool (TamisLayer *layer, guint index, const char *key, gboolean value)
{
  layer_set (layer, index, key, (TamisValue) { .type = TAMIS_VALUE_BOOL, .b = !!value });
}

void
tamis_layer_set_json (TamisLayer *layer, guint index, const char *key, const char *json)
{
  layer_set (layer, index, key,
             (TamisValue) { .type = TAMIS_VALUE_JSON, .s = doc_copy (layer->doc, json, -1) });
}

gboolean
tamis_layer_get_attr (const TamisLayer *layer, guint index, const char *key, TamisValue *value)
{
  guint32 next;

  g_return_val_if_fail (index < layer->n_spans, FALSE);
  next = layer->spans[index].attrs;
  while (next)
    {
      const Attr *attr = &g_array_index (layer->attrs, Attr, next - 1);
      if (attr->key == key || strcmp (attr->key, key) == 0)
        {
          if (value)
            *value = attr->value;
          return TRUE;
        }
      next = attr->next;
    }
  return FALSE;
}

/* ---- offsets ---- */

gsize
tamis_utf8_count (const char *p, gsize len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *end = p + len;
  gsize continuation = 0;

  /* Every byte but the continuation bytes (10xxxxxx) starts a code point.
   * Eight bytes a step: each byte of @acc counts its lane's continuation
   * bytes, summed across lanes before a lane can overflow. */
  while (end - p >= 8)
    {
      guint64 acc = 0;
      for (guint i = 0; i < 255 && end - p >= 8; i++, p += 8)
        {
          guint64 w;
          memcpy (&w, p, 8);
          acc += (w & ~(w << 1) & high) >> 7;
        }
      /* pairs of byte lanes into 16-bit lanes, then the four 16-bit lanes */
      acc = (acc & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) +
            ((acc >> 8) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF));
      continuation += (acc * G_GUINT64_CONSTANT (0x0001000100010001)) >> 48;
    }
  for (; p < end; p++)
    continuation += ((guchar) *p & 0xC0) == 0x80;
  return len - continuation;
}

gsize
tamis_doc_char_offset (TamisDoc *doc, gsize byte_offset)
{
  if (byte_offset > doc->length)
    byte_offset = doc->length;
  if (byte_offset >= doc->cursor_byte)
    doc->cursor_char += tamis_utf8_count (doc->text + doc->cursor_byte, byte_offset - doc->cursor_byte);
  else if (byte_offset >= doc->cursor_byte / 2)
    doc->cursor_char -= tamis_utf8_count (doc->text + byte_offset, doc->cursor_byte - byte_offset);
  else
    doc->cursor_char = tamis_utf8_count (doc->text, byte_offset);
  doc->cursor_byte = byte_offset;
  return doc->cursor_char;
}
