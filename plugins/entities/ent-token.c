/* entities — cutting text into the tokens the tagger labels. */
#include "ent-token.h"

#include <string.h>

static inline gunichar
char_at (const char *p, const char *end, int *len)
{
  guchar c = (guchar) *p;

  if (c < 0x80) {
    *len = 1;
    return c;
  }
  gunichar u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2) {
    *len = 1;
    return 0xFFFD;
  }
  *len = g_utf8_next_char (p) - p;
  return u;
}

static inline gboolean
is_word_char (gunichar u)
{
  if (u < 0x80)
    return g_ascii_isalnum (u);
  return g_unichar_isalnum (u) || g_unichar_ismark (u);
}

static inline gboolean
is_apostrophe (gunichar u)
{
  return u == '\'' || u == 0x2019 || u == 0x02BC;
}

static inline gboolean
is_hyphen (gunichar u)
{
  return u == '-' || u == 0x2010 || u == 0x2011;
}

/* French elided words, lower case, without their apostrophe. */
static gboolean
is_elision (const char *p, gsize len)
{
  static const char *const elided[] = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", NULL
  };

  if (len > 7)
    return FALSE;
  for (guint i = 0; elided[i] != NULL; i++)
    if (strlen (elided[i]) == len && g_ascii_strncasecmp (p, elided[i], len) == 0)
      return TRUE;
  return FALSE;
}

enum { CH_DIGIT = 1, CH_LETTER = 2, CH_UPPER = 4 };

/* What a character is; ASCII, most of the text, without table lookups. */
static inline guint
char_kind (gunichar u)
{
  if (u < 0x80)
    return g_ascii_isdigit (u) ? CH_DIGIT
           : g_ascii_isupper (u) ? CH_LETTER | CH_UPPER
           : g_ascii_islower (u) ? CH_LETTER : 0;
  if (g_unichar_isdigit (u))
    return CH_DIGIT;
  if (!g_unichar_isalpha (u))
    return 0;
  return CH_LETTER | ((g_unichar_isupper (u) || g_unichar_istitle (u)) ? CH_UPPER : 0);
}

static guint32
word_flags (const char *p, const char *end)
{
  guint32 flags = ENT_TOK_WORD;
  gboolean first = TRUE, lower = FALSE;

  while (p < end) {
    int n;
    guint kind = char_kind (char_at (p, end, &n));
    p += n;
    if (kind & CH_DIGIT)
      flags |= ENT_TOK_HAS_DIGIT;
    if (!(kind & CH_LETTER))
      continue;
    flags |= ENT_TOK_HAS_LETTER;
    if (kind & CH_UPPER) {
      flags |= ENT_TOK_HAS_UPPER;
      if (first)
        flags |= ENT_TOK_UPPER_FIRST;
    } else
      lower = TRUE;
    first = FALSE;
  }
  if ((flags & ENT_TOK_HAS_UPPER) && !lower)
    flags |= ENT_TOK_ALL_UPPER;
  return flags;
}

static void
push (GArray *tokens, const char *text, const char *a, const char *b, guint32 flags, guint32 sentence)
{
  EntTok tok = { (guint32) (a - text), (guint32) (b - text), flags, sentence };

  if (tokens->len == 0 || g_array_index (tokens, EntTok, tokens->len - 1).sentence != sentence)
    tok.flags |= ENT_TOK_SENT_START;
  g_array_append_val (tokens, tok);
}

/* Dotted initials at @p: single letters each followed by a dot, at least
 * two of them (`U.S.`, `S.A.`). Returns the end, or NULL. */
static const char *
dotted_initials (const char *p, const char *end)
{
  const char *q = p;
  guint n = 0;

  while (q < end) {
    int len;
    gunichar u = char_at (q, end, &len);
    if (!g_unichar_isalpha (u) || q + len >= end || q[len] != '.')
      break;
    q += len + 1;
    n++;
  }
  return n >= 2 ? q : NULL;
}

