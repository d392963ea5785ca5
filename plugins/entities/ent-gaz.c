/* entities — gazetteers and cue lists, and what they say of each token.
 *
 * The files are read and checked by the core's lexicon loader (one format,
 * errors at file:line), but not matched with it: the plugin has already
 * cut the text into tokens and hashed their folded forms for its features,
 * and looking each token up in a table of the lists' first words costs a
 * hash probe, where two more passes of the lexicon matcher over the text
 * took a quarter of the stage's time. The matching keeps the lexicon's
 * rule: at each token the longest term starting there wins, matching
 * resumes after it, and all the entries of that same term are reported.
 * Names and cues are matched apart, so that a cue (`la société`) never
 * hides the name that follows it (`Société Générale`). */
#include "ent-gaz.h"
#include "ent-features.h"

#include <string.h>
#include <tamis/error.h>

const char *const ent_entity_labels[4] = { "PER", "ORG", "LOC", "MISC" };

static const char *const gaz_names[ENT_G_N] = {
  "PER", "ORG", "LOC", "MISC", "FIRST", "LAST", "DEMONYM"
};

static const char *const cue_names[ENT_CUE_N] = {
  "PER_TITLE", "PER_BEFORE", "PER_VERB_AFTER", "ORG_BEFORE", "ORG_HEAD", "ORG_SUFFIX",
  "LOC_BEFORE", "LOC_HEAD", "LOC_SUFFIX", "MISC_BEFORE", "NOT_ENTITY"
};

typedef struct {
  guint8 label;     /* EntGazLabel or EntCue */
  guint8 user;      /* from a user's file: replaces the defaults */
  guint8 n_words;
  float weight;
  const char *term;      /* in @strings */
  const char *canonical; /* in @strings, NULL when the entry is its own */
  guint32 words;         /* first word hash in the list's @words */
} EntEntry;

typedef struct {
  guint64 key;      /* node << 32 | word, ~0 for a free slot */
  guint32 child;
} EntSlot;

#define FIRSTS_BITS 18

/* One list, ready to match: its entries, the word hashes of their terms,
 * and a trie over word hashes: an open-addressing table from (node, word)
 * to the child node, node 0 the root; the entries ending at a node are
 * the run entries[ends_from[node] .. ends_to[node]) of @ends. */
typedef struct {
  GArray *entries;  /* EntEntry */
  GArray *words;    /* guint32 */
  EntSlot *slots;   /* the trie's edges */
  guint32 mask;
  guint64 *firsts;  /* a bit per hash of the first words, to skip most tokens at once */
  guint32 n_nodes;
  guint32 *ends;    /* entry indices, grouped by the node they end at, in file order */
  guint32 *ends_from;
  guint32 *ends_to;
} EntList;

struct _EntGaz {
  EntList names;
  EntList cues;
  GStringChunk *strings;
  EntWordMap roles;     /* word hash → roles */
};

static int
label_index (const char *const *names, guint n, const char *label)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i], label))
      return (int) i;
  return -1;
}

/* Cuts @term as texts are cut and appends its word hashes to @list. */
static guint
add_words (EntList *list, const char *term, GArray *tokens, GString *scratch)
{
  g_array_set_size (tokens, 0);
  ent_tokenize (term, 0, strlen (term), 0, tokens);
  for (guint i = 0; i < tokens->len; i++) {
    const EntTok *t = &g_array_index (tokens, EntTok, i);
    guint32 h = ent_word_hash (term + t->start, t->end - t->start, scratch);
    g_array_append_val (list->words, h);
  }
  return tokens->len;
}

