/* entities — mentions of the same entity in one text.
 *
 * Mentions are linked when they read the same once case and accents are
 * folded (`Méta`/`Meta`), when the lists give them the same canonical
 * name, when one is the family name of a person named in full, the first
 * word of a longer organisation or product name (`Mistral` after `Mistral
 * AI`), its acronym (`BCE` for `Banque centrale européenne`), or the
 * acronym given in brackets right after it. Long mentions are placed
 * first, so a family name met before the full name still finds it. A
 * chain takes the label of its first mention of several words, else the
 * label its mentions and the lists vote for, and its canonical name from the lists,
 * else its longest mention. Last, a chain's forms repeated where the
 * model saw nothing become mentions too. */
#include "ent-tagger.h"

#include <string.h>

typedef struct {
  guint rep;               /* the longest mention, first of its length */
  const char *canonical;   /* from the lists, or NULL */
  double votes[4];
  int multi_label;         /* label of the first mention of several words, or -1 */
  guint multi_first;       /* its first token */
} Chain;

static const char *const connectors[] = {
  "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "of", "the", "and", "for", "&", "on", "in",
  "a", "en", "pour", "sur", "aux", "au", NULL
};

static gboolean
is_connector (const char *folded)
{
  for (guint i = 0; connectors[i] != NULL; i++)
    if (g_str_equal (folded, connectors[i]))
      return TRUE;
  return FALSE;
}

static char *
fold_text (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  ent_fold (s, strlen (s), out);
  return g_strdup (out->str);
}

static char *
fold_token (const EntAnalysis *an, guint i)
{
  const EntTok *t = &g_array_index (an->tokens, EntTok, i);
  g_autoptr(GString) out = g_string_new (NULL);
  ent_fold (an->feat.text + t->start, t->end - t->start, out);
  return g_strdup (out->str);
}

/* The initials of the capitalised words of a mention (`BCE`), folded. */
static char *
initials (const EntAnalysis *an, const EntMention *m)
{
  GString *s = g_string_new (NULL);
  for (guint i = m->first; i <= m->last; i++) {
    const EntTok *t = &g_array_index (an->tokens, EntTok, i);
    if (!(t->flags & ENT_TOK_HAS_LETTER))
      continue;
    g_autofree char *f = fold_token (an, i);
    if (is_connector (f))
      continue;
    g_string_append_unichar (s, g_utf8_get_char (f));
  }
  return g_string_free (s, FALSE);
}

static gboolean
is_acronym (const EntAnalysis *an, const EntMention *m)
{
  const EntTok *t = &g_array_index (an->tokens, EntTok, m->first);
  return m->first == m->last && (t->flags & ENT_TOK_ALL_UPPER) && t->end - t->start >= 2
         && t->end - t->start <= 8;
}

static const char *
list_canonical (const EntAnalysis *an, const EntGaz *gaz, const EntMention *m)
{
  const char *any = NULL;
  gboolean found = FALSE;

  for (guint k = 0; k < an->matches->len; k++) {
    const EntGazMatch *g = &g_array_index (an->matches, EntGazMatch, k);
    if (g->first != m->first || g->last != m->last || ent_gaz_entry_label (gaz, g->entry) > ENT_G_MISC)
      continue;
    const char *c = ent_gaz_entry_canonical (gaz, g->entry);
    if ((guint) ent_gaz_entry_label (gaz, g->entry) == m->label)
      return c;
    if (!found) {
      any = c;
      found = TRUE;
    }
  }
  return any;
}

/* The label of the strongest list entry for exactly the tokens of @m, or
 * -1; and the weight of the strongest entry of a label. */
static int
list_label (const EntAnalysis *an, const EntGaz *gaz, const EntMention *m)
{
  int best = -1;
  double weight = 0;

  for (guint k = 0; k < an->matches->len; k++) {
    const EntGazMatch *g = &g_array_index (an->matches, EntGazMatch, k);
    if (g->first == m->first && g->last == m->last && ent_gaz_entry_label (gaz, g->entry) <= ENT_G_MISC
        && ent_gaz_entry_weight (gaz, g->entry) > weight) {
      best = ent_gaz_entry_label (gaz, g->entry);
      weight = ent_gaz_entry_weight (gaz, g->entry);
    }
  }
  return best;
}

