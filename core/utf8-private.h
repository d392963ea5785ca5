/* tamis — the one rule for a UTF-8 sequence, shared by the check of
 * document text and by the JSON writer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The length of the valid UTF-8 sequence starting at @p (before @end), or
 * 0 when there is none: a lead byte C2..F4 and the continuation bytes RFC
 * 3629 allows after it — no overlong form (C0, C1, E0 80..9F, F0 80..8F),
 * no surrogate (ED A0..BF), nothing past U+10FFFF (F4 90.., F5..). */
static inline guint
tamis_utf8_sequence (const guchar *p, const guchar *end)
{
  guchar c = p[0];
  gsize left = end - p;

  if (c < 0xc2 || c > 0xf4)
    return 0;
  if (c < 0xe0)
    return left >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
  if (c < 0xf0)
    {
      guchar lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;

      return left >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 ? 3 : 0;
    }
  else
    {
      guchar lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;

      return left >= 4 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80
             ? 4 : 0;
    }
}

G_END_DECLS
