/* tamis — documents, their attributes and their layers of spans.
 *
 * Spans live by value in one GArray per layer and their attributes in one
 * pool per layer, chained by index: adding a token costs an array append,
 * never a malloc of its own. Strings are copied into one GStringChunk per
 * document, freed with it. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <json-c/json.h>

#include <tamis/error.h>
#include <tamis/io.h>
#include "document-private.h"
#include "json-scan.h"
#include "utf8-private.h"

/* An attribute as stored: 24 bytes (TamisValue keeps reserved room). */
typedef struct {
  const char *key;
  union {
    const char *s;
    gint64 i;
    double d;
    gboolean b;
  } v;
  guint8 type;   /* TamisValueType */
  guint8 pad;
  guint16 stage; /* the stage that set it, 0 outside a pipeline */
  guint32 next;  /* 1 + index of the owner's next attribute; 0 ends the chain */
} Attr;

static const Attr *doc_attr (const TamisDoc *doc, const char *key);

static inline void
attr_value (const Attr *attr, TamisValue *value)
{
  memset (value, 0, sizeof *value);
  value->type = attr->type;
  memcpy (&value->s, &attr->v, sizeof attr->v);
}

struct _TamisLayer {
  TamisDoc *doc;
  char *name;
  TamisSpan *spans; /* grown by doubling: appending is the hot path */
  guint n_spans;
  guint n_alloc;
  GArray *attrs; /* Attr */
  gboolean sorted;
  guint stage;   /* the pipeline stage that created it, 0 outside one */
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
  /* made on first use: most documents read and written without stages
   * have neither */
  GArray *attrs;      /* Attr, document level, in the order first set */
  GPtrArray *layers;  /* TamisLayer */
  char *meta_json;    /* the metadata as compact JSON object text, or NULL */
  gsize meta_json_len;
  struct json_object *meta_parsed; /* meta_json parsed for tamis_doc_get_meta() */
  gsize input_size;
  gsize cursor_byte;  /* last offset tamis_doc_char_offset() converted */
  gsize cursor_char;
  guint stage;        /* the running pipeline stage, 1-based, 0 outside */
  char *stage_name;
  char *fault;        /* the first contract fault of a stage */
  gboolean processed; /* a pipeline has run on it */
  GPtrArray *scratch; /* layers handed to a stage that broke the contract */
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
  /* not g_new0(): glibc's calloc() bypasses the thread's cache of freed
   * blocks, and cost 470 instructions a document where malloc() and
   * memset() cost 60 */
  TamisDoc *doc = g_malloc (sizeof *doc);

  memset (doc, 0, sizeof *doc);

  doc->id = g_strdup (id ? id : "");
  return doc;
}

static inline guint
doc_n_attrs (const TamisDoc *doc)
{
  return doc->attrs ? doc->attrs->len : 0;
}

static inline guint
doc_n_layers (const TamisDoc *doc)
{
  return doc->layers ? doc->layers->len : 0;
}

/* GLib's g_utf8_validate_len() decodes each character into a code point
 * and checks that, some twenty instructions a byte of Cyrillic or Greek
 * text: a tenth of a whole run of the langid stage over such text. Each
 * sequence's bytes are checked against the ranges RFC 3629 allows instead
 * (tamis_utf8_sequence(), the JSON writer's rule too), without decoding,
 * and ASCII runs are skipped eight bytes at a time. The answers are
 * GLib's (tests/test-utf8.c compares them). */
gboolean
tamis_utf8_validate (const char *text, gsize len, const char **bad)
{
  const guchar *p = (const guchar *) text, *end = p + len;

  while (p < end)
    {
      if (*p < 0x80)
        {
          guint64 word;

          p++;
          while (end - p >= 8)
            {
              memcpy (&word, p, 8);
              if (word & G_GUINT64_CONSTANT (0x8080808080808080))
                break;
              p += 8;
            }
          continue;
        }

      guint n = tamis_utf8_sequence (p, end);
      if (n == 0)
        break;
      p += n;
    }
  if (bad)
    *bad = (const char *) p;
  return p >= end;
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
  /* (checked once, in the copy) */
  return tamis_doc_new_take (id, g_strndup (text, length), length, error);
}

