/* segment — the byte-level tokenizer and sentence splitter.
 *
 * One pass over the bytes. ASCII goes through a 256-entry class table; a
 * multi-byte character is decoded only where the scanner meets it, and GLib
 * is asked about it only outside Latin-1/Latin Extended. Sentence boundaries
 * are decided while tokens are emitted, so both layers always agree: a
 * boundary is a position, and the next token starting at or after it opens a
 * new sentence. The text ends with a nul byte (the document guarantees it),
 * which every run of word, digit or mark classes stops at. */
#include <string.h>

#include "chars.h"
#include "scan.h"

#define KIND_WORD "word"
#define KIND_NUMBER "number"
#define KIND_PUNCT "punct"
#define KIND_SYMBOL "symbol"
#define KIND_URL "url"
#define KIND_EMAIL "email"

/* What the last token was, for the line and glued-period rules. */
enum {
  LAST_CONT = 1 << 0,   /* the sentence must go on: , ; : ( « – … */
  LAST_ABBREV = 1 << 1, /* an abbreviation or initial with its period */
  LAST_WORD = 1 << 2,   /* a word of two bytes or more ending in a letter */
};

typedef struct {
  const guchar *p;
  guint32 n;
  const SegRules *rules;
  guint langs;
  TamisLayer *tokens;
  TamisLayer *sentences;
  gboolean wrapped;     /* hard-wrapped text: line ends are mere spaces */
  gboolean in_sent;
  gboolean dquote_open; /* an ASCII " is open in this paragraph */
  guint32 sent_start;
  guint32 last_end;
  guint32 break_at; /* the next token starting here or later opens a sentence */
  guint32 line_start;
  guint last;
} Scan;

/* ---- emitting ---- */

static void
close_sentence (Scan *s)
{
  if (s->sentences != NULL)
    tamis_layer_add (s->sentences, s->sent_start, s->last_end, NULL);
  s->in_sent = FALSE;
  s->break_at = G_MAXUINT32;
}

static inline void
emit (Scan *s, guint32 start, guint32 end, const char *kind, guint flags)
{
  if (start >= s->break_at)
    close_sentence (s);
  if (!s->in_sent) {
    s->in_sent = TRUE;
    s->sent_start = start;
  }
  if (s->tokens != NULL)
    tamis_layer_add (s->tokens, start, end, kind);
  s->last_end = end;
  s->last = flags;
}

static inline void
set_break (Scan *s, guint32 at)
{
  if (s->in_sent && at < s->break_at)
    s->break_at = at;
}

/* ---- looking at characters ---- */

static inline gboolean
ascii_is (guchar c, guint8 flags)
{
  return (seg_ascii[c] & flags) != 0;
}

/* Class of the character at @i, with ASCII folded into the same classes. */
static inline SegUClass
class_at (const guchar *p, guint32 i, guint *len)
{
  guchar c = p[i];
  if (c < 0x80) {
    guint8 f = seg_ascii[c];
    *len = 1;
    if (f & SEG_F_ALPHA)
      return SEG_U_LETTER;
    if (f & SEG_F_DIGIT)
      return SEG_U_DIGIT;
    if (f & SEG_F_SPACE)
      return SEG_U_SPACE;
    if (f & SEG_F_BREAK)
      return SEG_U_NEWLINE;
    return (f & SEG_F_SYMBOL) ? SEG_U_SYMBOL : SEG_U_PUNCT;
  }
  return seg_uclass (seg_decode (p + i, len));
}

static inline gboolean
word_char_at (const guchar *p, guint32 i)
{
  guint len;
  SegUClass k = class_at (p, i, &len);
  return k == SEG_U_LETTER || k == SEG_U_DIGIT || k == SEG_U_MARK;
}

static inline gboolean
letter_at (const guchar *p, guint32 i)
{
  guint len;
  return class_at (p, i, &len) == SEG_U_LETTER;
}

static gboolean
upper_at (const guchar *p, guint32 i, guint *len)
{
  if (p[i] < 0x80) {
    *len = 1;
    return ascii_is (p[i], SEG_F_UPPER);
  }
  gunichar u = seg_decode (p + i, len);
  return seg_uclass (u) == SEG_U_LETTER && seg_uni_is_upper (u);
}

