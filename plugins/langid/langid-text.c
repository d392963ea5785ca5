/* langid — scripts, case folding and the n-gram features of a text. */
#include "langid-text.h"

#include <string.h>
#include "langid-clean.h"

/* Words are hashed FNV-style over their code points. */
#define WORD_SEED 0x84222325cbf29ce4ull
#define PRIME 0x100000001b3ull

static const struct {
  gunichar lo, hi;
  guint8 script;
} script_ranges[] = {
  { 0x0041, 0x024f, LANGID_SCRIPT_LATIN },
  { 0x0250, 0x02af, LANGID_SCRIPT_LATIN },
  { 0x0370, 0x03ff, LANGID_SCRIPT_GREEK },
  { 0x0400, 0x052f, LANGID_SCRIPT_CYRILLIC },
  { 0x0530, 0x058f, LANGID_SCRIPT_ARMENIAN },
  { 0x0590, 0x05ff, LANGID_SCRIPT_HEBREW },
  { 0x0600, 0x06ff, LANGID_SCRIPT_ARABIC },
  { 0x0750, 0x077f, LANGID_SCRIPT_ARABIC },
  { 0x08a0, 0x08ff, LANGID_SCRIPT_ARABIC },
  { 0x0900, 0x097f, LANGID_SCRIPT_DEVANAGARI },
  { 0x0980, 0x09ff, LANGID_SCRIPT_BENGALI },
  { 0x0a00, 0x0a7f, LANGID_SCRIPT_GURMUKHI },
  { 0x0a80, 0x0aff, LANGID_SCRIPT_GUJARATI },
  { 0x0b00, 0x0b7f, LANGID_SCRIPT_ORIYA },
  { 0x0b80, 0x0bff, LANGID_SCRIPT_TAMIL },
  { 0x0c00, 0x0c7f, LANGID_SCRIPT_TELUGU },
  { 0x0c80, 0x0cff, LANGID_SCRIPT_KANNADA },
  { 0x0d00, 0x0d7f, LANGID_SCRIPT_MALAYALAM },
  { 0x0d80, 0x0dff, LANGID_SCRIPT_SINHALA },
  { 0x0e00, 0x0e7f, LANGID_SCRIPT_THAI },
  { 0x0e80, 0x0eff, LANGID_SCRIPT_LAO },
  { 0x0f00, 0x0fff, LANGID_SCRIPT_TIBETAN },
  { 0x1000, 0x109f, LANGID_SCRIPT_MYANMAR },
  { 0x10a0, 0x10ff, LANGID_SCRIPT_GEORGIAN },
  { 0x1100, 0x11ff, LANGID_SCRIPT_HANGUL },
  { 0x1200, 0x139f, LANGID_SCRIPT_ETHIOPIC },
  { 0x1780, 0x17ff, LANGID_SCRIPT_KHMER },
  { 0x1c90, 0x1cbf, LANGID_SCRIPT_GEORGIAN },
  { 0x1e00, 0x1eff, LANGID_SCRIPT_LATIN },
  { 0x1f00, 0x1fff, LANGID_SCRIPT_GREEK },
  { 0x2c60, 0x2c7f, LANGID_SCRIPT_LATIN },
  { 0x2d00, 0x2d2f, LANGID_SCRIPT_GEORGIAN },
  { 0x3040, 0x30ff, LANGID_SCRIPT_KANA },
  { 0x3130, 0x318f, LANGID_SCRIPT_HANGUL },
  { 0x31f0, 0x31ff, LANGID_SCRIPT_KANA },
  { 0x3400, 0x4dbf, LANGID_SCRIPT_HAN },
  { 0x4e00, 0x9fff, LANGID_SCRIPT_HAN },
  { 0xa720, 0xa7ff, LANGID_SCRIPT_LATIN },
  { 0xac00, 0xd7af, LANGID_SCRIPT_HANGUL },
  { 0xf900, 0xfaff, LANGID_SCRIPT_HAN },
  { 0xfb1d, 0xfb4f, LANGID_SCRIPT_HEBREW },
  { 0xfb50, 0xfdff, LANGID_SCRIPT_ARABIC },
  { 0xfe70, 0xfeff, LANGID_SCRIPT_ARABIC },
  { 0xff66, 0xff9f, LANGID_SCRIPT_KANA },
  { 0x20000, 0x2ffff, LANGID_SCRIPT_HAN },
};