gsize
tamis_text_fix_line_ends (char *text, gsize len, char *from, gboolean *crlf, gboolean *cr)
{
  char *out = from, *in = from, *end = text + len;

  while (in < end)
    {
      char *next = memchr (in, '\r', end - in);
      gsize run = (next ? next : end) - in;

      memmove (out, in, run);
      out += run;
      in += run;
      if (next == NULL)
        break;
      in++;
      if (in < end && *in == '\n')
        *crlf = TRUE;
      else
        {
          *out++ = '\n';
          *cr = TRUE;
        }
    }
  *out = '\0';
  return out - text;
}

int
tamis_text_bom (const char *text, gsize len)
{
  const guchar *u = (const guchar *) text;

  if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    return -1;
  return len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf ? 3 : 0;
}

TamisDoc *
tamis_doc_new_full (const char *id, const char *text, gssize length, TamisDocFlags flags,
                    GError **error)
{
  const guchar *u = (const guchar *) text;
  gboolean bom = FALSE, crlf = FALSE, cr = FALSE;
  char *copy, *first_cr;
  gsize len;
  TamisDoc *doc;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!(flags & TAMIS_DOC_REPAIR))
    return tamis_doc_new (id, text, length, error);
  len = length < 0 ? strlen (text) : (gsize) length;
  switch (tamis_text_bom (text, len))
    {
    case -1:
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                   "%s: UTF-16 text (byte-order mark %02X %02X) is not supported; convert it to UTF-8",
                   id ? id : "document", u[0], u[1]);
      return NULL;
    case 3:
      bom = TRUE;
      text += 3;
      len -= 3;
      break;
    default:
      break;
    }
  copy = g_strndup (text, len);
  if ((first_cr = memchr (copy, '\r', len)))
    len = tamis_text_fix_line_ends (copy, len, first_cr, &crlf, &cr);
  doc = tamis_doc_new_take (id, copy, len, error);
  if (doc == NULL)
    return NULL;
  /* the same flags as the reader's, so a record says what was changed */
  if (bom)
    tamis_doc_add_repair (doc, "bom");
  if (crlf)
    tamis_doc_add_repair (doc, "crlf");
  if (cr)
    tamis_doc_add_repair (doc, "cr");
  return doc;
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
  if (doc->layers)
    g_ptr_array_unref (doc->layers);
  if (doc->scratch)
    g_ptr_array_unref (doc->scratch);
  g_free (doc->stage_name);
  g_free (doc->fault);
  if (doc->attrs)
    g_array_unref (doc->attrs);
  if (doc->strings)
    g_string_chunk_free (doc->strings);
  if (doc->repairs)
    g_ptr_array_unref (doc->repairs);
  g_free (doc->meta_json);
  if (doc->meta_parsed)
    json_object_put (doc->meta_parsed);
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
doc_set (TamisDoc *doc, const char *key, Attr attr)
{
  attr.key = key;
  attr.stage = doc->stage;
  /* room for the few attributes a document usually gets, without regrowth */
  if (doc->attrs == NULL)
    doc->attrs = g_array_sized_new (FALSE, FALSE, sizeof (Attr), 4);
  for (guint i = 0; i < doc->attrs->len; i++)
    {
      Attr *old = &g_array_index (doc->attrs, Attr, i);
      if (strcmp (old->key, key) == 0)
        {
          *old = attr;
          return;
        }
    }
  g_array_append_val (doc->attrs, attr);
}

void
tamis_doc_set_string (TamisDoc *doc, const char *key, const char *value)
{
  doc_set (doc, key, (Attr) { .type = TAMIS_VALUE_STRING, .v.s = doc_copy (doc, value, -1) });
}

void
tamis_doc_set_int (TamisDoc *doc, const char *key, gint64 value)
{
  doc_set (doc, key, (Attr) { .type = TAMIS_VALUE_INT, .v.i = value });
}

void
tamis_doc_set_double (TamisDoc *doc, const char *key, double value)
{
  doc_set (doc, key, (Attr) { .type = TAMIS_VALUE_DOUBLE, .v.d = value });
}

void
tamis_doc_set_bool (TamisDoc *doc, const char *key, gboolean value)
{
  doc_set (doc, key, (Attr) { .type = TAMIS_VALUE_BOOL, .v.b = !!value });
}

void
tamis_doc_set_json (TamisDoc *doc, const char *key, const char *json)
{
  doc_set (doc, key, (Attr) { .type = TAMIS_VALUE_JSON, .v.s = doc_copy (doc, json, -1) });
}

