/* tamis — a streaming JSON emitter: values appended straight to a GString,
 * with no tree in between. The record writers (writer.c) build their JSON
 * with it; callers write the punctuation between values themselves. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Appends @s (@len bytes, or up to its NUL when @len is negative) as a JSON
 * string: '"' and '\' escaped, control characters as \b \f \n \r \t or
 * \u00XX, U+2028 and U+2029 as \u2028 and \u2029 (JavaScript reads them
 * as line ends), other UTF-8 as it is. A byte that is not part of valid
 * UTF-8 is written \ufffd, so the output is always valid JSON. */
void tamis_json_append_string (GString *out, const char *s, gssize len);

/* Appends @key as a JSON string followed by ':'. */
void tamis_json_append_key (GString *out, const char *key);

/* Appends @value in decimal. */
void tamis_json_append_int (GString *out, gint64 value);

/* Appends @value in decimal (no sign). */
void tamis_json_append_uint (GString *out, guint64 value);

/* Appends @value as tamis_string_append_double() does, or null when it is
 * not finite (JSON has no NaN nor infinity). */
void tamis_json_append_double (GString *out, double value);

/* Appends @json, which must be exactly one JSON value (blanks around it
 * allowed), without its blanks: a raw value such as a TAMIS_VALUE_JSON
 * attribute or a document's metadata stays on one line. Strings are copied
 * as they are but for raw U+2028, U+2029 and control characters (not
 * JSON, but json-glib writes and reads some), escaped; numbers are copied
 * as they are but for fractional ones of 16 or more significant digits,
 * which are written in their shortest form that reads back as the same
 * double (0.90200000000000002 becomes 0.902). json-glib 1.6's "1e+20.0"
 * form is read as 1e+20. Nesting depth is bounded by memory only: the scan
 * keeps its own stack.
 *
 * Returns: %FALSE, with nothing appended, when @json is not one valid JSON
 * value (or holds invalid UTF-8). */
gboolean tamis_json_append_raw (GString *out, const char *json, gsize len);

/* Appends @json, one compact JSON value as the functions above write it,
 * indented by two spaces a level, "key": value, empty arrays and objects
 * as [] and {}. Lines after the first get @depth more levels, so that the
 * value can sit inside an array or an object. */
void tamis_json_append_pretty (GString *out, const char *json, gsize len, guint depth);

/* Appends @n bytes of @s: for the literals between values. */
static inline void
tamis_json_append_literal (GString *out, const char *s, gsize n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

/* For a string literal: tamis_json_lit (out, ",\"end\":"). */
#define tamis_json_lit(out, s) tamis_json_append_literal ((out), "" s, sizeof (s) - 1)

/* For the hottest paths, writing through a pointer: makes room for @n more
 * bytes and returns where they go; tamis_json_commit() then takes what was
 * written up to @end. Nothing else may append in between. */
static inline char *
tamis_json_reserve (GString *out, gsize n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);
      out->len = len;
    }
  return out->str + out->len;
}

static inline void
tamis_json_commit (GString *out, char *end)
{
  out->len = end - out->str;
  *end = '\0';
}

extern const char tamis_json_digit_pairs[201];

/* Writes the last @n digits of @value ending at @end. */
static inline void
tamis_json_put_digits (char *end, guint64 value, guint n)
{
  while (n >= 2)
    {
      guint r = (guint) (value % 100);

      value /= 100;
      end -= 2;
      memcpy (end, tamis_json_digit_pairs + 2 * r, 2);
      n -= 2;
    }
  if (n == 1)
    end[-1] = (char) ('0' + value % 10);
}

/* Writes @value in decimal at @p (20 bytes at most); returns the byte after. */
static inline char *
tamis_json_put_uint (char *p, guint64 value)
{
  guint n;

  if (G_LIKELY (value < 100000))
    n = value < 100 ? (value < 10 ? 1 : 2) : value < 1000 ? 3 : value < 10000 ? 4 : 5;
  else
    {
      guint64 limit = 1000000;

      for (n = 6; n < 20 && value >= limit; n++)
        limit *= 10;
    }
  if (value <= G_MAXUINT32)
    {
      /* 32-bit arithmetic is cheaper; offsets are below 2^32 */
      guint32 v = (guint32) value;
      char *end = p + n;

      while (v >= 100)
        {
          guint32 r = v % 100;

          v /= 100;
          end -= 2;
          memcpy (end, tamis_json_digit_pairs + 2 * r, 2);
        }
      if (v >= 10)
        memcpy (end - 2, tamis_json_digit_pairs + 2 * v, 2);
      else
        end[-1] = (char) ('0' + v);
      return p + n;
    }
  tamis_json_put_digits (p + n, value, n);
  return p + n;
}

G_END_DECLS
