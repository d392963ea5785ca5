/* langid — blanking the parts of a text that say nothing of its language.
 *
 * Tokens (runs of bytes between ASCII spaces) are judged whole; only ASCII
 * is looked at, so a token in any other script is never blanked for its
 * letters. */
#include "langid-clean.h"

#include <string.h>

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A base64 run, a hash or a key: long, ASCII letters, digits and + / =
 * only, with capitals inside it as well as small letters (a German
 * compound or an all-capital word has not). */
static gboolean
looks_encoded (const guchar *t, gsize n)
{
  if (n < 16)
    return FALSE;
  guint inner_upper = 0, lower = 0;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = t[i];
      if (c >= 'a' && c <= 'z')
        lower++;
      else if (c >= 'A' && c <= 'Z')
        inner_upper += i > 0;
      else if (!(c >= '0' && c <= '9') && c != '+' && c != '/' && c != '=')
        return FALSE;
    }
  return lower > 0 && inner_upper >= 2;
}

static gboolean
is_noise (const guchar *t, gsize n)
{
  /* leading quotes and brackets do not hide a hashtag or a URL */
  while (n > 1 && (*t == '(' || *t == '[' || *t == '"' || *t == '\'' || *t == '<'))
    t++, n--;
  if (n >= 2 && (t[0] == '#' || t[0] == '@' || t[0] == '$') && t[1] >= 0x41)
    return TRUE;                          /* #tag, @user, $TICKER (not "$ 10") */
  if (n >= 4 && g_ascii_strncasecmp ((const char *) t, "www.", 4) == 0)
    return TRUE;

  gboolean digit = FALSE, letter = FALSE, ascii = TRUE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = t[i];
      if (c >= '0' && c <= '9')
        digit = TRUE;
      else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        letter = TRUE;
      else if (c >= 0x80)
        ascii = FALSE;                    /* another script: "2024年" is no noise */
      else if (c == '_' && i > 0 && i + 1 < n)
        return TRUE;                      /* snake_case */
      else if (c == '@' && i > 0 && i + 1 < n)
        return TRUE;                      /* e-mail */
      else if (c == ':' && i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/')
        return TRUE;                      /* scheme:// */
      else if (c == '/' && i > 0 && i + 1 < n && t[i + 1] != '/' && t[i - 1] != ' ')
        {
          /* a path or a domain's page, not "and/or" between two words */
          if (memchr (t, '.', n) || (i + 1 < n && memchr (t + i + 1, '/', n - i - 1)))
            return TRUE;
        }
      else if (c == '.' && i > 0 && i + 2 < n && t[i + 1] >= 'a' && t[i + 1] <= 'z'
               && (t[i - 1] | 0x20) >= 'a' && (t[i - 1] | 0x20) <= 'z'
               && t[i + 2] >= 'a' && t[i + 2] <= 'z')
        return TRUE;                      /* example.com, t.co (not "U.S." nor "fin.Le") */
    }
  if (digit && letter && ascii)
    return TRUE;                          /* 10k, USD3.14, 3G, A320 */
  return ascii && looks_encoded (t, n);
}

/* Bytes that may make a token noise; a token of letters and ordinary
 * punctuation only, shorter than an encoded run, needs no closer look. */
