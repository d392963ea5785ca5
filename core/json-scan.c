/* tamis — small helpers over JSON text that a parser has already checked,
 * and a checking scanner for the one shape most JSON Lines records have.
 *
 * The JSON Lines reader keeps a record's metadata by copying its text
 * rather than by printing a parsed tree again, so that numbers come out
 * exactly as they came in (no 17-digit doubles, no clamped integers). The
 * text is valid JSON by then, which keeps the first scanners simple: they
 * never meet an error. The last one (tamis_json_scan_flat_object()) does
 * check, but only a subset of JSON: it leaves anything else to json-c. */
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

/* ---- the common JSON Lines record, checked ----
 * A scanner for the one shape most records have: a flat object of strings,
 * numbers and literals. It accepts a strict subset of JSON and says "not
 * mine" for anything else, so that the caller's full parser handles (and
 * reports) it: what is accepted must read the same with any JSON parser. */

/* 1 for the bytes that may stand in a string as they are: not a quote, a
 * backslash or a control character. */
static const guint8 plain_byte[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Skips plain string bytes from @p: a table look-up a byte, four at a
 * time. (Eight at a time in a word was no faster on article texts, and
 * slower on the short strings most records have.) */
static inline const char *
skip_plain (const char *p, const char *end)
{
  while (end - p >= 4 && plain_byte[(guchar) p[0]] && plain_byte[(guchar) p[1]]
         && plain_byte[(guchar) p[2]] && plain_byte[(guchar) p[3]])
    p += 4;
  while (p < end && plain_byte[(guchar) *p])
    p++;
  return p;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of the four hex digits at @p, or -1. */
static inline int
hex4 (const char *p, const char *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      v = v << 4 | h;
    }
  return v;
}

/* Checks the string whose opening quote is at @p; returns just past its
 * closing quote, or NULL when the string is outside the subset: a control
 * character, a bad escape, \u0000, a surrogate not in a high-low pair.
 * @escaped tells whether it holds a backslash. */
static const char *
check_string (const char *p, const char *end, gboolean *escaped)
{
  *escaped = FALSE;
  p++;
  for (;;)
    {
      int u;

      p = skip_plain (p, end);
      if (p >= end || (guchar) *p < 0x20)
        return NULL;
      if (*p == '"')
        return p + 1;
      /* a backslash */
      *escaped = TRUE;
      if (++p >= end)
        return NULL;
      switch (*p)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p++;
          continue;
        case 'u':
          break;
        default:
          return NULL;
        }
      u = hex4 (p + 1, end);
      if (u <= 0 || (u >= 0xdc00 && u <= 0xdfff))
        return NULL;
      p += 5;
      if (u >= 0xd800 && u <= 0xdbff)
        {
          int low;

          if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
            return NULL;
          low = hex4 (p + 2, end);
          if (low < 0xdc00 || low > 0xdfff)
            return NULL;
          p += 6;
        }
    }
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Checks a number as JSON writes it; returns its end, or NULL. */
static const char *
check_number (const char *p, const char *end)
{
  if (p < end && *p == '-')
    p++;
  if (p >= end || !is_digit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && is_digit (*p))
      p++;
  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !is_digit (*p))
        return NULL;
      while (p < end && is_digit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !is_digit (*p))
        return NULL;
      while (p < end && is_digit (*p))
        p++;
    }
  return p;
}

static inline const char *
check_literal (const char *p, const char *end, const char *word, gsize n)
{
  return (gsize) (end - p) >= n && memcmp (p, word, n) == 0 ? p + n : NULL;
}

