/* tamis — the streaming JSON emitter (json-write.h).
 *
 * Everything appends to a GString as it goes. Strings are scanned eight
 * bytes at a time while they are plain ASCII; numbers avoid printf when
 * they can: integers are written from a table of digit pairs, and a double
 * that some decimal of at most 15 significant digits reads back as is
 * found by scaling it by powers of ten (see append_double_short).
 *
 * With writer.c's records on top, `tamis run` of `segment` alone writing
 * every token as JSON Lines went from about 14 to about 70 MB of input
 * text a CPU-second (4,800 news files, 11.7 MB, -j 1, start-up excluded;
 * about 2.64 G to 0.30 G instructions under callgrind for a quarter of
 * them). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io-private.h"
#include "json-write.h"
#include "utf8-private.h"

/* ---- numbers ---- */

const char tamis_json_digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";
#define digit_pairs tamis_json_digit_pairs

/* Writes @value in decimal ending just before @end; returns where it starts. */
static char *
format_uint (char *end, guint64 value)
{
  char *p = end;

  while (value >= 100)
    {
      guint64 q = value / 100;
      guint r = (guint) (value % 100);

      p -= 2;
      memcpy (p, digit_pairs + 2 * r, 2);
      value = q;
    }
  if (value >= 10)
    {
      p -= 2;
      memcpy (p, digit_pairs + 2 * value, 2);
    }
  else
    *--p = (char) ('0' + value);
  return p;
}

void
tamis_json_append_uint (GString *out, guint64 value)
{
  tamis_json_commit (out, tamis_json_put_uint (tamis_json_reserve (out, 24), value));
}

