/* entities — the tagging model: a linear model over hashed features,
 * trained as an averaged perceptron, and its file format. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tags, one per token: O, then B- and I- of PER, ORG, LOC and MISC. */
#define ENT_N_TAGS 9
#define ENT_TAG_O 0
/* Floats per row in memory: a 64-byte cache line. */
#define ENT_ROW 16
#define ENT_TAG_BEGIN(label) (1 + 2 * (label))
#define ENT_TAG_INSIDE(label) (2 + 2 * (label))
#define ENT_TAG_LABEL(tag) ((guint) ((tag) - 1) / 2)
#define ENT_TAG_IS_INSIDE(tag) ((tag) > 0 && ((tag) - 1) % 2 == 1)

/* File format: "TAMISENT", then little-endian u32 format version, feature
 * version (what ent_features() computes), number of tags, hash bits and
 * number of rows; then the rows, each a u32 bucket and ENT_N_TAGS floats.
 * Buckets not listed weigh nothing. */
#define ENT_MODEL_MAGIC "TAMISENT"
#define ENT_MODEL_VERSION 1

typedef struct {
  guint bits;
  guint32 mask;
  float *weights;  /* (mask + 1) rows of ENT_ROW floats, ENT_N_TAGS used */
} EntModel;

EntModel *ent_model_new (guint bits);
void ent_model_free (EntModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntModel, ent_model_free)

/* Reads a model file; a file of another format or feature version is an
 * error saying so. */
EntModel *ent_model_load (const char *path, GError **error);
gboolean ent_model_save (const EntModel *model, const char *path, GError **error);

/* The score of each tag for a token with features @feats. */
void ent_model_scores (const EntModel *model, const guint32 *feats, guint n, float *scores);

/* The best tag allowed after @prev (I-X only after B-X or I-X), and its
 * probability under a softmax of the scores. */
guint ent_model_best (const float *scores, guint prev, double *probability);

/* Averaged perceptron training. */
typedef struct _EntTrainer EntTrainer;

EntTrainer *ent_trainer_new (guint bits);
void ent_trainer_free (EntTrainer *trainer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntTrainer, ent_trainer_free)

/* The model as trained so far (not averaged), to tag with during training. */
const EntModel *ent_trainer_current (EntTrainer *trainer);

/* One example: moves weights toward @gold and away from @predicted. */
void ent_trainer_update (EntTrainer *trainer, const guint32 *feats, guint n, guint gold,
                         guint predicted);

/* Counts one example seen (for the averages). */
void ent_trainer_tick (EntTrainer *trainer);

/* The averaged model. */
EntModel *ent_trainer_average (EntTrainer *trainer);

G_END_DECLS