const guint8 langid_suspect[256] = {
  ['#'] = 1, ['@'] = 1, ['$'] = 1, ['/'] = 1, [':'] = 1, ['.'] = 4, ['_'] = 1,
  ['='] = 1, ['+'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
  ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  [' '] = 2, ['\t'] = 2, ['\n'] = 2, ['\r'] = 2, ['\f'] = 2, ['\v'] = 2,
};

/* is_noise() of a token without a suspect byte: only an encoded run can
 * be noise (a long word of another script is not: its first byte says so). */
static inline gboolean
encoded_word (const guchar *t, gsize n)
{
  while (n > 1 && (*t == '(' || *t == '[' || *t == '"' || *t == '\'' || *t == '<'))
    t++, n--;
  return looks_encoded (t, n);
}

/* A word whose only suspect bytes are full stops at its end ("end.",
 * "etc..") is no noise: most sentences end with one, and is_noise() would
 * read the whole word to say so. */
static inline gboolean
plain_word (const guchar *t, gsize n, guint8 any)
{
  if (any != 4 || n >= 16)
    return FALSE;
  gsize d = 0;
  while (d < n && t[d] != '.')
    d++;
  if (d + 2 < n)
    return FALSE;                         /* a dot inside: "example.com" */
  return !(d >= 3 && g_ascii_strncasecmp ((const char *) t + d - 3, "www.", 4) == 0);
}

gboolean
langid_noise_token (const guchar *t, gsize n, guint8 any)
{
  if (!any)
    return n >= 16 && encoded_word (t, n);
  return !plain_word (t, n, any) && is_noise (t, n);
}

gsize
langid_clean (const char *text, gsize len, char *out)
{
  const guchar *s = (const guchar *) text;
  gsize blanked = 0, i = 0;
  memcpy (out, text, len);
  while (i < len)
    {
      if (langid_suspect[s[i]] == LANGID_SUSPECT_SPACE)
        {
          i++;
          continue;
        }
      gsize start = i;
      guint8 any = 0;
      while (i < len && langid_suspect[s[i]] != LANGID_SUSPECT_SPACE)
        any |= langid_suspect[s[i++]];
      if ((any || i - start >= 16) && langid_noise_token (s + start, i - start, any))
        {
          memset (out + start, ' ', i - start);
          blanked += i - start;
        }
    }
  return blanked;
}

/* What langid_name_share() needs of a code point below 0x800 (one or two
 * UTF-8 bytes), from a table built once: GLib's lookups per character
 * cost more than the rest of the loop. */
enum { CH_ALPHA = 1, CH_UPPER = 2, CH_STOP = 4 };
static guint8 char_class[0x800];

static gpointer
build_char_class (gpointer data)
{
  for (gunichar c = 0; c < 0x800; c++)
    {
      gboolean alpha = c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
      gboolean upper = alpha && (c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c));
      char_class[c] = (alpha ? CH_ALPHA : 0) | (upper ? CH_UPPER : 0)
                      | (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' ? CH_STOP : 0);
    }
  return NULL;
}

/* The class of the character at *@pp, which it steps over. */
static inline guint8
next_class (const guchar **pp, const guchar *end)
{
  const guchar *p = *pp;
  guint c = *p;
  if (c < 0x80)
    {
      *pp = p + 1;
      return char_class[c];
    }
  if (c < 0xe0 && p + 1 < end)
    {
      /* two bytes: the scripts with capitals (Latin, Greek, Cyrillic …) */
      *pp = p + 2;
      return char_class[((c & 0x1f) << 6) | (p[1] & 0x3f)] & (CH_ALPHA | CH_UPPER);
    }
  /* three or four bytes: scripts without capitals, mostly; any of their
   * characters continues a word */
  *pp = p + (c < 0xf0 ? 3 : 4);
  return CH_ALPHA;
}

double
langid_name_share (const char *text, gsize len, guint *n_words)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, build_char_class, NULL);

  guint words = 0;
  const guchar *p = (const guchar *) text, *end = p + len;
  guint letters = 0, named = 0;
  gboolean sentence_start = TRUE;
  while (p < end)
    {
      guint8 k = next_class (&p, end);
      if (!(k & CH_ALPHA))
        {
          sentence_start |= (k & CH_STOP) != 0;
          continue;
        }
      /* a word: its letters count as names when it is capitalised
       * inside a sentence */
      gboolean capital = (k & CH_UPPER) && !sentence_start;
      guint n = 1;
      sentence_start = FALSE;
      words++;
      while (p < end)
        {
          k = next_class (&p, end);
          if (!(k & CH_ALPHA))
            {
              sentence_start |= (k & CH_STOP) != 0;
              break;
            }
          n++;
        }
      letters += n;
      named += capital ? n : 0;
    }
  *n_words = words;
  return letters ? (double) named / letters : 0;
}
