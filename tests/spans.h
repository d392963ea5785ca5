/* Tests: a layer's spans copied out into a plain array, to compare them
 * with expected values in a few lines. */
#pragma once

#include <tamis/tamis.h>

typedef struct {
  guint32 start;
  guint32 end;
  const char *label;
  double score;
} TestSpan;

/* Returns: (transfer full): the spans of @layer (NULL gives none). */
static inline TestSpan *
test_spans (const TamisLayer *layer, guint *n_spans)
{
  guint n = layer ? tamis_layer_get_n_spans (layer) : 0;
  TestSpan *spans = g_new0 (TestSpan, n + 1);

  for (guint i = 0; i < n; i++)
    {
      spans[i].start = tamis_layer_get_start (layer, i);
      spans[i].end = tamis_layer_get_end (layer, i);
      spans[i].label = tamis_layer_get_label (layer, i);
      spans[i].score = tamis_layer_get_score (layer, i);
    }
  if (n_spans)
    *n_spans = n;
  return spans;
}