static gboolean
lower_at (const guchar *p, guint32 i)
{
  guint len;
  if (p[i] < 0x80)
    return ascii_is (p[i], SEG_F_LOWER);
  gunichar u = seg_decode (p + i, &len);
  return seg_uclass (u) == SEG_U_LETTER && g_unichar_islower (u);
}

/* Bytes of a space that may group thousands at @i ("1 300"), or 0. */
static inline guint
group_space_len (const guchar *p, guint32 i)
{
  if (p[i] == ' ')
    return 1;
  if (p[i] == 0xC2 && p[i + 1] == 0xA0) /* no-break space */
    return 2;
  if (p[i] == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xAF || p[i + 2] == 0x89)) /* narrow, thin */
    return 3;
  return 0;
}

/* Skips whitespace from @i (not past @n); counts line breaks, a blank line or
 * a paragraph separator counting as two. */
static guint32
skip_ws (const guchar *p, guint32 n, guint32 i, guint *breaks)
{
  guint nl = 0, len;

  while (i < n) {
    guchar c = p[i];
    if (c < 0x80) {
      guint8 f = seg_ascii[c];
      if (f & SEG_F_SPACE) {
        i++;
      } else if (f & SEG_F_BREAK) {
        if (c == '\f')
          nl += 2;
        else if (c != '\r' || p[i + 1] != '\n')
          nl++;
        i++;
      } else {
        break;
      }
    } else {
      SegUClass k = seg_uclass (seg_decode (p + i, &len));
      if (k == SEG_U_NEWLINE)
        nl++;
      else if (k == SEG_U_PARA)
        nl += 2;
      else if (k != SEG_U_SPACE)
        break;
      i += len;
    }
  }
  *breaks = nl;
  return i;
}

/* Whether a sentence may start at @i: a capital, a digit, an opening quote
 * or bracket, a dash or bullet, a currency sign, or "iPhone"-like words. */
static gboolean
starts_sentence (const Scan *s, guint32 i)
{
  const guchar *p = s->p;
  guchar c = p[i];
  guint len;

  if (c < 0x80) {
    guint8 f = seg_ascii[c];
    if (f & (SEG_F_UPPER | SEG_F_DIGIT))
      return TRUE;
    if (f & SEG_F_LOWER)
      return ascii_is (p[i + 1], SEG_F_UPPER);
    switch (c) {
    case '"':
      return !s->dquote_open;
    case '\'': case '(': case '[': case '-': case '*': case '$':
      return TRUE;
    default:
      return FALSE;
    }
  }
  gunichar u = seg_decode (p + i, &len);
  switch (seg_uclass (u)) {
  case SEG_U_LETTER:
    return seg_uni_is_upper (u);
  case SEG_U_DIGIT: case SEG_U_OPEN: case SEG_U_DASH: case SEG_U_CURRENCY:
    return TRUE;
  case SEG_U_PUNCT:
    return u == 0x00BF || u == 0x00A1 || u == 0x2022; /* ¿ ¡ • */
  default:
    return FALSE;
  }
}

/* ---- sentence ends ---- */

/* A terminator token (. ! ? … ... or a "may end" abbreviation) ending at
 * @end was just emitted. Decides whether the sentence ends after it and the
 * closing quotes or brackets that follow. @glued: the terminator directly
 * follows a word, so "plus.Zuckerberg" may count as an end. */