/* Appends the entries of one file to the lists. */
static gboolean
add_file (EntGaz *gaz, const char *path, gboolean user, GArray *tokens, GString *scratch,
          GError **error)
{
  g_autoptr(TamisLexicon) lex = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, error);

  if (lex == NULL)
    return FALSE;
  gboolean named = tamis_lexicon_get_n_field_names (lex) > 0;
  for (guint e = 0; e < tamis_lexicon_get_n_entries (lex); e++) {
    const char *term = tamis_lexicon_get_term (lex, e);
    const char *label = tamis_lexicon_get_label (lex, e);
    int g = label != NULL ? label_index (gaz_names, ENT_G_N, label) : -1;
    int c = label != NULL && g < 0 ? label_index (cue_names, ENT_CUE_N, label) : -1;

    if (g < 0 && c < 0) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                   "%s:%u: %s label '%s': expected PER, ORG, LOC, MISC, FIRST, LAST, DEMONYM "
                   "or a cue class (PER_TITLE, ORG_BEFORE, NOT_ENTITY…)",
                   path, tamis_lexicon_get_line (lex, e), label ? "unknown" : "missing",
                   label ? label : "");
      return FALSE;
    }
    const char *canonical = named ? tamis_lexicon_get_field_by_name (lex, e, "canonical")
                                  : tamis_lexicon_get_field (lex, e, 0);
    EntList *list = g >= 0 ? &gaz->names : &gaz->cues;
    EntEntry entry = {
      .label = (guint8) (g >= 0 ? g : c),
      .user = user,
      .weight = (float) tamis_lexicon_get_weight (lex, e),
      .term = g_string_chunk_insert_const (gaz->strings, term),
      .canonical = canonical != NULL && !g_str_equal (canonical, term)
                   ? g_string_chunk_insert_const (gaz->strings, canonical) : NULL,
      .words = list->words->len,
    };
    guint n = add_words (list, term, tokens, scratch);
    if (n == 0 || n > 255) {
      g_array_set_size (list->words, entry.words);
      continue;
    }
    entry.n_words = (guint8) n;
    g_array_append_val (list->entries, entry);
  }
  return TRUE;
}

static void
list_init (EntList *list)
{
  list->entries = g_array_new (FALSE, FALSE, sizeof (EntEntry));
  list->words = g_array_new (FALSE, FALSE, sizeof (guint32));
}

static void
list_clear (EntList *list)
{
  if (list->entries != NULL)
    g_array_unref (list->entries);
  if (list->words != NULL)
    g_array_unref (list->words);
  g_free (list->slots);
  g_free (list->firsts);
  g_free (list->ends);
  g_free (list->ends_from);
  g_free (list->ends_to);
}

static inline guint32
slot_of (guint64 key, guint32 mask)
{
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return (guint32) key & mask;
}

/* The child of @node by @word, or 0 when there is none. */
static inline guint32
trie_step (const EntList *list, guint32 node, guint32 word)
{
  guint64 key = ((guint64) node << 32) | word;

  for (guint32 i = slot_of (key, list->mask);; i = (i + 1) & list->mask) {
    if (list->slots[i].key == key)
      return list->slots[i].child;
    if (list->slots[i].key == G_MAXUINT64)
      return 0;
  }
}

static guint32
trie_insert (EntList *list, guint32 node, guint32 word)
{
  guint64 key = ((guint64) node << 32) | word;

  for (guint32 i = slot_of (key, list->mask);; i = (i + 1) & list->mask) {
    if (list->slots[i].key == key)
      return list->slots[i].child;
    if (list->slots[i].key == G_MAXUINT64) {
      list->slots[i].key = key;
      list->slots[i].child = list->n_nodes++;
      return list->slots[i].child;
    }
  }
}

static void
list_index (EntList *list)
{
  guint n = list->entries->len;
  guint32 size = 16;
  g_autofree guint32 *end_node = g_new (guint32, n + 1);

  /* at most one node per word of every term, plus the root */
  while (size < 2 * (list->words->len + 1))
    size <<= 1;
  list->slots = g_new (EntSlot, size);
  for (guint32 i = 0; i < size; i++)
    list->slots[i].key = G_MAXUINT64;
  list->mask = size - 1;
  list->firsts = g_new0 (guint64, (1u << FIRSTS_BITS) / 64);
  list->n_nodes = 1;
  for (guint e = 0; e < n; e++) {
    const EntEntry *entry = &g_array_index (list->entries, EntEntry, e);
    guint32 node = 0;
    for (guint k = 0; k < entry->n_words; k++)
      node = trie_insert (list, node, g_array_index (list->words, guint32, entry->words + k));
    end_node[e] = node;
    guint32 first = g_array_index (list->words, guint32, entry->words) & ((1u << FIRSTS_BITS) - 1);
    list->firsts[first / 64] |= G_GUINT64_CONSTANT (1) << (first % 64);
  }
  /* entries grouped by their end node, in file order within a node */
  list->ends_from = g_new0 (guint32, list->n_nodes + 1);
  list->ends_to = g_new0 (guint32, list->n_nodes + 1);
  list->ends = g_new (guint32, n + 1);
  for (guint e = 0; e < n; e++)
    list->ends_to[end_node[e]]++;
  guint32 at = 0;
  for (guint32 v = 0; v < list->n_nodes; v++) {
    list->ends_from[v] = at;
    at += list->ends_to[v];
    list->ends_to[v] = list->ends_from[v];
  }
  for (guint e = 0; e < n; e++)
    list->ends[list->ends_to[end_node[e]]++] = e;
}

