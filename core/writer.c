/* tamis — writers: one record per document, as JSON Lines, one JSON array,
 * a TSV or CSV table or an HTML report (the page itself is in writer-html.c).
 *
 * JSON records are written straight into the output buffer with the
 * emitter of json-write.c, compact (JSON Lines, HTML) or then re-indented
 * (JSON); there is no tree in between, and nothing shared between the
 * threads that format records side by side. Offsets go out in Unicode
 * code points: two cursors walk the text, one for starts (sorted, so it
 * only moves forward) and one for ends (which are not sorted, so it moves
 * either way, or restarts from the span's start when that is closer), so
 * a layer costs about one pass over the text.
 *
 * TSV and CSV: writer-table.c.
 *
 * SQLite: writer-sqlite.c; this file only hands it the documents. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <tamis/error.h>
#include <tamis/io.h>
#include <tamis/summary.h>
#include "document-private.h"
#include "io-private.h"
#include "json-write.h"
#include "summary-private.h"
#include "writer-html.h"
#include "writer-table.h"

gboolean
tamis_format_from_string (const char *name, TamisFormat *format, GError **error)
{
  static const struct { const char *name; TamisFormat format; } formats[] = {
    { "jsonl", TAMIS_FORMAT_JSONL },
    { "json", TAMIS_FORMAT_JSON },
    { "tsv", TAMIS_FORMAT_TSV },
    { "csv", TAMIS_FORMAT_CSV },
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
               "unknown output format '%s' (expected jsonl, json, tsv, csv, sqlite or html)",
               name ? name : "");
  return FALSE;
}

/* ---- offsets ---- */

typedef struct {
  const char *text;
  gsize byte;
  gsize chr;
} Cursor;

/* Code points in @len bytes: short runs (a token, the gap between two)
 * are counted here rather than with a call. */
static inline gsize
count_chars (const char *p, gsize len)
{
  gsize n = 0;

  if (len >= 16)
    return tamis_utf8_count (p, len);
  for (gsize i = 0; i < len; i++)
    n += ((guchar) p[i] & 0xC0) != 0x80;
  return n;
}

static gsize
cursor_move (Cursor *c, gsize byte)
{
  if (byte >= c->byte)
    c->chr += count_chars (c->text + c->byte, byte - c->byte);
  else
    c->chr -= count_chars (c->text + byte, c->byte - byte);
  c->byte = byte;
  return c->chr;
}

/* Converts the offsets of one span; @starts only moves forward, from the
 * end of the previous span when that is further on, so that the text
 * between spans is counted once. */
static void
span_offsets (const TamisSpan *span, Cursor *starts, Cursor *ends, gsize *start, gsize *end)
{
  gsize from_end;

  if (ends->byte > starts->byte && ends->byte <= span->start)
    *starts = *ends;
  from_end = span->end > ends->byte ? span->end - ends->byte : ends->byte - span->end;
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

/* ---- code points by lookup ---- */

/* The code-point offset of any byte of a text in a few steps, for records,
 * whose spans (tokens by the hundred thousand) would otherwise each cost
 * a walk: per 8 bytes of text, a mask of those that start a character and
 * the count of such bytes before them. A text all in ASCII needs neither.
 * Built once per record, for all its layers. */
typedef struct {
  const char *text;
  gsize len;
  gboolean built;
  gboolean ascii;
  guint8 *starts;       /* bit i of byte k: byte 8k + i starts a character */
  guint32 *before;      /* characters before byte 8k (spans are 32-bit) */
} CharIndex;

/* Bits set in each byte value. */
static const guint8 bits_set[256] = {
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2 (n), B2 (n + 1), B2 (n + 1), B2 (n + 2)
#define B6(n) B4 (n), B4 (n + 1), B4 (n + 1), B4 (n + 2)
  B6 (0), B6 (1), B6 (1), B6 (2)
#undef B6
#undef B4
#undef B2
};

static void
char_index_build (CharIndex *index)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *text = index->text;
  gsize len = index->len, n_words = len / 8 + 1;
  guint32 chars = 0;

  index->built = TRUE;
  index->ascii = tamis_utf8_count (text, len) == len;
  if (index->ascii)
    return;
  index->starts = g_new (guint8, n_words);
  index->before = g_new (guint32, n_words);
  for (gsize k = 0; k < n_words; k++)
    {
      gsize n = MIN (8, len - 8 * k);
      guint mask = 0;

      if (n == 8)
        {
          guint64 w;

          memcpy (&w, text + 8 * k, 8);
          /* the lanes 10xxxxxx, their high bits gathered into one byte,
           * lane i at bit i (each lane's bit lands at bit 56 + i) */
          mask = ~(((w & ~(w << 1) & high) >> 7) * G_GUINT64_CONSTANT (0x0102040810204080) >> 56) & 0xff;
        }
      else
        for (gsize i = 0; i < n; i++)
          if (((guchar) text[8 * k + i] & 0xC0) != 0x80)
            mask |= 1u << i;
      index->starts[k] = mask;
      index->before[k] = chars;
      chars += bits_set[mask];
    }
}

