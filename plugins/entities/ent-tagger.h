/* entities — from a text to its entity mentions: tokens, lists, model,
 * rules and coreference, shared by the plugin and the trainer. */
#pragma once

#include <glib.h>

#include "ent-features.h"
#include "ent-gaz.h"
#include "ent-model.h"
#include "ent-token.h"

G_BEGIN_DECLS

typedef struct {
  guint first;            /* token indices, inclusive */
  guint last;
  guint label;            /* 0 PER, 1 ORG, 2 LOC, 3 MISC */
  double score;
  const char *canonical;  /* set by ent_coref(); owned by the analysis */
  guint cluster;
} EntMention;

/* Everything computed over one text; reused from text to text. */
typedef struct {
  GArray *tokens;       /* EntTok */
  GArray *gaz;          /* EntTokGaz */
  GArray *matches;      /* EntGazMatch */
  GArray *mentions;     /* EntMention */
  guint8 *tags;
  float *probs;
  gsize room;
  GStringChunk *strings;
  EntFeatDoc feat;
} EntAnalysis;

void ent_analysis_init (EntAnalysis *an);
void ent_analysis_clear (EntAnalysis *an);

/* Cuts @text into tokens, one sentence after the other: @bounds holds
 * pairs of byte offsets (start, end) of the sentences, or is NULL for the
 * whole text as one; then matches the lists and computes the features. */
void ent_analysis_prepare (EntAnalysis *an, const EntGaz *gaz, const char *text, gsize length,
                           const guint32 *bounds, guint n_bounds);

/* Tags the prepared text with @model and fills @an->mentions (rules
 * applied, no coreference yet). */
void ent_analysis_tag (EntAnalysis *an, const EntGaz *gaz, const EntModel *model);

/* Links mentions of the same entity, sets their canonical names and
 * unifies their labels; adds the repeated mentions the model missed. */
void ent_coref (EntAnalysis *an, const EntGaz *gaz);

/* The list matches starting at token @first: indices @from (inclusive) to
 * @to (exclusive) of @an->matches, which are in token order. */
void ent_analysis_matches_at (const EntAnalysis *an, guint first, guint *from, guint *to);

/* The text of tokens @first..@last with runs of space made one. */
char *ent_span_text (const EntAnalysis *an, guint first, guint last);

G_END_DECLS
