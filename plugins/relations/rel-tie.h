/* relations — tying amounts of money to the entities they belong to. */
#pragma once

#include <tamis/plugin.h>

#include "rel-cues.h"

G_BEGIN_DECLS

typedef struct {
  guint window;       /* most words between a cue and its amount */
  guint sentences;    /* most sentences back for a pronoun or description */
  double min_score;   /* ties scored lower are not written */
  gboolean coreference; /* pronouns, descriptions and repeated amounts */
} RelParams;

/* Reads the `sentence`, `entity` and `money` layers of @doc and writes
 * `relation` and `relation_cue` with the cues of @cues. */
void rel_tie_doc (const RelParams *params, const RelCues *cues, TamisDoc *doc);

G_END_DECLS