static inline gsize
char_offset (CharIndex *index, gsize byte)
{
  gsize k = byte >> 3;

  if (G_UNLIKELY (!index->built))
    char_index_build (index);
  if (index->ascii)
    return byte;
  return index->before[k] + bits_set[index->starts[k] & ((1u << (byte & 7)) - 1)];
}

static void
char_index_clear (CharIndex *index)
{
  g_free (index->starts);
  g_free (index->before);
}

/* ---- JSON records ---- */

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

/* Appends @json, one JSON value, on one line; a text that is not JSON after
 * all is written as a string rather than lost. */
static void
json_raw (GString *out, const char *json, gsize len)
{
  if (!tamis_json_append_raw (out, json, len))
    tamis_json_append_string (out, json, len);
}

static void
json_value (GString *out, const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
      if (value->s != NULL)
        tamis_json_append_string (out, value->s, -1);
      else
        tamis_json_lit (out, "null");
      break;
    case TAMIS_VALUE_INT:
      tamis_json_append_int (out, value->i);
      break;
    case TAMIS_VALUE_DOUBLE:
      tamis_json_append_double (out, value->d);
      break;
    case TAMIS_VALUE_BOOL:
      if (value->b)
        tamis_json_lit (out, "true");
      else
        tamis_json_lit (out, "false");
      break;
    case TAMIS_VALUE_JSON:
      if (value->s != NULL)
        json_raw (out, value->s, strlen (value->s));
      else
        tamis_json_lit (out, "null");
      break;
    case TAMIS_VALUE_NONE:
    default:
      tamis_json_lit (out, "null");
      break;
    }
}

typedef struct {
  const char *key;
  TamisValue value;
} SpanAttr;

/* A span's own members, which its attributes may shadow. */
enum { MEMBER_START, MEMBER_END, MEMBER_LABEL, MEMBER_SCORE, N_MEMBERS };

/* Which member @key names, among those the span has; -1 for none. */
static int
span_member (const char *key, const TamisSpan *span)
{
  switch (key[0])
    {
    case 's':
      if (strcmp (key, "start") == 0)
        return MEMBER_START;
      if (strcmp (key, "score") == 0 && !isnan (span->score))
        return MEMBER_SCORE;
      return -1;
    case 'e':
      return strcmp (key, "end") == 0 ? MEMBER_END : -1;
    case 'l':
      return strcmp (key, "label") == 0 && span->label != NULL ? MEMBER_LABEL : -1;
    default:
      return -1;
    }
}

/* The escaped labels of the last spans, for the next: most spans of a
 * layer share a few labels, each one string. */
#define LABEL_CACHE 4
#define LABEL_MAX 48

typedef struct {
  const char *label[LABEL_CACHE];
  guint8 len[LABEL_CACHE];          /* of the escaped form, quotes included */
  guint next;                       /* the entry replaced next */
  char escaped[LABEL_CACHE][LABEL_MAX];
} LabelCache;

/* The entry of @label, or -1. */
static inline int
label_cached (const LabelCache *cache, const char *label)
{
  for (int i = 0; i < LABEL_CACHE; i++)
    if (cache->label[i] == label)
      return i;
  return -1;
}

