/* tamis — small helpers over JSON text that a parser has already checked.
 *
 * The JSON Lines reader keeps a record's metadata by copying its text
 * rather than by printing a parsed tree again, so that numbers come out
 * exactly as they came in (no 17-digit doubles, no clamped integers). The
 * text is valid JSON by then, which keeps these scanners simple: they
 * never meet an error. */
#include "config.h"

#include <string.h>

#include "json-scan.h"

/* The end of the string whose opening quote is at @p: just past its
 * closing quote. */
static const char *
skip_string (const char *p, const char *end)
{
  p++;
  for (;;)
    {
      const char *q = p;

      while (q < end && *q != '"' && *q != '\\')
        q++;
      if (q >= end)
        return end;
      if (*q == '"')
        return q + 1;
      p = q + 2;                /* a backslash and the character it escapes */
    }
}

static inline gboolean
is_ws (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
skip_ws (const char *p, const char *end)
{
  while (p < end && is_ws (*p))
    p++;
  return p;
}

/* The end of the value starting at @p (no white space before it). */
static const char *
skip_value (const char *p, const char *end)
{
  int depth = 0;

  do
    {
      if (p >= end)
        return end;
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          break;
        case '{':
        case '[':
          depth++;
          p++;
          break;
        case '}':
        case ']':
          depth--;
          p++;
          break;
        default:
          /* numbers, literals, separators and white space inside */
          p++;
          while (p < end && depth == 0 && !is_ws (*p) && *p != ',' && *p != '}' && *p != ']')
            p++;
          break;
        }
    }
  while (depth > 0);
  return p;
}

void
tamis_json_append_compact (GString *out, const char *json, gsize len)
{
  const char *p = json, *end = json + len;

  while (p < end)
    {
      const char *run = p;

      /* a run without white space or strings is copied as it is */
      while (p < end && *p != '"' && !is_ws (*p))
        p++;
      if (p < end && *p == '"')
        p = skip_string (p, end);
      g_string_append_len (out, run, p - run);
      p = skip_ws (p, end);
    }
}


gboolean
tamis_json_object_foreach (const char *json, gsize len, TamisJsonMemberFunc func,
                           gpointer user_data)
{
  const char *p = json, *end = json + len;

  p = skip_ws (p, end);
  if (p >= end || *p != '{')
    return TRUE;
  p++;
  for (;;)
    {
      const char *key, *key_end, *value;

      p = skip_ws (p, end);
      if (p >= end || *p != '"')
        return TRUE;            /* '}' of an empty object */
      key = p + 1;
      p = skip_string (p, end);
      key_end = p - 1;
      p = skip_ws (p, end);
      p = skip_ws (p + 1, end); /* the colon */
      value = p;
      p = skip_value (p, end);
      if (!func (key, key_end - key, value, p - value, user_data))
        return FALSE;
      p = skip_ws (p, end);
      if (p >= end || *p != ',')
        return TRUE;
      p++;
    }
}