void
tamis_json_append_int (GString *out, gint64 value)
{
  char buf[24];
  char *start;

  /* The magnitude of G_MININT64 fits a guint64, not a gint64. */
  start = format_uint (buf + sizeof buf, value < 0 ? -(guint64) value : (guint64) value);
  if (value < 0)
    *--start = '-';
  tamis_json_append_literal (out, start, buf + sizeof buf - start);
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The common case without printf: @d (finite, not zero) in [1e-4, 1e15),
 * where "%.15g" writes no exponent, read back from some decimal of at
 * most 15 significant digits. Such a decimal is unique (15-digit decimals
 * are further apart than doubles), so it is what "%.15g" would write; with
 * p decimals it is m / 10^p for the integer m = d * 10^p rounded, and with
 * m below 2^53 and 10^p exact, the division m / 10^p is correctly rounded,
 * hence equal to @d exactly when the decimal reads back as @d. The fewest
 * decimals that pass give the shortest form. FALSE when there is none. */
static gboolean
append_double_short (GString *out, double d)
{
  double a = fabs (d);
  char buf[40];
  char *end = buf + sizeof buf, *p;

  if (!(a >= 1e-4 && a < 1e15))
    return FALSE;
  for (int places = 0; places <= 19; places++)
    {
      double scaled = a * powers_of_ten[places];
      double m;

      if (scaled >= 1e15)
        return FALSE;
      m = nearbyint (scaled);
      if (m / powers_of_ten[places] != a)
        continue;

      /* m with a '.' before its last @places digits */
      p = format_uint (end, (guint64) m);
      if (places > 0)
        {
          int n_digits = (int) (end - p);

          while (n_digits <= places)
            {
              *--p = '0';
              n_digits++;
            }
          memmove (p - 1, p, n_digits - places);
          p--;
          end[-places - 1] = '.';
        }
      if (d < 0)
        *--p = '-';
      tamis_json_append_literal (out, p, end - p);
      return TRUE;
    }
  return FALSE;
}

void
tamis_string_append_double (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (d == 0)
    {
      g_string_append (out, signbit (d) ? "-0" : "0");
      return;
    }
  if (append_double_short (out, d))
    return;
  /* A normal double that some decimal of at most 15 digits reads back as
   * gets that decimal from "%.15g" (see above); subnormals are further
   * apart than their 15-digit decimals, so theirs may be shorter still. */
  for (int digits = fabs (d) < DBL_MIN ? 1 : 15; digits <= 17; digits++)
    {
      char format[8] = "%.17g";

      format[2] = '0' + digits / 10;
      format[3] = '0' + digits % 10;
      if (digits < 10)
        memmove (format + 2, format + 3, 3);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (digits == 17 || g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
}

void
tamis_json_append_double (GString *out, double value)
{
  if (!isfinite (value))
    tamis_json_lit (out, "null");
  else if (value == 0 && signbit (value))
    /* "-0" would be read back as the integer 0. */
    tamis_json_lit (out, "-0.0");
  else
    tamis_string_append_double (out, value);
}

/* ---- strings ---- */

/* What a byte of a string needs: 0 nothing, 1 an escape, 2 a check of the
 * UTF-8 sequence it starts, 3 nothing (never valid in UTF-8: \ufffd). */
#define ROW16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const guint8 byte_class[256] = {
  ROW16 (1), ROW16 (1),                               /* 0x00-0x1f */
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 0x20-0x2f: '"' */
  ROW16 (0), ROW16 (0),                               /* 0x30-0x4f */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,     /* 0x50-0x5f: '\' */
  ROW16 (0), ROW16 (0),                               /* 0x60-0x7f */
  ROW16 (3), ROW16 (3), ROW16 (3), ROW16 (3),         /* 0x80-0xbf: continuation */
  3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,     /* 0xc0-0xcf */
  ROW16 (2),                                          /* 0xd0-0xdf */
  ROW16 (2),                                          /* 0xe0-0xef */
  2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,     /* 0xf0-0xff */
};
#undef ROW16

/* Whether one of 8 bytes is 0x80 or above, below 0x20, '"' or '\'. */
static inline gboolean
word_needs_care (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = w ^ (ones * '"');
  guint64 backslash = w ^ (ones * '\\');

  /* (x - 1) & ~x has a lane's high bit set where x is zero (or, past a
   * zero lane, by borrow: only when some lane is, which is all we ask);
   * w - 0x20 does the same for lanes below 0x20. */
  return ((w | ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash))
          & high) != 0;
}

static void
append_escape (GString *out, guchar c)
{
  static const char hex[] = "0123456789abcdef";
  char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

  switch (c)
    {
    case '"': tamis_json_lit (out, "\\\""); break;
    case '\\': tamis_json_lit (out, "\\\\"); break;
    case '\b': tamis_json_lit (out, "\\b"); break;
    case '\f': tamis_json_lit (out, "\\f"); break;
    case '\n': tamis_json_lit (out, "\\n"); break;
    case '\r': tamis_json_lit (out, "\\r"); break;
    case '\t': tamis_json_lit (out, "\\t"); break;
    default: tamis_json_append_literal (out, esc, 6); break;
    }
}

void
tamis_json_append_string (GString *out, const char *s, gssize len)
{
  const guchar *p = (const guchar *) s;
  const guchar *end = p + (len < 0 ? strlen (s) : (gsize) len);
  const guchar *run = p;

  tamis_json_lit (out, "\"");
  while (p < end)
    {
      guint n;

      /* Plain ASCII eight bytes at a time. */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if (word_needs_care (w))
            break;
          p += 8;
        }
      while (p < end && byte_class[*p] == 0)
        p++;
      if (p == end)
        break;

      switch (byte_class[*p])
        {
        case 1:
          tamis_json_append_literal (out, (const char *) run, p - run);
          append_escape (out, *p);
          run = ++p;
          break;
        case 2:
          n = tamis_utf8_sequence (p, end);
          if (G_LIKELY (n != 0) && !(n == 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)))
            {
              p += n;
              break;
            }
          tamis_json_append_literal (out, (const char *) run, p - run);
          if (n == 3)
            tamis_json_append_literal (out, p[2] == 0xa8 ? "\\u2028" : "\\u2029", 6);
          else
            tamis_json_lit (out, "\\ufffd");
          p += MAX (n, 1);
          run = p;
          break;
        default:
          tamis_json_append_literal (out, (const char *) run, p - run);
          tamis_json_lit (out, "\\ufffd");
          run = ++p;
          break;
        }
    }
  tamis_json_append_literal (out, (const char *) run, p - run);
  tamis_json_lit (out, "\"");
}