static void
json_label (GString *out, const char *label, LabelCache *cache)
{
  int entry = label_cached (cache, label);
  gsize mark;

  if (entry >= 0)
    {
      tamis_json_append_literal (out, cache->escaped[entry], cache->len[entry]);
      return;
    }
  mark = out->len;
  tamis_json_append_string (out, label, -1);
  if (out->len - mark <= LABEL_MAX)
    {
      entry = cache->next;
      cache->next = (cache->next + 1) % LABEL_CACHE;
      cache->label[entry] = label;
      cache->len[entry] = out->len - mark;
      memcpy (cache->escaped[entry], out->str + mark, out->len - mark);
    }
}

/* One span object: start and end (code points), label and score when set,
 * then the attributes in the order they were set. An attribute named as
 * one of the members the span has takes that member's place, as setting a
 * member of a JSON object twice does. */
static void
json_span (GString *out, const TamisLayer *layer, guint index, const TamisSpan *span,
           gsize start, gsize end, LabelCache *cache)
{
  const TamisValue *shadow[N_MEMBERS] = { NULL, };
  gboolean shadowed = FALSE;
  SpanAttr local[16];
  SpanAttr *attrs = local;
  guint n_attrs = 0;

  if (span->attrs != 0)
    {
      TamisAttrIter iter;
      SpanAttr attr;

      tamis_layer_attr_iter_init (&iter, layer, index);
      while (tamis_attr_iter_next (&iter, &attr.key, &attr.value))
        {
          if (n_attrs >= G_N_ELEMENTS (local) && (n_attrs & (n_attrs - 1)) == 0)
            {
              /* full: 16, 32, 64… */
              attrs = attrs == local ? g_memdup2 (local, sizeof local) : attrs;
              attrs = g_renew (SpanAttr, attrs, 2 * n_attrs);
            }
          attrs[n_attrs++] = attr;
        }
      for (guint k = 0; k < n_attrs; k++)
        {
          SpanAttr *a = &attrs[k];
          int member = span_member (a->key, span);

          if (member >= 0)
            {
              shadow[member] = &a->value;
              a->key = NULL;
              shadowed = TRUE;
            }
        }
    }

  if (G_LIKELY (!shadowed))
    {
      /* Most spans of most layers: a pointer walks the buffer. */
      char *p = tamis_json_reserve (out, 128);

      memcpy (p, "{\"start\":", 9);
      p = tamis_json_put_uint (p + 9, start);
      memcpy (p, ",\"end\":", 7);
      p = tamis_json_put_uint (p + 7, end);
      if (span->label != NULL)
        {
          memcpy (p, ",\"label\":", 9);
          p += 9;
          int entry = label_cached (cache, span->label);

          if (entry >= 0)
            {
              memcpy (p, cache->escaped[entry], LABEL_MAX);
              p += cache->len[entry];
            }
          else
            {
              tamis_json_commit (out, p);
              json_label (out, span->label, cache);
              p = out->str + out->len;
            }
        }
      tamis_json_commit (out, p);
    }
  else
    {
      tamis_json_lit (out, "{\"start\":");
      if (shadow[MEMBER_START])
        json_value (out, shadow[MEMBER_START]);
      else
        tamis_json_append_uint (out, start);
      tamis_json_lit (out, ",\"end\":");
      if (shadow[MEMBER_END])
        json_value (out, shadow[MEMBER_END]);
      else
        tamis_json_append_uint (out, end);
      if (span->label != NULL)
        {
          tamis_json_lit (out, ",\"label\":");
          if (shadow[MEMBER_LABEL])
            json_value (out, shadow[MEMBER_LABEL]);
          else
            json_label (out, span->label, cache);
        }
    }
  if (!isnan (span->score))
    {
      tamis_json_lit (out, ",\"score\":");
      if (shadow[MEMBER_SCORE])
        json_value (out, shadow[MEMBER_SCORE]);
      else
        tamis_json_append_double (out, score_value (span->score));
    }
  for (guint k = 0; k < n_attrs; k++)
    {
      const SpanAttr *a = &attrs[k];

      if (a->key == NULL)
        continue;
      tamis_json_lit (out, ",");
      tamis_json_append_key (out, a->key);
      json_value (out, &a->value);
    }
  tamis_json_lit (out, "}");
  if (attrs != local)
    g_free (attrs);
}

