/* entities — the tagging model and its file format. */
#include "ent-model.h"
#include "ent-features.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <tamis/error.h>

EntModel *
ent_model_new (guint bits)
{
  EntModel *model = g_new0 (EntModel, 1);

  model->bits = bits;
  model->mask = (1u << bits) - 1;
  /* a row per cache line: one memory access per feature */
  model->weights = g_aligned_alloc0 ((gsize) model->mask + 1, ENT_ROW * sizeof (float), 64);
  return model;
}

void
ent_model_free (EntModel *model)
{
  if (model == NULL)
    return;
  g_aligned_free (model->weights);
  g_free (model);
}

static inline guint32
rd32 (const guchar *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
bad_model (const char *path, GError **error, const char *why)
{
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s: not a usable entity model (%s)", path, why);
  return FALSE;
}

#define HEADER_SIZE (8 + 5 * 4)
#define ROW_SIZE (4 + ENT_N_TAGS * 4)

EntModel *
ent_model_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &data, &len, &local)) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "cannot read entity model %s: %s", path,
                 local->message);
    return NULL;
  }
  const guchar *p = (const guchar *) data;
  if (len < HEADER_SIZE || memcmp (p, ENT_MODEL_MAGIC, 8) != 0)
    return bad_model (path, error, "not an entity model file"), NULL;
  guint32 version = rd32 (p + 8), features = rd32 (p + 12);
  if (version != ENT_MODEL_VERSION) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                 "%s: entity model format %u, this plugin reads format %u: train it again with "
                 "tamis-train-entities", path, version, (guint) ENT_MODEL_VERSION);
    return NULL;
  }
  if (features != ENT_FEATURE_VERSION) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                 "%s: entity model trained on feature set %u, this plugin computes set %u: train "
                 "it again with tamis-train-entities", path, features, (guint) ENT_FEATURE_VERSION);
    return NULL;
  }
  guint32 tags = rd32 (p + 16), bits = rd32 (p + 20), rows = rd32 (p + 24);
  if (tags != ENT_N_TAGS)
    return bad_model (path, error, "wrong number of tags"), NULL;
  if (bits < 8 || bits > 26)
    return bad_model (path, error, "bad hash size"), NULL;
  if (rows > (1u << bits) || len != HEADER_SIZE + (gsize) rows * ROW_SIZE)
    return bad_model (path, error, "truncated or bad length"), NULL;

  g_autoptr(EntModel) model = ent_model_new (bits);
  const guchar *r = p + HEADER_SIZE;
  for (guint32 i = 0; i < rows; i++, r += ROW_SIZE) {
    guint32 bucket = rd32 (r);
    if (bucket > model->mask)
      return bad_model (path, error, "bucket out of range"), NULL;
    for (guint t = 0; t < ENT_N_TAGS; t++) {
      union { guint32 u; float f; } v = { .u = rd32 (r + 4 + 4 * t) };
      if (!isfinite (v.f))
        return bad_model (path, error, "weight not a number"), NULL;
      model->weights[(gsize) bucket * ENT_ROW + t] = v.f;
    }
  }
  return g_steal_pointer (&model);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guchar b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };
  g_byte_array_append (out, b, 4);
}

gboolean
ent_model_save (const EntModel *model, const char *path, GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 rows = 0;

  g_byte_array_append (out, (const guint8 *) ENT_MODEL_MAGIC, 8);
  put32 (out, ENT_MODEL_VERSION);
  put32 (out, ENT_FEATURE_VERSION);
  put32 (out, ENT_N_TAGS);
  put32 (out, model->bits);
  put32 (out, 0); /* rows, filled in below */
  for (guint32 b = 0; b <= model->mask; b++) {
    const float *w = model->weights + (gsize) b * ENT_ROW;
    gboolean used = FALSE;
    for (guint t = 0; t < ENT_N_TAGS; t++)
      used |= w[t] != 0;
    if (!used)
      continue;
    put32 (out, b);
    for (guint t = 0; t < ENT_N_TAGS; t++) {
      union { float f; guint32 u; } v = { .f = w[t] };
      put32 (out, v.u);
    }
    rows++;
  }
  for (guint i = 0; i < 4; i++)
    out->data[24 + i] = (rows >> (8 * i)) & 0xff;
  return g_file_set_contents (path, (const char *) out->data, out->len, error);
}

