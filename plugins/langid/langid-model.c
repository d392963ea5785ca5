/* langid — loading the model and scoring a text with it. */
#include "langid-model.h"

#include <math.h>
#include <string.h>
#include <tamis/error.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct _LangidModel {
  guint n_langs;
  guint32 n_buckets;
  float quant;
  double inv_quant;
  guint orders;
  guint n_used;                   /* orders with features, listed in used[] */
  guint8 used[LANGID_N_ORDERS];
  LangidLang langs[LANGID_MAX_LANGS];
  float used_floor[LANGID_MAX_LANGS][LANGID_N_ORDERS];
  guint8 n_script[LANGID_N_SCRIPTS];   /* languages of each script */
  gboolean same_floors[LANGID_N_SCRIPTS];
  guint8 script_langs[LANGID_N_SCRIPTS][LANGID_MAX_LANGS];
  LangidBucket *buckets;          /* aligned on cache lines */
};

static gboolean
bad_model (const char *path, GError **error, const char *why)
{
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
               "%s: not a usable language model (%s)", path, why);
  return FALSE;
}

static inline guint32
rd32 (const guchar *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static inline float
rdf (const guchar *p)
{
  union { guint32 u; float f; } v = { .u = rd32 (p) };
  return v.f;
}

LangidModel *
langid_model_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                   "cannot read language model %s: %s", path, local->message);
      return NULL;
    }
  const guchar *p = (const guchar *) data;
  if (len < LANGID_HEADER_SIZE || memcmp (p, LANGID_MAGIC, LANGID_MAGIC_LEN) != 0)
    return bad_model (path, error, "wrong magic"), NULL;
  if (rd32 (p + 12) != LANGID_VERSION)
    return bad_model (path, error, "unknown version"), NULL;

  g_autofree LangidModel *m = g_new0 (LangidModel, 1);
  m->n_langs = rd32 (p + 16);
  m->n_buckets = rd32 (p + 20);
  guint32 per_bucket = rd32 (p + 24);
  guint32 per_slot = rd32 (p + 28);
  m->quant = rd32 (p + 32);
  m->orders = rd32 (p + 44);
  if (rd32 (p + 36) != LANGID_MAX_ORDER || rd32 (p + 40) != LANGID_MAX_WORD)
    return bad_model (path, error, "trained with other n-gram orders"), NULL;
  if (m->n_langs == 0 || m->n_langs > LANGID_MAX_LANGS || m->quant <= 0
      || m->n_buckets == 0 || m->n_buckets > (1u << 26)
      || per_bucket != LANGID_BUCKET_SLOTS || per_slot != LANGID_SLOT_ENTRIES)
    return bad_model (path, error, "bad header"), NULL;

  G_STATIC_ASSERT (sizeof (LangidBucket) == LANGID_BUCKET_SIZE);
  gsize need = LANGID_HEADER_SIZE + (gsize) m->n_langs * LANGID_LANG_SIZE
               + (gsize) m->n_buckets * LANGID_BUCKET_SIZE;
  if (len != need)
    return bad_model (path, error, "truncated"), NULL;

  p += LANGID_HEADER_SIZE;
  for (guint i = 0; i < m->n_langs; i++, p += LANGID_LANG_SIZE)
    {
      LangidLang *l = &m->langs[i];
      memcpy (l->code, p, 8);
      l->code[7] = '\0';
      l->script = rd32 (p + 8);
      if (l->script >= LANGID_N_SCRIPTS || !l->code[0])
        return bad_model (path, error, "bad language table"), NULL;
      for (guint o = 0; o < LANGID_N_ORDERS; o++)
        l->floor[o] = rdf (p + 12 + 4 * o);
      m->script_langs[l->script][m->n_script[l->script]++] = i;
    }

  for (guint o = 0; o < LANGID_N_ORDERS; o++)
    if (m->orders & (1u << o))
      m->used[m->n_used++] = o;
  for (guint i = 0; i < m->n_langs; i++)
    for (guint j = 0; j < m->n_used; j++)
      m->used_floor[i][j] = m->langs[i].floor[m->used[j]];
  m->inv_quant = 1.0 / m->quant;
  for (guint sc = 0; sc < LANGID_N_SCRIPTS; sc++)
    {
      m->same_floors[sc] = TRUE;
      for (guint j = 1; j < m->n_script[sc]; j++)
        if (memcmp (m->used_floor[m->script_langs[sc][j]], m->used_floor[m->script_langs[sc][0]],
                    sizeof m->used_floor[0]) != 0)
          m->same_floors[sc] = FALSE;
    }

  m->buckets = g_aligned_alloc (m->n_buckets, sizeof (LangidBucket), 64);
  for (guint32 i = 0; i < m->n_buckets; i++)
    {
      LangidBucket *b = &m->buckets[i];
      for (guint j = 0; j < LANGID_BUCKET_SLOTS; j++, p += 4)
        b->key[j] = rd32 (p);
      for (guint j = 0; j < LANGID_BUCKET_SLOTS; j++, p += LANGID_ENTRY_SIZE)
        {
          LangidEntry *e = &b->entry[j];
          memcpy (e->lang, p, LANGID_SLOT_ENTRIES);
          memcpy (e->value, p + LANGID_SLOT_ENTRIES, LANGID_SLOT_ENTRIES);
          for (guint k = 0; k < LANGID_SLOT_ENTRIES; k++)
            if (e->lang[k] >= m->n_langs)
              {
                e->lang[k] = LANGID_NO_LANG;
                e->value[k] = 0;
              }
        }
    }
  return g_steal_pointer (&m);
}