static void
json_layer (GString *out, const TamisLayer *layer, CharIndex *index)
{
  guint n_spans;
  const TamisSpan *spans = tamis_layer_peek_spans (layer, &n_spans);
  LabelCache cache = { NULL, };

  tamis_json_lit (out, "[");
  for (guint i = 0; i < n_spans; i++)
    {
      const TamisSpan *span = &spans[i];
      gsize start = char_offset (index, span->start);
      gsize end = char_offset (index, span->end);
      int entry;
      char *p;

      if (span->attrs != 0 || !isnan (span->score) || span->label == NULL
          || (entry = label_cached (&cache, span->label)) < 0)
        {
          if (i > 0)
            tamis_json_lit (out, ",");
          json_span (out, layer, i, span, start, end, &cache);
          continue;
        }
      /* Most spans of the biggest layers: a label, the one of the span
       * before, and nothing else. A pointer walks the buffer. */
      p = tamis_json_reserve (out, 128);
      if (i > 0)
        *p++ = ',';
      memcpy (p, "{\"start\":", 9);
      p = tamis_json_put_uint (p + 9, start);
      memcpy (p, ",\"end\":", 7);
      p = tamis_json_put_uint (p + 7, end);
      memcpy (p, ",\"label\":", 9);
      memcpy (p + 9, cache.escaped[entry], LABEL_MAX);
      p += 9 + cache.len[entry];
      *p++ = '}';
      tamis_json_commit (out, p);
    }
  tamis_json_lit (out, "]");
}

static void
json_meta (GString *out, TamisDoc *doc)
{
  gsize len;
  const char *meta = tamis_doc_get_meta_json (doc, &len);

  if (meta != NULL)
    {
      tamis_json_lit (out, ",\"meta\":");
      json_raw (out, meta, len);
    }
}

/* The members of a record after its id and attributes, in their order. */
enum { DOC_REPAIRED, DOC_META, DOC_TEXT, DOC_LAYERS, N_DOC_MEMBERS };

static void
json_doc_member (GString *out, TamisDoc *doc, guint member, const char *const *layers)
{
  switch (member)
    {
    case DOC_REPAIRED:
      {
        const char *const *repairs = tamis_doc_get_repairs (doc);

        tamis_json_lit (out, "\"repaired\":[");
        for (guint i = 0; repairs[i] != NULL; i++)
          {
            if (i > 0)
              tamis_json_lit (out, ",");
            tamis_json_append_string (out, repairs[i], -1);
          }
        tamis_json_lit (out, "]");
        break;
      }
    case DOC_META:
      {
        gsize len;
        const char *meta = tamis_doc_get_meta_json (doc, &len);

        tamis_json_lit (out, "\"meta\":");
        json_raw (out, meta, len);
        break;
      }
    case DOC_TEXT:
      tamis_json_lit (out, "\"text\":");
      tamis_json_append_string (out, tamis_doc_get_text (doc), tamis_doc_get_length (doc));
      break;
    case DOC_LAYERS:
    default:
      {
        guint n_layers = tamis_doc_get_n_layers (doc);
        CharIndex index = { tamis_doc_get_text (doc), tamis_doc_get_length (doc), };
        gboolean first = TRUE;

        tamis_json_lit (out, "\"layers\":{");
        for (guint i = 0; i < n_layers; i++)
          {
            const TamisLayer *layer = tamis_doc_get_nth_layer (doc, i);
            const char *name = tamis_layer_get_name (layer);

            if (!layer_wanted (layers, name))
              continue;
            if (!first)
              tamis_json_lit (out, ",");
            first = FALSE;
            tamis_json_append_key (out, name);
            json_layer (out, layer, &index);
          }
        char_index_clear (&index);
        tamis_json_lit (out, "}");
        break;
      }
    }
}