void
ent_tokenize (const char *text, guint32 start, guint32 end, guint32 sentence, GArray *tokens)
{
  const char *p = text + start, *stop = text + end;

  while (p < stop) {
    int n;
    gunichar u = char_at (p, stop, &n);

    if ((u < 0x80 && (g_ascii_isspace (u) || u < 0x20))
        || (u >= 0x80 && (g_unichar_isspace (u) || u == 0xA0 || u == 0x202F))) {
      p += n;
      continue;
    }
    if (!is_word_char (u)) {
      guint32 flags = 0;
      if (u == '(' || u == '[' || u == 0xAB || u == 0x201C)
        flags |= ENT_TOK_OPEN;
      else if (u == ')' || u == ']' || u == 0xBB || u == 0x201D)
        flags |= ENT_TOK_CLOSE;
      push (tokens, text, p, p + n, flags, sentence);
      p += n;
      continue;
    }

    const char *dots = dotted_initials (p, stop);
    if (dots != NULL) {
      push (tokens, text, p, dots, word_flags (p, dots), sentence);
      p = dots;
      continue;
    }

    /* a word: runs of word characters joined by apostrophes, hyphens and
     * & before a word character, and by . or , between digits */
    const char *w = p, *q = p + n;
    gunichar prev = u;
    const char *first_apos = NULL;
    while (q < stop) {
      int m;
      gunichar c = char_at (q, stop, &m);
      if (is_word_char (c)) {
        prev = c;
        q += m;
        continue;
      }
      if (q + m < stop) {
        int m2;
        gunichar next = char_at (q + m, stop, &m2);
        if ((is_apostrophe (c) || is_hyphen (c) || c == '&') && is_word_char (next)) {
          if (is_apostrophe (c) && first_apos == NULL)
            first_apos = q;
          q += m;
          continue;
        }
        if ((c == '.' || c == ',') && g_unichar_isdigit (prev) && g_unichar_isdigit (next)) {
          q += m;
          continue;
        }
      }
      break;
    }

    /* d’OpenAI → d’ + OpenAI */
    if (first_apos != NULL && is_elision (w, first_apos - w)) {
      int m;
      char_at (first_apos, stop, &m);
      push (tokens, text, w, first_apos + m, ENT_TOK_WORD | ENT_TOK_ELISION | ENT_TOK_HAS_LETTER, sentence);
      w = first_apos + m;
    }
    /* Nvidia’s → Nvidia + ’s */
    const char *poss = NULL;
    if (q - w >= 3 && (q[-1] == 's' || q[-1] == 'S')) {
      const char *a = g_utf8_find_prev_char (w, q - 1);
      if (a != NULL && a > w) {
        int m;
        if (is_apostrophe (char_at (a, stop, &m)))
          poss = a;
      }
    }
    if (poss != NULL) {
      push (tokens, text, w, poss, word_flags (w, poss), sentence);
      push (tokens, text, poss, q, ENT_TOK_WORD | ENT_TOK_POSSESSIVE | ENT_TOK_HAS_LETTER, sentence);
    } else if (q > w)
      push (tokens, text, w, q, word_flags (w, q), sentence);
    p = q;
  }
}

gboolean
ent_is_connector (const char *word, gsize len)
{
  static const char *const connectors[] = {
    "de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "of", "the", "and", "for",
    "&", "on", "in", "a", "à", "en", "pour", "sur", "aux", "au", NULL
  };

  for (guint k = 0; connectors[k] != NULL; k++)
    if (strlen (connectors[k]) == len && g_ascii_strncasecmp (word, connectors[k], len) == 0)
      return TRUE;
  return FALSE;
}

void
ent_fold (const char *word, gsize len, GString *out)
{
  const char *p = word, *end = word + len;

  g_string_truncate (out, 0);
  while (p < end) {
    guchar c = (guchar) *p;
    if (c < 0x80) {
      g_string_append_c (out, g_ascii_tolower (c));
      p++;
      continue;
    }
    int n;
    gunichar u = char_at (p, end, &n);
    p += n;
    if (g_unichar_ismark (u))
      continue;
    if (is_apostrophe (u)) {
      g_string_append_c (out, '\'');
      continue;
    }
    if (is_hyphen (u)) {
      g_string_append_c (out, '-');
      continue;
    }
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize nd = g_unichar_fully_decompose (g_unichar_tolower (u), FALSE, d, G_N_ELEMENTS (d));
    for (gsize i = 0; i < nd; i++)
      if (!g_unichar_ismark (d[i]))
        g_string_append_unichar (out, d[i]);
  }
}

void
ent_shape (const char *word, gsize len, GString *out)
{
  const char *p = word, *end = word + len;
  char last = 0;
  guint run = 0;

  g_string_truncate (out, 0);
  while (p < end) {
    int n;
    gunichar u = char_at (p, end, &n);
    char cls;
    p += n;
    if (u < 0x80 && g_ascii_isalnum (u))
      cls = g_ascii_isdigit (u) ? 'd' : g_ascii_isupper (u) ? 'X' : 'x';
    else if (g_unichar_isdigit (u))
      cls = 'd';
    else if (g_unichar_isupper (u) || g_unichar_istitle (u))
      cls = 'X';
    else if (g_unichar_isalpha (u))
      cls = 'x';
    else if (g_unichar_ismark (u))
      continue;
    else if (is_apostrophe (u))
      cls = '\'';
    else if (is_hyphen (u))
      cls = '-';
    else if (u < 0x80)
      cls = (char) u;
    else
      cls = '*';
    if (cls == last) {
      if (++run >= 2 && (cls == 'X' || cls == 'x' || cls == 'd'))
        continue;
    } else
      run = 0;
    last = cls;
    g_string_append_c (out, cls);
  }
}
