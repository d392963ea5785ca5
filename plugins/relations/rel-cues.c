/* relations — the cue lists.
 *
 * Files are read with tamis_lexicon_load(), which checks their format and
 * reports "file:line: …"; the terms are then folded and indexed here by
 * their first word, exactly or by prefix, so that one entry `dépens*`
 * matches dépense, dépensé, dépenserait. */
#include <string.h>
#include <tamis/plugin.h>
#include <tamis/lexicon.h>

#include "rel-cues.h"

#define MAX_WORDS 6

typedef struct {
  guint n;
  char *words[MAX_WORDS];
  gboolean prefix[MAX_WORDS];
  RelCueInfo info;
} Term;

struct _RelCues {
  GPtrArray *terms;    /* Term*, owned */
  GHashTable *exact;   /* first word → GPtrArray of Term* */
  GHashTable *prefix;  /* first word's prefix → GPtrArray of Term* */
  guint max_prefix;    /* longest prefix, in bytes */
};

static const char *const role_names[REL_N_ROLES] = {
  [REL_ROLE_BLOCK] = "NONE",
  [REL_ROLE_PRONOUN] = "PRONOUN",
  [REL_ROLE_PRONOUN_ORG] = "PRONOUN_ORG",
  [REL_ROLE_PRONOUN_PER] = "PRONOUN_PER",
  [REL_ROLE_DESCRIPTION] = "DESCRIPTION",
  [REL_ROLE_TITLE] = "TITLE",
  [REL_ROLE_BREAK] = "BREAK",
  [REL_ROLE_OF] = "OF",
  [REL_ROLE_BY] = "BY",
  [REL_ROLE_PREP] = "PREP",
  [REL_ROLE_SOURCE] = "SOURCE",
  [REL_ROLE_ARTICLE] = "ARTICLE",
  [REL_ROLE_GOVERNMENT] = "GOVERNMENT",
  [REL_ROLE_RELATIVE] = "RELATIVE",
};

static const char *const relations[] = { "spends", "invests", "earns", "loses", "raises",
                                         "is fined", "values", "other" };

const char *
rel_relation_name (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    if (g_strcmp0 (label, relations[i]) == 0)
      return relations[i];
  return NULL;
}

static void
term_free (gpointer data)
{
  Term *t = data;
  for (guint i = 0; i < t->n; i++)
    g_free (t->words[i]);
  g_free (t);
}

static void
index_term (GHashTable *table, const char *key, Term *t)
{
  GPtrArray *list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), list);
    }
  g_ptr_array_add (list, t);
}

/* Splits a folded term into its words (the tokeniser's words, so that
 * `d'investir` is `d'` then `investir`), marking those ending in `*`. */
static gboolean
split_term (const char *term, Term *t)
{
  g_autofree char *folded = rel_fold (term, -1);
  g_autoptr (GArray) toks = g_array_new (FALSE, FALSE, sizeof (RelTok));
  gsize len = strlen (folded);

  rel_tokenize (folded, 0, len, toks);
  for (guint i = 0; i < toks->len; i++)
    {
      RelTok *k = &g_array_index (toks, RelTok, i);
      if (g_str_equal (k->fold, "*") && t->n > 0 && k->start == g_array_index (toks, RelTok, i - 1).end)
        {
          t->prefix[t->n - 1] = TRUE;
          continue;
        }
      if (t->n == MAX_WORDS)
        {
          rel_tokens_clear (toks);
          return FALSE;
        }
      t->words[t->n++] = g_strdup (k->fold);
    }
  rel_tokens_clear (toks);
  return t->n > 0;
}