void
langid_model_free (LangidModel *m)
{
  if (!m)
    return;
  g_aligned_free (m->buckets);
  g_free (m);
}

guint
langid_model_get_n_langs (const LangidModel *m)
{
  return m->n_langs;
}

const LangidLang *
langid_model_get_lang (const LangidModel *m, guint index)
{
  return &m->langs[index];
}

int
langid_model_find_lang (const LangidModel *m, const char *code)
{
  for (guint i = 0; i < m->n_langs; i++)
    if (strcmp (m->langs[i].code, code) == 0)
      return i;
  return -1;
}

#define BATCH 64
#define PREFETCH 12
/* A long text is read until its answer is this clear (in nats between the
 * two best languages), checked every EARLY_STEP features read past
 * EARLY_START. */
#define EARLY_START 32
#define EARLY_STEP 32
/* An accumulator holds the sum of values in its low bits and the number of
 * features that named the language above HIT_SHIFT: one addition each. */
#define HIT_SHIFT 40
#define HIT ((guint64) 1 << HIT_SHIFT)
#define SUM_MASK (HIT - 1)

/* The entry of the feature with fingerprint @key in buckets @b1 or @b2,
 * or NULL. */
static inline const LangidEntry *
lookup (guint32 key, const LangidBucket *b1, const LangidBucket *b2)
{
#ifdef __SSE2__
  __m128i k = _mm_set1_epi32 ((int) key);
  int h1 = _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (
             _mm_load_si128 ((const __m128i *) b1->key), k)));
  int h2 = _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (
             _mm_load_si128 ((const __m128i *) b2->key), k)));
  if (h1)
    return &b1->entry[__builtin_ctz (h1)];
  if (h2)
    return &b2->entry[__builtin_ctz (h2)];
  return NULL;
#else
  for (guint j = 0; j < LANGID_BUCKET_SLOTS; j++)
    if (b1->key[j] == key)
      return &b1->entry[j];
  for (guint j = 0; j < LANGID_BUCKET_SLOTS; j++)
    if (b2->key[j] == key)
      return &b2->entry[j];
  return NULL;
#endif
}

static inline double
lang_score (const LangidModel *m, guint lang, const guint64 *acc, const guint32 *found)
{
  /* floors of the orders in use, kept side by side at load */
  const float *floor = m->used_floor[lang];
  double s = (acc[lang] & SUM_MASK) * m->inv_quant;
  for (guint j = 0; j < m->n_used; j++)
    s += found[m->used[j]] * (double) floor[j];
  return s;
}