void
tamis_json_append_key (GString *out, const char *key)
{
  tamis_json_append_string (out, key, -1);
  tamis_json_lit (out, ":");
}

/* ---- raw values ---- */

static const guchar *
skip_blanks (const guchar *p, const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* Copies the JSON string at @p (its '"'); returns the byte after it, or
 * NULL when it is not a valid string. */
static const guchar *
copy_string (GString *out, const guchar *p, const guchar *end)
{
  const guchar *run = p++;

  while (p < end)
    {
      guint n;

      switch (byte_class[*p])
        {
        case 0:
          p++;
          break;
        case 1:
          if (*p == '"')
            {
              p++;
              tamis_json_append_literal (out, (const char *) run, p - run);
              return p;
            }
          if (*p < 0x20)
            {
              /* Not JSON, but json-glib writes some (0x1f raw) and reads
               * them: escaped, so that the value stays. */
              tamis_json_append_literal (out, (const char *) run, p - run);
              append_escape (out, *p);
              run = ++p;
              break;
            }
          if (end - p < 2)
            return NULL;
          if (p[1] == 'u')
            {
              if (end - p < 6 || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3])
                  || !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5]))
                return NULL;
              p += 6;
            }
          else if (strchr ("\"\\/bfnrt", p[1]) != NULL && p[1] != '\0')
            p += 2;
          else
            return NULL;
          break;
        case 2:
          n = tamis_utf8_sequence (p, end);
          if (n == 0)
            return NULL;
          if (n == 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            {
              tamis_json_append_literal (out, (const char *) run, p - run);
              tamis_json_append_literal (out, p[2] == 0xa8 ? "\\u2028" : "\\u2029", 6);
              run = p + 3;
            }
          p += n;
          break;
        default:
          return NULL;
        }
    }
  return NULL;
}

