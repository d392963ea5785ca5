/* entities — the features the model sees for each token.
 *
 * Features are hashed, never stored as strings: a template number mixed
 * with the hash of a value. What they look at: the word and its shape and
 * affixes, the words around it, the tags just decided, what the name and
 * cue lists say of it and of its neighbours, and a little of the whole
 * text (is this capitalised word also written in lower case elsewhere, as
 * ordinary words starting a sentence are?). */
#include "ent-features.h"

#include "ent-model.h"

#include <string.h>

guint32
ent_hash_bytes (const char *p, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++) {
    h ^= (guchar) p[i];
    h *= 16777619u;
  }
  return h;
}

static inline guint32
mix (guint32 a, guint32 b)
{
  guint64 x = ((guint64) a << 32) | b;

  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (guint32) x;
}

/* The first @n characters of a folded word, or its last @n. */
static guint32
hash_prefix (const GString *s, guint n)
{
  const char *p = s->str, *end = s->str + s->len;
  for (guint i = 0; i < n && p < end; i++)
    p = g_utf8_next_char (p);
  return ent_hash_bytes (s->str, p - s->str) ^ 0x5bd1e995u;
}

static guint32
hash_suffix (const GString *s, guint n)
{
  const char *p = s->str + s->len;
  for (guint i = 0; i < n && p > s->str; i++)
    p = g_utf8_prev_char (p);
  return ent_hash_bytes (p, s->str + s->len - p) ^ (0x27d4eb2du * n);
}

void
ent_word_map_init (EntWordMap *map, guint n)
{
  guint32 size = 16;

  while (size < 2 * n)
    size <<= 1;
  map->keys = g_new0 (guint32, size);
  map->bits = g_new0 (guint16, size);
  map->mask = size - 1;
}

void
ent_word_map_clear (EntWordMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->bits, g_free);
}

void
ent_word_map_add (EntWordMap *map, guint32 word, guint16 bits)
{
  guint32 key = word | 1;

  for (guint32 i = key & map->mask;; i = (i + 1) & map->mask) {
    if (map->keys[i] == 0)
      map->keys[i] = key;
    if (map->keys[i] == key) {
      map->bits[i] |= bits;
      return;
    }
  }
}

guint16
ent_word_map_get (const EntWordMap *map, guint32 word)
{
  guint32 key = word | 1;

  for (guint32 i = key & map->mask;; i = (i + 1) & map->mask) {
    if (map->keys[i] == key)
      return map->bits[i];
    if (map->keys[i] == 0)
      return 0;
  }
}

guint32
ent_word_hash (const char *p, gsize len, GString *scratch)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++) {
    guchar c = (guchar) p[i];
    if (c >= 0x80) {
      ent_fold (p, len, scratch);
      return ent_hash_bytes (scratch->str, scratch->len);
    }
    h ^= g_ascii_tolower (c);
    h *= 16777619u;
  }
  return h;
}

/* Shape and affixes are computed for the tokens the model looks at only. */
static void
ensure_form (const EntFeatDoc *doc, guint i)
{
  EntFeatDoc *d = (EntFeatDoc *) doc;  /* a cache */
  const EntTok *t = &doc->tokens[i];

  if (d->ready[i])
    return;
  GString *folded = d->folded, *shape = d->shaped;
  ent_fold (doc->text + t->start, t->end - t->start, folded);
  ent_shape (doc->text + t->start, t->end - t->start, shape);
  d->shape[i] = ent_hash_bytes (shape->str, shape->len);
  d->prefix[i] = hash_prefix (folded, 3);
  d->suffix3[i] = hash_suffix (folded, 3);
  d->suffix4[i] = hash_suffix (folded, 4);
  d->roles[i] = (t->flags & ENT_TOK_HAS_LETTER) ? ent_gaz_word_roles (doc->lists, doc->word[i]) : 0;
  d->ready[i] = 1;
}