/* Letters of @script, Han and Kana together for Japanese. */
static guint32
script_letters (const LangidScan *scan, LangidScript script)
{
  if (script == LANGID_SCRIPT_KANA)
    return scan->script[LANGID_SCRIPT_KANA] + scan->script[LANGID_SCRIPT_HAN];
  return scan->script[script];
}

typedef struct {
  double margin;                  /* the best leads by this much: decided */
  int expect;                     /* or this language leads by expect_margin */
  double expect_margin;
} StopRule;

static gboolean
decided (const LangidModel *m, const LangidScan *scan, const guint8 *allowed, const StopRule *rule,
         const guint64 *acc, const guint32 *found)
{
  LangidScript script = langid_scan_dominant (scan);
  if (script_letters (scan, script) * 10 < scan->letters * 9)
    return FALSE;          /* mixed scripts: read on */
  if (m->same_floors[script])
    {
      /* The languages of the script share their floors, so a score grows
       * with the sum alone: the two best sums give the two best scores,
       * and only those two are computed. */
      guint64 a1 = 0, a2 = 0;
      int i1 = -1, i2 = -1;
      for (guint j = 0; j < m->n_script[script]; j++)
        {
          guint i = m->script_langs[script][j];
          if (allowed && !allowed[i])
            continue;
          guint64 a = acc[i] & SUM_MASK;
          if (i1 < 0 || a > a1)
            {
              a2 = a1;
              i2 = i1;
              a1 = a;
              i1 = i;
            }
          else if (i2 < 0 || a > a2)
            {
              a2 = a;
              i2 = i;
            }
        }
      if (i1 < 0)
        return TRUE;
      double lead = lang_score (m, i1, acc, found)
                    - (i2 >= 0 ? lang_score (m, i2, acc, found) : -INFINITY);
      return lead >= rule->margin || (i1 == rule->expect && lead >= rule->expect_margin);
    }
  double best = -INFINITY, second = -INFINITY;
  int best_i = -1;
  for (guint j = 0; j < m->n_script[script]; j++)
    {
      guint i = m->script_langs[script][j];
      if (allowed && !allowed[i])
        continue;
      double s = lang_score (m, i, acc, found);
      if (s > best)
        {
          second = best;
          best = s;
          best_i = i;
        }
      else if (s > second)
        second = s;
    }
  /* no candidate in this script: nothing more to learn either */
  return best == -INFINITY || best - second >= rule->margin
         || (best_i == rule->expect && best - second >= rule->expect_margin);
}

/* The plugin's windows (LangidParams.steps) are read in steps of STEP
 * bytes or more, each ending just after a space, made as the scanner nears
 * the end of the last; a batch of features also ends where a step does,
 * and the early stop is checked after each batch, as the answers of the
 * plugin were measured with. */
#define STEP 128

static inline gboolean
is_step_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the step of @text that reaches @want at least. */
static gsize
step_end (const char *text, gsize len, gsize want)
{
  gsize to = MIN (want, len);
  while (to < len && !is_step_space (text[to - 1]))
    to++;
  return to;
}

/* Sums, per language, what the features found in the table add above the
 * language's floor, and counts the features found per order. */
