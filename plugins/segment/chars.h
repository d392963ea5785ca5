/* segment — byte classes for ASCII and the few code points that matter. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Flags of seg_ascii[]: one table lookup classifies an ASCII byte. */
enum {
  SEG_F_SPACE = 1 << 0, /* space and tab: skipped */
  SEG_F_BREAK = 1 << 1, /* \n \r \v \f: whitespace that may end a line */
  SEG_F_UPPER = 1 << 2,
  SEG_F_LOWER = 1 << 3,
  SEG_F_DIGIT = 1 << 4,
  SEG_F_SYMBOL = 1 << 5, /* ASCII symbols ($ % + …); other ASCII marks are punct */
  SEG_F_HIGH = 1 << 6,   /* a byte of a multi-byte UTF-8 sequence */
};

#define SEG_F_ALPHA (SEG_F_UPPER | SEG_F_LOWER)
#define SEG_F_ALNUM (SEG_F_UPPER | SEG_F_LOWER | SEG_F_DIGIT)
#define SEG_F_WS (SEG_F_SPACE | SEG_F_BREAK)

extern const guint8 seg_ascii[256];

/* What a non-ASCII code point is to the scanner. */
typedef enum {
  SEG_U_LETTER,   /* starts and continues words */
  SEG_U_MARK,     /* continues words (combining marks, ², soft hyphen, joiners) */
  SEG_U_DIGIT,
  SEG_U_SPACE,    /* no-break spaces, thin spaces, zero-width space, BOM */
  SEG_U_NEWLINE,  /* U+0085, U+2028 */
  SEG_U_PARA,     /* U+2029: a paragraph break by itself */
  SEG_U_APOS,     /* ’ ʼ: apostrophe, or closing single quote */
  SEG_U_HYPHEN,   /* ‐ ‑: joins words like '-' */
  SEG_U_DASH,     /* – — ‒ ― */
  SEG_U_ELLIPSIS, /* … */
  SEG_U_OPEN,     /* « “ ‘ „ ‚ ‹ */
  SEG_U_CLOSE,    /* » ” › */
  SEG_U_PUNCT,
  SEG_U_SYMBOL,
  SEG_U_CURRENCY,
} SegUClass;

SegUClass seg_uclass_slow (gunichar u);

/* Latin-1 and Latin Extended-A/B letters (all of French) skip GLib. */
static inline SegUClass
seg_uclass (gunichar u)
{
  if (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7)
    return SEG_U_LETTER;
  return seg_uclass_slow (u);
}

/* Decodes the code point at @p, which starts a sequence of valid UTF-8 (the
 * document guarantees it); a stray byte decodes as itself, length 1. */
static inline gunichar
seg_decode (const guchar *p, guint *len)
{
  guchar c = p[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c >= 0xC2 && c < 0xE0) {
    *len = 2;
    return ((gunichar) (c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c >= 0xE0 && c < 0xF0) {
    *len = 3;
    return ((gunichar) (c & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  if (c >= 0xF0 && c < 0xF5) {
    *len = 4;
    return ((gunichar) (c & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12) |
           ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

static inline gboolean
seg_uni_is_upper (gunichar u)
{
  return g_unichar_isupper (u) || g_unichar_istitle (u);
}

G_END_DECLS
