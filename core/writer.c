/* tamis — writers: one record per document, as JSON Lines, one JSON array,
 * TSV of spans or an HTML report (the page itself is in writer-html.c).
 *
 * JSON records are JsonNode trees serialised by JsonGenerator. Offsets go
 * out in Unicode code points: two cursors walk the text, one for starts
 * (sorted, so it only moves forward) and one for ends (which are not
 * sorted, so it moves either way, or restarts from the span's start when
 * that is closer), so a layer costs about one pass over the text.
 *
 * TSV: a header line, then per document one line per document attribute
 * (layer "@doc", the name under "label", the value under "text"), then one
 * line per span; a failed document gives one line with layer "error", the
 * code under "label" and the message under "text". Every line has the eight
 * columns; a document with neither attributes nor spans gives no line.
 * Tabs, newlines, carriage returns and backslashes in values are written
 * \t \n \r \\; in the attributes column ';' is written \; too.
 *
 * SQLite: writer-sqlite.c; this file only hands it the documents. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <tamis/error.h>
#include <tamis/io.h>
#include <tamis/summary.h>
#include "document-private.h"
#include "io-private.h"
#include "summary-private.h"
#include "tsan-private.h"
#include "writer-html.h"

gboolean
tamis_format_from_string (const char *name, TamisFormat *format, GError **error)
{
  static const struct { const char *name; TamisFormat format; } formats[] = {
    { "jsonl", TAMIS_FORMAT_JSONL },
    { "json", TAMIS_FORMAT_JSON },
    { "tsv", TAMIS_FORMAT_TSV },
    { "sqlite", TAMIS_FORMAT_SQLITE },
    { "html", TAMIS_FORMAT_HTML },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (name != NULL && strcmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
               "unknown output format '%s' (expected jsonl, json, tsv, sqlite or html)",
               name ? name : "");
  return FALSE;
}

/* ---- offsets ---- */

typedef struct {
  const char *text;
  gsize byte;
  gsize chr;
} Cursor;

static gsize
cursor_move (Cursor *c, gsize byte)
{
  if (byte >= c->byte)
    c->chr += tamis_utf8_count (c->text + c->byte, byte - c->byte);
  else
    c->chr -= tamis_utf8_count (c->text + byte, c->byte - byte);
  c->byte = byte;
  return c->chr;
}

/* Converts the offsets of one span; @starts only moves forward. */
static void
span_offsets (const TamisSpan *span, Cursor *starts, Cursor *ends, gsize *start, gsize *end)
{
  gsize from_end = span->end > ends->byte ? span->end - ends->byte : ends->byte - span->end;

  *start = cursor_move (starts, span->start);
  if (span->end - span->start < from_end)
    {
      ends->byte = span->start;
      ends->chr = *start;
    }
  *end = cursor_move (ends, span->end);
}

/* A float score as the double nearest its shortest decimal form, so that
 * 0.9f is written as 0.9 rather than 0.89999997615814209. */
static double
score_value (float score)
{
  static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
                                  1e18, 1e19, 1e20, 1e21, 1e22 };
  double d = score;
  int exp2;

  if (d == 0 || !isfinite (d))
    return d;
  frexp (d, &exp2);
  for (int digits = 6; digits <= 9; digits++)
    {
      /* scale = 10^(digits - 1 - decimal exponent), exact up to 1e22 */
      int k = digits - 1 - (int) floor ((exp2 - 1) * 0.30102999566398120);
      double r;

      if (k > 22 || k < -22)
        return d;
      r = k >= 0 ? nearbyint (d * pow10[k]) / pow10[k] : nearbyint (d / pow10[-k]) * pow10[-k];
      if ((float) r == score)
        return r;
    }
  return d;
}

void
tamis_layer_code_points (const TamisLayer *layer, const char *text, gsize *offsets)
{
  guint n_spans;
  const TamisSpan *spans = tamis_layer_peek_spans (layer, &n_spans);
  Cursor starts = { text, 0, 0 }, ends = { text, 0, 0 };

  for (guint i = 0; i < n_spans; i++)
    span_offsets (&spans[i], &starts, &ends, &offsets[2 * i], &offsets[2 * i + 1]);
}

double
tamis_span_score_value (float score)
{
  return score_value (score);
}

/* ---- JSON records ---- */

/* What a record is built with. Span objects are pooled per layer and kept
 * from one record to the next: a span whose members are the same as those
 * of the object at its index (same names, same kinds of value) has its
 * values updated in place, so that steady writing allocates next to nothing
 * per span and JsonGenerator does the serialising. */