static const char *const script_names[LANGID_N_SCRIPTS] = {
  "none", "Latin", "Cyrillic", "Greek", "Armenian", "Hebrew", "Arabic",
  "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu",
  "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar",
  "Georgian", "Hangul", "Ethiopic", "Khmer", "Han", "Kana", "other",
};

const char *
langid_script_name (LangidScript script)
{
  return script < LANGID_N_SCRIPTS ? script_names[script] : "other";
}

LangidScript
langid_script_from_name (const char *name)
{
  for (guint i = 0; i < LANGID_N_SCRIPTS; i++)
    if (g_ascii_strcasecmp (name, script_names[i]) == 0)
      return i;
  return LANGID_SCRIPT_OTHER;
}

static guint8
script_of (gunichar cp)
{
  guint lo = 0, hi = G_N_ELEMENTS (script_ranges);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (cp < script_ranges[mid].lo)
        hi = mid;
      else if (cp > script_ranges[mid].hi)
        lo = mid + 1;
      else
        return script_ranges[mid].script;
    }
  return LANGID_SCRIPT_OTHER;
}

static gboolean
is_letter (gunichar cp)
{
  switch (g_unichar_type (cp))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Code points below 0x800 (one and two UTF-8 bytes: Latin, Greek, Cyrillic,
 * Armenian, Hebrew, Arabic) come from a table built once. */
#define SMALL 0x800
typedef struct {
  guint16 fold;
  guint8 script;
  guint8 flags;                   /* NAME_* | langid_suspect[] << SUSPECT_SHIFT */
} SmallEntry;
static SmallEntry small_table[SMALL];

/* What the share of letters in names (langid_name_share()) sees of a
 * character: a letter (every character of three bytes or more is), a
 * capital, an end of sentence. And, for ASCII, what may make a token noise
 * (langid_suspect[]). */
enum { NAME_ALPHA = 1, NAME_UPPER = 2, NAME_STOP = 4 };
#define SUSPECT_SHIFT 3
#define SPACE_FLAG (LANGID_SUSPECT_SPACE << SUSPECT_SHIFT)

static gpointer
build_small_table (gpointer data)
{
  for (gunichar cp = 0; cp < SMALL; cp++)
    {
      /* as langid_name_share() classes them */
      gboolean alpha = cp < 0x80 ? g_ascii_isalpha (cp) : g_unichar_isalpha (cp);
      gboolean upper = alpha && (cp < 0x80 ? g_ascii_isupper (cp) : g_unichar_isupper (cp));
      gboolean stop = cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':';
      small_table[cp].flags = (alpha ? NAME_ALPHA : 0) | (upper ? NAME_UPPER : 0)
                              | (stop ? NAME_STOP : 0)
                              | (cp < 0x80 ? langid_suspect[cp] << SUSPECT_SHIFT : 0);
      if (!is_letter (cp) || cp == 0xd7 || cp == 0xf7)
        continue;
      gunichar f = g_unichar_tolower (cp);
      if (f >= 0x10000)
        f = cp;
      small_table[cp].fold = f;
      small_table[cp].script = script_of (cp);
    }
  return NULL;
}

static inline void
ensure_small_table (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, build_small_table, NULL);
}

/* langid_fold() of a code point above the small table, from GLib. */
static guint32
fold_slow (gunichar cp, guint8 *script)
{
  if (!is_letter (cp))
    return 0;
  *script = script_of (cp);
  if (*script == LANGID_SCRIPT_OTHER && g_unichar_type (cp) >= G_UNICODE_ENCLOSING_MARK
      && g_unichar_type (cp) <= G_UNICODE_NON_SPACING_MARK)
    *script = LANGID_SCRIPT_NONE;   /* a mark outside any block: counted with its base */
  return g_unichar_tolower (cp);
}