/* Appends the compact JSON record of @doc: its id, its attributes (those
 * of @attributes, NULL for all) in the order they were set, "repaired",
 * "meta", "text" (when @with_text) and "layers" (those of @layers), or for
 * a failed document its id, "error" and "meta". A document attribute named
 * as one of the record's members gives its value to "id" and takes it
 * from the others, where it stands, as setting a member of a JSON object
 * twice does. */
static void
json_record (GString *out, TamisDoc *doc, const char *const *layers,
             const char *const *attributes, gboolean with_text)
{
  const char *code = tamis_doc_get_error_code (doc);
  const char *const *repairs;
  gboolean present[N_DOC_MEMBERS];
  TamisAttrIter iter;
  const char *key;
  TamisValue value;

  tamis_json_lit (out, "{\"id\":");
  if (code != NULL)
    {
      const char *message = tamis_doc_get_error_message (doc);

      tamis_json_append_string (out, tamis_doc_get_id (doc), -1);
      tamis_json_lit (out, ",\"error\":{\"code\":");
      tamis_json_append_string (out, code, -1);
      tamis_json_lit (out, ",\"message\":");
      tamis_json_append_string (out, message ? message : "", -1);
      tamis_json_lit (out, "}");
      json_meta (out, doc);
      tamis_json_lit (out, "}");
      return;
    }

  if (tamis_attribute_wanted (attributes, "id") && tamis_doc_get_attr (doc, "id", &value))
    json_value (out, &value);
  else
    tamis_json_append_string (out, tamis_doc_get_id (doc), -1);

  repairs = tamis_doc_get_repairs (doc);
  present[DOC_REPAIRED] = repairs != NULL && repairs[0] != NULL;
  present[DOC_META] = tamis_doc_get_meta_json (doc, NULL) != NULL;
  present[DOC_TEXT] = with_text;
  present[DOC_LAYERS] = TRUE;

  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    {
      static const char *const names[N_DOC_MEMBERS] = { "repaired", "meta", "text", "layers" };
      int member = -1;

      if (strcmp (key, "id") == 0 || !tamis_attribute_wanted (attributes, key))
        continue;
      for (guint m = 0; m < N_DOC_MEMBERS; m++)
        if (present[m] && strcmp (key, names[m]) == 0)
          member = m;
      tamis_json_lit (out, ",");
      if (member >= 0)
        {
          json_doc_member (out, doc, member, layers);
          present[member] = FALSE;
          continue;
        }
      tamis_json_append_key (out, key);
      json_value (out, &value);
    }
  for (guint m = 0; m < N_DOC_MEMBERS; m++)
    if (present[m])
      {
        tamis_json_lit (out, ",");
        json_doc_member (out, doc, m, layers);
      }
  tamis_json_lit (out, "}");
}

char *
tamis_doc_to_json (TamisDoc *doc, const char *const *layers, gboolean with_text, gboolean pretty)
{
  GString *out = g_string_new (NULL);

  json_record (out, doc, layers, NULL, with_text);
  if (pretty)
    {
      GString *indented = g_string_sized_new (out->len * 2);

      tamis_json_append_pretty (indented, out->str, out->len, 0);
      g_string_free (out, TRUE);
      out = indented;
    }
  return g_string_free (out, FALSE);
}


/* ---- the writer ---- */