typedef struct {
  JsonParser *parser;           /* for TAMIS_VALUE_JSON, made when needed */
  GHashTable *pools;            /* layer name -> LayerPool */
  GArray *attrs;                /* SpanAttr, the attributes of one span */
} Builder;

typedef struct {
  const char *key;
  TamisValue value;
} SpanAttr;

typedef enum {
  KIND_NULL,
  KIND_STRING,
  KIND_INT,
  KIND_DOUBLE,
  KIND_BOOL,
  KIND_JSON,
} Kind;

/* One span object and direct pointers to its member nodes; one block. */
typedef struct {
  JsonNode *element;            /* the object node; the slot holds a ref */
  JsonNode **members;           /* start, end, [label], [score], attributes */
  char **keys;                  /* attribute names */
  guint8 *kinds;                /* attribute kinds */
  guint n_attrs;
  gboolean has_label;
  gboolean has_score;
  gboolean reusable;            /* FALSE when an attribute shadows a member */
} Slot;

typedef struct {
  JsonArray *array;             /* the elements of the first n_shown slots */
  GPtrArray *slots;
  guint n_shown;
} LayerPool;

/* Span objects kept per layer beyond one record, at most. */
#define POOL_MAX 65536

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  json_node_unref (slot->element);
  g_free (slot);
}

static void
pool_free (gpointer data)
{
  LayerPool *pool = data;

  json_array_unref (pool->array);
  g_ptr_array_unref (pool->slots);
  g_free (pool);
}

static void
builder_init (Builder *b)
{
  b->parser = NULL;
  b->pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pool_free);
  b->attrs = g_array_new (FALSE, FALSE, sizeof (SpanAttr));
}

static void
builder_clear (Builder *b)
{
  g_clear_object (&b->parser);
  g_clear_pointer (&b->pools, g_hash_table_unref);
  g_clear_pointer (&b->attrs, g_array_unref);
}

static Kind
value_kind (const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
      return value->s != NULL ? KIND_STRING : KIND_NULL;
    case TAMIS_VALUE_INT:
      return KIND_INT;
    case TAMIS_VALUE_DOUBLE:
      /* JSON has no NaN nor infinity. */
      return isfinite (value->d) ? KIND_DOUBLE : KIND_NULL;
    case TAMIS_VALUE_BOOL:
      return KIND_BOOL;
    case TAMIS_VALUE_JSON:
      return value->s != NULL ? KIND_JSON : KIND_NULL;
    case TAMIS_VALUE_NONE:
    default:
      return KIND_NULL;
    }
}

/* json-glib 1.6 prints a double with "%.17g" and appends ".0" when that
 * has no '.', which turns 1e+20 into the invalid 1e+20.0. Such a double is
 * moved by an ulp or two toward zero until its form has a '.'. */
static double
json_safe_double (double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* "%.17g" uses the exponent form only outside [1e-5, 1e17). */
  if (d == 0 || (fabs (d) >= 1e-5 && fabs (d) < 1e17))
    return d;
  for (guint i = 0; i < 8 && isfinite (d); i++)
    {
      g_ascii_formatd (buf, sizeof buf, "%.17g", d);
      if (strchr (buf, '.') || !strpbrk (buf, "eE"))
        break;
      d = nextafter (d, 0);
    }
  return d;
}