gboolean
tamis_doc_get_attr (const TamisDoc *doc, const char *key, TamisValue *value)
{
  const Attr *attr = doc_attr (doc, key);

  if (attr && value)
    attr_value (attr, value);
  return attr != NULL;
}

const char *
tamis_doc_get_string (const TamisDoc *doc, const char *key)
{
  TamisValue value;

  if (tamis_doc_get_attr (doc, key, &value) && value.type == TAMIS_VALUE_STRING)
    return value.s;
  return NULL;
}

gboolean
tamis_doc_mark_processed (TamisDoc *doc)
{
  gboolean first = !doc->processed;

  doc->processed = TRUE;
  return first;
}

/* Metadata are kept as the compact text of one JSON object, so that the
 * reader fills them by copying and writers write them by copying; the rare
 * changes and look-ups below work on that text. json-c is used here
 * without json-glib in the same file: the two export a few functions of
 * the same names. */

static void
meta_changed (TamisDoc *doc)
{
  g_clear_pointer (&doc->meta_parsed, json_object_put);
}

typedef struct {
  GString *out;
  const char *key;
} MetaCopy;

static gboolean
copy_other_member (const char *key, gsize key_len, const char *value, gsize value_len,
                   gpointer user_data)
{
  MetaCopy *copy = user_data;
  g_autoptr(GString) name = g_string_sized_new (key_len + 2);

  /* keys as the reader copied them may hold escapes: compare them
   * written the way a new key is */
  tamis_json_append_string (name, copy->key, -1);
  if (key_len + 2 == name->len && memcmp (key, name->str + 1, key_len) == 0)
    return TRUE;
  if (copy->out->len > 1)
    g_string_append_c (copy->out, ',');
  g_string_append_c (copy->out, '"');
  g_string_append_len (copy->out, key, key_len);
  g_string_append (copy->out, "\":");
  g_string_append_len (copy->out, value, value_len);
  return TRUE;
}

/* Sets member @key to @value, valid compact JSON text. */
static void
meta_set (TamisDoc *doc, const char *key, const char *value, gsize value_len)
{
  MetaCopy copy = { g_string_new ("{"), key };

  if (doc->meta_json != NULL)
    tamis_json_object_foreach (doc->meta_json, doc->meta_json_len, copy_other_member, &copy);
  if (copy.out->len > 1)
    g_string_append_c (copy.out, ',');
  tamis_json_append_string (copy.out, key, -1);
  g_string_append_c (copy.out, ':');
  g_string_append_len (copy.out, value, value_len);
  g_string_append_c (copy.out, '}');
  g_free (doc->meta_json);
  doc->meta_json_len = copy.out->len;
  doc->meta_json = g_string_free (copy.out, FALSE);
  meta_changed (doc);
}

void
tamis_doc_set_meta_string (TamisDoc *doc, const char *key, const char *value)
{
  g_autoptr(GString) json = g_string_new (NULL);

  tamis_json_append_string (json, value, -1);
  meta_set (doc, key, json->str, json->len);
}

gboolean
tamis_doc_set_meta_json (TamisDoc *doc, const char *key, const char *json, GError **error)
{
  json_tokener *tok = json_tokener_new_ex (TAMIS_DEFAULT_MAX_DEPTH);
  gsize len = strlen (json);
  json_object *parsed;
  g_autoptr(GString) compact = NULL;
  const char *rest;

  json_tokener_set_flags (tok, JSON_TOKENER_STRICT);
  /* the nul is parsed too: it ends a lone number, which would otherwise
   * wait for more */
  parsed = len < G_MAXINT ? json_tokener_parse_ex (tok, json, (int) len + 1) : NULL;
  rest = parsed ? json + MIN ((gsize) json_tokener_get_parse_end (tok), len) : NULL;
  while (rest != NULL && g_ascii_isspace (*rest))
    rest++;
  if (parsed == NULL || (rest != NULL && *rest != '\0') || !g_utf8_validate (json, len, NULL))
    {
      enum json_tokener_error err = json_tokener_get_error (tok);

      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "metadata '%s' is not JSON: %s", key,
                   len == 0 ? "empty text"
                   : parsed != NULL ? "text after the value"
                   : err == json_tokener_success || err == json_tokener_continue
                   ? "unexpected end" : json_tokener_error_desc (err));
      json_object_put (parsed);
      json_tokener_free (tok);
      return FALSE;
    }
  json_object_put (parsed);
  json_tokener_free (tok);
  compact = g_string_sized_new (len);
  tamis_json_append_compact (compact, json, len);
  meta_set (doc, key, compact->str, compact->len);
  return TRUE;
}

