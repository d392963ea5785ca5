/* relations — tokens and folding.
 *
 * The cue lists are matched on folded words (`Dépensé` and `depense`
 * alike) with prefixes for the inflections of verbs, which the core's
 * lexicon matcher does not do; so the few sentences that hold an amount
 * are cut into words here. */
#include <string.h>

#include "rel-text.h"

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
rel_fold (const char *s, gssize len)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  gboolean ascii = TRUE;

  /* most words are ASCII: lower-cased without normalising */
  for (gsize i = 0; i < n && ascii; i++)
    ascii = (guchar) s[i] < 0x80;
  if (ascii)
    return g_ascii_strdown (s, n);
  nfd = g_utf8_normalize (s, n, G_NORMALIZE_NFD);

  if (nfd == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_ismark (c))
        continue;
      if (is_apostrophe (c))
        c = '\'';
      else if (is_hyphen (c))
        c = '-';
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* French elisions: the word before the apostrophe is a token of its own,
 * apostrophe included. */
static gboolean
is_elision (const char *word, gsize len)
{
  static const char *const elisions[] = { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
                                          "lorsqu", "puisqu", "quoiqu" };
  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    if (strlen (elisions[i]) == len && g_ascii_strncasecmp (word, elisions[i], len) == 0)
      return TRUE;
  return FALSE;
}

static void
push (GArray *toks, const char *text, guint32 start, guint32 end, gboolean word)
{
  RelTok t = { start, end, rel_fold (text + start, end - start), word ? 1 : 0, 0 };

  t.upper = word && g_unichar_isupper (g_utf8_get_char (text + start));
  g_array_append_val (toks, t);
}

void
rel_tokenize (const char *text, guint32 start, guint32 end, GArray *toks)
{
  const char *p = text + start, *stop = text + end;

  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);
      const char *w;

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (!is_word_char (c))
        {
          const char *q = g_utf8_next_char (p);
          /* English possessive */
          if (is_apostrophe (c) && q < stop && (*q == 's' || *q == 'S') &&
              (q + 1 >= stop || !is_word_char (g_utf8_get_char (q + 1))) && toks->len > 0 &&
              g_array_index (toks, RelTok, toks->len - 1).end == (guint32) (p - text))
            {
              push (toks, text, p - text, q + 1 - text, TRUE);
              p = q + 1;
              continue;
            }
          push (toks, text, p - text, q - text, FALSE);
          p = q;
          continue;
        }
      w = p;
      while (p < stop)
        {
          gunichar d = g_utf8_get_char (p);
          const char *q = g_utf8_next_char (p);
          if (is_word_char (d))
            {
              p = q;
              continue;
            }
          /* an elision keeps its apostrophe, also at the end of a cue
           * list's term (`d'`) */
          if (is_apostrophe (d) && is_elision (w, p - w) &&
              (q >= stop || !g_unichar_isspace (g_utf8_get_char (q))))
            {
              p = q;
              break;
            }
          if (q < stop && is_word_char (g_utf8_get_char (q)))
            {
              gunichar prev = g_utf8_get_char (g_utf8_prev_char (p));
              if (is_hyphen (d))
                {
                  p = q;
                  continue;
                }
              if ((d == '.' || d == ',') && g_unichar_isdigit (prev) && g_unichar_isdigit (g_utf8_get_char (q)))
                {
                  p = q;
                  continue;
                }
            }
          break;
        }
      push (toks, text, w - text, p - text, TRUE);
    }
}

void
rel_tokens_clear (GArray *toks)
{
  for (guint i = 0; i < toks->len; i++)
    g_free (g_array_index (toks, RelTok, i).fold);
  g_array_set_size (toks, 0);
}