/* Applies json_safe_double() to every number of a parsed tree. */
static void
json_make_safe (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          json_make_safe (member);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_make_safe (json_array_get_element (array, i));
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        json_node_set_double (node, json_safe_double (json_node_get_double (node)));
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static JsonNode *
value_node (Builder *b, const TamisValue *value)
{
  JsonNode *node = json_node_alloc ();

  switch (value_kind (value))
    {
    case KIND_STRING:
      return json_node_init_string (node, value->s);
    case KIND_INT:
      return json_node_init_int (node, value->i);
    case KIND_DOUBLE:
      return json_node_init_double (node, json_safe_double (value->d));
    case KIND_BOOL:
      return json_node_init_boolean (node, value->b);
    case KIND_JSON:
      if (b->parser == NULL)
        b->parser = json_parser_new ();
      if (json_parser_load_from_data (b->parser, value->s, -1, NULL))
        {
          JsonNode *root = json_parser_steal_root (b->parser);

          if (root != NULL)
            json_make_safe (root);
          if (root != NULL)
            {
              json_node_unref (node);
              return root;
            }
        }
      /* Not JSON after all: keep it as a string rather than lose it. */
      return json_node_init_string (node, value->s);
    case KIND_NULL:
    default:
      return json_node_init_null (node);
    }
}

static gboolean
layer_wanted (const char *const *layers, const char *name)
{
  return layers == NULL || g_strv_contains (layers, name);
}

gboolean
tamis_attribute_wanted (const char *const *attributes, const char *key)
{
  return attributes == NULL || g_strv_contains (attributes, key);
}

static JsonNode *
add_member (JsonObject *obj, const char *key, JsonNode *node, gboolean *shadows)
{
  if (json_object_has_member (obj, key))
    *shadows = TRUE;
  json_object_set_member (obj, key, node);
  return node;
}

/* Builds the object of one span, into @element if given. */
static Slot *
slot_new (Builder *b, JsonNode *element, const TamisSpan *span, gsize start, gsize end)
{
  guint n_attrs = b->attrs->len;
  guint n_members = 2 + (span->label != NULL) + !isnan (span->score) + n_attrs;
  gsize size = sizeof (Slot) + n_members * sizeof (JsonNode *) + n_attrs * sizeof (char *) + n_attrs;
  JsonObject *obj = json_object_new ();
  gboolean shadows = FALSE;
  Slot *slot;
  char *p;
  guint m = 0;

  for (guint k = 0; k < n_attrs; k++)
    size += strlen (g_array_index (b->attrs, SpanAttr, k).key) + 1;
  slot = g_malloc (size);
  slot->members = (JsonNode **) (slot + 1);
  slot->keys = (char **) (slot->members + n_members);
  slot->kinds = (guint8 *) (slot->keys + n_attrs);
  p = (char *) (slot->kinds + n_attrs);
  slot->n_attrs = n_attrs;
  slot->has_label = span->label != NULL;
  slot->has_score = !isnan (span->score);

  slot->members[m++] = add_member (obj, "start", json_node_init_int (json_node_alloc (), start), &shadows);
  slot->members[m++] = add_member (obj, "end", json_node_init_int (json_node_alloc (), end), &shadows);
  if (slot->has_label)
    slot->members[m++] = add_member (obj, "label", json_node_init_string (json_node_alloc (), span->label),
                                     &shadows);
  if (slot->has_score)
    slot->members[m++] = add_member (obj, "score",
                                     json_node_init_double (json_node_alloc (), score_value (span->score)),
                                     &shadows);
  for (guint k = 0; k < n_attrs; k++)
    {
      const SpanAttr *attr = &g_array_index (b->attrs, SpanAttr, k);
      gsize len = strlen (attr->key) + 1;

      slot->keys[k] = memcpy (p, attr->key, len);
      p += len;
      slot->kinds[k] = value_kind (&attr->value);
      slot->members[m++] = add_member (obj, attr->key, value_node (b, &attr->value), &shadows);
    }
  slot->reusable = !shadows;

  if (element == NULL)
    element = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (element, obj);
  slot->element = element;
  return slot;
}

static gboolean
slot_fits (const Slot *slot, Builder *b, const TamisSpan *span)
{
  if (!slot->reusable || slot->n_attrs != b->attrs->len
      || slot->has_label != (span->label != NULL) || slot->has_score != !isnan (span->score))
    return FALSE;
  for (guint k = 0; k < slot->n_attrs; k++)
    {
      const SpanAttr *attr = &g_array_index (b->attrs, SpanAttr, k);

      if (slot->kinds[k] != value_kind (&attr->value) || strcmp (slot->keys[k], attr->key) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
set_string (JsonNode *node, const char *value)
{
  if (strcmp (json_node_get_string (node), value) != 0)
    json_node_set_string (node, value);
}

/* Puts the values of @span into a slot of the same shape. */
static void
slot_update (Slot *slot, Builder *b, const TamisSpan *span, gsize start, gsize end)
{
  JsonNode **members = slot->members;
  guint m = 0;

  json_node_set_int (members[m++], start);
  json_node_set_int (members[m++], end);
  if (slot->has_label)
    set_string (members[m++], span->label);
  if (slot->has_score)
    json_node_set_double (members[m++], score_value (span->score));
  for (guint k = 0; k < slot->n_attrs; k++, m++)
    {
      const SpanAttr *attr = &g_array_index (b->attrs, SpanAttr, k);

      switch (slot->kinds[k])
        {
        case KIND_STRING:
          set_string (members[m], attr->value.s);
          break;
        case KIND_INT:
          json_node_set_int (members[m], attr->value.i);
          break;
        case KIND_DOUBLE:
          json_node_set_double (members[m], json_safe_double (attr->value.d));
          break;
        case KIND_BOOL:
          json_node_set_boolean (members[m], attr->value.b);
          break;
        case KIND_JSON:
          members[m] = value_node (b, &attr->value);
          json_object_set_member (json_node_get_object (slot->element), attr->key, members[m]);
          break;
        case KIND_NULL:
        default:
          break;
        }
    }
}

static JsonArray *
layer_array (Builder *b, TamisDoc *doc, const TamisLayer *layer)
{
  const char *name = tamis_layer_get_name (layer);
  guint n_spans;
  const TamisSpan *spans = tamis_layer_peek_spans (layer, &n_spans);
  const char *text = tamis_doc_get_text (doc);
  Cursor starts = { text, 0, 0 }, ends = { text, 0, 0 };
  LayerPool *pool = g_hash_table_lookup (b->pools, name);

  if (pool == NULL)
    {
      pool = g_new0 (LayerPool, 1);
      pool->array = json_array_sized_new (n_spans);
      pool->slots = g_ptr_array_new_with_free_func (slot_free);
      g_hash_table_insert (b->pools, g_strdup (name), pool);
    }

  /* Show exactly one element per span. */
  while (pool->n_shown > n_spans)
    json_array_remove_element (pool->array, --pool->n_shown);

  for (guint i = 0; i < n_spans; i++)
    {
      const TamisSpan *span = &spans[i];
      TamisAttrIter iter;
      SpanAttr attr;
      gsize start, end;
      Slot *slot = i < pool->slots->len ? pool->slots->pdata[i] : NULL;

      span_offsets (span, &starts, &ends, &start, &end);
      g_array_set_size (b->attrs, 0);
      tamis_layer_attr_iter_init (&iter, layer, i);
      while (tamis_attr_iter_next (&iter, &attr.key, &attr.value))
        g_array_append_val (b->attrs, attr);

      if (slot == NULL)
        {
          slot = slot_new (b, NULL, span, start, end);
          g_ptr_array_add (pool->slots, slot);
        }
      else if (slot_fits (slot, b, span))
        slot_update (slot, b, span, start, end);
      else
        {
          /* Same element node, new object and new slot. */
          Slot *fresh = slot_new (b, slot->element, span, start, end);

          g_free (slot);
          pool->slots->pdata[i] = slot = fresh;
        }
      if (i >= pool->n_shown)
        {
          json_array_add_element (pool->array, json_node_ref (slot->element));
          pool->n_shown++;
        }
    }
  return json_array_ref (pool->array);
}

/* Keeps pools from holding on to the spans of one huge document. */
static void
builder_trim (Builder *b)
{
  GHashTableIter iter;
  LayerPool *pool;

  g_hash_table_iter_init (&iter, b->pools);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pool))
    if (pool->slots->len > POOL_MAX)
      {
        while (pool->n_shown > POOL_MAX)
          json_array_remove_element (pool->array, --pool->n_shown);
        g_ptr_array_set_size (pool->slots, POOL_MAX);
      }
}

/* The metadata, kept as JSON text, as a node of the record. */
static JsonNode *
meta_node (const char *meta, gsize length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *node;

  if (!json_parser_load_from_data (parser, meta, length, NULL))
    return json_node_init_object (json_node_alloc (), json_object_new ());
  node = json_parser_steal_root (parser);
  json_make_safe (node);
  return node;
}

static JsonNode *
build_record (Builder *b, TamisDoc *doc, const char *const *layers,
              const char *const *attributes, gboolean with_text)
{
  JsonObject *record = json_object_new ();
  gsize meta_len = 0;
  const char *meta = tamis_doc_get_meta_json (doc, &meta_len);
  const char *code = tamis_doc_get_error_code (doc);
  JsonNode *root;

  json_object_set_string_member (record, "id", tamis_doc_get_id (doc));

  if (code != NULL)
    {
      JsonObject *error = json_object_new ();
      const char *message = tamis_doc_get_error_message (doc);

      json_object_set_string_member (error, "code", code);
      json_object_set_string_member (error, "message", message ? message : "");
      json_object_set_object_member (record, "error", error);
      if (meta != NULL)
        json_object_set_member (record, "meta", meta_node (meta, meta_len));
    }
  else
    {
      const char *const *repairs = tamis_doc_get_repairs (doc);
      JsonObject *layers_obj = json_object_new ();
      guint n_layers = tamis_doc_get_n_layers (doc);
      TamisAttrIter iter;
      const char *key;
      TamisValue value;

      tamis_doc_attr_iter_init (&iter, doc);
      while (tamis_attr_iter_next (&iter, &key, &value))
        if (tamis_attribute_wanted (attributes, key))
          json_object_set_member (record, key, value_node (b, &value));

      if (repairs != NULL && repairs[0] != NULL)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; repairs[i] != NULL; i++)
            json_array_add_string_element (array, repairs[i]);
          json_object_set_array_member (record, "repaired", array);
        }
      if (meta != NULL)
        json_object_set_member (record, "meta", meta_node (meta, meta_len));
      if (with_text)
        json_object_set_string_member (record, "text", tamis_doc_get_text (doc));

      for (guint i = 0; i < n_layers; i++)
        {
          const TamisLayer *layer = tamis_doc_get_nth_layer (doc, i);
          const char *name = tamis_layer_get_name (layer);

          if (layer_wanted (layers, name))
            json_object_set_array_member (layers_obj, name, layer_array (b, doc, layer));
        }
      json_object_set_object_member (record, "layers", layers_obj);
    }

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, record);
  return root;
}