void
ent_feat_doc_init (EntFeatDoc *doc, const char *text, const EntTok *tokens, guint n,
                   const EntTokGaz *gaz, const EntGaz *lists)
{
  g_autoptr(GString) scratch = g_string_new ("");
  EntWordMap lower, upper;

  doc->text = text;
  doc->tokens = tokens;
  doc->n_tokens = n;
  doc->gaz = gaz;
  if (n + 1 > doc->room) {
    /* buffers are kept from text to text, grown when needed */
    doc->room = n + 1;
    g_free (doc->word);
    g_free (doc->context);
    g_free (doc->roles);
    doc->word = g_new (guint32, 5 * doc->room);
    doc->context = g_new (guint8, 2 * doc->room);
    doc->roles = g_new (guint16, doc->room);
  }
  doc->shape = doc->word + doc->room;
  doc->prefix = doc->shape + doc->room;
  doc->suffix3 = doc->prefix + doc->room;
  doc->suffix4 = doc->suffix3 + doc->room;
  doc->ready = doc->context + doc->room;
  memset (doc->context, 0, 2 * doc->room);
  ent_word_map_init (&lower, n);
  ent_word_map_init (&upper, n);

  doc->lists = lists;
  if (doc->folded == NULL) {
    doc->folded = g_string_sized_new (64);
    doc->shaped = g_string_sized_new (64);
  }
  for (guint i = 0; i < n; i++)
    doc->word[i] = ent_word_hash (text + tokens[i].start, tokens[i].end - tokens[i].start, scratch);

  /* headlines: sentences whose words are mostly in capitals */
  for (guint i = 0; i < n;) {
    guint j = i, words = 0, caps = 0;
    while (j < n && tokens[j].sentence == tokens[i].sentence) {
      if (tokens[j].flags & ENT_TOK_HAS_LETTER) {
        words++;
        caps += (tokens[j].flags & ENT_TOK_ALL_UPPER) != 0;
      }
      j++;
    }
    gboolean headline = words >= 3 && caps * 10 >= words * 6;
    for (guint k = i; k < j; k++) {
      if (headline)
        doc->context[k] |= ENT_CTX_CAPS_SENTENCE;
      else if ((tokens[k].flags & ENT_TOK_HAS_LETTER) && !(tokens[k].flags & ENT_TOK_HAS_UPPER))
        ent_word_map_add (&lower, doc->word[k], 1);
      else if ((tokens[k].flags & ENT_TOK_UPPER_FIRST) && !(tokens[k].flags & ENT_TOK_SENT_START)
               && !(tokens[k].flags & ENT_TOK_ALL_UPPER) && k > 0
               && !(tokens[k - 1].flags & (ENT_TOK_OPEN)))
        ent_word_map_add (&upper, doc->word[k], 1);
    }
    i = j;
  }
  for (guint i = 0; i < n; i++) {
    if (!(tokens[i].flags & ENT_TOK_HAS_UPPER))
      continue;
    if (ent_word_map_get (&lower, doc->word[i]))
      doc->context[i] |= ENT_CTX_SEEN_LOWER;
    if (ent_word_map_get (&upper, doc->word[i]))
      doc->context[i] |= ENT_CTX_SEEN_UPPER;
  }
  ent_word_map_clear (&lower);
  ent_word_map_clear (&upper);
}

void
ent_feat_doc_clear (EntFeatDoc *doc)
{
  g_clear_pointer (&doc->word, g_free);
  g_clear_pointer (&doc->context, g_free);
  g_clear_pointer (&doc->roles, g_free);
  if (doc->folded != NULL) {
    g_string_free (doc->folded, TRUE);
    g_string_free (doc->shaped, TRUE);
    doc->folded = doc->shaped = NULL;
  }
  doc->room = 0;
}

gboolean
ent_feat_is_candidate (const EntFeatDoc *doc, guint i, guint prev)
{
  return prev != ENT_TAG_O || (doc->tokens[i].flags & ENT_TOK_HAS_UPPER) != 0;
}

enum {
  T_BIAS = 1, T_WORD, T_SHAPE, T_PREFIX, T_SUFFIX3, T_SUFFIX4,
  T_WORD_M1, T_WORD_P1, T_WORD_M2, T_WORD_P2, T_SHAPE_M1, T_SHAPE_P1,
  T_PREV, T_PREV_WORD, T_PREV2_PREV, T_PREV_SHAPE, T_FLAGS, T_WORD_M1_SHAPE, T_BIGRAM,
  T_GAZ_W, T_GAZ, T_GAZ_M1, T_GAZ_P1, T_CUE_END_M1, T_CUE_END_M2, T_CUE_START_P1,
  T_CUE_IN, T_CUE_START_P2, T_CAPS_LEN, T_PREV_GAZ, T_WORD_P1_SHAPE, T_FLAGS_PREV,
  T_ROLE, T_ROLE_M1, T_ROLE_P1, T_ROLE_PREV, T_CUE_M2_WORD_M1,
};

#define BOS 0x9e3779b9u
#define EOS 0x7f4a7c15u