/* The rest of the Basic Multilingual Plane (three UTF-8 bytes: the
 * scripts of India and South-East Asia, Georgian, Hangul, Kana, Han …)
 * comes from pages of 256 code points, each built on first use and shared
 * by all threads: GLib's lookups cost more per character than the rest of
 * the scanner. An entry whose fold does not fit says so with SLOW. */
#define PAGE_SHIFT 8
#define SLOW 0xff
static SmallEntry *pages[0x10000 >> PAGE_SHIFT];

static const SmallEntry *
build_page (guint page)
{
  SmallEntry *t = g_new0 (SmallEntry, 1u << PAGE_SHIFT);
  for (guint k = 0; k < 1u << PAGE_SHIFT; k++)
    {
      guint8 script = LANGID_SCRIPT_NONE;
      guint32 f = fold_slow ((page << PAGE_SHIFT) | k, &script);
      t[k].fold = f;
      t[k].script = f > 0xffff ? SLOW : f ? script : LANGID_SCRIPT_NONE;
      t[k].flags = NAME_ALPHA;
    }
  if (!g_atomic_pointer_compare_and_exchange (&pages[page], NULL, t))
    g_free (t);                   /* another thread was first */
  return g_atomic_pointer_get (&pages[page]);
}

/* The table entry of @cp (below 0x10000), or NULL when it must be folded
 * by GLib. */
static inline const SmallEntry *
bmp_entry (gunichar cp)
{
  if (cp < SMALL)
    return &small_table[cp];
  const SmallEntry *page = g_atomic_pointer_get (&pages[cp >> PAGE_SHIFT]);
  if (G_UNLIKELY (!page))
    page = build_page (cp >> PAGE_SHIFT);
  const SmallEntry *e = &page[cp & ((1u << PAGE_SHIFT) - 1)];
  return G_LIKELY (e->script != SLOW) ? e : NULL;
}

guint32
langid_fold (gunichar cp, guint8 *script)
{
  ensure_small_table ();
  if (cp < 0x10000)
    {
      const SmallEntry *e = bmp_entry (cp);
      if (e)
        {
          *script = e->script;
          return e->fold;
        }
    }
  return fold_slow (cp, script);
}

void
langid_scanner_init (LangidScanner *s, const char *text, gsize len, guint orders)
{
  memset (s, 0, sizeof *s);
  s->orders = orders;
  s->p = (const guchar *) text;
  s->end = s->p + len;
  s->packed = ' ';
  s->n_window = 1;
  s->token = s->p;
}

void
langid_scanner_init_clean (LangidScanner *s, const char *text, gsize len, guint orders)
{
  langid_scanner_init (s, text, len, orders);
  s->clean = TRUE;
  s->names.stop = TRUE;           /* a text starts a sentence */
}

/* Decodes one character of valid UTF-8 (the core guarantees it). */
static inline gunichar
next_char (const guchar **pp, const guchar *end)
{
  const guchar *p = *pp;
  gunichar c = p[0];
  if (c < 0x80)
    {
      *pp = p + 1;
      return c;
    }
  if (c < 0xe0 && p + 1 < end)
    {
      *pp = p + 2;
      return ((c & 0x1f) << 6) | (p[1] & 0x3f);
    }
  if (c < 0xf0 && p + 2 < end)
    {
      *pp = p + 3;
      return ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }
  if (p + 3 < end)
    {
      *pp = p + 4;
      return ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    }
  *pp = end;
  return 0xfffd;
}

/* Turns a key into a table hash: one multiplication and a fold, a
 * bijection whose low half (the slot) and high bits (the fingerprint) both
 * depend on every bit of the key. */
