/* entities — from a text to its entity mentions. */
#include "ent-tagger.h"

#include <string.h>

void
ent_analysis_init (EntAnalysis *an)
{
  memset (an, 0, sizeof *an);
  an->tokens = g_array_new (FALSE, FALSE, sizeof (EntTok));
  an->gaz = g_array_new (FALSE, FALSE, sizeof (EntTokGaz));
  an->matches = g_array_new (FALSE, FALSE, sizeof (EntGazMatch));
  an->mentions = g_array_new (FALSE, FALSE, sizeof (EntMention));
  an->strings = g_string_chunk_new (1024);
}

void
ent_analysis_clear (EntAnalysis *an)
{
  g_array_unref (an->tokens);
  g_array_unref (an->gaz);
  g_array_unref (an->matches);
  g_array_unref (an->mentions);
  g_free (an->tags);
  g_free (an->probs);
  g_string_chunk_free (an->strings);
  ent_feat_doc_clear (&an->feat);
}

void
ent_analysis_prepare (EntAnalysis *an, const EntGaz *gaz, const char *text, gsize length,
                      const guint32 *bounds, guint n_bounds)
{
  g_array_set_size (an->tokens, 0);
  g_array_set_size (an->matches, 0);
  g_array_set_size (an->mentions, 0);
  g_string_chunk_clear (an->strings);

  if (bounds == NULL)
    ent_tokenize (text, 0, (guint32) length, 0, an->tokens);
  else
    for (guint s = 0; s < n_bounds; s++)
      ent_tokenize (text, bounds[2 * s], bounds[2 * s + 1], s, an->tokens);

  /* a line break ends a sentence too: titles, captions and lists are
   * lines without final punctuation */
  EntTok *tok = (EntTok *) an->tokens->data;
  guint n = an->tokens->len;
  guint32 sentence = 0;
  for (guint i = 0; i < n; i++) {
    gboolean start = i == 0 || tok[i].sentence != tok[i - 1].sentence
                     || memchr (text + tok[i - 1].end, '\n', tok[i].start - tok[i - 1].end) != NULL;
    if (start && i > 0)
      sentence++;
    if (start)
      tok[i].flags |= ENT_TOK_SENT_START;
    tok[i].sentence = sentence;
  }
  g_array_set_size (an->gaz, n);
  if (n + 1 > an->room) {
    an->room = n + 1;
    an->tags = g_renew (guint8, an->tags, an->room);
    an->probs = g_renew (float, an->probs, an->room);
  }
  ent_feat_doc_init (&an->feat, text, (const EntTok *) an->tokens->data, n,
                     (const EntTokGaz *) an->gaz->data, gaz);
  ent_gaz_annotate (gaz, an->feat.word, (const EntTok *) an->tokens->data, n,
                    (EntTokGaz *) an->gaz->data, an->matches);
}

void
ent_analysis_matches_at (const EntAnalysis *an, guint first, guint *from, guint *to)
{
  const EntGazMatch *m = (const EntGazMatch *) an->matches->data;
  guint lo = 0, hi = an->matches->len;

  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (m[mid].first < first)
      lo = mid + 1;
    else
      hi = mid;
  }
  *from = lo;
  while (hi < an->matches->len && m[hi].first == first)
    hi++;
  *to = MAX (hi, lo);
}

char *
ent_span_text (const EntAnalysis *an, guint first, guint last)
{
  const EntTok *tok = (const EntTok *) an->tokens->data;
  const char *text = an->feat.text;
  GString *s = g_string_new (NULL);

  for (guint i = first; i <= last; i++) {
    if (i > first && tok[i].start > tok[i - 1].end)
      g_string_append_c (s, ' ');
    g_string_append_len (s, text + tok[i].start, tok[i].end - tok[i].start);
  }
  return g_string_free (s, FALSE);
}

static gboolean
has_cue (const EntAnalysis *an, guint i, EntCue cue)
{
  return (g_array_index (an->gaz, EntTokGaz, i).cue_in & (1u << cue)) != 0;
}

/* A strong list entry for exactly these tokens (weight ≥ 0.8), or -1. */
static int
strong_entry (const EntAnalysis *an, const EntGaz *gaz, guint first, guint last)
{
  guint from, to;
  ent_analysis_matches_at (an, first, &from, &to);
  for (guint k = from; k < to; k++) {
    const EntGazMatch *m = &g_array_index (an->matches, EntGazMatch, k);
    if (m->first == first && m->last == last && ent_gaz_entry_label (gaz, m->entry) <= ENT_G_MISC
        && ent_gaz_entry_weight (gaz, m->entry) >= 0.8)
      return (int) m->entry;
  }
  return -1;
}

static gboolean
is_connector (const EntAnalysis *an, guint i)
{
  const EntTok *t = &g_array_index (an->tokens, EntTok, i);

  return ent_is_connector (an->feat.text + t->start, t->end - t->start);
}

