/* entities — gazetteers and cue lists, and what they say of each token.
 *
 * All the name lists are merged into one lexicon, and all the cue lists
 * into another, so that a document is matched twice whatever the number
 * of files; they are two because the matcher keeps the longest match
 * without overlaps, and a cue (`la société`) must not hide the name that
 * follows it (`Société Générale`). */
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
  float weight;
  const char *canonical; /* in @strings, NULL when the entry is its own */
} EntEntry;

struct _EntGaz {
  TamisLexicon *names;
  TamisLexicon *cues;
  GArray *name_entries; /* EntEntry, by entry of @names */
  GArray *cue_entries;
  GStringChunk *strings;
  guint32 *role_keys;   /* open addressing: word hash (0 free) → roles */
  guint16 *role_bits;
  guint32 role_mask;
};

static int
label_index (const char *const *names, guint n, const char *label)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i], label))
      return (int) i;
  return -1;
}

/* Appends the entries of one file to the merged lists. */
static gboolean
add_file (EntGaz *gaz, const char *path, gboolean user, GString *names, GString *cues,
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
    if (term[0] == '#')  /* would read as a comment once merged */
      continue;
    const char *canonical = named ? tamis_lexicon_get_field_by_name (lex, e, "canonical")
                                  : tamis_lexicon_get_field (lex, e, 0);
    EntEntry entry = {
      .label = (guint8) (g >= 0 ? g : c),
      .user = user,
      .weight = (float) tamis_lexicon_get_weight (lex, e),
      .canonical = canonical != NULL && !g_str_equal (canonical, term)
                   ? g_string_chunk_insert_const (gaz->strings, canonical) : NULL,
    };
    GString *out = g >= 0 ? names : cues;
    g_string_append_printf (out, "%s\t%s\t%g\n", term, label, entry.weight);
    g_array_append_val (g >= 0 ? gaz->name_entries : gaz->cue_entries, entry);
  }
  return TRUE;
}

void
ent_gaz_free (EntGaz *gaz)
{
  if (gaz == NULL)
    return;
  tamis_lexicon_unref (gaz->names);
  tamis_lexicon_unref (gaz->cues);
  g_array_unref (gaz->name_entries);
  g_array_unref (gaz->cue_entries);
  g_string_chunk_free (gaz->strings);
  g_free (gaz->role_keys);
  g_free (gaz->role_bits);
  g_free (gaz);
}

static void
role_add (EntGaz *gaz, guint32 key, guint16 bits)
{
  key |= 1;
  for (guint32 i = key & gaz->role_mask;; i = (i + 1) & gaz->role_mask) {
    if (gaz->role_keys[i] == 0)
      gaz->role_keys[i] = key;
    if (gaz->role_keys[i] == key) {
      gaz->role_bits[i] |= bits;
      return;
    }
  }
}

guint16
ent_gaz_word_roles (const EntGaz *gaz, guint32 word)
{
  guint32 key = word | 1;

  for (guint32 i = key & gaz->role_mask;; i = (i + 1) & gaz->role_mask) {
    if (gaz->role_keys[i] == key)
      return gaz->role_bits[i];
    if (gaz->role_keys[i] == 0)
      return 0;
  }
}

static void
build_roles (EntGaz *gaz)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (EntTok));
  g_autoptr(GString) folded = g_string_new (NULL);
  guint32 size = 1024;

  while (size < 4 * gaz->name_entries->len)
    size <<= 1;
  gaz->role_keys = g_new0 (guint32, size);
  gaz->role_bits = g_new0 (guint16, size);
  gaz->role_mask = size - 1;
  for (guint e = 0; e < gaz->name_entries->len; e++) {
    const EntEntry *entry = &g_array_index (gaz->name_entries, EntEntry, e);
    if (entry->label > ENT_G_MISC || entry->weight < 0.5)
      continue;
    const char *term = tamis_lexicon_get_term (gaz->names, e);
    g_array_set_size (tokens, 0);
    ent_tokenize (term, 0, strlen (term), 0, tokens);
    guint n = tokens->len;
    for (guint i = 0; i < n; i++) {
      const EntTok *t = &g_array_index (tokens, EntTok, i);
      if (!(t->flags & ENT_TOK_HAS_LETTER))
        continue;
      guint pos = n == 1 ? 3 : i == 0 ? 0 : i == n - 1 ? 2 : 1;
      ent_fold (term + t->start, t->end - t->start, folded);
      role_add (gaz, ent_hash_bytes (folded->str, folded->len), 1u << (4 * entry->label + pos));
    }
  }
}

