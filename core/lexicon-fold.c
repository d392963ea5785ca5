/* tamis — character classes, folding and the tokenizer of the lexicon
 * matcher. Terms and text go through the same code, so that whatever a
 * term folds to, the same words of a text fold to it too. */
#include "config.h"

#include <string.h>

#include "lexicon-fold.h"

static void
put_char (TamisLexChar *out, gunichar c)
{
  char tmp[6];
  int n = g_unichar_to_utf8 (c, tmp);

  if (out->len + n > (int) sizeof out->s)
    return; /* never for the characters folded here; keep it safe anyway */
  memcpy (out->s + out->len, tmp, n);
  out->len += n;
}

static TamisLexClass
classify (gunichar c)
{
  switch (c)
    {
    case '\'': case 0x2019: case 0x02BC: case 0x2018:
      return TAMIS_LEX_APOS;
    case '-': case '&': case 0x2010: case 0x2011:
      return TAMIS_LEX_JOIN;
    case '.': case ',':
      return TAMIS_LEX_NUMSEP;
    case 0x00AD: case 0x200C: case 0x200D: case 0x2060:
      return TAMIS_LEX_SKIP;
    case 0x200B: case 0xFEFF:
      return TAMIS_LEX_SPACE;
    default:
      break;
    }
  if (g_unichar_isspace (c))
    return TAMIS_LEX_SPACE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_SURROGATE:
      return TAMIS_LEX_SPACE;
    case G_UNICODE_DECIMAL_NUMBER:
      return TAMIS_LEX_DIGIT;
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TAMIS_LEX_LETTER;
    default:
      return TAMIS_LEX_PUNCT;
    }
}

static void
fold_letter (TamisLexiconFlags flags, gunichar c, TamisLexChar *out)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = 1;

  parts[0] = c;
  if (flags & TAMIS_LEXICON_FOLD_ACCENTS)
    n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    {
      gunichar u = parts[i];

      /* Only marks that combine: spacing vowel signs of Indic scripts are
       * letters in their own right. */
      if ((flags & TAMIS_LEXICON_FOLD_ACCENTS) && g_unichar_combining_class (u) != 0)
        continue;
      if (flags & TAMIS_LEXICON_FOLD_CASE)
        {
          u = g_unichar_tolower (u);
          if (u == 0x00DF || u == 0x1E9E)
            {
              put_char (out, 's');
              u = 's';
            }
          else if (u == 0x03C2)
            u = 0x03C3;
        }
      put_char (out, u);
    }
}

/* The class and folded form of one character, computed with GLib. */
static void
fold_slow (TamisLexiconFlags flags, gunichar c, TamisLexChar *out)
{
  out->cls = classify (c);
  out->len = 0;
  switch (out->cls)
    {
    case TAMIS_LEX_APOS:
      put_char (out, '\'');
      break;
    case TAMIS_LEX_JOIN:
      put_char (out, c == '&' ? '&' : '-');
      break;
    case TAMIS_LEX_SPACE:
    case TAMIS_LEX_SKIP:
      break;
    case TAMIS_LEX_LETTER:
      fold_letter (flags, c, out);
      break;
    case TAMIS_LEX_DIGIT:
    case TAMIS_LEX_NUMSEP:
    case TAMIS_LEX_PUNCT:
    default:
      put_char (out, c);
      break;
    }
}

void
tamis_lex_folder_init (TamisLexFolder *folder, TamisLexiconFlags flags)
{
  folder->flags = flags;
  for (gunichar c = 0; c < TAMIS_LEX_LOW_END; c++)
    fold_slow (flags, c, &folder->low[c]);
  for (gunichar c = TAMIS_LEX_PUNCT_START; c < TAMIS_LEX_PUNCT_END; c++)
    fold_slow (flags, c, &folder->punct[c - TAMIS_LEX_PUNCT_START]);
}

/* Decodes the character at p (never past end) and returns its class and
 * folded form, from the tables when they have it, else in *tmp. A byte that
 * does not start valid UTF-8 is a punctuation token of one byte. */