static void
accumulate (const LangidModel *m, const char *text, gsize len, const guint8 *allowed,
            const StopRule *rule, const LangidParams *params, LangidScan *scan, guint64 *acc,
            guint32 *found, guint32 *seen, LangidScanner *s)
{
  /* features read, found in the table or not: a text in a script of one
   * language (Thai, say) finds none, and is settled all the same */
  guint32 n_seen = 0, check = rule->expect >= 0 ? EARLY_START / 2 : EARLY_START;
  guint64 hashes[BATCH];
  guint8 orders[BATCH];
  guint32 b1[BATCH], b2[BATCH];
  guint n;

  gsize ready = params->steps ? step_end (params->steps, len, STEP) : len;
  if (params->steps && params->clean)
    langid_scanner_init_clean (s, text, ready, m->orders);
  else
    langid_scanner_init (s, text, ready, m->orders);
  for (;;)
    {
      /* the scanner reads at most about 4 bytes a feature between
       * step ends, which fall after a space: no word is cut */
      if (ready < len && s->end - s->p < STEP)
        {
          gsize want = (s->p - (const guchar *) text) + STEP + STEP / 2;
          if (want > ready)
            ready = step_end (params->steps, len, want);
          s->end = (const guchar *) text + ready;
        }
      n = langid_scanner_next (s, scan, hashes, orders, BATCH);
      if (n == 0)
        {
          if (ready >= len)
            break;
          continue;
        }
      /* prefetch a few features ahead of the one being read: the table
       * is larger than the caches and lookups are independent */
      for (guint i = 0; i < n; i++)
        {
          b1[i] = langid_bucket1 (hashes[i], m->n_buckets);
          b2[i] = langid_bucket2 (hashes[i], m->n_buckets);
        }
      for (guint i = 0; i < MIN (n, PREFETCH); i++)
        {
          __builtin_prefetch (m->buckets + b1[i]);
          __builtin_prefetch (m->buckets + b2[i]);
        }
      for (guint i = 0; i < n; i++)
        {
          if (i + PREFETCH < n)
            {
              __builtin_prefetch (m->buckets + b1[i + PREFETCH]);
              __builtin_prefetch (m->buckets + b2[i + PREFETCH]);
            }
          guint8 order = orders[i];
          if (order == LANGID_NO_FEATURE)
            continue;
          const LangidEntry *slot = lookup (langid_key (hashes[i]), m->buckets + b1[i],
                                            m->buckets + b2[i]);
          if (!slot)
            continue;
#pragma GCC unroll 8
          for (guint k = 0; k < LANGID_SLOT_ENTRIES; k++)
            acc[slot->lang[k]] += slot->value[k] | HIT;
          found[order]++;
        }
      n_seen += n;
      if (n_seen >= check && (s->p < s->end || ready < len) && rule->margin >= 0)   /* (at the end: decided anyway) */
        {
          if (decided (m, scan, allowed, rule, acc, found))
            break;
          check = n_seen + EARLY_STEP;
        }
    }
  *seen = n_seen;
}

static int
cmp_alt (gconstpointer a, gconstpointer b)
{
  const LangidAlt *x = a, *y = b;
  return x->p < y->p ? 1 : x->p > y->p ? -1 : x->lang - y->lang;
}

void
langid_detect (const LangidModel *m, const char *text, gsize len,
               const guint8 *allowed, guint min_chars, LangidGuess *g)
{
  LangidParams params = { .allowed = allowed, .min_chars = min_chars, .expect = -1 };
  langid_detect_params (m, text, len, &params, g);
}