EntGaz *
ent_gaz_new (const char *const *default_files, const char *const *user_files, GError **error)
{
  g_autoptr(EntGaz) gaz = g_new0 (EntGaz, 1);
  g_autoptr(GString) names = g_string_new ("");
  g_autoptr(GString) cues = g_string_new ("");

  gaz->name_entries = g_array_new (FALSE, FALSE, sizeof (EntEntry));
  gaz->cue_entries = g_array_new (FALSE, FALSE, sizeof (EntEntry));
  gaz->strings = g_string_chunk_new (4096);
  for (guint i = 0; default_files != NULL && default_files[i] != NULL; i++)
    if (!add_file (gaz, default_files[i], FALSE, names, cues, error))
      return NULL;
  for (guint i = 0; user_files != NULL && user_files[i] != NULL; i++)
    if (!add_file (gaz, user_files[i], TRUE, names, cues, error))
      return NULL;
  gaz->names = tamis_lexicon_new_from_data ("entity names", names->str, names->len,
                                            TAMIS_LEXICON_FOLD_ALL, error);
  if (gaz->names == NULL)
    return NULL;
  gaz->cues = tamis_lexicon_new_from_data ("entity cues", cues->str, cues->len,
                                           TAMIS_LEXICON_FOLD_ALL, error);
  if (gaz->cues == NULL)
    return NULL;
  g_assert (tamis_lexicon_get_n_entries (gaz->names) == gaz->name_entries->len);
  build_roles (gaz);
  g_assert (tamis_lexicon_get_n_entries (gaz->cues) == gaz->cue_entries->len);
  return g_steal_pointer (&gaz);
}

guint
ent_gaz_n_names (const EntGaz *gaz)
{
  return gaz->name_entries->len;
}

guint
ent_gaz_n_cues (const EntGaz *gaz)
{
  return gaz->cue_entries->len;
}

EntGazLabel
ent_gaz_entry_label (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->name_entries, EntEntry, entry).label;
}

const char *
ent_gaz_entry_canonical (const EntGaz *gaz, guint entry)
{
  const char *canonical = g_array_index (gaz->name_entries, EntEntry, entry).canonical;

  return canonical != NULL ? canonical : tamis_lexicon_get_term (gaz->names, entry);
}

gboolean
ent_gaz_entry_is_user (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->name_entries, EntEntry, entry).user;
}

double
ent_gaz_entry_weight (const EntGaz *gaz, guint entry)
{
  return g_array_index (gaz->name_entries, EntEntry, entry).weight;
}

typedef struct {
  const EntGaz *gaz;
  const EntTok *tokens;
  guint n_tokens;
  EntTokGaz *out;
  GArray *matches;  /* EntGazMatch, names only */
} Annotate;

/* The token starting at byte @start (or ending at @end), or -1. */
static int
token_starting (const EntTok *tokens, guint n, guint32 start)
{
  guint lo = 0, hi = n;

  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (tokens[mid].start < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && tokens[lo].start == start ? (int) lo : -1;
}

static int
token_ending (const EntTok *tokens, guint n, guint from, guint32 end)
{
  for (guint i = from; i < n && tokens[i].start < end; i++)
    if (tokens[i].end == end)
      return (int) i;
  return -1;
}

static gboolean
on_name (const TamisLexicon *lex, guint entry, guint32 start, guint32 end, gpointer data)
{
  Annotate *a = data;
  int first = token_starting (a->tokens, a->n_tokens, start);
  int last = first >= 0 ? token_ending (a->tokens, a->n_tokens, first, end) : -1;

  if (last >= 0) {
    EntGazMatch m = { (guint32) first, (guint32) last, entry };
    g_array_append_val (a->matches, m);
  }
  return TRUE;
}

static gboolean
on_cue (const TamisLexicon *lex, guint entry, guint32 start, guint32 end, gpointer data)
{
  Annotate *a = data;
  int first = token_starting (a->tokens, a->n_tokens, start);
  int last = first >= 0 ? token_ending (a->tokens, a->n_tokens, first, end) : -1;

  if (last >= 0) {
    guint16 bit = 1u << g_array_index (a->gaz->cue_entries, EntEntry, entry).label;
    a->out[first].cue_start |= bit;
    a->out[last].cue_end |= bit;
    for (int i = first; i <= last; i++)
      a->out[i].cue_in |= bit;
  }
  return TRUE;
}

void
ent_gaz_annotate (const EntGaz *gaz, const char *text, gsize length, const EntTok *tokens,
                  guint n_tokens, EntTokGaz *out, GArray *matches)
{
  Annotate a = { gaz, tokens, n_tokens, out, matches };
  guint from = matches->len;

  memset (out, 0, n_tokens * sizeof (EntTokGaz));
  if (n_tokens == 0)
    return;
  tamis_lexicon_match (gaz->names, text, length, NULL, on_name, &a);
  tamis_lexicon_match (gaz->cues, text, length, NULL, on_cue, &a);

  /* A user's entry replaces the defaults of the same term: the entries of
   * one term come together, in file order, defaults first. */
  guint kept = from;
  for (guint i = from; i < matches->len;) {
    EntGazMatch *m = &g_array_index (matches, EntGazMatch, i);
    guint j = i;
    gboolean user = FALSE;
    while (j < matches->len && g_array_index (matches, EntGazMatch, j).first == m->first
           && g_array_index (matches, EntGazMatch, j).last == m->last) {
      user |= g_array_index (gaz->name_entries, EntEntry,
                             g_array_index (matches, EntGazMatch, j).entry).user;
      j++;
    }
    for (guint k = i; k < j; k++) {
      EntGazMatch mk = g_array_index (matches, EntGazMatch, k);
      const EntEntry *e = &g_array_index (gaz->name_entries, EntEntry, mk.entry);
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