/* Spaces and tabs only: other white space is left to the full parser. */
static inline const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Checks a scalar value at @p (the subset's strings, numbers, literals);
 * returns its end or NULL. */
static const char *
check_scalar (const char *p, const char *end, gboolean *escaped)
{
  *escaped = FALSE;
  switch (*p)
    {
    case '"':
      return check_string (p, end, escaped);
    case 't':
      return check_literal (p, end, "true", 4);
    case 'f':
      return check_literal (p, end, "false", 5);
    case 'n':
      return check_literal (p, end, "null", 4);
    default:
      return check_number (p, end);
    }
}

/* Checks the array or object at @p, with no more than @max_nesting levels
 * of them (itself included), without recursion; returns its end or NULL. */
static const char *
check_nested (const char *p, const char *end, guint max_nesting)
{
  guint64 objects = 0;          /* bit d - 1: level d is an object */
  guint depth = 0;
  gboolean escaped;

  max_nesting = MIN (max_nesting, 64);
  for (;;)
    {
      /* a value */
      p = skip_blanks (p, end);
      if (p >= end)
        return NULL;
      if (*p == '{' || *p == '[')
        {
          gboolean object = *p == '{';

          if (++depth > max_nesting)
            return NULL;
          if (object)
            objects |= G_GUINT64_CONSTANT (1) << (depth - 1);
          else
            objects &= ~(G_GUINT64_CONSTANT (1) << (depth - 1));
          p = skip_blanks (p + 1, end);
          if (p < end && *p == (object ? '}' : ']'))
            {
              p++;
              depth--;
            }
          else if (object)
            goto key;
          else
            continue;
        }
      else if ((p = check_scalar (p, end, &escaped)) == NULL)
        return NULL;

      /* after a value: the end of its containers, or the next member */
      for (;;)
        {
          gboolean object;

          if (depth == 0)
            return p;
          object = (objects >> (depth - 1)) & 1;
          p = skip_blanks (p, end);
          if (p >= end)
            return NULL;
          if (*p == (object ? '}' : ']'))
            {
              p++;
              depth--;
              continue;
            }
          if (*p != ',')
            return NULL;
          p = skip_blanks (p + 1, end);
          if (object)
            goto key;
          break;
        }
      continue;

    key:
      if (p >= end || *p != '"' || (p = check_string (p, end, &escaped)) == NULL)
        return NULL;
      p = skip_blanks (p, end);
      if (p >= end || *p != ':')
        return NULL;
      p++;
    }
}

int
tamis_json_scan_flat_object (const char *json, gsize len, guint max_nesting,
                             TamisJsonMember *members, guint max_members)
{
  const char *p = json, *end = json + len;
  guint n = 0;

  p = skip_blanks (p, end);
  if (p >= end || *p != '{')
    return -1;
  p = skip_blanks (p + 1, end);
  if (p < end && *p == '}')
    return skip_blanks (p + 1, end) == end ? 0 : -1;
  for (;;)
    {
      TamisJsonMember *m;
      gboolean escaped;
      const char *q;

      if (n >= max_members || p >= end || *p != '"')
        return -1;
      m = &members[n++];
      q = check_string (p, end, &escaped);
      if (q == NULL || escaped)
        return -1;              /* keys with escapes: the full parser */
      m->key = p + 1;
      m->key_len = q - 1 - m->key;
      p = skip_blanks (q, end);
      if (p >= end || *p != ':')
        return -1;
      p = skip_blanks (p + 1, end);
      if (p >= end)
        return -1;
      m->value = p;
      m->escaped = FALSE;
      if (*p == '{' || *p == '[')
        {
          m->kind = TAMIS_JSON_MEMBER_NESTED;
          q = check_nested (p, end, max_nesting);
        }
      else
        {
          m->kind = *p == '"' ? TAMIS_JSON_MEMBER_STRING : TAMIS_JSON_MEMBER_OTHER;
          q = check_scalar (p, end, &m->escaped);
        }
      if (q == NULL)
        return -1;
      m->value_len = q - p;
      p = skip_blanks (q, end);
      if (p < end && *p == ',')
        {
          p = skip_blanks (p + 1, end);
          continue;
        }
      if (p < end && *p == '}')
        return skip_blanks (p + 1, end) == end ? (int) n : -1;
      return -1;
    }
}

/* Appends code point @c (not a surrogate, not 0) as UTF-8. */
static inline char *
put_utf8 (char *out, guint32 c)
{
  if (c < 0x80)
    *out++ = c;
  else if (c < 0x800)
    {
      *out++ = 0xc0 | c >> 6;
      *out++ = 0x80 | (c & 0x3f);
    }
  else if (c < 0x10000)
    {
      *out++ = 0xe0 | c >> 12;
      *out++ = 0x80 | (c >> 6 & 0x3f);
      *out++ = 0x80 | (c & 0x3f);
    }
  else
    {
      *out++ = 0xf0 | c >> 18;
      *out++ = 0x80 | (c >> 12 & 0x3f);
      *out++ = 0x80 | (c >> 6 & 0x3f);
      *out++ = 0x80 | (c & 0x3f);
    }
  return out;
}

char *
tamis_json_decode_string (const TamisJsonMember *member, gsize *length)
{
  const char *p = member->value + 1, *end = member->value + member->value_len - 1;
  char *text = g_malloc (end - p + 1), *out = text;

  if (!member->escaped)
    {
      memcpy (text, p, end - p);
      out += end - p;
    }
  else
    while (p < end)
      {
        const char *run = p;
        guint32 c;

        p = memchr (p, '\\', end - p);
        if (p == NULL)
          p = end;
        memcpy (out, run, p - run);
        out += p - run;
        if (p >= end)
          break;
        switch (p[1])
          {
          case 'b': *out++ = '\b'; p += 2; continue;
          case 'f': *out++ = '\f'; p += 2; continue;
          case 'n': *out++ = '\n'; p += 2; continue;
          case 'r': *out++ = '\r'; p += 2; continue;
          case 't': *out++ = '\t'; p += 2; continue;
          case 'u': break;
          default: *out++ = p[1]; p += 2; continue;  /* " \ / */
          }
        c = hex4 (p + 2, end);
        p += 6;
        if (c >= 0xd800 && c <= 0xdbff)
          {
            /* the low half follows: checked by the scan */
            c = 0x10000 + ((c - 0xd800) << 10) + (hex4 (p + 2, end) - 0xdc00);
            p += 6;
          }
        out = put_utf8 (out, c);
      }
  *out = '\0';
  *length = out - text;
  return text;
}