static gboolean
ends_with_pronoun (const char *w, gsize len)
{
  static const char *const pronouns[] = { "-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on", NULL };

  for (guint k = 0; pronouns[k] != NULL; k++) {
    gsize n = strlen (pronouns[k]);
    if (len > n && strncmp (w + len - n, pronouns[k], n) == 0)
      return TRUE;
  }
  return FALSE;
}

/* A lower-case word inside a name that announces another name (`Vortan-3
 * de la start-up Quillara`): the first name ends before it, the second
 * starts after it, with the label the cue announces. */
#define SPLIT_CUES ((1u << ENT_CUE_ORG_BEFORE) | (1u << ENT_CUE_MISC_BEFORE) \
                    | (1u << ENT_CUE_PER_TITLE) | (1u << ENT_CUE_PER_BEFORE))

static int
split_point (const EntAnalysis *an, const EntGaz *gaz, const EntMention *m, guint *label)
{
  const EntTok *tok = (const EntTok *) an->tokens->data;
  const EntTokGaz *tg = (const EntTokGaz *) an->gaz->data;

  for (guint i = m->first + 1; i < m->last; i++) {
    if ((tok[i].flags & ENT_TOK_HAS_UPPER) || !(tg[i].cue_in & SPLIT_CUES) || is_connector (an, i)
        || !(tok[i + 1].flags & ENT_TOK_HAS_UPPER))
      continue;
    guint16 cues = tg[i].cue_in;
    *label = (cues & (1u << ENT_CUE_ORG_BEFORE)) ? 1 : (cues & (1u << ENT_CUE_MISC_BEFORE)) ? 3 : 0;
    return (int) i;
  }
  /* `Avec Deepseek Les magasins`: a word that is never part of a name,
   * capitalised inside one by machine translation, ends it */
  for (guint i = m->first + 1; i <= m->last; i++)
    if ((tok[i].flags & ENT_TOK_UPPER_FIRST) && (tg[i].cue_in & (1u << ENT_CUE_NOT_ENTITY))
        && !(tok[i].flags & ENT_TOK_ALL_UPPER)
        /* `Marine Le Pen` keeps its particle: it comes before a capital */
        && (i == m->last || !(tok[i + 1].flags & ENT_TOK_UPPER_FIRST))) {
      *label = m->label;
      return (int) i;
    }
  /* `l’Union européenne et d’Airbus`: two listed names joined by `et` */
  for (guint i = m->first + 1; i < m->last; i++) {
    gsize len = tok[i].end - tok[i].start;
    const char *w = an->feat.text + tok[i].start;
    if (!((len == 2 && strncmp (w, "et", 2) == 0) || (len == 3 && strncmp (w, "and", 3) == 0)))
      continue;
    guint k = i + 1;
    while (k < m->last && (tok[k].flags & ENT_TOK_ELISION))
      k++;
    gboolean left = FALSE;
    int right = -1;
    guint from, to, lfrom, lto;
    ent_analysis_matches_at (an, m->first, &lfrom, &lto);
    ent_analysis_matches_at (an, i - 1, &from, &to);
    for (guint g = lfrom; g < to; g++) {
      const EntGazMatch *x = &g_array_index (an->matches, EntGazMatch, g);
      left |= x->last == i - 1 && ent_gaz_entry_label (gaz, x->entry) <= ENT_G_MISC;
    }
    ent_analysis_matches_at (an, k, &from, &to);
    for (guint g = from; g < to; g++) {
      const EntGazMatch *x = &g_array_index (an->matches, EntGazMatch, g);
      if (x->last <= m->last && ent_gaz_entry_label (gaz, x->entry) <= ENT_G_MISC)
        right = (int) ent_gaz_entry_label (gaz, x->entry);
    }
    if (left && right >= 0) {
      *label = (guint) right;
      return (int) i;
    }
  }
  return -1;
}

/* A user's list has the last word on the names it gives. */
static void
apply_user_label (const EntAnalysis *an, const EntGaz *gaz, EntMention *m)
{
  guint from, to;
  ent_analysis_matches_at (an, m->first, &from, &to);
  for (guint k = from; k < to; k++) {
    const EntGazMatch *g = &g_array_index (an->matches, EntGazMatch, k);
    if (g->first == m->first && g->last == m->last && ent_gaz_entry_is_user (gaz, g->entry)
        && ent_gaz_entry_label (gaz, g->entry) <= ENT_G_MISC) {
      m->label = ent_gaz_entry_label (gaz, g->entry);
      return;
    }
  }
}

/* The rules applied to what the model found: words that are never names
 * come off, a capitalised verb after a name (machine translation: `Dario
 * Amodei Dit`) is not part of it, punctuation does not end a name. */