static gboolean
number_of (const Attr *attr, double *value)
{
  if (attr->type == TAMIS_VALUE_DOUBLE)
    *value = attr->v.d;
  else if (attr->type == TAMIS_VALUE_INT)
    *value = (double) attr->v.i;
  else
    return FALSE;
  return TRUE;
}

static const Attr *
doc_attr (const TamisDoc *doc, const char *key)
{
  for (guint i = 0; i < doc_n_attrs (doc); i++)
    {
      const Attr *attr = &g_array_index (doc->attrs, Attr, i);
      if (strcmp (attr->key, key) == 0)
        return attr;
    }
  return NULL;
}

gint64
tamis_doc_get_int (const TamisDoc *doc, const char *key, gint64 fallback)
{
  const Attr *attr = doc_attr (doc, key);
  return attr && attr->type == TAMIS_VALUE_INT ? attr->v.i : fallback;
}

double
tamis_doc_get_double (const TamisDoc *doc, const char *key, double fallback)
{
  const Attr *attr = doc_attr (doc, key);
  double value;
  return attr && number_of (attr, &value) ? value : fallback;
}

gboolean
tamis_doc_get_bool (const TamisDoc *doc, const char *key, gboolean fallback)
{
  const Attr *attr = doc_attr (doc, key);
  return attr && attr->type == TAMIS_VALUE_BOOL ? attr->v.b : fallback;
}

const char *
tamis_doc_get_meta (const TamisDoc *doc, const char *key)
{
  TamisDoc *self = (TamisDoc *) doc;
  json_object *member;

  if (doc->meta_json == NULL)
    return NULL;
  /* Parsed once, on the first look-up; dropped when the metadata change. */
  if (self->meta_parsed == NULL)
    self->meta_parsed = json_tokener_parse (doc->meta_json);
  if (self->meta_parsed == NULL
      || !json_object_object_get_ex (self->meta_parsed, key, &member)
      || !json_object_is_type (member, json_type_string))
    return NULL;
  return json_object_get_string (member);
}

void
tamis_doc_take_meta_json (TamisDoc *doc, char *json, gsize length)
{
  g_free (doc->meta_json);
  meta_changed (doc);
  if (json != NULL && length <= 2)
    g_clear_pointer (&json, g_free);  /* "{}" is no metadata */
  doc->meta_json = json;
  doc->meta_json_len = json ? length : 0;
}

const char *
tamis_doc_get_meta_json (TamisDoc *doc, gsize *length)
{
  if (length != NULL)
    *length = doc->meta_json_len;
  return doc->meta_json;
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
  iter->next = doc_n_attrs (doc) ? 1 : 0;
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
    attr_value (attr, value);
  if (iter->pad)
    iter->next = iter->next < pool->len ? iter->next + 1 : 0;
  else
    iter->next = attr->next;
  return TRUE;
}

/* ---- the plugin contract ---- */

void
tamis_doc_begin_stage (TamisDoc *doc, guint stage, const char *name)
{
  doc->stage = stage;
  g_free (doc->stage_name);
  doc->stage_name = g_strdup (name);
}

void
tamis_doc_end_stage (TamisDoc *doc)
{
  doc->stage = 0;
}

void
tamis_doc_contract_fault (TamisDoc *doc, const char *format, ...)
{
  va_list args;

  if (doc->fault)
    return;
  va_start (args, format);
  doc->fault = g_strdup_vprintf (format, args);
  va_end (args);
}

const char *
tamis_doc_get_contract_fault (const TamisDoc *doc)
{
  return doc->fault;
}

/* A mistake of the caller: inside a stage it fails the document (the run
 * goes on); outside one, where the caller is the embedding program, it is
 * reported as a programming error. */
#define fault(doc, ...)                                                         \
  G_STMT_START {                                                                \
    if ((doc)->stage)                                                           \
      tamis_doc_contract_fault ((doc), __VA_ARGS__);                            \
    else                                                                        \
      g_critical (__VA_ARGS__);                                                 \
  } G_STMT_END

/* ---- layers ---- */