static const guchar *
skip_digits (const guchar *p, const guchar *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* Copies the JSON number at @p; returns the byte after it, or NULL. */
static const guchar *
copy_number (GString *out, const guchar *p, const guchar *end)
{
  const guchar *start = p, *q;
  gboolean fraction = FALSE, exponent = FALSE;
  guint significant = 0;
  gboolean leading = TRUE;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    p = skip_digits (p, end);
  if (p < end && *p == '.')
    {
      q = skip_digits (p + 1, end);
      if (q == p + 1)
        return NULL;
      fraction = TRUE;
      p = q;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      q = skip_digits (p, end);
      if (q == p)
        return NULL;
      exponent = TRUE;
      p = q;
    }

  if (fraction || exponent)
    for (q = start; q < p && *q != 'e' && *q != 'E'; q++)
      if (g_ascii_isdigit (*q) && (*q != '0' || !leading))
        {
          leading = FALSE;
          significant++;
        }
  if (significant >= 16 && p - start < 64)
    {
      /* json-glib's "%.17g" noise: the shortest form, if shorter. */
      char number[64];
      gsize mark = out->len;
      double d;

      memcpy (number, start, p - start);
      number[p - start] = '\0';
      d = g_ascii_strtod (number, NULL);
      if (isfinite (d))
        {
          tamis_json_append_double (out, d);
          if (out->len - mark < (gsize) (p - start))
            goto done;
          g_string_truncate (out, mark);
        }
    }
  tamis_json_append_literal (out, (const char *) start, p - start);

done:
  /* json-glib 1.6 writes 1e+20 as the invalid 1e+20.0 */
  if (exponent && !fraction && end - p >= 2 && p[0] == '.' && p[1] == '0'
      && (end - p == 2 || !g_ascii_isdigit (p[2])))
    p += 2;
  return p;
}

typedef enum { WANT_VALUE, WANT_KEY, AFTER_VALUE } RawState;

gboolean
tamis_json_append_raw (GString *out, const char *json, gsize len)
{
  const guchar *p = (const guchar *) json, *end = p + len;
  gsize mark = out->len;
  RawState state = WANT_VALUE;
  /* The open arrays and objects, innermost last: '[' or '{'. */
  GByteArray *stack = NULL;
  guint8 small[64] = { 0 };
  gsize depth = 0;
  gboolean ok = FALSE;

  for (;;)
    {
      guint8 top;

      p = skip_blanks (p, end);
      if (state == WANT_KEY)
        {
          if (p >= end || *p != '"' || (p = copy_string (out, p, end)) == NULL)
            break;
          p = skip_blanks (p, end);
          if (p >= end || *p != ':')
            break;
          tamis_json_lit (out, ":");
          p++;
          state = WANT_VALUE;
          continue;
        }
      if (state == AFTER_VALUE)
        {
          if (depth == 0)
            {
              ok = p == end;
              break;
            }
          top = depth <= sizeof small ? small[depth - 1] : stack->data[depth - 1 - sizeof small];
          if (p < end && *p == ',')
            {
              tamis_json_lit (out, ",");
              p++;
              state = top == '{' ? WANT_KEY : WANT_VALUE;
              continue;
            }
          if (p < end && *p == (top == '{' ? '}' : ']'))
            {
              tamis_json_append_literal (out, (const char *) p, 1);
              p++;
              depth--;
              if (depth >= sizeof small)
                g_byte_array_set_size (stack, depth - sizeof small);
              continue;
            }
          break;
        }

      /* WANT_VALUE */
      if (p >= end)
        break;
      if (*p == '{' || *p == '[')
        {
          guchar open = *p, close = open == '{' ? '}' : ']';

          tamis_json_append_literal (out, (const char *) p, 1);
          p = skip_blanks (p + 1, end);
          if (p < end && *p == close)
            {
              tamis_json_append_literal (out, (const char *) p, 1);
              p++;
              state = AFTER_VALUE;
              continue;
            }
          if (depth < sizeof small)
            small[depth] = open;
          else
            {
              if (stack == NULL)
                stack = g_byte_array_new ();
              g_byte_array_append (stack, &open, 1);
            }
          depth++;
          state = open == '{' ? WANT_KEY : WANT_VALUE;
          continue;
        }
      if (*p == '"')
        p = copy_string (out, p, end);
      else if (*p == '-' || g_ascii_isdigit (*p))
        p = copy_number (out, p, end);
      else
        {
          static const char *const words[] = { "true", "false", "null" };
          const char *word = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (words); i++)
            if ((gsize) (end - p) >= strlen (words[i]) && memcmp (p, words[i], strlen (words[i])) == 0)
              word = words[i];
          if (word == NULL)
            break;
          tamis_json_append_literal (out, word, strlen (word));
          p += strlen (word);
        }
      if (p == NULL)
        break;
      state = AFTER_VALUE;
    }

  if (stack != NULL)
    g_byte_array_unref (stack);
  if (!ok)
    g_string_truncate (out, mark);
  return ok;
}

/* ---- pretty ---- */

static void
newline (GString *out, guint level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    tamis_json_lit (out, "  ");
}

void
tamis_json_append_pretty (GString *out, const char *json, gsize len, guint depth)
{
  const char *p = json, *end = json + len;
  guint level = depth;

  while (p < end)
    {
      const char *run = p;

      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          p = MIN (p + 1, end);
          g_string_append_len (out, run, p - run);
          break;
        case '{':
        case '[':
          g_string_append_c (out, *p);
          if (p + 1 < end && p[1] == (*p == '{' ? '}' : ']'))
            {
              g_string_append_c (out, p[1]);
              p += 2;
              break;
            }
          newline (out, ++level);
          p++;
          break;
        case '}':
        case ']':
          newline (out, level > 0 ? --level : 0);
          g_string_append_c (out, *p++);
          break;
        case ',':
          g_string_append_c (out, ',');
          newline (out, level);
          p++;
          break;
        case ':':
          tamis_json_lit (out, ": ");
          p++;
          break;
        default:
          while (p < end && *p != '"' && *p != '{' && *p != '[' && *p != '}' && *p != ']'
                 && *p != ',' && *p != ':')
            p++;
          g_string_append_len (out, run, p - run);
          break;
        }
    }
}
