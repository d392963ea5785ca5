/* sentiment — scoring one document: sentences, cues, the document and the
 * entities it speaks of. */
#pragma once

#include <glib.h>
#include <tamis/document.h>

#include "senti-lex.h"

G_BEGIN_DECLS

typedef struct {
  double neutral_threshold; /* |score| below it is neutral */
  gboolean cues;            /* write the sentiment_cue layer */
  gboolean targets;         /* score the entities of an `entity` layer */
} SentiParams;

/* Prepares the tables of the scorer; call once before scoring. */
void senti_score_init (void);

/* Scores @doc with @lexicon (matched with its language) and writes the
 * layers and attributes the plugin declares. Thread-safe: @params and
 * @lexicon are only read. */
void senti_score_doc (const SentiParams *params, const SentiLexicon *lexicon, TamisDoc *doc);

/* The normalised score of a sum of cue weights, in (-1, 1). */
double senti_normalize (double raw);

G_END_DECLS