static double
list_weight (const EntAnalysis *an, const EntGaz *gaz, const EntMention *m, int label)
{
  double weight = 0;

  for (guint k = 0; k < an->matches->len; k++) {
    const EntGazMatch *g = &g_array_index (an->matches, EntGazMatch, k);
    if (g->first == m->first && g->last == m->last && (int) ent_gaz_entry_label (gaz, g->entry) == label)
      weight = MAX (weight, ent_gaz_entry_weight (gaz, g->entry));
  }
  return weight;
}

static gint
by_length (gconstpointer a, gconstpointer b, gpointer data)
{
  const EntMention *ms = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint lx = ms[x].last - ms[x].first, ly = ms[y].last - ms[y].first;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  return x < y ? -1 : x > y;
}

static gint
by_position (gconstpointer a, gconstpointer b)
{
  const EntMention *x = a, *y = b;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* The chain a short mention belongs to, by family name, first word or
 * acronym; the nearest such chain. */
static int
find_chain (const EntAnalysis *an, GArray *chains, const EntMention *ms, guint mi, const char *key)
{
  const EntMention *m = &ms[mi];
  int best = -1;
  guint best_dist = G_MAXUINT;
  g_autofree char *acr = NULL;
  const EntTok *tok = (const EntTok *) an->tokens->data;

  /* `Banque centrale européenne (BCE)` */
  if (is_acronym (an, m) && m->first >= 2 && (tok[m->first - 1].flags & ENT_TOK_OPEN))
    for (guint c = 0; c < chains->len; c++) {
      for (guint k = 0; k < an->mentions->len; k++)
        if (ms[k].cluster == c + 1 && ms[k].last == m->first - 2)
          return (int) c;
    }

  for (guint c = 0; c < chains->len; c++) {
    const Chain *ch = &g_array_index (chains, Chain, c);
    const EntMention *r = &ms[ch->rep];
    if (r->last == r->first)
      continue;
    gboolean link = FALSE;
    if (is_acronym (an, m)) {
      g_autofree char *ini = initials (an, r);
      link = g_utf8_strlen (ini, -1) >= 2 && g_str_equal (ini, key);
    }
    if (!link && r->label == 0) {
      g_autofree char *last = fold_token (an, r->last);
      link = g_str_equal (last, key);
    }
    if (!link && r->label != 0 && r->label != 2) {
      g_autofree char *first = fold_token (an, r->first);
      link = g_str_equal (first, key) && strlen (key) >= 3;
    }
    if (link) {
      guint dist = r->first < m->first ? m->first - r->first : (r->first - m->first) * 4;
      if (dist < best_dist) {
        best = (int) c;
        best_dist = dist;
      }
    }
  }
  return best;
}

void
ent_coref (EntAnalysis *an, const EntGaz *gaz)
{
  guint n = an->mentions->len;
  EntMention *ms = (EntMention *) an->mentions->data;
  g_autoptr(GArray) chains = g_array_new (FALSE, TRUE, sizeof (Chain));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *order = g_new (guint, n + 1);

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++) {
    order[i] = i;
    ms[i].cluster = 0;
    ms[i].canonical = list_canonical (an, gaz, &ms[i]);
  }
  g_qsort_with_data (order, n, sizeof (guint), by_length, ms);

  for (guint o = 0; o < n; o++) {
    guint i = order[o];
    g_autofree char *text = ent_span_text (an, ms[i].first, ms[i].last);
    char *key = fold_text (text);
    char *ckey = ms[i].canonical ? fold_text (ms[i].canonical) : NULL;
    gpointer found = g_hash_table_lookup (keys, key);
    if (found == NULL && ckey != NULL)
      found = g_hash_table_lookup (keys, ckey);
    int c = found ? GPOINTER_TO_INT (found) - 1 : -1;
    if (c < 0 && ms[i].first == ms[i].last)
      c = find_chain (an, chains, ms, i, key);
    if (c < 0) {
      Chain ch = { .rep = i, .multi_label = -1 };
      g_array_append_val (chains, ch);
      c = chains->len - 1;
    }
    Chain *ch = &g_array_index (chains, Chain, c);
    ms[i].cluster = c + 1;
    if (ch->canonical == NULL && ms[i].canonical != NULL)
      ch->canonical = ms[i].canonical;
    ch->votes[ms[i].label] += ms[i].score;
    /* for chains of one-word names, the lists have a say */
    int listed = list_label (an, gaz, &ms[i]);
    if (listed >= 0)
      ch->votes[listed] += 0.25 * list_weight (an, gaz, &ms[i], listed);
    if (ms[i].last > ms[i].first && (ch->multi_label < 0 || ms[i].first < ch->multi_first)) {
      ch->multi_label = ms[i].label;
      ch->multi_first = ms[i].first;
    }
    if (!g_hash_table_contains (keys, key))
      g_hash_table_insert (keys, key, GINT_TO_POINTER (c + 1));
    else
      g_free (key);
    if (ckey != NULL && !g_hash_table_contains (keys, ckey))
      g_hash_table_insert (keys, ckey, GINT_TO_POINTER (c + 1));
    else
      g_free (ckey);
  }

  /* the chains' forms where the model saw nothing: a family name, an
   * exact repeat */
  const EntTok *tok = (const EntTok *) an->tokens->data;
  guint nt = an->tokens->len;
  g_autofree guint8 *covered = g_new0 (guint8, nt + 1);
  for (guint i = 0; i < n; i++)
    for (guint t = ms[i].first; t <= ms[i].last; t++)
      covered[t] = 1;
  for (guint c = 0; c < chains->len; c++) {
    const Chain *ch = &g_array_index (chains, Chain, c);
    const EntMention *r = &ms[ch->rep];
    if (r->label == 0 && r->last > r->first) {
      char *last = fold_token (an, r->last);
      if (strlen (last) >= 3 && !g_hash_table_contains (keys, last))
        g_hash_table_insert (keys, last, GINT_TO_POINTER (c + 1));
      else
        g_free (last);
    }
  }
  guint added = 0;
  for (guint i = 0; i < nt; i++) {
    if (covered[i] || !(tok[i].flags & ENT_TOK_UPPER_FIRST)
        || (g_array_index (an->gaz, EntTokGaz, i).cue_in & (1u << ENT_CUE_NOT_ENTITY)))
      continue;
    for (guint len = 4; len >= 1; len--) {
      guint last = i + len - 1;
      if (last >= nt || tok[last].sentence != tok[i].sentence)
        continue;
      gboolean free_run = TRUE;
      for (guint t = i; t <= last; t++)
        free_run &= !covered[t];
      if (!free_run)
        continue;
      g_autofree char *text = ent_span_text (an, i, last);
      g_autofree char *key = fold_text (text);
      gpointer found = g_hash_table_lookup (keys, key);
      if (found == NULL)
        continue;
      /* a single word that only starts a sentence is kept when it is not
       * also an ordinary lower-case word of the text */
      if (len == 1 && (an->feat.context[i] & ENT_CTX_SEEN_LOWER))
        continue;
      const EntMention *rep = &ms[g_array_index (chains, Chain, GPOINTER_TO_UINT (found) - 1).rep];
      EntMention m = { .first = i, .last = last, .cluster = GPOINTER_TO_UINT (found),
                       .label = rep->label, .score = rep->score };
      g_array_append_val (an->mentions, m);
      ms = (EntMention *) an->mentions->data;
      for (guint t = i; t <= last; t++)
        covered[t] = 1;
      added++;
      i = last;
      break;
    }
  }
  if (added > 0)
    g_array_sort (an->mentions, by_position);

  /* labels and canonical names per chain */
  ms = (EntMention *) an->mentions->data;
  n = an->mentions->len;
  for (guint c = 0; c < chains->len; c++) {
    Chain *ch = &g_array_index (chains, Chain, c);
    int label = ch->multi_label;
    if (label < 0) {
      label = 0;
      for (guint l = 1; l < 4; l++)
        if (ch->votes[l] > ch->votes[label])
          label = l;
    }
    const char *canonical = ch->canonical;
    g_autofree char *rep_text = NULL;
    if (canonical == NULL) {
      /* the longest mention, the first of that length */
      guint best = G_MAXUINT;
      for (guint i = 0; i < n; i++)
        if (ms[i].cluster == c + 1
            && (best == G_MAXUINT || ms[i].last - ms[i].first > ms[best].last - ms[best].first))
          best = i;
      rep_text = ent_span_text (an, ms[best].first, ms[best].last);
      canonical = rep_text;
    }
    const char *stored = g_string_chunk_insert_const (an->strings, canonical);
    for (guint i = 0; i < n; i++)
      if (ms[i].cluster == c + 1) {
        ms[i].label = label;
        ms[i].canonical = stored;
      }
  }
}
