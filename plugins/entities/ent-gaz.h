/* entities — gazetteers and cue lists, and what they say of each token. */
#pragma once

#include <glib.h>
#include <tamis/lexicon.h>

#include "ent-token.h"

G_BEGIN_DECLS

/* Labels of the name lists. */
typedef enum {
  ENT_G_PER,
  ENT_G_ORG,
  ENT_G_LOC,
  ENT_G_MISC,
  ENT_G_FIRST,   /* a given name */
  ENT_G_LAST,    /* a frequent family name */
  ENT_G_DEMONYM, /* French, Uzbek, Parisiens */
  ENT_G_N
} EntGazLabel;

/* Classes of the cue lists: words around or inside names. */
typedef enum {
  ENT_CUE_PER_TITLE,      /* M., Mme, CEO, président */
  ENT_CUE_PER_BEFORE,     /* selon, according to */
  ENT_CUE_PER_VERB_AFTER, /* a déclaré, said */
  ENT_CUE_ORG_BEFORE,     /* la société, the company */
  ENT_CUE_ORG_HEAD,       /* Banque, University of */
  ENT_CUE_ORG_SUFFIX,     /* Inc., SA, Group */
  ENT_CUE_LOC_BEFORE,     /* à, in, la ville de */
  ENT_CUE_LOC_HEAD,       /* Mont, Lake */
  ENT_CUE_LOC_SUFFIX,     /* River, Valley */
  ENT_CUE_MISC_BEFORE,    /* le modèle, the chip */
  ENT_CUE_NOT_ENTITY,     /* Cependant, IA, PDG */
  ENT_CUE_N
} EntCue;

/* The four entity labels, in the order of EntGazLabel. */
extern const char *const ent_entity_labels[4];

/* What the lists say of one token. */
typedef struct {
  guint8 pos[ENT_G_N];   /* 0 none, 1 begins, 2 inside, 3 ends, 4 whole match */
  guint8 weight[ENT_G_N]; /* the entry's weight in tenths */
  guint16 cue_start;     /* cue classes of matches starting here */
  guint16 cue_end;       /* … ending here */
  guint16 cue_in;        /* … covering it */
} EntTokGaz;

/* One match of a name list, kept to look up canonical names. */
typedef struct {
  guint32 first;  /* token indices, inclusive */
  guint32 last;
  guint entry;    /* entry of the combined name list */
} EntGazMatch;

typedef struct _EntGaz EntGaz;

/* Loads the lists: the files of @default_files (the plugin's data), then
 * @user_files, whose entries replace the defaults of the same term. Every
 * line is checked; an unknown label is an error naming file and line. */
EntGaz *ent_gaz_new (const char *const *default_files, const char *const *user_files, GError **error);
void ent_gaz_free (EntGaz *gaz);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntGaz, ent_gaz_free)

/* Number of entries in the name lists, and in the cue lists. */
guint ent_gaz_n_names (const EntGaz *gaz);
guint ent_gaz_n_cues (const EntGaz *gaz);

/* Fills @out (one EntTokGaz per token, zeroed first) and appends to
 * @matches the name-list matches over @tokens, whose folded forms hash to
 * @words (ent_word_hash()). */
void ent_gaz_annotate (const EntGaz *gaz, const guint32 *words, const EntTok *tokens,
                       guint n_tokens, EntTokGaz *out, GArray *matches);

/* The entity label of a name-list entry (an EntGazLabel) and its canonical
 * name: the one the list gives, else the term as the list writes it (so
 * `Openai` in a text reads `OpenAI`). */
EntGazLabel ent_gaz_entry_label (const EntGaz *gaz, guint entry);
const char *ent_gaz_entry_canonical (const EntGaz *gaz, guint entry);
double ent_gaz_entry_weight (const EntGaz *gaz, guint entry);
/* Whether the entry comes from a user's list. */
gboolean ent_gaz_entry_is_user (const EntGaz *gaz, guint entry);

/* What the name lists say of a single word wherever it appears in them:
 * bit 4 × label + position (0 first word of a longer name, 1 inside, 2
 * last word, 3 the whole name), for PER, ORG, LOC and MISC; so `Ligue`
 * reads as the start of organisations and events, `hockey` as inside
 * organisations, even in names no list holds. @word is the hash of the
 * word's folded form (ent_hash_bytes() of ent_fold()). */
guint16 ent_gaz_word_roles (const EntGaz *gaz, guint32 word);

/* The .tsv files of a directory, sorted by name, appended to @files. */
gboolean ent_gaz_list_dir (const char *dir, GPtrArray *files, GError **error);

G_END_DECLS
