/* relations — the cue lists of a language (data/LANG/cues.tsv). */
#pragma once

#include <glib.h>

#include "rel-text.h"

G_BEGIN_DECLS

/* What an entry of a cue list is; the file spells the relations as they
 * are written in the `relation` layer and the other roles in capitals. */
typedef enum {
  REL_ROLE_NONE = 0,
  REL_ROLE_RELATION,    /* a verb or noun that decides a relation */
  REL_ROLE_BLOCK,       /* NONE: not a cue; hides a shorter prefix */
  REL_ROLE_PRONOUN,     /* il, elle: a person or an organisation */
  REL_ROLE_PRONOUN_ORG, /* it */
  REL_ROLE_PRONOUN_PER, /* he, she */
  REL_ROLE_DESCRIPTION, /* le groupe, the company: an organisation named before */
  REL_ROLE_TITLE,       /* PDG, CEO: ties a person to an organisation */
  REL_ROLE_BREAK,       /* alors que, while: a new subject follows */
  REL_ROLE_OF,          /* de, of: an owner follows */
  REL_ROLE_BY,          /* par, by: the agent of a participle follows */
  REL_ROLE_PREP,        /* other prepositions: a name after them is no subject */
  REL_ROLE_SOURCE,      /* selon, according to: a name after them owns nothing */
  REL_ROLE_ARTICLE,     /* le, la, the, its: may stand inside a chain of owners */
  REL_ROLE_GOVERNMENT,  /* gouvernement, government: a place may then spend */
  REL_ROLE_RELATIVE,    /* dont, qui, which: opens an apposition */
  REL_N_ROLES
} RelRole;

typedef struct {
  RelRole role;
  const char *relation; /* the relation of a REL_ROLE_RELATION entry, interned */
} RelCueInfo;

typedef struct _RelCues RelCues;

/* Reads a cue list in the lexicon format: `term<TAB>label`, a term being
 * words separated by spaces, any of which may end with `*` to match every
 * word it begins. Errors are TAMIS_ERROR_DATA "file:line: …". */
RelCues *rel_cues_load (const char *path, GError **error);
void rel_cues_free (RelCues *cues);

/* The longest entry matching the tokens of @toks from @i: returns the
 * number of tokens it covers (0 when none) and sets @info. An exact word
 * wins over a prefix, and a longer prefix over a shorter one. */
guint rel_cues_match (const RelCues *cues, const RelTok *toks, guint n_toks, guint i,
                      const RelCueInfo **info);

/* The label a relation entry gives, as the files spell it, or NULL. */
const char *rel_relation_name (const char *label);

G_END_DECLS