void
langid_detect_params (const LangidModel *m, const char *text, gsize len,
                      const LangidParams *params, LangidGuess *g)
{
  LangidScan scan = { 0 };
  guint64 acc[LANGID_MAX_LANGS + 1] = { 0 };
  guint32 found[LANGID_N_ORDERS] = { 0 };
  const guint8 *allowed = params->allowed;
  const float *prior = params->prior;
  guint min_chars = params->min_chars;
  guint32 n_seen = 0;

  memset (g, 0, sizeof *g);
  g->lang = -1;
  StopRule rule = { params->margin == 0 ? LANGID_EARLY_MARGIN : params->margin,
                    params->expect_margin > 0 ? params->expect : -1, params->expect_margin };
  LangidScanner s;
  accumulate (m, text, len, allowed, &rule, params, &scan, acc, found, &n_seen, &s);
  g->stop = s.p;
  g->n_features = n_seen;
  if (params->steps && params->clean)
    {
      g->name_share = langid_scanner_name_share (&s, &g->n_words);
      g->n_noise = s.n_noise;
    }

  /* A Han, Kana or Hangul character says about as much as a short word. */
  g->letters = scan.letters + 2 * (scan.script[LANGID_SCRIPT_HAN] + scan.script[LANGID_SCRIPT_KANA]
                                   + scan.script[LANGID_SCRIPT_HANGUL]);
  g->script = langid_scan_dominant (&scan);
  if (g->letters < min_chars || g->script == LANGID_SCRIPT_NONE)
    return;

  guint32 n_found = 0;
  for (guint o = 0; o < LANGID_N_ORDERS; o++)
    n_found += found[o];

  /* Features are far from independent: the log-likelihoods are tempered
   * before they become shares of the best few, so that scores mean
   * something on long texts too. A prior is a belief held before the text
   * is read: it adds to the tempered scores, so it weighs on short texts
   * only. */
  double temper = 1.0 + sqrt ((double) n_found);
  /* the best few candidates, in order, by insertion; when the languages of
   * the script share their floors (as the trainer makes them), the sums
   * alone rank them and only the best few need a full score */
  LangidAlt top[LANGID_MAX_ALTS];
  guint n_top = 0;
  if (m->same_floors[g->script] && !prior)
    {
      /* one integer per language, its sum above and 127 minus its index
       * below: the larger ranks first, as cmp_alt() ranks the sums */
      guint64 best_keys[LANGID_MAX_ALTS];
      for (guint j = 0; j < m->n_script[g->script]; j++)
        {
          guint i = m->script_langs[g->script][j];
          if (allowed && !allowed[i])
            continue;
          guint64 key = ((acc[i] & SUM_MASK) << 7) | (LANGID_MAX_LANGS - i);
          if (n_top == LANGID_MAX_ALTS && key <= best_keys[n_top - 1])
            continue;
          guint k = n_top < LANGID_MAX_ALTS ? n_top++ : LANGID_MAX_ALTS - 1;
          for (; k > 0 && best_keys[k - 1] < key; k--)
            best_keys[k] = best_keys[k - 1];
          best_keys[k] = key;
        }
      for (guint k = 0; k < n_top; k++)
        {
          top[k].lang = LANGID_MAX_LANGS - (int) (best_keys[k] & 127);
          top[k].p = lang_score (m, top[k].lang, acc, found);
        }
    }
  else
    for (guint j = 0; j < m->n_script[g->script]; j++)
      {
        guint i = m->script_langs[g->script][j];
        if (allowed && !allowed[i])
          continue;
        LangidAlt c = { i, lang_score (m, i, acc, found) + (prior ? prior[i] * temper : 0) };
        if (n_top == LANGID_MAX_ALTS && c.p <= top[n_top - 1].p)
          continue;
        guint k = n_top < LANGID_MAX_ALTS ? n_top++ : LANGID_MAX_ALTS;
        for (; k > 0 && cmp_alt (&c, &top[k - 1]) < 0; k--)
          if (k < LANGID_MAX_ALTS)
            top[k] = top[k - 1];
        if (k < LANGID_MAX_ALTS)
          top[k] = c;
      }
  if (n_top == 0)
    return;

  g->margin = n_top > 1 ? top[0].p - top[1].p : top[0].p;
  double best = top[0].p, sum = 0;
  for (guint i = 0; i < n_top; i++)
    {
      top[i].p = exp ((top[i].p - best) / temper);
      sum += top[i].p;
    }
  g->coverage = n_seen ? (double) (acc[top[0].lang] >> HIT_SHIFT) / n_seen : 0;
  while (n_top > 1 && top[n_top - 1].p < 1e-4 * sum)
    n_top--;

  /* Letters of other scripts (a brand name in a Russian text) lower the
   * confidence a little without changing the answer. */
  double share = scan.letters ? (double) script_letters (&scan, g->script) / scan.letters : 1.0;
  if (g->script == LANGID_SCRIPT_HAN || g->script == LANGID_SCRIPT_KANA
      || g->script == LANGID_SCRIPT_HANGUL)
    share = MIN (1.0, share * 1.5);
  g->n_alts = n_top;
  for (guint i = 0; i < n_top; i++)
    {
      g->alts[i] = top[i];
      g->alts[i].p *= share / sum;
    }
  g->lang = top[0].lang;
  g->score = g->alts[0].p;
}