static inline guint64
finish (guint64 h)
{
  h *= 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

/* The last four characters are packed 16 bits each into one word, newest
 * lowest, so an n-gram's key is a mask of it (exact for the Basic
 * Multilingual Plane); a seed per order keeps the orders apart. */
static const guint64 order_mask[LANGID_N_ORDERS] = {
  0, 0xffffull, 0xffffffffull, 0xffffffffffffull, ~0ull,
};
static const guint64 order_seed[LANGID_N_ORDERS] = {
  0, 0x1000000000000000ull, 0x2000000000000000ull, 0x3000000000000000ull, 0x5bd1e9955bd1e995ull,
};

/* The scanner's state, in locals while a batch is cut (the output arrays
 * would otherwise force it back to memory at every store). */
typedef struct {
  guint64 packed;
  guint n_window;
  guint nord;
  guint8 ord[LANGID_MAX_ORDER];
} Window;

static inline guint
emit_ngrams (const Window *w, guint from, guint64 *hashes, guint8 *orders, guint n)
{
  if (G_LIKELY (w->nord == 1))
    {
      /* the usual model: one n-gram order besides words */
      guint o = w->ord[0];
      if (o >= from && o <= w->n_window)
        {
          hashes[n] = finish ((w->packed & order_mask[o]) ^ order_seed[o]);
          orders[n] = o;
          n++;
        }
      return n;
    }
  for (guint j = 0; j < w->nord; j++)
    {
      guint o = w->ord[j];
      if (o < from || o > w->n_window)
        continue;
      hashes[n] = finish ((w->packed & order_mask[o]) ^ order_seed[o]);
      orders[n] = o;
      n++;
    }
  return n;
}

static inline void
push (Window *w, guint32 c)
{
  if (G_UNLIKELY (c > 0xffff))
    c = (c ^ (c >> 16)) | 0x8000;
  w->packed = (w->packed << 16) | c;
  w->n_window += w->n_window < LANGID_MAX_ORDER;
}

/* The share of letters in names, as langid_name_share() counts it, one
 * character at a time. */
typedef LangidNames Names;

static inline void
names_add (Names *m, guint8 flags)
{
  if (flags & NAME_ALPHA)
    {
      if (!m->in_word)
        {
          m->in_word = TRUE;
          m->capital = (flags & NAME_UPPER) && !m->stop;
          m->stop = FALSE;
          m->words++;
        }
      m->letters++;
      m->named += m->capital;
    }
  else
    {
      m->in_word = FALSE;
      m->stop |= (flags & NAME_STOP) != 0;
    }
}

/* Takes back the letters of a noise token [@t, @e) from the counts. */
static G_GNUC_NO_INLINE guint32
unread_token (const guchar *t, const guchar *e, LangidScan *scan)
{
  guint32 letters = 0;
  while (t < e)
    {
      guint32 f;
      guint8 script;
      if (*t < 0x80)
        {
          f = small_table[*t].fold;
          script = small_table[*t].script;
          t++;
        }
      else
        {
          gunichar cp = next_char (&t, e);
          const SmallEntry *x = cp < 0x10000 ? bmp_entry (cp) : NULL;
          if (x)
            {
              f = x->fold;
              script = x->script;
            }
          else
            f = fold_slow (cp, &script);
        }
      if (f)
        {
          scan->script[script]--;
          letters++;
        }
    }
  return letters;
}

/* The end of the token that starts at @t, and the OR of its bytes'
 * langid_suspect[]. */
static const guchar *
token_end (const guchar *t, const guchar *end, guint8 *any)
{
  guint8 a = 0;
  while (t < end && langid_suspect[*t] != LANGID_SUSPECT_SPACE)
    a |= langid_suspect[*t++];
  *any = a;
  return t;
}

/* The scanner's loop; @clean (a constant where it is inlined) blanks
 * noise tokens and counts names as it reads. A token is read as it comes
 * and judged at its end; when it is noise, what it added is taken back,
 * so that the features, the letters and the places where a batch ends are
 * those of the text with the token blanked (langid_clean()). Where a batch
 * would end inside a token not yet judged, the token is judged first. */
static inline G_GNUC_UNUSED __attribute__ ((always_inline)) guint
scan_batch (LangidScanner *s, LangidScan *scan, guint64 *hashes, guint8 *orders, guint max,
            const gboolean clean)
{
  const guchar *p = s->p, *end = s->end;
  Window w = { s->packed, s->n_window, 0, { 0 } };
  guint64 word_hash = s->word_hash;
  guint word_len = s->word_len, word_first = s->word_first;
  gboolean words = s->orders & 1;
  guint32 letters = 0;
  guint8 run_script = LANGID_SCRIPT_NONE;
  guint32 run = 0;
  guint n = 0;
  /* the token being read: where it starts, its suspect bytes, whether it
   * was judged no noise, its first feature (a token not judged started
   * in this batch), and the names counted before it */
  const guchar *token = s->token;
  guint8 any = s->token_any;
  gboolean kept = s->token_kept;
  guint token_n = 0;
  Names names = s->names, names_before = names;

  ensure_small_table ();
  for (guint o = 1; o <= LANGID_MAX_ORDER; o++)
    if (s->orders & (1u << o))
      w.ord[w.nord++] = o;
  /* room a word of up to LANGID_MAX_WORD characters may need: its n-grams,
   * those ending with the space after it, and the word itself */
  const guint word_room = (LANGID_MAX_WORD + 2) * w.nord + 2;
  g_assert (max >= word_room);

#define TAKE_BACK_TOKEN(to) G_STMT_START {                         \
    scan->script[run_script] += run;                               \
    run = 0;                                                       \
    letters -= unread_token (token, (to), scan);                   \
    n = token_n;                                                   \
    w.packed = ' ';                                                \
    w.n_window = 1;                                                \
    word_len = 0;                                                  \
    names = names_before;                                          \
    s->n_noise++;                                                  \
  } G_STMT_END

  /* A batch ends between words, or inside a word too long to be a
   * feature: the features of a word stay together. */
  while (p < end)
    {
      const guchar *start = p;
      guint32 f;
      guint8 script, flags = NAME_ALPHA;
      if (G_LIKELY (*p < 0x80))
        {
          f = small_table[*p].fold;
          script = small_table[*p].script;
          flags = small_table[*p].flags;
          p++;
        }
      else
        {
          gunichar cp = next_char (&p, end);
          const SmallEntry *e = cp < 0x10000 ? bmp_entry (cp) : NULL;
          if (G_LIKELY (e))
            {
              f = e->fold;
              script = e->script;
              /* (a window may start inside a character: what its bytes
               * decode to is never a space nor a stop, as the cleaner and
               * langid_name_share() see it) */
              flags = e->flags & (NAME_ALPHA | NAME_UPPER);
            }
          else
            f = fold_slow (cp, &script);
        }

      if (f == 0)
        {
          if (clean)
            {
              if (flags & SPACE_FLAG)
                {
                  /* a token ends: noise is taken back */
                  if (start > token && !kept && (any || start - token >= 16)
                      && langid_noise_token (token, start - token, any))
                    TAKE_BACK_TOKEN (start);
                }
              else
                any |= flags >> SUSPECT_SHIFT;
              names_add (&names, flags);
            }
          if (word_len > 0)
            {
              /* end of a word: the n-grams ending with a space, and the word */
              push (&w, ' ');
              n = emit_ngrams (&w, 2, hashes, orders, n);
              if (word_len <= LANGID_MAX_WORD && words)
                hashes[word_first] = finish (word_hash ^ WORD_SEED);
              w.packed = ' ';
              w.n_window = 1;
              word_len = 0;
            }
          if (clean && (flags & SPACE_FLAG))
            {
              token = p;
              any = 0;
              kept = FALSE;
              token_n = n;
              names_before = names;
            }
          continue;
        }

      /* (a word that starts has room for LANGID_MAX_WORD characters: only
       * a longer one, whose word feature is dropped, may be cut) */
      if (word_len == 0 ? n + word_room > max : n + w.nord + 1 > max)
        {
          if (clean && !kept)
            {
              /* the batch would end inside a token: judge it now */
              guint8 all;
              const guchar *te = token_end (token, end, &all);
              if ((all || te - token >= 16) && langid_noise_token (token, te - token, all))
                {
                  TAKE_BACK_TOKEN (start);
                  p = token = te;
                  any = 0;
                  continue;
                }
              kept = TRUE;
            }
          p = start;      /* read again by the next batch */
          break;
        }

      if (clean)
        names_add (&names, flags);
      letters++;
      if (script != run_script)
        {
          scan->script[run_script] += run;
          run_script = script;
          run = 0;
        }
      run++;
      if (word_len == 0)
        {
          /* a word starts: a place for the word feature before its n-grams */
          word_hash = 0;
          if (words)
            {
              word_first = n;
              orders[n++] = 0;
            }
        }
      word_hash = (word_hash ^ f) * PRIME;
      word_len++;
      push (&w, f);
      if (G_LIKELY (word_len <= LANGID_MAX_WORD))
        n = emit_ngrams (&w, 1, hashes, orders, n);
      else
        {
          if (word_len == LANGID_MAX_WORD + 1 && words)
            orders[word_first] = LANGID_NO_FEATURE;   /* too long to be a feature */
          n = emit_ngrams (&w, 1, hashes, orders, n);
        }
    }

  /* the last token of the text */
  if (clean && p >= end && p > token && !kept)
    {
      if ((any || p - token >= 16) && langid_noise_token (token, p - token, any))
        {
          TAKE_BACK_TOKEN (p);
          token = p;
        }
      else
        kept = TRUE;
    }
#undef TAKE_BACK_TOKEN

  /* the last word of the text */
  if (p >= end && word_len > 0 && n + w.nord + 1 <= max)
    {
      push (&w, ' ');
      n = emit_ngrams (&w, 2, hashes, orders, n);
      if (word_len <= LANGID_MAX_WORD && words)
        hashes[word_first] = finish (word_hash ^ WORD_SEED);
      w.packed = ' ';
      w.n_window = 1;
      word_len = 0;
    }

  scan->script[run_script] += run;
  scan->letters += letters;
  s->p = p;
  s->packed = w.packed;
  s->n_window = w.n_window;
  s->word_hash = word_hash;
  s->word_len = word_len;
  s->word_first = word_first;
  s->token = token;
  s->token_any = any;
  s->token_kept = kept;
  s->names = names;
  return n;
}

guint
langid_scanner_next (LangidScanner *s, LangidScan *scan, guint64 *hashes, guint8 *orders, guint max)
{
  if (s->clean)
    return scan_batch (s, scan, hashes, orders, max, TRUE);
  return scan_batch (s, scan, hashes, orders, max, FALSE);
}

double
langid_scanner_name_share (const LangidScanner *s, guint *n_words)
{
  *n_words = s->names.words;
  return s->names.letters ? (double) s->names.named / s->names.letters : 0;
}

LangidScript
langid_scan_dominant (const LangidScan *scan)
{
  LangidScript best = LANGID_SCRIPT_NONE;
  guint32 best_n = 0;
  for (guint i = LANGID_SCRIPT_LATIN; i < LANGID_SCRIPT_HAN; i++)
    if (scan->script[i] > best_n)
      {
        best_n = scan->script[i];
        best = i;
      }
  guint32 cjk = scan->script[LANGID_SCRIPT_HAN] + scan->script[LANGID_SCRIPT_KANA];
  if (cjk > best_n)
    best = scan->script[LANGID_SCRIPT_KANA] * 10 >= cjk ? LANGID_SCRIPT_KANA : LANGID_SCRIPT_HAN;
  return best;
}