struct _TamisWriter {
  TamisFormat format;
  GOutputStream *stream;
  char **layers;
  char **attributes;    /* document attributes written; NULL for all */
  gboolean with_text;
  guint64 n_records;
  TamisSummary *summary; /* not owned; NULL when none */
  GString *out;
  GString *record;
  TamisSqliteOut *sqlite;
  TamisHtml *html;      /* the page, for TAMIS_FORMAT_HTML */
  TamisTable *table;    /* the columns, for TAMIS_FORMAT_TSV and _CSV */
  TamisSummary *own_summary; /* the page's when the caller sets none */
  char *summary_json;   /* the summary the page shows, when given */
};

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
  self->out = g_string_sized_new (64 * 1024);
  self->record = g_string_sized_new (64 * 1024);
  if (format == TAMIS_FORMAT_TSV || format == TAMIS_FORMAT_CSV)
    self->table = tamis_table_new (format == TAMIS_FORMAT_CSV);
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
  /* A table's header names its columns before any record. */
  if (self->table != NULL)
    tamis_table_declare (self->table, pipeline, (const char *const *) self->layers,
                         (const char *const *) self->attributes);
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
  const char *const *layers = (const char *const *) self->layers;
  const char *const *attributes = (const char *const *) self->attributes;

  /* Here rather than when the record is written: this runs on the worker
   * threads, and the document is freed before its record is written. */
  if (self->summary != NULL)
    tamis_summary_add_doc (self->summary, doc);
  if (self->table != NULL)
    {
      tamis_table_format (self->table, doc, layers, attributes, out);
      return;
    }
  switch (self->format)
    {
    case TAMIS_FORMAT_SQLITE:
      tamis_sqlite_format (self->sqlite, doc, layers, attributes, self->with_text, out);
      break;
    case TAMIS_FORMAT_JSON:
      {
        g_autoptr(GString) json = g_string_sized_new (4096);

        json_record (json, doc, layers, attributes, self->with_text);
        tamis_json_append_pretty (out, json->str, json->len, 0);
        break;
      }
    case TAMIS_FORMAT_HTML:
      {
        /* The same filter as for records read back from a file, so that
         * both ways give the same page; it cannot fail on our own JSON. */
        g_autoptr(GString) json = g_string_sized_new (4096);

        json_record (json, doc, layers, attributes, self->with_text);
        tamis_html_filter_record (out, json->str, json->len, NULL);
        break;
      }
    case TAMIS_FORMAT_JSONL:
    default:
      json_record (out, doc, layers, attributes, self->with_text);
      tamis_json_lit (out, "\n");
      break;
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
    case TAMIS_FORMAT_CSV:
      if (self->n_records == 0)
        tamis_table_header (self->table, self->out);
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
      /* Written from the caller's buffer rather than copied: records of
       * every token are big. */
      self->n_records++;
      return g_output_stream_write_all (self->stream, record, len, NULL, NULL, error);
    }
  self->n_records++;
  return flush_out (self, error);
}

gboolean
tamis_writer_concatenates (const TamisWriter *self)
{
  return self->format == TAMIS_FORMAT_JSONL && self->sqlite == NULL && self->table == NULL
         && self->html == NULL;
}

gboolean
tamis_writer_write_records (TamisWriter *self, const char *records, gsize len, guint n,
                            GError **error)
{
  g_return_val_if_fail (tamis_writer_concatenates (self), FALSE);

  self->n_records += n;
  return g_output_stream_write_all (self->stream, records, len, NULL, NULL, error);
}

gboolean
tamis_writer_flush (TamisWriter *self, GError **error)
{
  /* A database commits on its own schedule. */
  if (self->sqlite != NULL)
    return TRUE;
  if (self->out->len > 0 && !flush_out (self, error))
    return FALSE;
  return g_output_stream_flush (self->stream, NULL, error);
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
  if (self->table != NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "records read back cannot be written as a table (TSV, CSV)");
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
        g_autoptr(GString) json = g_string_sized_new (len);

        if (!tamis_json_append_raw (json, record, len) || json->str[0] != '{')
          {
            g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "a record is not one JSON object");
            return FALSE;
          }
        tamis_json_append_pretty (self->record, json->str, json->len, 0);
        break;
      }
    case TAMIS_FORMAT_JSONL:
      g_string_append_len (self->record, record, len);
      g_string_append_c (self->record, '\n');
      break;
    case TAMIS_FORMAT_TSV:
    case TAMIS_FORMAT_CSV:
    default:
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "records read back cannot be written as a table (TSV, CSV)");
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
  else if (self->table != NULL && self->n_records == 0)
    tamis_table_header (self->table, self->out);
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
  g_strfreev (self->layers);
  g_strfreev (self->attributes);
  g_string_free (self->out, TRUE);
  g_string_free (self->record, TRUE);
  tamis_html_free (self->html);
  tamis_table_free (self->table);
  tamis_summary_free (self->own_summary);
  g_free (self->summary_json);
  g_free (self);
}