static void
generate (JsonGenerator *generator, JsonNode *root, GString *out)
{
  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);
  /* Drop the generator's hold on the tree now rather than at the next record. */
  json_generator_set_root (generator, NULL);
}

static JsonGenerator *
generator_new (gboolean pretty)
{
  JsonGenerator *generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  return generator;
}

char *
tamis_doc_to_json (TamisDoc *doc, const char *const *layers, gboolean with_text, gboolean pretty)
{
  g_autoptr(JsonGenerator) generator = generator_new (pretty);
  g_autoptr(JsonNode) root = NULL;
  GString *out = g_string_new (NULL);
  Builder b;

  builder_init (&b);
  root = build_record (&b, doc, layers, NULL, with_text);
  generate (generator, root, out);
  builder_clear (&b);
  return g_string_free (out, FALSE);
}

/* ---- TSV ---- */

#define TSV_HEADER "id\tlayer\tstart\tend\tlabel\tscore\ttext\tattributes\n"

static void
tsv_escape (GString *out, const char *s, gssize len, gboolean in_attributes)
{
  const char *end = s + (len < 0 ? (gssize) strlen (s) : len);

  while (s < end)
    {
      const char *run = s;

      while (s < end && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\\'
             && !(in_attributes && *s == ';'))
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

void
tamis_string_append_double (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", d);
  if (g_ascii_strtod (buf, NULL) != d)
    g_ascii_formatd (buf, sizeof buf, "%.17g", d);
  g_string_append (out, buf);
}

static void
tsv_double (GString *out, double d)
{
  if (isfinite (d))
    tamis_string_append_double (out, d);
}

static void
tsv_value (GString *out, const TamisValue *value, gboolean in_attributes)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
    case TAMIS_VALUE_JSON:
      tsv_escape (out, value->s ? value->s : "", -1, in_attributes);
      break;
    case TAMIS_VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      break;
    case TAMIS_VALUE_DOUBLE:
      tsv_double (out, value->d);
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
tsv_record (GString *out, TamisDoc *doc, const char *const *layers,
            const char *const *attributes)
{
  const char *code = tamis_doc_get_error_code (doc);
  g_autoptr(GString) id = g_string_new (NULL);
  TamisAttrIter iter;
  const char *key;
  TamisValue value;
  guint n_layers;

  tsv_escape (id, tamis_doc_get_id (doc), -1, FALSE);

  if (code != NULL)
    {
      const char *message = tamis_doc_get_error_message (doc);

      g_string_append_len (out, id->str, id->len);
      g_string_append (out, "\terror\t\t\t");
      tsv_escape (out, code, -1, FALSE);
      g_string_append (out, "\t\t");
      tsv_escape (out, message ? message : "", -1, FALSE);
      g_string_append (out, "\t\n");
      return;
    }

  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    {
      if (!tamis_attribute_wanted (attributes, key))
        continue;
      g_string_append_len (out, id->str, id->len);
      g_string_append (out, "\t@doc\t\t\t");
      tsv_escape (out, key, -1, FALSE);
      g_string_append (out, "\t\t");
      tsv_value (out, &value, FALSE);
      g_string_append (out, "\t\n");
    }

  n_layers = tamis_doc_get_n_layers (doc);
  for (guint l = 0; l < n_layers; l++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, l);
      const char *name = tamis_layer_get_name (layer);
      const char *text = tamis_doc_get_text (doc);
      Cursor starts = { text, 0, 0 }, ends = { text, 0, 0 };
      g_autoptr(GString) prefix = NULL;
      guint n_spans;
      const TamisSpan *spans;

      if (!layer_wanted (layers, name))
        continue;
      prefix = g_string_new (id->str);
      g_string_append_c (prefix, '\t');
      tsv_escape (prefix, name, -1, FALSE);
      g_string_append_c (prefix, '\t');

      spans = tamis_layer_peek_spans (layer, &n_spans);
      for (guint i = 0; i < n_spans; i++)
        {
          const TamisSpan *span = &spans[i];
          gsize start, end;
          gboolean first = TRUE;

          span_offsets (span, &starts, &ends, &start, &end);
          g_string_append_len (out, prefix->str, prefix->len);
          g_string_append_printf (out, "%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t", start, end);
          if (span->label != NULL)
            tsv_escape (out, span->label, -1, FALSE);
          g_string_append_c (out, '\t');
          if (!isnan (span->score))
            tsv_double (out, score_value (span->score));
          g_string_append_c (out, '\t');
          tsv_escape (out, text + span->start, span->end - span->start, FALSE);
          g_string_append_c (out, '\t');

          tamis_layer_attr_iter_init (&iter, layer, i);
          while (tamis_attr_iter_next (&iter, &key, &value))
            {
              if (!first)
                g_string_append_c (out, ';');
              first = FALSE;
              tsv_escape (out, key, -1, TRUE);
              g_string_append_c (out, '=');
              tsv_value (out, &value, TRUE);
            }
          g_string_append_c (out, '\n');
        }
    }
}

/* ---- the writer ---- */

/* What formatting a JSON record needs. Workers format records side by side,
 * each with a formatter of its own taken from the writer's idle list. The
 * list's lock orders one holder's use of a formatter before the next's, so
 * nothing made with it (a record shares its pooled arrays) may outlive
 * giving it back. */
typedef struct {
  JsonGenerator *generator;
  Builder builder;
} Formatter;

struct _TamisWriter {
  TamisFormat format;
  GOutputStream *stream;
  char **layers;
  char **attributes;    /* document attributes written; NULL for all */
  gboolean with_text;
  guint64 n_records;
  TamisSummary *summary; /* not owned; NULL when none */
  GMutex lock;
  GPtrArray *idle;  /* Formatter */
  GString *out;
  GString *record;
  TamisSqliteOut *sqlite;
  TamisHtml *html;      /* the page, for TAMIS_FORMAT_HTML */
  TamisSummary *own_summary; /* the page's when the caller sets none */
  char *summary_json;   /* the summary the page shows, when given */
};

static void
formatter_free (gpointer data)
{
  Formatter *f = data;

  g_clear_object (&f->generator);
  builder_clear (&f->builder);
  g_free (f);
}

static Formatter *
formatter_take (TamisWriter *self)
{
  Formatter *f = NULL;

  tamis_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    f = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
  tamis_mutex_unlock (&self->lock);
  if (f == NULL)
    {
      f = g_new0 (Formatter, 1);
      f->generator = generator_new (self->format == TAMIS_FORMAT_JSON);
      builder_init (&f->builder);
    }
  return f;
}

static void
formatter_give (TamisWriter *self, Formatter *f)
{
  builder_trim (&f->builder);
  tamis_mutex_lock (&self->lock);
  g_ptr_array_add (self->idle, f);
  tamis_mutex_unlock (&self->lock);
}

TamisWriter *
tamis_writer_new (TamisFormat format, GOutputStream *stream, const char *const *layers,
                  gboolean with_text)
{
  TamisWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (format != TAMIS_FORMAT_SQLITE, NULL);

  self = g_new0 (TamisWriter, 1);
  self->format = format;
  self->stream = g_object_ref (stream);
  self->layers = g_strdupv ((char **) layers);
  self->with_text = with_text;
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (formatter_free);
  self->out = g_string_sized_new (64 * 1024);
  self->record = g_string_sized_new (64 * 1024);
  if (format == TAMIS_FORMAT_HTML)
    {
      /* The page highlights the text: it always keeps it, and of the
       * layers asked for, only those it shows. */
      GStrvBuilder *shown = g_strv_builder_new ();

      for (guint i = 0; tamis_html_layers[i] != NULL; i++)
        if (layer_wanted (layers, tamis_html_layers[i]))
          g_strv_builder_add (shown, tamis_html_layers[i]);
      g_strfreev (self->layers);
      self->layers = g_strv_builder_end (shown);
      g_strv_builder_unref (shown);
      self->with_text = TRUE;
      self->html = tamis_html_new ();
      self->own_summary = tamis_summary_new (NULL);
      self->summary = self->own_summary;
    }
  return self;
}

TamisWriter *
tamis_writer_new_for_path (TamisFormat format, const char *path, const char *const *layers,
                           gboolean with_text, TamisWriterFlags flags, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  TamisSqliteOut *db;
  TamisWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (format != TAMIS_FORMAT_SQLITE)
    {
      if (flags & TAMIS_WRITER_RESUME)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "'%s': only an SQLite output can be resumed", path);
          return NULL;
        }
      file = g_file_new_for_path (path);
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
      if (stream == NULL)
        return NULL;
      return tamis_writer_new (format, G_OUTPUT_STREAM (stream), layers, with_text);
    }

  db = tamis_sqlite_open (path, (flags & TAMIS_WRITER_RESUME) != 0, error);
  if (db == NULL)
    return NULL;
  self = g_new0 (TamisWriter, 1);
  self->format = format;
  self->layers = g_strdupv ((char **) layers);
  self->with_text = with_text;
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (formatter_free);
  self->out = g_string_new (NULL);
  self->record = g_string_sized_new (64 * 1024);
  self->sqlite = db;
  return self;
}