static TamisLayer *
find_layer (const TamisDoc *doc, const char *name)
{
  for (guint i = 0; i < doc_n_layers (doc); i++)
    {
      TamisLayer *layer = g_ptr_array_index (doc->layers, i);
      if (strcmp (layer->name, name) == 0)
        return layer;
    }
  return NULL;
}

const TamisLayer *
tamis_doc_get_layer (const TamisDoc *doc, const char *name)
{
  return find_layer (doc, name);
}

static TamisLayer *
layer_new (TamisDoc *doc, const char *name)
{
  TamisLayer *layer = g_new0 (TamisLayer, 1);

  layer->doc = doc;
  layer->name = g_strdup (name);
  layer->attrs = g_array_new (FALSE, FALSE, sizeof (Attr));
  layer->sorted = TRUE;
  layer->stage = doc->stage;
  return layer;
}

TamisLayer *
tamis_doc_ensure_layer (TamisDoc *doc, const char *name)
{
  TamisLayer *layer = find_layer (doc, name);

  if (layer && (doc->stage == 0 || layer->stage == doc->stage))
    return layer;
  if (layer)
    {
      /* Another stage's output stays as it was: the plugin writes into a
       * layer nobody will read, and the document fails. */
      tamis_doc_contract_fault (doc, "%s writes into layer '%s', which an earlier stage wrote",
                                doc->stage_name, name);
      if (doc->scratch == NULL)
        doc->scratch = g_ptr_array_new_with_free_func (layer_free);
      layer = layer_new (doc, name);
      g_ptr_array_add (doc->scratch, layer);
      return layer;
    }
  layer = layer_new (doc, name);
  if (doc->layers == NULL)
    doc->layers = g_ptr_array_new_with_free_func (layer_free);
  g_ptr_array_add (doc->layers, layer);
  return layer;
}

guint
tamis_doc_get_n_layers (const TamisDoc *doc)
{
  return doc_n_layers (doc);
}

const TamisLayer *
tamis_doc_get_nth_layer (const TamisDoc *doc, guint n)
{
  g_return_val_if_fail (n < doc_n_layers (doc), NULL);
  return g_ptr_array_index (doc->layers, n);
}

const char *
tamis_layer_get_name (const TamisLayer *layer)
{
  return layer->name;
}

const TamisDoc *
tamis_layer_get_doc (const TamisLayer *layer)
{
  return layer->doc;
}

guint
tamis_layer_add (TamisLayer *layer, guint32 start, guint32 end, const char *label)
{
  const TamisDoc *doc = layer->doc;
  guint n = layer->n_spans;
  TamisSpan *span;

  if (G_UNLIKELY (start > end || end > doc->length))
    {
      fault (layer->doc, "%s: span %u..%u of layer '%s' is outside the text (%" G_GSIZE_FORMAT " bytes)",
             doc->stage ? doc->stage_name : "tamis_layer_add", start, end, layer->name, doc->length);
      return G_MAXUINT;
    }
  /* a continuation byte (10xxxxxx) at either end: the span cuts a character */
  if (G_UNLIKELY (((guchar) doc->text[start] & 0xC0) == 0x80 || ((guchar) doc->text[end] & 0xC0) == 0x80))
    {
      fault (layer->doc, "%s: span %u..%u of layer '%s' cuts a UTF-8 character",
             doc->stage ? doc->stage_name : "tamis_layer_add", start, end, layer->name);
      return G_MAXUINT;
    }
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

const TamisSpan *
tamis_layer_peek_spans (const TamisLayer *layer, guint *n_spans)
{
  if (n_spans)
    *n_spans = layer->n_spans;
  return layer->spans;
}

/* The span at @index for reading; NULL (with a critical) when out of range. */
static const TamisSpan *
span_at (const TamisLayer *layer, guint index)
{
  g_return_val_if_fail (index < layer->n_spans, NULL);
  return &layer->spans[index];
}

/* The span at @index for writing, NULL when the index is out of range:
 * G_MAXUINT from a refused tamis_layer_add() is ignored quietly, the
 * document has its fault already. */
static TamisSpan *
span_for_write (TamisLayer *layer, guint index)
{
  if (G_LIKELY (index < layer->n_spans))
    return &layer->spans[index];
  if (index != G_MAXUINT)
    fault (layer->doc, "%s: no span %u in layer '%s' (%u spans)",
           layer->doc->stage ? layer->doc->stage_name : "tamis_layer_set", index, layer->name,
           layer->n_spans);
  return NULL;
}

guint32
tamis_layer_get_start (const TamisLayer *layer, guint index)
{
  const TamisSpan *span = span_at (layer, index);
  return span ? span->start : 0;
}

guint32
tamis_layer_get_end (const TamisLayer *layer, guint index)
{
  const TamisSpan *span = span_at (layer, index);
  return span ? span->end : 0;
}

const char *
tamis_layer_get_label (const TamisLayer *layer, guint index)
{
  const TamisSpan *span = span_at (layer, index);
  return span ? span->label : NULL;
}

double
tamis_layer_get_score (const TamisLayer *layer, guint index)
{
  const TamisSpan *span = span_at (layer, index);
  return span ? span->score : NAN;
}

void
tamis_layer_set_score (TamisLayer *layer, guint index, double score)
{
  TamisSpan *span = span_for_write (layer, index);
  if (span)
    span->score = (float) score;
}

void
tamis_layer_set_label (TamisLayer *layer, guint index, const char *label)
{
  TamisSpan *span = span_for_write (layer, index);
  if (span)
    span->label = label;
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
layer_set (TamisLayer *layer, guint index, const char *key, Attr attr)
{
  TamisSpan *span = span_for_write (layer, index);
  guint32 *link;

  if (span == NULL)
    return;
  attr.key = key;
  attr.stage = layer->doc->stage;

  /* Walk to the end of the span's chain, replacing the key if already set. */
  link = &span->attrs;
  while (*link)
    {
      Attr *old = &g_array_index (layer->attrs, Attr, *link - 1);
      if (old->key == key || strcmp (old->key, key) == 0)
        {
          attr.next = old->next;
          *old = attr;
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
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_STRING, .v.s = doc_copy (layer->doc, value, -1) });
}

void
tamis_layer_set_string_len (TamisLayer *layer, guint index, const char *key, const char *value,
                            gsize len)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_STRING, .v.s = doc_copy (layer->doc, value, len) });
}