static inline const TamisLexChar *
lex_char (const TamisLexFolder *folder, const guchar *p, const guchar *end,
          guint *n, TamisLexChar *tmp)
{
  guint b = p[0];
  gunichar c;

  if (b < 0x80)
    {
      *n = 1;
      return &folder->low[b];
    }
  if (b >= 0xC2 && b < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80)
    {
      c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
      *n = 2;
    }
  else if (b >= 0xE0 && b < 0xF0 && end - p >= 3 && (p[1] & 0xC0) == 0x80
           && (p[2] & 0xC0) == 0x80)
    {
      c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      *n = 3;
    }
  else if (b >= 0xF0 && b < 0xF5 && end - p >= 4 && (p[1] & 0xC0) == 0x80
           && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
    {
      c = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      *n = 4;
    }
  else
    {
      *n = 1;
      tmp->cls = TAMIS_LEX_PUNCT;
      tmp->len = 1;
      tmp->s[0] = (char) b;
      return tmp;
    }
  if (c < TAMIS_LEX_LOW_END)
    return &folder->low[c];
  if (c >= TAMIS_LEX_PUNCT_START && c < TAMIS_LEX_PUNCT_END)
    return &folder->punct[c - TAMIS_LEX_PUNCT_START];
  fold_slow (folder->flags, c, tmp);
  return tmp;
}

#define IS_WORD(cls) ((cls) == TAMIS_LEX_LETTER || (cls) == TAMIS_LEX_DIGIT)

gboolean
tamis_lex_scan (const TamisLexFolder *folder, const char *text, gsize length,
                gsize *pos, TamisLexToken *token, char *buf, gsize cap)
{
  const guchar *base = (const guchar *) text, *p = base + *pos, *end = base + length;
  const TamisLexChar *lc;
  TamisLexChar tmp, tmp2;
  guint32 h = TAMIS_LEX_HASH_INIT;
  gsize len = 0;
  gboolean last_digit = FALSE;
  guint n;

#define APPEND(lchar)                                  \
  G_STMT_START {                                       \
    for (guint i_ = 0; i_ < (lchar)->len; i_++)        \
      {                                                \
        if (len < cap)                                 \
          buf[len] = (lchar)->s[i_];                   \
        len++;                                         \
        h = TAMIS_LEX_HASH_STEP (h, (lchar)->s[i_]);   \
      }                                                \
  } G_STMT_END

  for (;;)
    {
      if (p >= end)
        {
          *pos = length;
          return FALSE;
        }
      lc = lex_char (folder, p, end, &n, &tmp);
      if (lc->cls > TAMIS_LEX_SKIP)
        break;
      p += n;
    }
  token->start = p - base;
  token->apos_first = G_MAXUINT32;
  if (!IS_WORD (lc->cls))
    {
      APPEND (lc);
      p += n;
      goto done;
    }
  for (;;)
    {
      /* lc is a letter, a digit or an invisible character of the word */
      APPEND (lc);
      if (lc->cls != TAMIS_LEX_SKIP)
        last_digit = lc->cls == TAMIS_LEX_DIGIT;
      p += n;
      /* the common case: plain ASCII letters and digits */
      while (p < end && *p < 0x80 && IS_WORD (folder->low[*p].cls))
        {
          guint8 b = (guint8) folder->low[*p].s[0];
          if (len < cap)
            buf[len] = b;
          len++;
          h = TAMIS_LEX_HASH_STEP (h, b);
          last_digit = folder->low[*p].cls == TAMIS_LEX_DIGIT;
          p++;
        }
      if (p >= end)
        break;
      lc = lex_char (folder, p, end, &n, &tmp);
      if (IS_WORD (lc->cls) || lc->cls == TAMIS_LEX_SKIP)
        continue;
      if (lc->cls == TAMIS_LEX_APOS || lc->cls == TAMIS_LEX_JOIN
          || (lc->cls == TAMIS_LEX_NUMSEP && last_digit))
        {
          const guchar *q = p + n;
          const TamisLexChar *next;
          guint m;

          /* a joiner belongs to the word only between two word characters */
          if (q >= end)
            break;
          next = lex_char (folder, q, end, &m, &tmp2);
          if (lc->cls == TAMIS_LEX_NUMSEP ? next->cls != TAMIS_LEX_DIGIT : !IS_WORD (next->cls))
            break;
          if (lc->cls == TAMIS_LEX_APOS)
            {
              if (token->apos_first == G_MAXUINT32)
                {
                  token->apos_first = len;
                  token->apos_first_end = q - base;
                }
              token->apos_last = len;
              token->apos_last_text = p - base;
            }
          APPEND (lc);
          p = q;
          tmp = *next;
          lc = &tmp;
          n = m;
          continue;
        }
      break;
    }
#undef APPEND
done:
  token->end = p - base;
  token->len = len;
  token->hash = h;
  *pos = token->end;
  return TRUE;
}