void
tamis_writer_set_attributes (TamisWriter *self, const char *const *attributes)
{
  g_return_if_fail (self != NULL);
  g_strfreev (self->attributes);
  self->attributes = g_strdupv ((char **) attributes);
}

guint64
tamis_writer_get_n_skipped (const TamisWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sqlite ? tamis_sqlite_get_n_skipped (self->sqlite) : 0;
}

gboolean
tamis_writer_start (TamisWriter *self, const TamisPipeline *pipeline, GError **error)
{
  return self->sqlite == NULL || tamis_sqlite_start (self->sqlite, pipeline, error);
}

gboolean
tamis_writer_skips (TamisWriter *self, TamisDoc *doc)
{
  return self->sqlite != NULL && tamis_sqlite_has_id (self->sqlite, tamis_doc_get_id (doc));
}

static gboolean
flush_out (TamisWriter *self, GError **error)
{
  gboolean ok = g_output_stream_write_all (self->stream, self->out->str, self->out->len,
                                           NULL, NULL, error);

  g_string_truncate (self->out, 0);
  return ok;
}

/* Indents a pretty record by two more spaces to sit inside the array;
 * JSON strings hold no raw newline, so every '\n' is between tokens. */
static void
append_indented (GString *out, const char *record, gsize len)
{
  const char *p = record, *end = record + len;

  g_string_append (out, "  ");
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, nl + 1 - p);
      g_string_append (out, "  ");
      p = nl + 1;
    }
}