static void
check_terminator (Scan *s, guint32 end, gboolean glued)
{
  const guchar *p = s->p;
  guint32 n = s->n, j = end;
  guint len, nl;

  while (j < n) {
    guchar c = p[j];
    if (c == '.' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' || c == '\'' ||
        (c == '"' && s->dquote_open)) {
      j++;
      continue;
    }
    if (c >= 0x80) {
      SegUClass k = seg_uclass (seg_decode (p + j, &len));
      if (k == SEG_U_CLOSE || k == SEG_U_APOS || k == SEG_U_ELLIPSIS) {
        j += len;
        continue;
      }
      if (k != SEG_U_SPACE)
        break;
    } else if (c != ' ' && c != '\t') {
      break;
    }
    /* French spacing puts a space before the closing guillemet: « Fini. » */
    guint32 k = j;
    while (k < n && group_space_len (p, k) > 0)
      k += group_space_len (p, k);
    if (k < n && ((p[k] == '"' && s->dquote_open) ||
                  (p[k] >= 0x80 && seg_uclass (seg_decode (p + k, &len)) == SEG_U_CLOSE))) {
      j = k + (p[k] == '"' ? 1 : len);
      continue;
    }
    break;
  }

  if (j >= n) {
    set_break (s, j);
    return;
  }

  guint32 next = skip_ws (p, n, j, &nl);
  if (next == j) {
    /* no space: "65.5", "U.S.-China", but also a missing one in "plus.Zuckerberg" */
    if (glued && j == end && upper_at (p, j, &len) && lower_at (p, j + len))
      set_break (s, j);
    return;
  }
  if (next >= n) {
    set_break (s, j);
    return;
  }
  if (nl > 0) {
    if (!(s->wrapped && lower_at (p, next)))
      set_break (s, j);
    return;
  }
  if (starts_sentence (s, next))
    set_break (s, j);
}

/* Whitespace holding a line break at @i: paragraph and title-line rules. */
static guint32
scan_breaks (Scan *s, guint32 i)
{
  guint nl;
  guint32 ws = i;

  i = skip_ws (s->p, s->n, i, &nl);
  if (nl == 0)
    return i;
  if (nl >= 2) {
    set_break (s, ws);
    s->dquote_open = FALSE;
  } else if (s->in_sent && !s->wrapped && !(s->last & LAST_CONT) && i < s->n &&
             starts_sentence (s, i)) {
    /* "U.S.", "Inc." at the end of a line end the sentence where lines are
     * not hard-wrapped; so does a headline: a line without final
     * punctuation that opened its sentence, then a capitalised line */
    if ((s->last & LAST_ABBREV) || (s->rules->title_lines && s->sent_start >= s->line_start))
      set_break (s, ws);
  }
  s->line_start = i;
  return i;
}

/* Hard-wrapped text breaks lines inside sentences: there, a line break
 * followed by a lowercase letter is common, and elsewhere it is rare. */
static gboolean
detect_wrapped (const guchar *p, guint32 n)
{
  const guchar *q = p, *end = p + n;
  guint lines = 0, lower = 0;

  while (q < end && (q = memchr (q, '\n', end - q)) != NULL) {
    guint32 i = q - p + 1;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
      i++;
    if (i < n && p[i] == '\n') {
      /* a blank line: skip the whole run, the next line opens a paragraph */
      while (i < n && ascii_is (p[i], SEG_F_WS))
        i++;
    } else if (i < n) {
      lines++;
      if (lower_at (p, i))
        lower++;
    }
    q = p + i;
  }
  /* one such line cannot mislead the title rule (the next line is not
   * capitalised), so two are needed */
  return lower >= 2 && lower * 3 >= lines;
}

/* ---- words ---- */

static inline guint32
skip_word_chars (const guchar *p, guint32 j)
{
  for (;;) {
    while (ascii_is (p[j], SEG_F_ALNUM))
      j++;
    if (p[j] < 0x80)
      return j;
    guint len;
    SegUClass k = seg_uclass (seg_decode (p + j, &len));
    if (k != SEG_U_LETTER && k != SEG_U_MARK && k != SEG_U_DIGIT)
      return j;
    j += len;
  }
}

static inline guint
word_flags (const guchar *p, guint32 start, guint32 end)
{
  return (end - start >= 2 && (ascii_is (p[end - 1], SEG_F_ALPHA) || p[end - 1] >= 0x80)) ? LAST_WORD : 0;
}

static gboolean
ascii_word_in (const guchar *w, gsize len, const char *const *list)
{
  for (; *list != NULL; list++)
    if (strlen (*list) == len && g_ascii_strncasecmp ((const char *) w, *list, len) == 0)
      return TRUE;
  return FALSE;
}