void
ent_gaz_free (EntGaz *gaz)
{
  if (gaz == NULL)
    return;
  list_clear (&gaz->names);
  list_clear (&gaz->cues);
  g_string_chunk_free (gaz->strings);
  ent_word_map_clear (&gaz->roles);
  g_free (gaz);
}

guint16
ent_gaz_word_roles (const EntGaz *gaz, guint32 word)
{
  return ent_word_map_get (&gaz->roles, word);
}

static void
build_roles (EntGaz *gaz)
{
  const EntList *list = &gaz->names;

  ent_word_map_init (&gaz->roles, list->words->len);
  for (guint e = 0; e < list->entries->len; e++) {
    const EntEntry *entry = &g_array_index (list->entries, EntEntry, e);
    if (entry->label > ENT_G_MISC || entry->weight < 0.5)
      continue;
    guint n = entry->n_words;
    for (guint i = 0; i < n; i++) {
      guint pos = n == 1 ? 3 : i == 0 ? 0 : i == n - 1 ? 2 : 1;
      ent_word_map_add (&gaz->roles, g_array_index (list->words, guint32, entry->words + i),
                        1u << (4 * entry->label + pos));
    }
  }
}

EntGaz *
ent_gaz_new (const char *const *default_files, const char *const *user_files, GError **error)
{
  g_autoptr(EntGaz) gaz = g_new0 (EntGaz, 1);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (EntTok));
  g_autoptr(GString) scratch = g_string_new ("");

  list_init (&gaz->names);
  list_init (&gaz->cues);
  gaz->strings = g_string_chunk_new (1 << 16);
  for (guint i = 0; default_files != NULL && default_files[i] != NULL; i++)
    if (!add_file (gaz, default_files[i], FALSE, tokens, scratch, error))
      return NULL;
  for (guint i = 0; user_files != NULL && user_files[i] != NULL; i++)
    if (!add_file (gaz, user_files[i], TRUE, tokens, scratch, error))
      return NULL;
  list_index (&gaz->names);
  list_index (&gaz->cues);
  build_roles (gaz);
  return g_steal_pointer (&gaz);
}

guint
ent_gaz_n_names (const EntGaz *gaz)
{
  return gaz->names.entries->len;
}

guint
ent_gaz_n_cues (const EntGaz *gaz)
{
  return gaz->cues.entries->len;
}

EntGazLabel
ent_gaz_entry_label (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->names.entries, EntEntry, entry).label;
}

const char *
ent_gaz_entry_canonical (const EntGaz *gaz, guint entry)
{
  const EntEntry *e = &g_array_index (gaz->names.entries, EntEntry, entry);

  return e->canonical != NULL ? e->canonical : e->term;
}

gboolean
ent_gaz_entry_is_user (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->names.entries, EntEntry, entry).user;
}

double
ent_gaz_entry_weight (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->names.entries, EntEntry, entry).weight;
}

/* Calls @found for each entry of the longest term of @list at each token
 * where @starts allows one to start, left to right, without overlaps. */
static void
list_match (const EntList *list, const guint32 *words, const EntTok *tokens, guint n_tokens,
            const guint8 *starts,
            void (*found) (const EntList *, guint entry, guint first, guint last, gpointer),
            gpointer data)
{
  if (list->entries->len == 0)
    return;
  for (guint i = 0; i < n_tokens;) {
    guint32 node = 0, best = 0;
    guint len = 0;
    guint32 f = words[i] & ((1u << FIRSTS_BITS) - 1);
    if ((tokens[i].flags & ENT_TOK_WORD) && starts[i]
        && (list->firsts[f / 64] & (G_GUINT64_CONSTANT (1) << (f % 64))))
      for (guint k = i; k < n_tokens && tokens[k].sentence == tokens[i].sentence; k++) {
        node = trie_step (list, node, words[k]);
        if (node == 0)
          break;
        if (list->ends_to[node] > list->ends_from[node]) {
          best = node;
          len = k - i + 1;
        }
      }
    for (guint32 r = list->ends_from[best]; len > 0 && r < list->ends_to[best]; r++)
      found (list, list->ends[r], i, i + len - 1, data);
    i += len > 0 ? len : 1;
  }
}