void
tamis_writer_format (TamisWriter *self, TamisDoc *doc, GString *out)
{
  Formatter *f;
  JsonNode *root;
  gsize mark = out->len;

  /* Here rather than when the record is written: this runs on the worker
   * threads, and the document is freed before its record is written. */
  if (self->summary != NULL)
    tamis_summary_add_doc (self->summary, doc);
  if (self->format == TAMIS_FORMAT_TSV)
    {
      tsv_record (out, doc, (const char *const *) self->layers,
                  (const char *const *) self->attributes);
      return;
    }
  if (self->format == TAMIS_FORMAT_SQLITE)
    {
      tamis_sqlite_format (self->sqlite, doc, (const char *const *) self->layers,
                           (const char *const *) self->attributes, self->with_text, out);
      return;
    }
  f = formatter_take (self);
  root = build_record (&f->builder, doc, (const char *const *) self->layers,
                       (const char *const *) self->attributes, self->with_text);
  generate (f->generator, root, out);
  /* The record holds references to the formatter's pooled arrays, and
   * json-glib counts references to arrays and objects without atomic
   * operations: the record must be gone before another thread can take
   * the formatter and ref or unref those arrays itself. */
  json_node_unref (root);
  formatter_give (self, f);
  if (self->format == TAMIS_FORMAT_JSONL)
    g_string_append_c (out, '\n');
  else if (self->format == TAMIS_FORMAT_HTML)
    {
      /* The same filter as for records read back from a file, so that
       * both ways give the same page; it cannot fail on our own JSON. */
      g_autoptr(GString) json = g_string_new_len (out->str + mark, out->len - mark);

      g_string_truncate (out, mark);
      tamis_html_filter_record (out, json->str, json->len, NULL);
    }
}