RelCues *
rel_cues_load (const char *path, GError **error)
{
  g_autoptr (TamisLexicon) lex = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, error);
  RelCues *cues;
  guint n;

  if (lex == NULL)
    return NULL;
  cues = g_new0 (RelCues, 1);
  cues->terms = g_ptr_array_new_with_free_func (term_free);
  cues->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  cues->prefix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  n = tamis_lexicon_get_n_entries (lex);
  for (guint i = 0; i < n; i++)
    {
      const char *label = tamis_lexicon_get_label (lex, i);
      Term *t = g_new0 (Term, 1);

      t->info.relation = rel_relation_name (label);
      if (t->info.relation != NULL)
        t->info.role = REL_ROLE_RELATION;
      else
        for (guint r = 1; r < REL_N_ROLES; r++)
          if (role_names[r] != NULL && g_strcmp0 (label, role_names[r]) == 0)
            t->info.role = r;
      if (t->info.role == REL_ROLE_NONE)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: label '%s' is not a relation (spends, invests, earns, loses, raises, "
                       "is fined, values, other) nor a role (NONE, PRONOUN, PRONOUN_ORG, PRONOUN_PER, "
                       "DESCRIPTION, TITLE, BREAK, OF, BY, PREP, SOURCE, ARTICLE, GOVERNMENT, RELATIVE)",
                       path, tamis_lexicon_get_line (lex, i), label ? label : "");
          term_free (t);
          rel_cues_free (cues);
          return NULL;
        }
      if (!split_term (tamis_lexicon_get_term (lex, i), t))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: a term has 1 to %d words", path,
                       tamis_lexicon_get_line (lex, i), MAX_WORDS);
          term_free (t);
          rel_cues_free (cues);
          return NULL;
        }
      g_ptr_array_add (cues->terms, t);
      if (t->prefix[0])
        {
          index_term (cues->prefix, t->words[0], t);
          cues->max_prefix = MAX (cues->max_prefix, strlen (t->words[0]));
        }
      else
        index_term (cues->exact, t->words[0], t);
    }
  return cues;
}

void
rel_cues_free (RelCues *cues)
{
  if (cues == NULL)
    return;
  g_hash_table_unref (cues->exact);
  g_hash_table_unref (cues->prefix);
  g_ptr_array_unref (cues->terms);
  g_free (cues);
}

/* How well @t matches from token @i: 0 when it does not; else more for
 * more words, then for exact words and longer prefixes. */
static guint
term_match (const Term *t, const RelTok *toks, guint n_toks, guint i)
{
  guint quality = 0;

  if (i + t->n > n_toks)
    return 0;
  for (guint k = 0; k < t->n; k++)
    {
      const char *w = toks[i + k].fold;
      if (t->prefix[k])
        {
          if (!g_str_has_prefix (w, t->words[k]))
            return 0;
          quality += strlen (t->words[k]);
        }
      else
        {
          if (strcmp (w, t->words[k]) != 0)
            return 0;
          quality += 64;
        }
    }
  return t->n * 4096 + quality;
}

static void
best_of (GPtrArray *list, const RelTok *toks, guint n_toks, guint i, const Term **best, guint *best_q)
{
  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      const Term *t = list->pdata[k];
      guint q = term_match (t, toks, n_toks, i);
      if (q > *best_q)
        {
          *best_q = q;
          *best = t;
        }
    }
}

guint
rel_cues_match (const RelCues *cues, const RelTok *toks, guint n_toks, guint i, const RelCueInfo **info)
{
  const Term *best = NULL;
  guint best_q = 0;
  const char *w = toks[i].fold;
  gsize len = strlen (w);
  char buf[256];

  best_of (g_hash_table_lookup (cues->exact, w), toks, n_toks, i, &best, &best_q);
  if (toks[i].word && len < sizeof buf)
    for (gsize l = MIN (len, cues->max_prefix); l >= 1; l--)
      {
        memcpy (buf, w, l);
        buf[l] = '\0';
        best_of (g_hash_table_lookup (cues->prefix, buf), toks, n_toks, i, &best, &best_q);
      }
  if (best == NULL)
    return 0;
  *info = &best->info;
  return best->n;
}