typedef struct {
  EntTokGaz *out;
  GArray *matches;
} Annotate;

static void
on_name (const EntList *list, guint entry, guint first, guint last, gpointer data)
{
  Annotate *a = data;
  EntGazMatch m = { first, last, entry };

  g_array_append_val (a->matches, m);
}

static void
on_cue (const EntList *list, guint entry, guint first, guint last, gpointer data)
{
  Annotate *a = data;
  guint16 bit = 1u << g_array_index (list->entries, EntEntry, entry).label;

  a->out[first].cue_start |= bit;
  a->out[last].cue_end |= bit;
  for (guint i = first; i <= last; i++)
    a->out[i].cue_in |= bit;
}

void
ent_gaz_annotate (const EntGaz *gaz, const guint32 *words, const EntTok *tokens, guint n_tokens,
                  EntTokGaz *out, GArray *matches)
{
  Annotate a = { out, matches };
  guint from = matches->len;

  if (n_tokens == 0)
    return;
  memset (out, 0, n_tokens * sizeof (EntTokGaz));

  /* Only what the model looks at is matched: names that hold a capital
   * (they start at most two words before one: `mont Blanc`, `de la
   * Somme`), cues within reach of a capitalised word (they end at most
   * two words before it or start at most two after, and are up to five
   * words long). Lower-case text far from any name, most of an article,
   * is skipped. */
  g_autofree guint8 *starts = g_new0 (guint8, 2 * (gsize) n_tokens);
  guint8 *near = starts + n_tokens;
  for (guint c = 0; c < n_tokens; c++) {
    if (!(tokens[c].flags & (ENT_TOK_HAS_UPPER | ENT_TOK_HAS_DIGIT)))
      continue;
    for (guint i = c >= 2 ? c - 2 : 0; i <= c; i++)
      starts[i] = 1;
    for (guint i = c >= 7 ? c - 7 : 0; i <= c + 2 && i < n_tokens; i++)
      near[i] = 1;
  }
  list_match (&gaz->names, words, tokens, n_tokens, starts, on_name, &a);
  list_match (&gaz->cues, words, tokens, n_tokens, near, on_cue, &a);

  /* A user's entry replaces the defaults of the same term: the entries of
   * one term come together. */
  guint kept = from;
  for (guint i = from; i < matches->len;) {
    EntGazMatch *m = &g_array_index (matches, EntGazMatch, i);
    guint j = i;
    gboolean user = FALSE;
    while (j < matches->len && g_array_index (matches, EntGazMatch, j).first == m->first
           && g_array_index (matches, EntGazMatch, j).last == m->last) {
      user |= g_array_index (gaz->names.entries, EntEntry,
                             g_array_index (matches, EntGazMatch, j).entry).user;
      j++;
    }
    for (guint k = i; k < j; k++) {
      EntGazMatch mk = g_array_index (matches, EntGazMatch, k);
      const EntEntry *e = &g_array_index (gaz->names.entries, EntEntry, mk.entry);
      if (user && !e->user)
        continue;
      g_array_index (matches, EntGazMatch, kept++) = mk;
      guint8 w = (guint8) CLAMP (e->weight * 10 + 0.5, 1, 10);
      for (guint32 t = mk.first; t <= mk.last; t++) {
        guint8 pos = mk.first == mk.last ? 4 : t == mk.first ? 1 : t == mk.last ? 3 : 2;
        if (w >= out[t].weight[e->label]) {
          out[t].pos[e->label] = pos;
          out[t].weight[e->label] = w;
        }
      }
    }
    i = j;
  }
  g_array_set_size (matches, kept);
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
ent_gaz_list_dir (const char *dir, GPtrArray *files, GError **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (found, compare_paths);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (files, found->pdata[i]);
  return TRUE;
}
