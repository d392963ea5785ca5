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
    if (ent_is_connector (f, strlen (f)))
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

  guint from, to;
  ent_analysis_matches_at (an, m->first, &from, &to);
  for (guint k = from; k < to; k++) {
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
 * -1, and its weight in @weight. */
static int
list_label (const EntAnalysis *an, const EntGaz *gaz, const EntMention *m, double *weight)
{
  int best = -1;
  guint from, to;

  *weight = 0;
  ent_analysis_matches_at (an, m->first, &from, &to);
  for (guint k = from; k < to; k++) {
    const EntGazMatch *g = &g_array_index (an->matches, EntGazMatch, k);
    if (g->last == m->last && ent_gaz_entry_label (gaz, g->entry) <= ENT_G_MISC
        && ent_gaz_entry_weight (gaz, g->entry) > *weight) {
      best = ent_gaz_entry_label (gaz, g->entry);
      *weight = ent_gaz_entry_weight (gaz, g->entry);
    }
  }
  return best;
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

/* Where chains are found again: by the key a short mention would have
 * ("a:" + the initials, "l:" + a person's family name, "f:" + the first
 * word of an organisation or product), each a list of chains; and the
 * mention ending at each token. */
typedef struct {
  GHashTable *by_key;  /* char * → GArray of chain indices */
  guint *ends_at;      /* token → mention index + 1, or 0 */
} Index;

static void
index_add (Index *ix, const char *prefix, const char *word, guint chain)
{
  char *key = g_strconcat (prefix, word, NULL);
  GArray *list = g_hash_table_lookup (ix->by_key, key);

  if (list == NULL) {
    list = g_array_new (FALSE, FALSE, sizeof (guint));
    g_hash_table_insert (ix->by_key, key, list);
  } else
    g_free (key);
  g_array_append_val (list, chain);
}

/* Makes a new chain of several words findable by its short forms. */
static void
index_chain (const EntAnalysis *an, Index *ix, const EntMention *r, guint chain)
{
  if (r->last == r->first)
    return;
  g_autofree char *ini = initials (an, r);
  if (g_utf8_strlen (ini, -1) >= 2)
    index_add (ix, "a:", ini, chain);
  if (r->label == 0) {
    g_autofree char *last = fold_token (an, r->last);
    index_add (ix, "l:", last, chain);
  } else if (r->label != 2) {
    g_autofree char *first = fold_token (an, r->first);
    if (strlen (first) >= 3)
      index_add (ix, "f:", first, chain);
  }
}

/* The chain a short mention belongs to, by family name, first word or
 * acronym; the nearest such chain. */
static int
find_chain (const EntAnalysis *an, const Index *ix, GArray *chains, const EntMention *ms, guint mi,
            const char *key)
{
  const EntMention *m = &ms[mi];
  int best = -1;
  guint best_dist = G_MAXUINT;
  const EntTok *tok = (const EntTok *) an->tokens->data;
  gboolean acronym = is_acronym (an, m);

  /* `Banque centrale européenne (BCE)` */
  if (acronym && m->first >= 2 && (tok[m->first - 1].flags & ENT_TOK_OPEN)) {
    guint k = ix->ends_at[m->first - 2];
    if (k > 0 && ms[k - 1].cluster > 0)
      return (int) ms[k - 1].cluster - 1;
  }

  static const char *const prefixes[] = { "a:", "l:", "f:" };
  for (guint p = acronym ? 0 : 1; p < G_N_ELEMENTS (prefixes); p++) {
    g_autofree char *k = g_strconcat (prefixes[p], key, NULL);
    GArray *list = g_hash_table_lookup (ix->by_key, k);
    for (guint j = 0; list != NULL && j < list->len; j++) {
      guint c = g_array_index (list, guint, j);
      const EntMention *r = &ms[g_array_index (chains, Chain, c).rep];
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
  g_autofree guint *ends_at = g_new0 (guint, an->tokens->len + 1);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  Index ix = { by_key, ends_at };

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    ends_at[ms[i].last] = i + 1;
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
      c = find_chain (an, &ix, chains, ms, i, key);
    if (c < 0) {
      Chain ch = { .rep = i, .multi_label = -1 };
      g_array_append_val (chains, ch);
      c = chains->len - 1;
      index_chain (an, &ix, &ms[i], c);
    }
    Chain *ch = &g_array_index (chains, Chain, c);
    ms[i].cluster = c + 1;
    if (ch->canonical == NULL && ms[i].canonical != NULL)
      ch->canonical = ms[i].canonical;
    ch->votes[ms[i].label] += ms[i].score;
    /* for chains of one-word names, the lists have a say */
    double weight;
    int listed = list_label (an, gaz, &ms[i], &weight);
    if (listed >= 0)
      ch->votes[listed] += 0.25 * weight;
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

  /* labels and canonical names per chain: the longest mention of each,
   * the first of that length, in one pass */
  ms = (EntMention *) an->mentions->data;
  n = an->mentions->len;
  g_autofree guint *longest = g_new (guint, chains->len + 1);
  for (guint c = 0; c < chains->len; c++)
    longest[c] = G_MAXUINT;
  for (guint i = 0; i < n; i++) {
    guint c = ms[i].cluster - 1, b = longest[c];
    if (b == G_MAXUINT || ms[i].last - ms[i].first > ms[b].last - ms[b].first)
      longest[c] = i;
  }
  g_autofree const char **names = g_new (const char *, chains->len + 1);
  g_autofree guint *labels = g_new (guint, chains->len + 1);
  for (guint c = 0; c < chains->len; c++) {
    Chain *ch = &g_array_index (chains, Chain, c);
    int label = ch->multi_label;
    if (label < 0) {
      label = 0;
      for (guint l = 1; l < 4; l++)
        if (ch->votes[l] > ch->votes[label])
          label = l;
    }
    labels[c] = label;
    if (ch->canonical != NULL)
      names[c] = g_string_chunk_insert_const (an->strings, ch->canonical);
    else {
      g_autofree char *text = ent_span_text (an, ms[longest[c]].first, ms[longest[c]].last);
      names[c] = g_string_chunk_insert_const (an->strings, text);
    }
  }
  for (guint i = 0; i < n; i++) {
    ms[i].label = labels[ms[i].cluster - 1];
    ms[i].canonical = names[ms[i].cluster - 1];
  }
}