void
tamis_layer_set_static (TamisLayer *layer, guint index, const char *key, const char *value)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_STRING, .v.s = value });
}

void
tamis_layer_set_int (TamisLayer *layer, guint index, const char *key, gint64 value)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_INT, .v.i = value });
}

void
tamis_layer_set_double (TamisLayer *layer, guint index, const char *key, double value)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_DOUBLE, .v.d = value });
}

void
tamis_layer_set_bool (TamisLayer *layer, guint index, const char *key, gboolean value)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_BOOL, .v.b = !!value });
}

void
tamis_layer_set_json (TamisLayer *layer, guint index, const char *key, const char *json)
{
  layer_set (layer, index, key, (Attr) { .type = TAMIS_VALUE_JSON, .v.s = doc_copy (layer->doc, json, -1) });
}

static const Attr *
span_attr (const TamisLayer *layer, guint index, const char *key)
{
  guint32 next;

  g_return_val_if_fail (index < layer->n_spans, NULL);
  next = layer->spans[index].attrs;
  while (next)
    {
      const Attr *attr = &g_array_index (layer->attrs, Attr, next - 1);
      if (attr->key == key || strcmp (attr->key, key) == 0)
        return attr;
      next = attr->next;
    }
  return NULL;
}

gboolean
tamis_layer_get_attr (const TamisLayer *layer, guint index, const char *key, TamisValue *value)
{
  const Attr *attr = span_attr (layer, index, key);

  if (attr && value)
    attr_value (attr, value);
  return attr != NULL;
}

const char *
tamis_layer_get_string (const TamisLayer *layer, guint index, const char *key)
{
  const Attr *attr = span_attr (layer, index, key);

  return attr && attr->type == TAMIS_VALUE_STRING ? attr->v.s : NULL;
}

gint64
tamis_layer_get_int (const TamisLayer *layer, guint index, const char *key, gint64 fallback)
{
  const Attr *attr = span_attr (layer, index, key);
  return attr && attr->type == TAMIS_VALUE_INT ? attr->v.i : fallback;
}

double
tamis_layer_get_double (const TamisLayer *layer, guint index, const char *key, double fallback)
{
  const Attr *attr = span_attr (layer, index, key);
  double value;
  return attr && number_of (attr, &value) ? value : fallback;
}