static gboolean
apply_rules (const EntAnalysis *an, const EntGaz *gaz, EntMention *m)
{
  const EntTok *tok = (const EntTok *) an->tokens->data;

  while (m->first < m->last
         && (!(tok[m->first].flags & ENT_TOK_WORD) || (tok[m->first].flags & ENT_TOK_ELISION)
             || (has_cue (an, m->first, ENT_CUE_NOT_ENTITY) && strong_entry (an, gaz, m->first, m->last) < 0)))
    m->first++;
  while (m->last > m->first
         && ((!(tok[m->last].flags & ENT_TOK_WORD) && !(tok[m->last].flags & ENT_TOK_CLOSE)
              && !(tok[m->last].end - tok[m->last].start == 1 && an->feat.text[tok[m->last].start] == '.'))
             || (tok[m->last].flags & ENT_TOK_POSSESSIVE)
             || (has_cue (an, m->last, ENT_CUE_NOT_ENTITY) && strong_entry (an, gaz, m->first, m->last) < 0)
             || (has_cue (an, m->last, ENT_CUE_PER_VERB_AFTER) && (tok[m->last].flags & ENT_TOK_UPPER_FIRST))))
    m->last--;
  /* nor does a name end on a connector (`de`, `of the`) or on a lower-case
   * word that announces names (`the Stargate project`) */
  while (m->last > m->first && !(tok[m->last].flags & ENT_TOK_HAS_UPPER)
         && (is_connector (an, m->last)
             || (g_array_index (an->gaz, EntTokGaz, m->last).cue_in & (SPLIT_CUES | (1u << ENT_CUE_LOC_BEFORE)))))
    m->last--;
  /* `Deepseek est-il`: a verb and its inverted pronoun end a question, not a name */
  while (m->last > m->first && !(tok[m->last].flags & ENT_TOK_HAS_UPPER)
         && ends_with_pronoun (an->feat.text + tok[m->last].start, tok[m->last].end - tok[m->last].start))
    m->last--;
  /* a person's name has no number in it (`Gillespie 10-0-39-2` in a
   * scorecard), unlike products (`Llama 4`) */
  if (m->label == 0)
    while (m->last > m->first && !(tok[m->last].flags & ENT_TOK_HAS_LETTER))
      m->last--;
  if (!(tok[m->first].flags & ENT_TOK_WORD) || (tok[m->first].flags & (ENT_TOK_ELISION | ENT_TOK_POSSESSIVE)))
    return FALSE;
  if (m->first == m->last) {
    guint32 f = tok[m->first].flags;
    if (has_cue (an, m->first, ENT_CUE_NOT_ENTITY) && strong_entry (an, gaz, m->first, m->first) < 0)
      return FALSE;
    if (!(f & ENT_TOK_HAS_LETTER))
      return FALSE;
  }
  /* a closing bracket ends a name only when it opened inside it */
  if (tok[m->last].flags & ENT_TOK_CLOSE) {
    gboolean opened = FALSE;
    for (guint i = m->first; i < m->last; i++)
      opened |= (tok[i].flags & ENT_TOK_OPEN) != 0;
    if (!opened)
      m->last--;
  }
  if (m->first > m->last)
    return FALSE;
  apply_user_label (an, gaz, m);
  return TRUE;
}

void
ent_analysis_tag (EntAnalysis *an, const EntGaz *gaz, const EntModel *model)
{
  guint n = an->tokens->len;
  guint32 feats[ENT_MAX_FEATURES];
  float scores[ENT_N_TAGS];
  guint prev = ENT_TAG_O, prev2 = ENT_TAG_O;
  const EntTok *tok = (const EntTok *) an->tokens->data;

  for (guint i = 0; i < n; i++) {
    if (tok[i].flags & ENT_TOK_SENT_START)
      prev = prev2 = ENT_TAG_O;
    guint tag = ENT_TAG_O;
    double p = 1;
    if (ent_feat_is_candidate (&an->feat, i, prev)) {
      guint nf = ent_features (&an->feat, i, prev, prev2, feats);
      ent_model_scores (model, feats, nf, scores);
      tag = ent_model_best (scores, prev, &p);
    }
    an->tags[i] = tag;
    an->probs[i] = p;
    prev2 = prev;
    prev = tag;
  }

  /* B- I- I- runs become mentions */
  for (guint i = 0; i < n;) {
    if (an->tags[i] == ENT_TAG_O) {
      i++;
      continue;
    }
    EntMention m = { .first = i, .label = ENT_TAG_LABEL (an->tags[i]) };
    double sum = an->probs[i];
    guint j = i + 1;
    while (j < n && ENT_TAG_IS_INSIDE (an->tags[j]) && ENT_TAG_LABEL (an->tags[j]) == m.label
           && tok[j].sentence == tok[i].sentence)
      sum += an->probs[j++];
    m.last = j - 1;
    m.score = sum / (j - i);
    guint label;
    int cut = split_point (an, gaz, &m, &label);
    if (cut >= 0) {
      EntMention after = m;
      guint k = (guint) cut + 1;
      while (k <= m.last && !(tok[k].flags & ENT_TOK_HAS_UPPER))
        k++;
      /* the part before keeps the model's label */
      m.last = (guint) cut - 1;
      after.first = k;
      after.label = label;
      if (apply_rules (an, gaz, &m))
        g_array_append_val (an->mentions, m);
      if (after.first <= after.last && apply_rules (an, gaz, &after))
        g_array_append_val (an->mentions, after);
    } else if (apply_rules (an, gaz, &m))
      g_array_append_val (an->mentions, m);
    i = j;
  }
}