void
ent_model_scores (const EntModel *model, const guint32 *feats, guint n, float *scores)
{
  const float *base = model->weights;

  /* the rows are scattered over megabytes: ask for all of them first, so
   * that the cache misses overlap instead of following one another */
  for (guint i = 0; i < n; i++)
    __builtin_prefetch (base + (gsize) (feats[i] & model->mask) * ENT_ROW);
#ifdef __SSE2__
  __m128 a = _mm_setzero_ps (), b = _mm_setzero_ps (), c = _mm_setzero_ps ();
  for (guint i = 0; i < n; i++) {
    const float *w = base + (gsize) (feats[i] & model->mask) * ENT_ROW;
    a = _mm_add_ps (a, _mm_load_ps (w));
    b = _mm_add_ps (b, _mm_load_ps (w + 4));
    c = _mm_add_ps (c, _mm_load_ps (w + 8));
  }
  float out[12] __attribute__ ((aligned (16)));
  _mm_store_ps (out, a);
  _mm_store_ps (out + 4, b);
  _mm_store_ps (out + 8, c);
  memcpy (scores, out, ENT_N_TAGS * sizeof (float));
#else
  memset (scores, 0, ENT_N_TAGS * sizeof (float));
  for (guint i = 0; i < n; i++) {
    const float *w = base + (gsize) (feats[i] & model->mask) * ENT_ROW;
    for (guint t = 0; t < ENT_N_TAGS; t++)
      scores[t] += w[t];
  }
#endif
}

static inline gboolean
allowed (guint tag, guint prev)
{
  return !ENT_TAG_IS_INSIDE (tag) || (prev != ENT_TAG_O && ENT_TAG_LABEL (prev) == ENT_TAG_LABEL (tag));
}

#define ENT_SCORE_TEMPERATURE 10.0

guint
ent_model_best (const float *scores, guint prev, double *probability)
{
  guint best = ENT_TAG_O;
  double sum = 0;

  for (guint t = 1; t < ENT_N_TAGS; t++)
    if (allowed (t, prev) && scores[t] > scores[best])
      best = t;
  if (probability != NULL) {
    /* perceptron scores are not log-odds: a softmax of them as they are
     * says 1.0 for nearly everything, and a temperature spreads it so that
     * min_score has something to cut */
    for (guint t = 0; t < ENT_N_TAGS; t++)
      if (allowed (t, prev))
        sum += exp (((double) scores[t] - scores[best]) / ENT_SCORE_TEMPERATURE);
    *probability = 1.0 / sum;
  }
  return best;
}

struct _EntTrainer {
  EntModel *model;
  double *totals;     /* sum of weights over time, up to stamps */
  guint32 *stamps;    /* when each weight last changed */
  guint32 now;
};

EntTrainer *
ent_trainer_new (guint bits)
{
  EntTrainer *tr = g_new0 (EntTrainer, 1);
  gsize n = ((gsize) 1 << bits) * ENT_ROW;

  tr->model = ent_model_new (bits);
  tr->totals = g_new0 (double, n);
  tr->stamps = g_new0 (guint32, n);
  return tr;
}

void
ent_trainer_free (EntTrainer *tr)
{
  if (tr == NULL)
    return;
  ent_model_free (tr->model);
  g_free (tr->totals);
  g_free (tr->stamps);
  g_free (tr);
}

const EntModel *
ent_trainer_current (EntTrainer *tr)
{
  return tr->model;
}

static inline void
bump (EntTrainer *tr, gsize k, float delta)
{
  tr->totals[k] += (double) (tr->now - tr->stamps[k]) * tr->model->weights[k];
  tr->stamps[k] = tr->now;
  tr->model->weights[k] += delta;
}

void
ent_trainer_update (EntTrainer *tr, const guint32 *feats, guint n, guint gold, guint predicted)
{
  if (gold == predicted)
    return;
  for (guint i = 0; i < n; i++) {
    gsize row = (gsize) (feats[i] & tr->model->mask) * ENT_ROW;
    bump (tr, row + gold, 1);
    bump (tr, row + predicted, -1);
  }
}

void
ent_trainer_tick (EntTrainer *tr)
{
  tr->now++;
}

EntModel *
ent_trainer_average (EntTrainer *tr)
{
  EntModel *avg = ent_model_new (tr->model->bits);
  gsize n = ((gsize) tr->model->mask + 1) * ENT_ROW;

  for (gsize k = 0; k < n; k++) {
    double total = tr->totals[k] + (double) (tr->now - tr->stamps[k]) * tr->model->weights[k];
    avg->weights[k] = tr->now > 0 ? (float) (total / tr->now) : 0;
  }
  return avg;
}
