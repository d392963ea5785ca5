/* tamis — the HTML report format.
 *
 * The page is core/report/report.html with its style sheet and script put
 * in place (all three compiled in with GResource). Records are streamed into
 * it as they come, in <script type="application/json" class="tamis-records"
 * data-first="N"> blocks that the page parses only when it needs one of
 * their records; a block closes after CHUNK_RECORDS records or CHUNK_BYTES
 * bytes, whichever comes first, so that opening one document never parses
 * much. The summary, a small description of the records and the script
 * come last, when the writer finishes. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include <tamis/error.h>
#include "io-private.h"
#include "writer-html.h"
#include "report-resources.h"

#define CHUNK_RECORDS 256
#define CHUNK_BYTES (512 * 1024)

const char *const tamis_html_layers[] = {
  "entity", "money", "sentiment_cue", "relation", "relation_cue", NULL,
};

struct _TamisHtml {
  GBytes *page;
  GBytes *style;
  GBytes *script;
  gsize records_at;     /* where "@@records@@" starts in the page */
  gsize chunk_bytes;    /* in the open block */
  guint64 chunk_first;  /* the first record of the open block */
  gboolean open;        /* a block is open */
};

void
tamis_html_escape_json (GString *out, const char *json, gsize len)
{
  const char *p = json, *end = json + len;

  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '<' && !((guchar) p[0] == 0xe2 && end - p >= 3 && (guchar) p[1] == 0x80 &&
                                       ((guchar) p[2] == 0xa8 || (guchar) p[2] == 0xa9)))
        p++;
      g_string_append_len (out, run, p - run);
      if (p == end)
        break;
      if (*p == '<')
        {
          g_string_append (out, "\\u003c");
          p++;
        }
      else
        {
          g_string_append (out, (guchar) p[2] == 0xa8 ? "\\u2028" : "\\u2029");
          p += 3;
        }
    }
}

/* ---- a JSON scanner just good enough to cut members out of a record ---- */