/* French elided articles, pronouns and conjunctions: l’, qu’, jusqu’ … */
static gboolean
is_elision (const guchar *w, gsize len)
{
  static const char *const short_ones = "ldjmnstc";
  static const char *const long_ones[] = { "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", NULL };

  if (len == 1)
    return strchr (short_ones, g_ascii_tolower (w[0])) != NULL;
  return len <= 6 && ascii_word_in (w, len, long_ones);
}

/* English clitics split off as in "Meta 's", "they 're"; "n't" apart. */
static gboolean
is_clitic (const guchar *w, gsize len)
{
  static const char *const clitics[] = { "s", "re", "ve", "ll", "d", "m", NULL };
  return len <= 2 && ascii_word_in (w, len, clitics);
}

/* Suffixes that make a number an ordinal word: 1er, 2e, 3rd, 21st, XXe. */
static gboolean
is_ordinal_suffix (const guchar *w, gsize len)
{
  static const char *const suffixes[] = {
    "e", "er", "re", "es", "ers", "res", "eme", "emes", "ème", "èmes", "ère", "ères",
    "nd", "rd", "st", "th", NULL
  };
  return len <= 5 && ascii_word_in (w, len, suffixes);
}

static gboolean
is_url_scheme (const guchar *w, gsize len)
{
  static const char *const schemes[] = { "http", "https", "ftp", "ftps", "sftp", "file", "ws", "wss", NULL };
  return len <= 5 && ascii_word_in (w, len, schemes);
}

static guint32
scan_url (Scan *s, guint32 start)
{
  const guchar *p = s->p;
  guint32 j = start;
  int parens = 0, brackets = 0;
  guint len;

  for (;;) {
    guchar c = p[j];
    if (c < 0x80) {
      if (ascii_is (c, SEG_F_WS) || strchr ("\"<>`{}|\\^", c) != NULL)
        break;
      parens += (c == '(') - (c == ')');
      brackets += (c == '[') - (c == ']');
      j++;
    } else {
      SegUClass k = seg_uclass (seg_decode (p + j, &len));
      if (k == SEG_U_SPACE || k == SEG_U_NEWLINE || k == SEG_U_PARA || k == SEG_U_OPEN ||
          k == SEG_U_CLOSE || k == SEG_U_APOS || k == SEG_U_ELLIPSIS || k == SEG_U_DASH)
        break;
      j += len;
    }
  }
  /* trailing punctuation belongs to the sentence, unless it closes a bracket of the URL */
  while (j > start) {
    guchar c = p[j - 1];
    if (c == ')' && parens < 0)
      parens++;
    else if (c == ']' && brackets < 0)
      brackets++;
    else if (c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != '\'' && c != '*')
      break;
    j--;
  }
  emit (s, start, j, KIND_URL, 0);
  return j;
}