void
tamis_writer_set_summary (TamisWriter *self, TamisSummary *summary)
{
  g_return_if_fail (self != NULL);
  /* The page always has a summary to draw. */
  self->summary = summary != NULL ? summary : self->own_summary;
}

TamisSummary *
tamis_writer_get_summary (TamisWriter *self)
{
  return self->summary;
}

gboolean
tamis_writer_write_record (TamisWriter *self, const char *record, gsize len, GError **error)
{
  switch (self->format)
    {
    case TAMIS_FORMAT_SQLITE:
      self->n_records++;
      return tamis_sqlite_write (self->sqlite, record, len, error);
    case TAMIS_FORMAT_JSON:
      g_string_append (self->out, self->n_records == 0 ? "[\n" : ",\n");
      append_indented (self->out, record, len);
      break;
    case TAMIS_FORMAT_TSV:
      if (self->n_records == 0)
        g_string_append (self->out, TSV_HEADER);
      g_string_append_len (self->out, record, len);
      break;
    case TAMIS_FORMAT_HTML:
      if (self->n_records == 0)
        tamis_html_begin (self->html, self->out);
      tamis_html_before_record (self->html, self->n_records, len, self->out);
      g_string_append_len (self->out, record, len);
      break;
    case TAMIS_FORMAT_JSONL:
    default:
      g_string_append_len (self->out, record, len);
      break;
    }
  self->n_records++;
  return flush_out (self, error);
}