guint
ent_features (const EntFeatDoc *doc, guint i, guint prev, guint prev2, guint32 *out)
{
  const EntTok *tok = doc->tokens;
  guint n = 0;
  guint32 s = tok[i].sentence;
  gboolean has_m1 = i >= 1 && tok[i - 1].sentence == s;
  gboolean has_m2 = i >= 2 && tok[i - 2].sentence == s;
  gboolean has_p1 = i + 1 < doc->n_tokens && tok[i + 1].sentence == s;
  gboolean has_p2 = i + 2 < doc->n_tokens && tok[i + 2].sentence == s;
  ensure_form (doc, i);
  if (has_m1)
    ensure_form (doc, i - 1);
  if (has_p1)
    ensure_form (doc, i + 1);
  guint32 w0 = doc->word[i], sh0 = doc->shape[i];
  guint32 wm1 = has_m1 ? doc->word[i - 1] : BOS;
  guint32 wp1 = has_p1 ? doc->word[i + 1] : EOS;

#define F(t, v) (out[n++] = mix ((t), (v)))
  F (T_BIAS, 0);
  F (T_WORD, w0);
  F (T_SHAPE, sh0);
  F (T_PREFIX, doc->prefix[i]);
  F (T_SUFFIX3, doc->suffix3[i]);
  F (T_SUFFIX4, doc->suffix4[i]);
  F (T_WORD_M1, wm1);
  F (T_WORD_P1, wp1);
  F (T_WORD_M2, has_m2 ? doc->word[i - 2] : BOS);
  F (T_WORD_P2, has_p2 ? doc->word[i + 2] : EOS);
  F (T_SHAPE_M1, has_m1 ? doc->shape[i - 1] : BOS);
  F (T_SHAPE_P1, has_p1 ? doc->shape[i + 1] : EOS);
  F (T_PREV, prev);
  F (T_PREV_WORD, mix (prev, w0));
  F (T_PREV2_PREV, prev2 * 16 + prev);
  F (T_PREV_SHAPE, mix (prev, sh0));
  F (T_WORD_M1_SHAPE, mix (wm1, sh0));
  F (T_WORD_P1_SHAPE, mix (wp1, sh0));
  F (T_BIGRAM, mix (wm1, w0));

  guint32 flags = tok[i].flags;
  guint32 bits = ((flags & ENT_TOK_SENT_START) ? 1 : 0) | ((flags & ENT_TOK_UPPER_FIRST) ? 2 : 0)
                 | ((flags & ENT_TOK_ALL_UPPER) ? 4 : 0) | ((flags & ENT_TOK_HAS_DIGIT) ? 8 : 0)
                 | ((guint32) doc->context[i] << 4);
  F (T_FLAGS, bits);
  F (T_FLAGS_PREV, bits * 16 + prev);
  if (flags & ENT_TOK_ALL_UPPER)
    F (T_CAPS_LEN, MIN (tok[i].end - tok[i].start, 6) + ((doc->context[i] & ENT_CTX_CAPS_SENTENCE) ? 8 : 0));

  const EntTokGaz *g = &doc->gaz[i];
  guint32 any = 0;
  for (guint l = 0; l < ENT_G_N; l++) {
    if (g->pos[l] == 0)
      continue;
    guint wb = g->weight[l] >= 8 ? 2 : g->weight[l] >= 5 ? 1 : 0;
    F (T_GAZ_W, (l << 8) | (g->pos[l] << 4) | wb);
    F (T_GAZ, (l << 4) | g->pos[l]);
    any |= 1u << l;
  }
  F (T_PREV_GAZ, (any << 4) | prev);
  if (has_m1)
    for (guint l = 0; l < ENT_G_N; l++)
      if (doc->gaz[i - 1].pos[l])
        F (T_GAZ_M1, (l << 4) | doc->gaz[i - 1].pos[l]);
  if (has_p1)
    for (guint l = 0; l < ENT_G_N; l++)
      if (doc->gaz[i + 1].pos[l])
        F (T_GAZ_P1, (l << 4) | doc->gaz[i + 1].pos[l]);

  /* the roles of the word in the name lists, and of its neighbours' */
  for (guint b = 0; b < 16; b++) {
    if (doc->roles[i] & (1u << b)) {
      F (T_ROLE, b);
      F (T_ROLE_PREV, b * 16 + prev);
    }
    if (has_m1 && (doc->roles[i - 1] & (1u << b)))
      F (T_ROLE_M1, b);
    if (has_p1 && (doc->roles[i + 1] & (1u << b)))
      F (T_ROLE_P1, b);
  }

  for (guint c = 0; c < ENT_CUE_N; c++) {
    guint16 bit = 1u << c;
    if (has_m1 && (doc->gaz[i - 1].cue_end & bit))
      F (T_CUE_END_M1, c);
    if (has_m2 && (doc->gaz[i - 2].cue_end & bit)) {
      F (T_CUE_END_M2, c);
      /* `PDG de X`, `CEO of X`: a title, a preposition, then the employer */
      F (T_CUE_M2_WORD_M1, mix (c, wm1));
    }
    if (has_p1 && (doc->gaz[i + 1].cue_start & bit))
      F (T_CUE_START_P1, c);
    if (has_p2 && (doc->gaz[i + 2].cue_start & bit))
      F (T_CUE_START_P2, c);
    if (g->cue_in & bit)
      F (T_CUE_IN, c);
  }
#undef F
  g_assert (n <= ENT_MAX_FEATURES);
  return n;
}