static inline gboolean
email_local_char (guchar c)
{
  return ascii_is (c, SEG_F_ALNUM) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* The word [@start, @j) stopped at @j: an e-mail address if "local@domain.tld"
 * follows. Returns its end, or 0. */
static guint32
try_email (Scan *s, guint32 start, guint32 j)
{
  const guchar *p = s->p;
  guint32 k = j, e, dot = 0;

  while (k - start < 128 && email_local_char (p[k]))
    k++;
  if (p[k] != '@' || p[k - 1] == '.')
    return 0;
  for (e = k + 1; ascii_is (p[e], SEG_F_ALNUM) || p[e] == '-' ||
                  (p[e] == '.' && ascii_is (p[e + 1], SEG_F_ALNUM)); e++)
    if (p[e] == '.')
      dot = e;
  if (dot == 0 || e - dot < 3)
    return 0;
  for (guint32 t = dot + 1; t < e; t++)
    if (!ascii_is (p[t], SEG_F_ALPHA))
      return 0;
  emit (s, start, e, KIND_EMAIL, 0);
  return e;
}

/* A word is followed by a period at @j: "www.", "U.S.", "Ph.D.", "M.",
 * "etc.", "v1.2", "openai.com", "x.y@z.com". Returns the end of what it
 * emitted, or 0 when the word ends at @j and the period is punctuation;
 * sets *@join when the word goes on past the period. */
static guint32
word_then_period (Scan *s, guint32 start, guint32 j, gboolean joined, gboolean *join)
{
  const guchar *p = s->p;
  const SegAbbrevs *abbrevs = s->rules->abbrevs;
  guint32 wl = j - start;
  guint len;

  *join = FALSE;
  if (!joined && wl == 3 && g_ascii_strncasecmp ((const char *) p + start, "www", 3) == 0 &&
      ascii_is (p[j + 1], SEG_F_ALNUM))
    return scan_url (s, start);

  /* a period between a letter or digit and a lowercase letter or digit: v1.2, x.com */
  gboolean inner = ascii_is (p[j - 1], SEG_F_ALNUM) && ascii_is (p[j + 1], SEG_F_LOWER | SEG_F_DIGIT);
  gboolean single = !joined && class_at (p, start, &len) == SEG_U_LETTER && len == wl;
  if (single && ascii_is (p[j + 1], SEG_F_ALPHA) && p[j + 2] == '.') {
    guint32 k = j + 1;
    while (ascii_is (p[k], SEG_F_ALPHA) && p[k + 1] == '.')
      k += 2;
    emit (s, start, k, KIND_WORD, LAST_ABBREV);
    return k;
  }

  if (abbrevs != NULL && seg_abbrevs_has_dotted (abbrevs) && ascii_is (p[j + 1], SEG_F_ALPHA)) {
    gsize max = seg_abbrevs_max_len (abbrevs);
    guint32 k = j + 1, best = 0;
    SegAbbrevKind best_kind = SEG_ABBREV_NONE;
    while (ascii_is (p[k], SEG_F_ALPHA) && k - start < max) {
      while (ascii_is (p[k], SEG_F_ALPHA))
        k++;
      if (p[k] != '.')
        break;
      SegAbbrevKind kind = seg_abbrevs_lookup (abbrevs, (const char *) p + start, k - start, s->langs);
      if (kind != SEG_ABBREV_NONE) {
        best = k + 1;
        best_kind = kind;
      }
      k++;
    }
    if (best != 0) {
      emit (s, start, best, KIND_WORD, best_kind == SEG_ABBREV_MAY_END ? 0 : LAST_ABBREV);
      if (best_kind == SEG_ABBREV_MAY_END)
        check_terminator (s, best, FALSE);
      return best;
    }
  }

  SegAbbrevKind kind = single && !inner ? SEG_ABBREV_CONTINUES : SEG_ABBREV_NONE;
  if (kind == SEG_ABBREV_NONE && abbrevs != NULL)
    kind = seg_abbrevs_lookup (abbrevs, (const char *) p + start, wl, s->langs);
  if (kind != SEG_ABBREV_NONE) {
    emit (s, start, j + 1, KIND_WORD, kind == SEG_ABBREV_MAY_END ? 0 : LAST_ABBREV);
    if (kind == SEG_ABBREV_MAY_END)
      check_terminator (s, j + 1, FALSE);
    return j + 1;
  }

  if (inner) {
    *join = TRUE;
    return 0;
  }
  return try_email (s, start, j);
}

static guint32
scan_word (Scan *s, guint32 start)
{
  const guchar *p = s->p;
  guint32 j = start;
  gboolean joined = FALSE;
  guint len;

  for (;;) {
    j = skip_word_chars (p, j);
    guchar c = p[j];
    guint alen = 0;

    switch (c) {
    case '-':
      if (word_char_at (p, j + 1)) {
        j++;
        joined = TRUE;
        continue;
      }
      break;
    case '\'':
      alen = 1;
      break;
    case '.': {
      gboolean join;
      guint32 end = word_then_period (s, start, j, joined, &join);
      if (end != 0)
        return end;
      if (join) {
        j++;
        joined = TRUE;
        continue;
      }
      break;
    }
    case '&':
      if (ascii_is (p[j - 1], SEG_F_ALPHA) && ascii_is (p[j + 1], SEG_F_ALPHA)) {
        j++;
        joined = TRUE;
        continue;
      }
      break;
    case ':':
      if (!joined && p[j + 1] == '/' && p[j + 2] == '/' && is_url_scheme (p + start, j - start))
        return scan_url (s, start);
      break;
    case '@': case '_': case '+': case '%': {
      guint32 end = try_email (s, start, j);
      if (end != 0)
        return end;
      break;
    }
    default:
      if (c >= 0x80) {
        SegUClass k = seg_uclass (seg_decode (p + j, &len));
        if (k == SEG_U_APOS) {
          alen = len;
        } else if (k == SEG_U_HYPHEN && word_char_at (p, j + len)) {
          j += len;
          joined = TRUE;
          continue;
        }
      }
      break;
    }

    if (alen == 0 || !letter_at (p, j + alen))
      break;

    /* an apostrophe between letters */
    guint32 next = j + alen;
    if (!joined && is_elision (p + start, j - start)) {
      emit (s, start, next, KIND_WORD, 0); /* l’ d' qu’ … then the word */
      start = j = next;
      continue;
    }
    guint32 k = next;
    while (ascii_is (p[k], SEG_F_ALPHA))
      k++;
    if (!word_char_at (p, k) && p[k] != '\'') {
      if (is_clitic (p + next, k - next)) {
        emit (s, start, j, KIND_WORD, word_flags (p, start, j));
        emit (s, j, k, KIND_WORD, word_flags (p, j, k));
        return k;
      }
      if (k - next == 1 && (p[next] | 0x20) == 't' && j - start >= 2 && (p[j - 1] | 0x20) == 'n') {
        emit (s, start, j - 1, KIND_WORD, word_flags (p, start, j - 1)); /* do n't */
        emit (s, j - 1, k, KIND_WORD, LAST_WORD);
        return k;
      }
    }
    j = next; /* O'Brien, aujourd’hui */
    joined = TRUE;
  }

  emit (s, start, j, KIND_WORD, word_flags (p, start, j));
  return j;
}

/* ---- numbers ---- */

static inline guint32
skip_digits (const guchar *p, guint32 j)
{
  for (;;) {
    while (ascii_is (p[j], SEG_F_DIGIT))
      j++;
    if (p[j] < 0x80)
      return j;
    guint len;
    if (seg_uclass (seg_decode (p + j, &len)) != SEG_U_DIGIT)
      return j;
    j += len;
  }
}

static guint32
scan_number (Scan *s, guint32 start)
{
  const guchar *p = s->p;
  guint32 j = skip_digits (p, start);
  guint32 first = j - start;
  gboolean sep = FALSE;

  for (;;) {
    guchar c = p[j];
    if ((c == ',' || c == '.') && ascii_is (p[j + 1], SEG_F_DIGIT)) {
      j = skip_digits (p, j + 1); /* 5,6  65.5  1,300.5  1.300.000 */
      sep = TRUE;
      continue;
    }
    if (c == ':' && !sep && first <= 2 && ascii_is (p[j + 1], SEG_F_DIGIT) &&
        ascii_is (p[j + 2], SEG_F_DIGIT) && !ascii_is (p[j + 3], SEG_F_DIGIT)) {
      j += 3; /* 10:30 */
      sep = TRUE;
      continue;
    }
    guint sl;
    if (!sep && first <= 3 && (sl = group_space_len (p, j)) > 0 &&
        ascii_is (p[j + sl], SEG_F_DIGIT) && ascii_is (p[j + sl + 1], SEG_F_DIGIT) &&
        ascii_is (p[j + sl + 2], SEG_F_DIGIT) && !ascii_is (p[j + sl + 3], SEG_F_DIGIT)) {
      j += sl + 3; /* 1 300, 25 000 000 */
      continue;
    }
    break;
  }

  if (!sep && letter_at (p, j)) {
    guint32 k = j;
    guint len;
    while (class_at (p, k, &len) == SEG_U_LETTER)
      k += len;
    if (is_ordinal_suffix (p + j, k - j) && !word_char_at (p, k)) {
      emit (s, start, k, KIND_WORD, 0);
      return k;
    }
  }
  emit (s, start, j, KIND_NUMBER, 0);
  return j;
}

/* ---- punctuation and symbols ---- */

static guint32
scan_ascii_mark (Scan *s, guint32 i)
{
  const guchar *p = s->p;
  guchar c = p[i];
  guint32 j = i + 1;
  guint prev = s->last;
  gboolean glued = s->in_sent && s->last_end == i && (prev & LAST_WORD);

  switch (c) {
  case '.':
    while (p[j] == '.')
      j++;
    emit (s, i, j, KIND_PUNCT, 0);
    /* "(...)" and "[...]" mark a cut in a quotation, not an end */
    if (j - i == 1 || i == 0 || (p[i - 1] != '(' && p[i - 1] != '['))
      check_terminator (s, j, glued && j - i == 1);
    return j;
  case '!': case '?':
    while (p[j] == '!' || p[j] == '?')
      j++;
    emit (s, i, j, KIND_PUNCT, 0);
    check_terminator (s, j, glued);
    return j;
  case '-':
    while (p[j] == '-')
      j++;
    emit (s, i, j, KIND_PUNCT, LAST_CONT);
    return j;
  case ',': case ';': case ':': case '(': case '[': case '{': case '/':
    emit (s, i, j, KIND_PUNCT, LAST_CONT);
    return j;
  case '"':
    s->dquote_open = !s->dquote_open;
    emit (s, i, j, KIND_PUNCT, s->dquote_open ? LAST_CONT : 0);
    return j;
  case '&': case '+':
    emit (s, i, j, KIND_SYMBOL, LAST_CONT);
    return j;
  default:
    emit (s, i, j, ascii_is (c, SEG_F_SYMBOL) ? KIND_SYMBOL : KIND_PUNCT, 0);
    return j;
  }
}

static guint32
scan_high (Scan *s, guint32 i)
{
  const guchar *p = s->p;
  guint len;
  gunichar u = seg_decode (p + i, &len);

  switch (seg_uclass (u)) {
  case SEG_U_LETTER:
    return scan_word (s, i);
  case SEG_U_DIGIT:
    return scan_number (s, i);
  case SEG_U_SPACE:
    return i + len;
  case SEG_U_NEWLINE: case SEG_U_PARA:
    return scan_breaks (s, i);
  case SEG_U_ELLIPSIS: {
    gboolean cut = i > 0 && (p[i - 1] == '(' || p[i - 1] == '[');
    emit (s, i, i + len, KIND_PUNCT, 0);
    if (!cut)
      check_terminator (s, i + len, FALSE);
    return i + len;
  }
  case SEG_U_OPEN: case SEG_U_DASH: case SEG_U_HYPHEN:
    emit (s, i, i + len, KIND_PUNCT, LAST_CONT);
    return i + len;
  case SEG_U_APOS: case SEG_U_CLOSE: case SEG_U_PUNCT:
    emit (s, i, i + len, KIND_PUNCT, 0);
    return i + len;
  case SEG_U_MARK: case SEG_U_SYMBOL: case SEG_U_CURRENCY:
  default:
    emit (s, i, i + len, KIND_SYMBOL, 0);
    return i + len;
  }
}

void
seg_scan (const SegRules *rules, guint langs, const char *text, gsize len,
          TamisLayer *tokens, TamisLayer *sentences)
{
  Scan s = {
    .p = (const guchar *) text,
    .n = (guint32) len,
    .rules = rules,
    .langs = langs,
    .tokens = tokens,
    .sentences = sentences,
    .break_at = G_MAXUINT32,
  };
  const guchar *p = s.p;
  guint32 i = 0, n = s.n;

  if (sentences != NULL)
    s.wrapped = detect_wrapped (p, n);

  while (i < n) {
    guint8 f = seg_ascii[p[i]];
    if (f & SEG_F_ALPHA)
      i = scan_word (&s, i);
    else if (f & SEG_F_SPACE)
      i++;
    else if (f & SEG_F_DIGIT)
      i = scan_number (&s, i);
    else if (f & SEG_F_HIGH)
      i = scan_high (&s, i);
    else if (f & SEG_F_BREAK)
      i = scan_breaks (&s, i);
    else
      i = scan_ascii_mark (&s, i);
  }
  if (s.in_sent)
    close_sentence (&s);
}