gboolean
tamis_writer_write (TamisWriter *self, TamisDoc *doc, GError **error)
{
  g_return_val_if_fail (self != NULL && doc != NULL, FALSE);

  g_string_truncate (self->record, 0);
  tamis_writer_format (self, doc, self->record);
  return tamis_writer_write_record (self, self->record->str, self->record->len, error);
}

gboolean
tamis_writer_write_json (TamisWriter *self, const char *record, gssize length, GError **error)
{
  gsize len;

  g_return_val_if_fail (self != NULL && record != NULL, FALSE);

  len = length < 0 ? strlen (record) : (gsize) length;
  while (len > 0 && (record[len - 1] == '\n' || record[len - 1] == '\r'))
    len--;
  if (self->format == TAMIS_FORMAT_TSV)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "records read back cannot be written as TSV");
      return FALSE;
    }
  /* Counted whole, before the HTML writer drops layers. */
  if (self->summary != NULL && !tamis_summary_add_record (self->summary, record, len, error))
    return FALSE;
  g_string_truncate (self->record, 0);
  switch (self->format)
    {
    case TAMIS_FORMAT_HTML:
      if (!tamis_html_filter_record (self->record, record, len, error))
        return FALSE;
      break;
    case TAMIS_FORMAT_JSON:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(JsonGenerator) generator = generator_new (TRUE);

        if (!json_parser_load_from_data (parser, record, len, NULL) ||
            !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
          {
            g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "a record is not one JSON object");
            return FALSE;
          }
        generate (generator, json_parser_get_root (parser), self->record);
        break;
      }
    case TAMIS_FORMAT_JSONL:
      g_string_append_len (self->record, record, len);
      g_string_append_c (self->record, '\n');
      break;
    case TAMIS_FORMAT_TSV:
    default:
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "records read back cannot be written as TSV");
      return FALSE;
    }
  return tamis_writer_write_record (self, self->record->str, self->record->len, error);
}

void
tamis_writer_set_summary_json (TamisWriter *self, const char *summary)
{
  g_return_if_fail (self != NULL);

  g_free (self->summary_json);
  self->summary_json = g_strdup (summary);
}

gboolean
tamis_writer_finish (TamisWriter *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->sqlite != NULL)
    return tamis_sqlite_finish (self->sqlite, error);
  if (self->format == TAMIS_FORMAT_HTML)
    {
      g_autofree char *counted = NULL;

      if (self->summary_json == NULL && self->summary != NULL)
        counted = tamis_summary_to_json (self->summary);
      if (self->n_records == 0)
        tamis_html_begin (self->html, self->out);
      tamis_html_end (self->html, self->n_records, self->summary_json ? self->summary_json : counted,
                      self->out);
    }
  else if (self->format == TAMIS_FORMAT_JSON)
    g_string_append (self->out, self->n_records == 0 ? "[]\n" : "\n]\n");
  else if (self->format == TAMIS_FORMAT_TSV && self->n_records == 0)
    g_string_append (self->out, TSV_HEADER);
  if (self->out->len > 0 && !flush_out (self, error))
    return FALSE;
  return g_output_stream_flush (self->stream, NULL, error);
}

void
tamis_writer_free (TamisWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_clear_pointer (&self->sqlite, tamis_sqlite_close);
  g_ptr_array_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_strfreev (self->layers);
  g_strfreev (self->attributes);
  g_string_free (self->out, TRUE);
  g_string_free (self->record, TRUE);
  tamis_html_free (self->html);
  tamis_summary_free (self->own_summary);
  g_free (self->summary_json);
  g_free (self);
}