static const char *
skip_ws (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* Returns the byte after the string starting at @p (a '"'), or NULL. */
static const char *
skip_string (const char *p, const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Returns the byte after the value starting at @p, or NULL when it is not
 * one; nested values are matched by their brackets. */
static const char *
skip_value (const char *p, const char *end)
{
  guint depth = 0;

  do
    {
      p = skip_ws (p, end);
      if (p >= end)
        return NULL;
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          break;
        case '{':
        case '[':
          depth++;
          p++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return NULL;
          depth--;
          p++;
          break;
        case ',':
        case ':':
          if (depth == 0)
            return NULL;
          p++;
          break;
        default:
          if (!g_ascii_isalnum (*p) && *p != '-' && *p != '+' && *p != '.')
            return NULL;
          while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
            p++;
          break;
        }
    }
  while (depth > 0);
  return p;
}

/* Calls @member for each member of the object at @p; returns the byte
 * after the object, or NULL. @key points at the key's opening quote. */
typedef gboolean (*MemberFunc) (const char *key, gsize key_len, const char *value, gsize value_len,
                                gpointer data);

static const char *
scan_object (const char *p, const char *end, MemberFunc member, gpointer data)
{
  gboolean first = TRUE;

  p = skip_ws (p, end);
  if (p >= end || *p != '{')
    return NULL;
  p++;
  for (;;)
    {
      const char *key, *key_end, *value, *value_end;

      p = skip_ws (p, end);
      if (p < end && *p == '}' && first)
        return p + 1;
      key = p;
      if (p >= end || *p != '"' || (key_end = skip_string (p, end)) == NULL)
        return NULL;
      p = skip_ws (key_end, end);
      if (p >= end || *p != ':')
        return NULL;
      value = skip_ws (p + 1, end);
      value_end = skip_value (value, end);
      if (value_end == NULL)
        return NULL;
      if (!member (key, key_end - key, value, value_end - value, data))
        return NULL;
      first = FALSE;
      p = skip_ws (value_end, end);
      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      if (p < end && *p == '}')
        return p + 1;
      return NULL;
    }
}

/* Appends a JSON value escaped as by tamis_html_escape_json(), its
 * fractional numbers in their shortest form that reads back the same
 * (json-glib writes 0.718 as 0.71799999999999997). */
static void
append_value (GString *out, const char *p, gsize len)
{
  const char *end = p + len;

  while (p < end)
    {
      const char *run = p;

      /* Up to a string or a number; nothing else needs a change. */
      while (p < end && *p != '"' && *p != '-' && !g_ascii_isdigit (*p))
        p++;
      g_string_append_len (out, run, p - run);
      if (p == end)
        break;
      if (*p == '"')
        {
          const char *close = skip_string (p, end);

          if (close == NULL)
            close = end;
          tamis_html_escape_json (out, p, close - p);
          p = close;
        }
      else
        {
          const char *start = p;
          gboolean fraction = FALSE;

          while (p < end && (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
            fraction |= *p == '.' || *p == 'e' || *p == 'E', p++;
          if (fraction && p - start < 40)
            {
              char number[40];
              gsize mark = out->len;

              memcpy (number, start, p - start);
              number[p - start] = '\0';
              tamis_string_append_double (out, g_ascii_strtod (number, NULL));
              if (out->len - mark < (gsize) (p - start))
                continue;
              g_string_truncate (out, mark);
            }
          g_string_append_len (out, start, p - start);
        }
    }
}

typedef struct {
  GString *out;
  gboolean first;
} Copy;

static gboolean
key_is (const char *key, gsize key_len, const char *name)
{
  gsize n = strlen (name);

  return key_len == n + 2 && memcmp (key + 1, name, n) == 0;
}

static void
copy_member (Copy *copy, const char *key, gsize key_len, const char *value, gsize value_len)
{
  if (!copy->first)
    g_string_append_c (copy->out, ',');
  copy->first = FALSE;
  tamis_html_escape_json (copy->out, key, key_len);
  g_string_append_c (copy->out, ':');
  append_value (copy->out, value, value_len);
}

static gboolean
copy_layer (const char *key, gsize key_len, const char *value, gsize value_len, gpointer data)
{
  for (guint i = 0; tamis_html_layers[i] != NULL; i++)
    if (key_is (key, key_len, tamis_html_layers[i]))
      {
        copy_member (data, key, key_len, value, value_len);
        break;
      }
  return TRUE;
}

static gboolean
copy_record_member (const char *key, gsize key_len, const char *value, gsize value_len, gpointer data)
{
  Copy *copy = data;

  /* Of the lists and objects, the page shows the layers, the error and
   * the per-entity sentiment; other attributes only when single values. */
  if ((*value == '{' || *value == '[') && !key_is (key, key_len, "layers") &&
      !key_is (key, key_len, "error") && !key_is (key, key_len, "entity_sentiment"))
    return TRUE;
  if (key_is (key, key_len, "layers") && *value == '{')
    {
      Copy layers = { copy->out, TRUE };

      if (!copy->first)
        g_string_append_c (copy->out, ',');
      copy->first = FALSE;
      g_string_append (copy->out, "\"layers\":{");
      if (scan_object (value, value + value_len, copy_layer, &layers) == NULL)
        return FALSE;
      g_string_append_c (copy->out, '}');
      return TRUE;
    }
  copy_member (copy, key, key_len, value, value_len);
  return TRUE;
}

gboolean
tamis_html_filter_record (GString *out, const char *json, gsize len, GError **error)
{
  const char *end = json + len;
  const char *p;
  gsize mark = out->len;
  Copy copy = { out, TRUE };

  g_string_append_c (out, '{');
  p = scan_object (json, end, copy_record_member, &copy);
  if (p == NULL || skip_ws (p, end) != end)
    {
      g_string_truncate (out, mark);
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "a record is not one JSON object");
      return FALSE;
    }
  g_string_append_c (out, '}');
  return TRUE;
}

/* ---- the page ---- */

static GBytes *
asset (const char *name)
{
  static gsize registered;
  g_autofree char *path = g_strconcat ("/org/tamis/report/", name, NULL);
  GBytes *bytes;

  /* Registered on first use rather than by a constructor at load time. */
  if (g_once_init_enter (&registered))
    {
      tamis_report_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resource_lookup_data (tamis_report_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* Compiled in: missing only if the build is broken. */
  g_assert (bytes != NULL);
  return bytes;
}

TamisHtml *
tamis_html_new (void)
{
  TamisHtml *html = g_new0 (TamisHtml, 1);
  gsize size;
  const char *page;
  const char *at;

  html->page = asset ("report.html");
  html->style = asset ("report.css");
  html->script = asset ("report.js");
  page = g_bytes_get_data (html->page, &size);
  at = g_strstr_len (page, size, "@@records@@");
  g_assert (at != NULL);
  html->records_at = at - page;
  return html;
}

void
tamis_html_free (TamisHtml *html)
{
  if (html == NULL)
    return;
  g_bytes_unref (html->page);
  g_bytes_unref (html->style);
  g_bytes_unref (html->script);
  g_free (html);
}

static void
append_bytes (GString *out, GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_string_append_len (out, data, size);
}

/* Appends the page from @from to @to, with its @@name@@ marks filled. */
static void
expand (TamisHtml *html, GString *out, gsize from, gsize to, guint64 n_records, const char *summary)
{
  const char *page = g_bytes_get_data (html->page, NULL);
  const char *p = page + from, *end = page + to;

  while (p < end)
    {
      const char *mark = g_strstr_len (p, end - p, "@@");
      const char *close;
      g_autofree char *name = NULL;

      if (mark == NULL || (close = g_strstr_len (mark + 2, end - mark - 2, "@@")) == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, mark - p);
      name = g_strndup (mark + 2, close - mark - 2);
      p = close + 2;
      if (strcmp (name, "style") == 0)
        append_bytes (out, html->style);
      else if (strcmp (name, "script") == 0)
        append_bytes (out, html->script);
      else if (strcmp (name, "generator") == 0)
        g_string_append (out, "tamis " PACKAGE_VERSION);
      else if (strcmp (name, "meta") == 0)
        g_string_append_printf (out, "{\"tamis_report\":1,\"records\":%" G_GUINT64_FORMAT ",\"generator\":\"tamis %s\"}",
                                n_records, PACKAGE_VERSION);
      else if (strcmp (name, "summary") == 0)
        {
          if (summary != NULL)
            tamis_html_escape_json (out, summary, strlen (summary));
          else
            g_string_append (out, "null");
        }
      else
        g_string_append_len (out, mark, p - mark);
    }
}

void
tamis_html_begin (TamisHtml *html, GString *out)
{
  expand (html, out, 0, html->records_at, 0, NULL);
}

static void
open_chunk (TamisHtml *html, guint64 first, GString *out)
{
  g_string_append_printf (out, "<script type=\"application/json\" class=\"tamis-records\" data-first=\"%"
                          G_GUINT64_FORMAT "\">[\n", first);
  html->open = TRUE;
  html->chunk_first = first;
  html->chunk_bytes = 0;
}

static void
close_chunk (TamisHtml *html, GString *out)
{
  if (html->open)
    g_string_append (out, "\n]</script>\n");
  html->open = FALSE;
}

void
tamis_html_before_record (TamisHtml *html, guint64 record, gsize bytes, GString *out)
{
  if (html->open && (record - html->chunk_first >= CHUNK_RECORDS || html->chunk_bytes >= CHUNK_BYTES))
    close_chunk (html, out);
  if (!html->open)
    open_chunk (html, record, out);
  else
    g_string_append (out, ",\n");
  html->chunk_bytes += bytes;
}

void
tamis_html_end (TamisHtml *html, guint64 n_records, const char *summary, GString *out)
{
  gsize size;

  close_chunk (html, out);
  g_bytes_get_data (html->page, &size);
  expand (html, out, html->records_at + strlen ("@@records@@"), size, n_records, summary);
}