gboolean
tamis_layer_get_bool (const TamisLayer *layer, guint index, const char *key, gboolean fallback)
{
  const Attr *attr = span_attr (layer, index, key);
  return attr && attr->type == TAMIS_VALUE_BOOL ? attr->v.b : fallback;
}

/* ---- checking a stage's outputs against its declaration ---- */

static const TamisOutput *
find_output (const TamisOutput *const *outputs, TamisOutputKind kind, const char *name)
{
  for (; *outputs; outputs++)
    if ((*outputs)->kind == kind && strcmp ((*outputs)->name, name) == 0)
      return *outputs;
  return NULL;
}

static const char *const value_type_names[] = {
  "none", "string", "integer", "double", "boolean", "JSON",
};

static const char *
type_name (guint type)
{
  return type < G_N_ELEMENTS (value_type_names) ? value_type_names[type] : "unknown";
}

static gboolean
check_attr (TamisDoc *doc, const TamisAttribute *declared, const Attr *attr, const char *layer)
{
  for (const TamisAttribute *d = declared; d && d->name; d++)
    if (d->name == attr->key || strcmp (d->name, attr->key) == 0)
      {
        if (d->type == TAMIS_VALUE_NONE || d->type == attr->type)
          return TRUE;
        tamis_doc_contract_fault (doc, "%s: attribute '%s' of layer '%s' is %s %s, declared %s",
                                  doc->stage_name, attr->key, layer,
                                  attr->type == TAMIS_VALUE_INT ? "an" : "a", type_name (attr->type),
                                  type_name (d->type));
        return FALSE;
      }
  tamis_doc_contract_fault (doc, "%s: layer '%s' has an undeclared span attribute '%s'",
                            doc->stage_name, layer, attr->key);
  return FALSE;
}

static gboolean
check_layer (TamisDoc *doc, const TamisLayer *layer, const TamisOutput *declared)
{
  const char *last_ok = NULL; /* labels repeat: remember the last one accepted */

  if (declared->labels)
    for (guint i = 0; i < layer->n_spans; i++)
      {
        const char *label = layer->spans[i].label;
        if (label == last_ok)
          continue;
        if (label == NULL || !g_strv_contains (declared->labels, label))
          {
            tamis_doc_contract_fault (doc, "%s: span %u..%u of layer '%s' has the undeclared label '%s'",
                                      doc->stage_name, layer->spans[i].start, layer->spans[i].end,
                                      layer->name, label ? label : "(none)");
            return FALSE;
          }
        last_ok = label;
      }
  for (guint i = 0; i < layer->attrs->len; i++)
    if (!check_attr (doc, declared->attributes, &g_array_index (layer->attrs, Attr, i), layer->name))
      return FALSE;
  return TRUE;
}

gboolean
tamis_doc_check_outputs (TamisDoc *doc, guint stage, const TamisOutput *const *outputs)
{
  if (doc->fault)
    return FALSE;
  for (guint i = 0; i < doc_n_layers (doc); i++)
    {
      const TamisLayer *layer = g_ptr_array_index (doc->layers, i);
      const TamisOutput *declared;

      if (layer->stage != stage)
        continue;
      declared = find_output (outputs, TAMIS_OUTPUT_LAYER, layer->name);
      if (declared == NULL)
        {
          tamis_doc_contract_fault (doc, "%s writes the undeclared layer '%s'", doc->stage_name,
                                    layer->name);
          return FALSE;
        }
      if (!check_layer (doc, layer, declared))
        return FALSE;
    }
  for (guint i = 0; i < doc_n_attrs (doc); i++)
    {
      const Attr *attr = &g_array_index (doc->attrs, Attr, i);
      const TamisOutput *declared;

      if (attr->stage != stage)
        continue;
      declared = find_output (outputs, TAMIS_OUTPUT_ATTRIBUTE, attr->key);
      if (declared == NULL)
        {
          tamis_doc_contract_fault (doc, "%s sets the undeclared document attribute '%s'",
                                    doc->stage_name, attr->key);
          return FALSE;
        }
      if (declared->type != TAMIS_VALUE_NONE && declared->type != attr->type)
        {
          tamis_doc_contract_fault (doc, "%s: document attribute '%s' is %s %s, declared %s",
                                    doc->stage_name, attr->key,
                                    attr->type == TAMIS_VALUE_INT ? "an" : "a", type_name (attr->type),
                                    type_name (declared->type));
          return FALSE;
        }
    }
  return TRUE;
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
