/* money — a small tokeniser of its own: words, digit runs, currency signs
 * and punctuation, with the blanks between them. The plugin needs no other
 * stage, and one pass over the bytes is cheaper than reading a token layer. */
#include "money-private.h"

#include <string.h>

typedef enum {
  CLASS_BLANK,
  CLASS_NEWLINE,
  CLASS_DIGIT,
  CLASS_LETTER,
  CLASS_APOSTROPHE,
  CLASS_SYMBOL,
  CLASS_DASH,
  CLASS_PUNCT,
} CharClass;

static const guint8 ascii_class[128] = {
#define B CLASS_BLANK
#define N CLASS_NEWLINE
#define D CLASS_DIGIT
#define L CLASS_LETTER
#define P CLASS_PUNCT
  P, P, P, P, P, P, P, P, P, B, N, B, B, B, P, P,
  P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
  B, P, P, P, CLASS_SYMBOL, P, P, CLASS_APOSTROPHE, P, P, P, P, P, CLASS_DASH, P, P,
  D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
  P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
  P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
#undef B
#undef N
#undef D
#undef L
#undef P
};

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    return ascii_class[c];
  switch (c)
    {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
      return CLASS_BLANK;
    case 0x2028: case 0x2029: case 0x0085:
      return CLASS_NEWLINE;
    case 0x2019: case 0x02BC:
      return CLASS_APOSTROPHE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE63: case 0xFF0D:
      return CLASS_DASH;
    default:
      break;
    }
  if (c >= 0x2000 && c <= 0x200A)
    return CLASS_BLANK;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CURRENCY_SYMBOL:
      return CLASS_SYMBOL;
    case G_UNICODE_LOWERCASE_LETTER: case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER: case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER: case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK: case G_UNICODE_ENCLOSING_MARK:
      return CLASS_LETTER;
    default:
      return CLASS_PUNCT;
    }
}

static inline gunichar
next_char (const char *text, gsize len, gsize i, gsize *width)
{
  guchar b = (guchar) text[i];

  if (b < 0x80)
    {
      *width = 1;
      return b;
    }
  gunichar c = g_utf8_get_char_validated (text + i, len - i);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *width = 1;
      return 0xFFFD;
    }
  *width = g_utf8_skip[b];
  return c;
}

static inline gboolean
is_ascii_letter (char c)
{
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* "U.S.", "l.e.": single letters joined by points make one word */
static gsize
abbreviation_end (const char *text, gsize len, gsize i)
{
  gsize end = i;

  while (end + 1 < len && text[end] == '.' && is_ascii_letter (text[end + 1])
         && (end + 2 >= len || !is_ascii_letter (text[end + 2])))
    end += 2;
  if (end > i && end < len && text[end] == '.')
    end++;
  return end;
}

guint
money_tokenize (const char *text, gsize len, gsize *pos, MoneyTok *toks, guint max)
{
  gsize i = *pos;
  guint n = 0;
  guint blanks = 0, newlines = 0;

  if (i == 0)
    newlines = 2;   /* the text starts a paragraph */
  while (i < len && n < max)
    {
      gsize w;
      gunichar c = next_char (text, len, i, &w);
      CharClass cls = classify (c);
      MoneyTok *t;

      if (cls == CLASS_BLANK)
        {
          blanks++;
          i += w;
          continue;
        }
      if (cls == CLASS_NEWLINE)
        {
          newlines++;
          i += w;
          continue;
        }

      t = &toks[n++];
      t->start = i;
      t->lex = NULL;
      t->flags = 0;
      t->ch = 0;
      t->gap = newlines >= 2 ? MONEY_GAP_PARA : newlines == 1 ? MONEY_GAP_LINE
               : blanks > 0 ? MONEY_GAP_SPACE : MONEY_GAP_NONE;
      if (blanks == 1 && newlines == 0)
        t->flags |= MONEY_TOK_ONE_SPACE;
      blanks = newlines = 0;

      switch (cls)
        {
        case CLASS_DIGIT:
          t->kind = MONEY_TOK_NUM;
          do
            i++;
          while (i < len && text[i] >= '0' && text[i] <= '9');
          break;

        case CLASS_LETTER:
          {
            gboolean upper = FALSE, lower = FALSE;
            guint letters = 0;

            t->kind = MONEY_TOK_WORD;
            for (;;)
              {
                if (c < 0x80)
                  {
                    if (c >= 'a')
                      lower = TRUE;
                    else
                      upper = TRUE;
                  }
                else if (g_unichar_isupper (c))
                  upper = TRUE;
                else if (g_unichar_islower (c))
                  lower = TRUE;
                letters++;
                i += w;
                if (i >= len)
                  break;
                c = next_char (text, len, i, &w);
                cls = classify (c);
                if (cls == CLASS_APOSTROPHE)
                  {
                    /* elision: "d'euros" is "d'" then "euros"; "d'" alone
                     * at the end is how the lexicon spells it */
                    gsize w2;
                    if (i + w >= len
                        || classify (next_char (text, len, i + w, &w2)) == CLASS_LETTER)
                      i += w;
                    break;
                  }
                if (cls != CLASS_LETTER)
                  break;
              }
            if (letters == 1 && i - t->start == 1)
              i = abbreviation_end (text, len, i);
            if (upper && !lower)
              t->flags |= MONEY_TOK_UPPER;
            if (lower && !upper)
              t->flags |= MONEY_TOK_LOWER;
          }
          break;

        case CLASS_SYMBOL:
          t->kind = MONEY_TOK_SYM;
          i += w;
          break;

        case CLASS_DASH:
          t->kind = MONEY_TOK_PUNCT;
          t->ch = '-';
          i += w;
          break;

        case CLASS_APOSTROPHE:
          t->kind = MONEY_TOK_PUNCT;
          t->ch = '\'';
          i += w;
          break;

        default:
          t->kind = MONEY_TOK_PUNCT;
          t->ch = c < 0x80 ? (guint8) c : 0;
          i += w;
          break;
        }
      t->end = i;
    }
  *pos = i;
  return n;
}

/* base letters of U+00C0..U+017F, 0 where folding keeps the letter */
static const char latin_base[] =
  "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0"
  "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y"
  "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkk"
  "llllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

int
money_fold (const char *s, gsize len, char *out, gsize size)
{
  gsize i = 0, w = 0;

  while (i < len)
    {
      guchar b = (guchar) s[i];
      if (b < 0x80)
        {
          if (w + 1 >= size)
            return -1;
          out[w++] = (b >= 'A' && b <= 'Z') ? b + 32 : b;
          i++;
          continue;
        }
      gsize width;
      gunichar c = next_char (s, len, i, &width);
      i += width;
      if (c == 0x2019 || c == 0x02BC)
        c = '\'';
      if (c >= 0xC0 && c <= 0x17F)
        {
          char base = latin_base[c - 0xC0];
          const char *pair = NULL;
          if (c == 0xC6 || c == 0xE6)
            pair = "ae";
          else if (c == 0x152 || c == 0x153)
            pair = "oe";
          if (pair)
            {
              if (w + 2 >= size)
                return -1;
              out[w++] = pair[0];
              out[w++] = pair[1];
              continue;
            }
          if (base)
            {
              if (w + 1 >= size)
                return -1;
              out[w++] = base;
              continue;
            }
        }
      if (c < 0x80)
        {
          if (w + 1 >= size)
            return -1;
          out[w++] = (char) c;
          continue;
        }
      if (w + 6 >= size)
        return -1;
      w += g_unichar_to_utf8 (g_unichar_tolower (c), out + w);
    }
  out[w] = '\0';
  return (int) w;
}
