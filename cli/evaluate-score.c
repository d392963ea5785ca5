/* tamis evaluate — matching predicted spans and attributes to the gold.
 *
 * Three span matchings, each one-to-one:
 *   exact    same start, end and label;
 *   span     same start and end, any label;
 *   overlap  the spans share at least one code point and the labels agree;
 *            among the candidates, pairs are taken greedily by the largest
 *            overlap (ties: gold order, then predicted order).
 * A gold span without a label agrees with any label. Attributes named by
 * --match-attributes must agree too in the exact and overlap matchings: an
 * attribute absent from the gold span is not checked, a null one must be
 * absent or null in the prediction. A gold span marked "optional": true
 * counts neither way: a prediction overlapping it and left unmatched is
 * ignored. */
#include "evaluate.h"

#include <math.h>
#include <string.h>

typedef enum { MATCH_EXACT, MATCH_SPAN, MATCH_OVERLAP, N_MATCH } MatchMode;
static const char *const mode_names[N_MATCH] = { "exact", "span", "overlap" };

typedef struct {
  guint64 tp, fp, fn;
} Counts;

typedef struct {
  Counts exact, overlap;
} LabelStats;

typedef struct {
  char *name;
  Counts counts[N_MATCH];
  GHashTable *labels;          /* label ("" for none) -> LabelStats */
  guint64 *attr_compared;      /* per --span-attributes */
  guint64 *attr_agreed;
} LayerStats;

typedef struct {
  char *name;
  guint64 n, agreed;
  GHashTable *confusion;       /* gold class -> (predicted class -> count) */
} AttrStats;

struct _Evaluator {
  char **span_attributes;
  char **match_attributes;
  guint max_errors;
  GPtrArray *layers;           /* LayerStats */
  GPtrArray *attrs;            /* AttrStats */
  guint64 n_gold, n_missing, n_failed, n_unknown;
  GPtrArray *missing_ids, *failed_ids;
  JsonArray *errors;
};

#define MAX_IDS_LISTED 20
#define NO_CLASS "(none)"

static void
layer_stats_free (LayerStats *stats)
{
  g_free (stats->name);
  g_hash_table_unref (stats->labels);
  g_free (stats->attr_compared);
  g_free (stats->attr_agreed);
  g_free (stats);
}

static void
attr_stats_free (AttrStats *stats)
{
  g_free (stats->name);
  g_hash_table_unref (stats->confusion);
  g_free (stats);
}

void
evaluator_free (Evaluator *evaluator)
{
  if (evaluator == NULL)
    return;
  g_strfreev (evaluator->span_attributes);
  g_strfreev (evaluator->match_attributes);
  g_ptr_array_unref (evaluator->layers);
  g_ptr_array_unref (evaluator->attrs);
  g_ptr_array_unref (evaluator->missing_ids);
  g_ptr_array_unref (evaluator->failed_ids);
  json_array_unref (evaluator->errors);
  g_free (evaluator);
}

/* Names in first-seen order: @given, or those found in the gold. */
static GPtrArray *
names_in_gold (char **given, GPtrArray *gold, gboolean layers)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (given != NULL)
    {
      for (char **p = given; *p != NULL; p++)
        if (**p != '\0' && !g_ptr_array_find_with_equal_func (names, *p, g_str_equal, NULL))
          g_ptr_array_add (names, g_strdup (*p));
      return names;
    }
  for (guint i = 0; i < gold->len; i++)
    {
      const EvalRecord *record = gold->pdata[i];
      JsonObject *object = record->object;
      g_autoptr(GList) members = NULL;

      if (layers)
        {
          JsonNode *node = json_object_get_member (object, "layers");
          if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
        }
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        if ((layers || eval_is_doc_attribute (l->data, json_object_get_member (object, l->data)))
            && !g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
          g_ptr_array_add (names, g_strdup (l->data));
    }
  return names;
}

Evaluator *
evaluator_new (const EvalOptions *options, GPtrArray *gold)
{
  Evaluator *evaluator = g_new0 (Evaluator, 1);
  g_autoptr(GPtrArray) layers = names_in_gold (options->layers, gold, TRUE);
  g_autoptr(GPtrArray) attrs = names_in_gold (options->attributes, gold, FALSE);
  guint n_span_attrs;

  evaluator->span_attributes = g_strdupv (options->span_attributes ? options->span_attributes
                                          : (char *[]) { NULL });
  evaluator->match_attributes = g_strdupv (options->match_attributes);
  evaluator->max_errors = options->max_errors;
  n_span_attrs = g_strv_length (evaluator->span_attributes);
  evaluator->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) layer_stats_free);
  for (guint i = 0; i < layers->len; i++)
    {
      LayerStats *stats = g_new0 (LayerStats, 1);

      stats->name = g_strdup (layers->pdata[i]);
      stats->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      stats->attr_compared = g_new0 (guint64, n_span_attrs + 1);
      stats->attr_agreed = g_new0 (guint64, n_span_attrs + 1);
      g_ptr_array_add (evaluator->layers, stats);
    }
  evaluator->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) attr_stats_free);
  for (guint i = 0; i < attrs->len; i++)
    {
      AttrStats *stats = g_new0 (AttrStats, 1);

      stats->name = g_strdup (attrs->pdata[i]);
      stats->confusion = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_hash_table_unref);
      g_ptr_array_add (evaluator->attrs, stats);
    }
  evaluator->missing_ids = g_ptr_array_new_with_free_func (g_free);
  evaluator->failed_ids = g_ptr_array_new_with_free_func (g_free);
  evaluator->errors = json_array_new ();
  return evaluator;
}

/* ---- comparing values ---- */

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
eval_values_agree (JsonNode *gold, JsonNode *predicted)
{
  gboolean gold_null = gold == NULL || JSON_NODE_HOLDS_NULL (gold);
  gboolean predicted_null = predicted == NULL || JSON_NODE_HOLDS_NULL (predicted);

  if (gold_null || predicted_null)
    return gold_null && predicted_null;
  /* Values computed through doubles (0.1 * 3 against 0.3) are the same
   * amount; a relative 1e-9 is far below any meaningful difference. */
  if (is_number (gold) && is_number (predicted))
    {
      double a = json_node_get_double (gold), b = json_node_get_double (predicted);
      return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
    }
  return json_node_equal (gold, predicted);
}

/* The class of a document attribute: a string as it is, other values as
 * JSON text, NO_CLASS when absent. */
static char *
attribute_class (const EvalRecord *record, const char *name)
{
  JsonNode *node;

  if (record == NULL || record->error_code != NULL)
    return g_strdup (NO_CLASS);
  node = json_object_get_member (record->object, name);
  if (node == NULL || !eval_is_doc_attribute (name, node))
    return g_strdup (NO_CLASS);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

/* ---- matching ---- */

typedef struct {
  guint gold, pred, overlap;
} Pair;

static gboolean
labels_agree (const EvalSpan *gold, const EvalSpan *pred)
{
  return gold->label == NULL || g_strcmp0 (gold->label, pred->label) == 0;
}

static gboolean
attributes_agree (const Evaluator *evaluator, const EvalSpan *gold, const EvalSpan *pred)
{
  for (char **name = evaluator->match_attributes; name != NULL && *name != NULL; name++)
    {
      JsonNode *g = json_object_get_member (gold->object, *name);

      if (g != NULL && !eval_values_agree (g, json_object_get_member (pred->object, *name)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
spans_overlap (const EvalSpan *a, const EvalSpan *b)
{
  if (a->start == a->end || b->start == b->end)
    return a->start == b->start && a->end == b->end;
  return a->start < b->end && b->start < a->end;
}

static gboolean
compatible (const Evaluator *evaluator, MatchMode mode, const EvalSpan *gold, const EvalSpan *pred)
{
  switch (mode)
    {
    case MATCH_EXACT:
      return gold->start == pred->start && gold->end == pred->end && labels_agree (gold, pred)
             && attributes_agree (evaluator, gold, pred);
    case MATCH_SPAN:
      return gold->start == pred->start && gold->end == pred->end;
    default:
      return spans_overlap (gold, pred) && labels_agree (gold, pred)
             && attributes_agree (evaluator, gold, pred);
    }
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->gold != y->gold)
    return x->gold < y->gold ? -1 : 1;
  return x->pred < y->pred ? -1 : x->pred > y->pred;
}

static const GArray *sort_spans_by;

static int
compare_span_index (gconstpointer a, gconstpointer b)
{
  const EvalSpan *x = &g_array_index (sort_spans_by, EvalSpan, *(const guint *) a);
  const EvalSpan *y = &g_array_index (sort_spans_by, EvalSpan, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* Fills @gold_match and @pred_match (G_MAXUINT: unmatched). Candidates are
 * found by sweeping the predictions sorted by start, with the running
 * maximum of their ends, so that long layers (tokens) stay near-linear. */
static void
match_spans (const Evaluator *evaluator, MatchMode mode, const GArray *gold, const GArray *pred,
             guint *gold_match, guint *pred_match)
{
  g_autofree guint *order = g_new (guint, pred->len + 1);
  g_autofree guint *max_end = g_new (guint, pred->len + 1);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint j = 0; j < pred->len; j++)
    order[j] = j;
  sort_spans_by = pred;
  qsort (order, pred->len, sizeof (guint), compare_span_index);
  for (guint k = 0; k < pred->len; k++)
    {
      guint end = g_array_index (pred, EvalSpan, order[k]).end;
      max_end[k] = k > 0 ? MAX (max_end[k - 1], end) : end;
    }

  for (guint i = 0; i < gold->len; i++)
    {
      const EvalSpan *g = &g_array_index (gold, EvalSpan, i);
      guint lo = 0, hi = pred->len;

      gold_match[i] = G_MAXUINT;
      if (g->optional)
        continue;
      /* the first prediction whose running maximum end reaches g */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (max_end[mid] < g->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint k = lo; k < pred->len; k++)
        {
          const EvalSpan *p = &g_array_index (pred, EvalSpan, order[k]);

          if (p->start > g->end)
            break;
          if (compatible (evaluator, mode, g, p))
            {
              /* exact and span candidates are all equally good */
              Pair pair = { i, order[k], mode == MATCH_OVERLAP
                                         ? MIN (g->end, p->end) - MAX (g->start, p->start) : 0 };
              g_array_append_val (pairs, pair);
            }
        }
    }
  for (guint j = 0; j < pred->len; j++)
    pred_match[j] = G_MAXUINT;
  g_array_sort (pairs, compare_pairs);
  for (guint k = 0; k < pairs->len; k++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, k);

      if (gold_match[pair->gold] == G_MAXUINT && pred_match[pair->pred] == G_MAXUINT)
        {
          gold_match[pair->gold] = pair->pred;
          pred_match[pair->pred] = pair->gold;
        }
    }
}

/* A prediction left unmatched over an optional gold span is not counted. */
static gboolean
over_optional (const GArray *gold, const EvalSpan *pred)
{
  for (guint i = 0; i < gold->len; i++)
    {
      const EvalSpan *g = &g_array_index (gold, EvalSpan, i);
      if (g->optional && spans_overlap (g, pred))
        return TRUE;
    }
  return FALSE;
}

static LabelStats *
label_stats (LayerStats *stats, const char *label)
{
  LabelStats *ls = g_hash_table_lookup (stats->labels, label ? label : "");

  if (ls == NULL)
    {
      ls = g_new0 (LabelStats, 1);
      g_hash_table_insert (stats->labels, g_strdup (label ? label : ""), ls);
    }
  return ls;
}

/* ---- errors, with a few words of context ---- */

#define CONTEXT_WORDS 5

static char *
context_of (const char *text, guint start, guint end)
{
  glong n = 0;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (text, -1, &n);
  glong left = start, right = end;
  g_autoptr(GString) s = g_string_new (NULL);

  for (int w = 0; w < CONTEXT_WORDS && left > 0; w++)
    {
      while (left > 0 && g_unichar_isspace (u[left - 1]))
        left--;
      while (left > 0 && !g_unichar_isspace (u[left - 1]))
        left--;
    }
  for (int w = 0; w < CONTEXT_WORDS && right < n; w++)
    {
      while (right < n && g_unichar_isspace (u[right]))
        right++;
      while (right < n && !g_unichar_isspace (u[right]))
        right++;
    }
  if (left > 0)
    g_string_append (s, "…");
  for (glong k = left; k <= right; k++)
    {
      if (k == (glong) start)
        g_string_append_c (s, '[');
      if (k == (glong) end)
        g_string_append_c (s, ']');
      if (k < right)
        g_string_append_unichar (s, g_unichar_isspace (u[k]) ? ' ' : u[k]);
    }
  if (right < n)
    g_string_append (s, "…");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
slice (const char *text, guint start, guint end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);
  return g_strndup (a, b - a);
}

static gboolean
want_error (Evaluator *evaluator)
{
  return json_array_get_length (evaluator->errors) < evaluator->max_errors;
}

static void
add_span_error (Evaluator *evaluator, const EvalRecord *gold, const char *layer, const char *kind,
                const EvalSpan *span, gboolean overlap_matched)
{
  JsonObject *e = json_object_new ();
  g_autofree char *text = slice (gold->text, span->start, span->end);
  g_autofree char *context = context_of (gold->text, span->start, span->end);

  json_object_set_string_member (e, "id", gold->id);
  json_object_set_string_member (e, "kind", kind);
  json_object_set_string_member (e, "layer", layer);
  if (span->label != NULL)
    json_object_set_string_member (e, "label", span->label);
  else
    json_object_set_null_member (e, "label");
  json_object_set_int_member (e, "start", span->start);
  json_object_set_int_member (e, "end", span->end);
  json_object_set_string_member (e, "text", text);
  json_object_set_string_member (e, "context", context);
  json_object_set_boolean_member (e, "overlap_match", overlap_matched);
  json_array_add_object_element (evaluator->errors, e);
}

typedef struct {
  guint start;
  gboolean miss;
  guint index;
} ErrorEvent;

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const ErrorEvent *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->miss == y->miss ? 0 : x->miss ? -1 : 1;
}

static void
score_layer (Evaluator *evaluator, LayerStats *stats, const EvalRecord *gold_record,
             const GArray *gold, const GArray *pred)
{
  /* plain arrays: g_autofree on an array would free its first element only */
  guint *gold_match[N_MATCH] = { NULL };
  guint *pred_match[N_MATCH] = { NULL };
  g_autofree gboolean *ignored = g_new0 (gboolean, pred->len + 1);

  for (guint j = 0; j < pred->len; j++)
    ignored[j] = over_optional (gold, &g_array_index (pred, EvalSpan, j));
  for (int m = 0; m < N_MATCH; m++)
    {
      Counts *c = &stats->counts[m];

      gold_match[m] = g_new (guint, gold->len + 1);
      pred_match[m] = g_new (guint, pred->len + 1);
      match_spans (evaluator, m, gold, pred, gold_match[m], pred_match[m]);
      for (guint i = 0; i < gold->len; i++)
        {
          const EvalSpan *g = &g_array_index (gold, EvalSpan, i);
          LabelStats *ls;

          if (g->optional)
            continue;
          ls = label_stats (stats, g->label);
          if (gold_match[m][i] != G_MAXUINT)
            {
              c->tp++;
              if (m == MATCH_EXACT)
                ls->exact.tp++;
              else if (m == MATCH_OVERLAP)
                ls->overlap.tp++;
            }
          else
            {
              c->fn++;
              if (m == MATCH_EXACT)
                ls->exact.fn++;
              else if (m == MATCH_OVERLAP)
                ls->overlap.fn++;
            }
        }
      for (guint j = 0; j < pred->len; j++)
        if (pred_match[m][j] == G_MAXUINT && !ignored[j])
          {
            LabelStats *ls = label_stats (stats, g_array_index (pred, EvalSpan, j).label);

            c->fp++;
            if (m == MATCH_EXACT)
              ls->exact.fp++;
            else if (m == MATCH_OVERLAP)
              ls->overlap.fp++;
          }
    }

  for (guint i = 0; i < gold->len; i++)
    {
      const EvalSpan *g = &g_array_index (gold, EvalSpan, i);
      guint j = gold_match[MATCH_EXACT][i];

      if (j == G_MAXUINT)
        continue;
      for (guint a = 0; evaluator->span_attributes[a] != NULL; a++)
        {
          JsonNode *value = json_object_get_member (g->object, evaluator->span_attributes[a]);

          if (value == NULL)
            continue;
          stats->attr_compared[a]++;
          if (eval_values_agree (value, json_object_get_member (g_array_index (pred, EvalSpan, j).object,
                                                                evaluator->span_attributes[a])))
            stats->attr_agreed[a]++;
        }
    }

  /* the errors of the exact matching, in text order */
  if (want_error (evaluator))
    {
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (ErrorEvent));

      for (guint i = 0; i < gold->len; i++)
        if (!g_array_index (gold, EvalSpan, i).optional && gold_match[MATCH_EXACT][i] == G_MAXUINT)
          g_array_append_val (events, ((ErrorEvent) { g_array_index (gold, EvalSpan, i).start, TRUE, i }));
      for (guint j = 0; j < pred->len; j++)
        if (!ignored[j] && pred_match[MATCH_EXACT][j] == G_MAXUINT)
          g_array_append_val (events, ((ErrorEvent) { g_array_index (pred, EvalSpan, j).start, FALSE, j }));
      g_array_sort (events, compare_events);
      for (guint k = 0; k < events->len && want_error (evaluator); k++)
        {
          const ErrorEvent *e = &g_array_index (events, ErrorEvent, k);

          if (e->miss)
            add_span_error (evaluator, gold_record, stats->name, "miss",
                            &g_array_index (gold, EvalSpan, e->index),
                            gold_match[MATCH_OVERLAP][e->index] != G_MAXUINT);
          else
            add_span_error (evaluator, gold_record, stats->name, "false-positive",
                            &g_array_index (pred, EvalSpan, e->index),
                            pred_match[MATCH_OVERLAP][e->index] != G_MAXUINT);
        }
    }
  for (int m = 0; m < N_MATCH; m++)
    {
      g_free (gold_match[m]);
      g_free (pred_match[m]);
    }
}

static void
score_attribute (Evaluator *evaluator, AttrStats *stats, const EvalRecord *gold, const EvalRecord *pred)
{
  g_autofree char *gold_class = attribute_class (gold, stats->name);
  g_autofree char *pred_class = NULL;
  GHashTable *row;
  guint count;

  if (g_str_equal (gold_class, NO_CLASS))
    return;
  pred_class = attribute_class (pred, stats->name);
  stats->n++;
  if (g_str_equal (gold_class, pred_class))
    stats->agreed++;
  else if (want_error (evaluator))
    {
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "id", gold->id);
      json_object_set_string_member (e, "kind", "attribute");
      json_object_set_string_member (e, "attribute", stats->name);
      json_object_set_string_member (e, "gold", gold_class);
      json_object_set_string_member (e, "predicted", pred_class);
      json_array_add_object_element (evaluator->errors, e);
    }
  row = g_hash_table_lookup (stats->confusion, gold_class);
  if (row == NULL)
    {
      row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (stats->confusion, g_strdup (gold_class), row);
    }
  count = GPOINTER_TO_UINT (g_hash_table_lookup (row, pred_class));
  g_hash_table_insert (row, g_strdup (pred_class), GUINT_TO_POINTER (count + 1));
}

static void
note_id (GPtrArray *ids, const char *id)
{
  if (ids->len < MAX_IDS_LISTED)
    g_ptr_array_add (ids, g_strdup (id));
}

gboolean
evaluator_add (Evaluator *evaluator, const EvalRecord *gold, const EvalRecord *predicted, GError **error)
{
  const EvalRecord *usable = predicted;

  if (predicted != NULL && predicted->text != NULL && gold->text != NULL
      && !g_str_equal (predicted->text, gold->text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "record '%s': its text differs from the gold text; "
                   "the offsets cannot be compared", gold->id);
      return FALSE;
    }
  evaluator->n_gold++;
  if (predicted == NULL)
    {
      evaluator->n_missing++;
      note_id (evaluator->missing_ids, gold->id);
    }
  else if (predicted->error_code != NULL)
    {
      evaluator->n_failed++;
      note_id (evaluator->failed_ids, gold->id);
      usable = NULL;
    }

  for (guint l = 0; l < evaluator->layers->len; l++)
    {
      LayerStats *stats = evaluator->layers->pdata[l];
      g_autoptr(GArray) gold_spans = eval_record_get_spans (gold, stats->name, error);
      g_autoptr(GArray) pred_spans = NULL;

      if (gold_spans == NULL)
        return FALSE;
      pred_spans = usable ? eval_record_get_spans (usable, stats->name, error)
                          : g_array_new (FALSE, FALSE, sizeof (EvalSpan));
      if (pred_spans == NULL)
        return FALSE;
      score_layer (evaluator, stats, gold, gold_spans, pred_spans);
    }
  for (guint a = 0; a < evaluator->attrs->len; a++)
    score_attribute (evaluator, evaluator->attrs->pdata[a], gold, usable);
  return TRUE;
}

void
evaluator_add_unknown (Evaluator *evaluator, const char *id)
{
  evaluator->n_unknown++;
}

/* ---- the figures ---- */

static double
ratio (guint64 a, guint64 b)
{
  /* nothing predicted is perfect precision, nothing to find perfect recall */
  return b > 0 ? (double) a / b : 1.0;
}

static JsonObject *
counts_to_json (const Counts *c)
{
  JsonObject *o = json_object_new ();
  double p = ratio (c->tp, c->tp + c->fp), r = ratio (c->tp, c->tp + c->fn);

  json_object_set_int_member (o, "gold", c->tp + c->fn);
  json_object_set_int_member (o, "predicted", c->tp + c->fp);
  json_object_set_int_member (o, "tp", c->tp);
  json_object_set_int_member (o, "fp", c->fp);
  json_object_set_int_member (o, "fn", c->fn);
  json_object_set_double_member (o, "precision", p);
  json_object_set_double_member (o, "recall", r);
  json_object_set_double_member (o, "f1", p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  return o;
}

static GList *
sorted_keys (GHashTable *table)
{
  return g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
}

static JsonObject *
layer_to_json (const Evaluator *evaluator, const LayerStats *stats)
{
  JsonObject *o = json_object_new ();
  JsonObject *labels = json_object_new ();
  JsonObject *attrs = json_object_new ();
  g_autoptr(GList) keys = sorted_keys (stats->labels);

  for (int m = 0; m < N_MATCH; m++)
    json_object_set_object_member (o, mode_names[m], counts_to_json (&stats->counts[m]));
  for (GList *k = keys; k != NULL; k = k->next)
    {
      const LabelStats *ls = g_hash_table_lookup (stats->labels, k->data);
      JsonObject *lo = json_object_new ();

      json_object_set_object_member (lo, "exact", counts_to_json (&ls->exact));
      json_object_set_object_member (lo, "overlap", counts_to_json (&ls->overlap));
      json_object_set_object_member (labels, *(char *) k->data ? k->data : NO_CLASS, lo);
    }
  json_object_set_object_member (o, "labels", labels);
  for (guint a = 0; evaluator->span_attributes[a] != NULL; a++)
    {
      JsonObject *ao = json_object_new ();

      json_object_set_int_member (ao, "compared", stats->attr_compared[a]);
      json_object_set_int_member (ao, "agreed", stats->attr_agreed[a]);
      if (stats->attr_compared[a] > 0)
        json_object_set_double_member (ao, "accuracy",
                                       (double) stats->attr_agreed[a] / stats->attr_compared[a]);
      else
        json_object_set_null_member (ao, "accuracy");
      json_object_set_object_member (attrs, evaluator->span_attributes[a], ao);
    }
  json_object_set_object_member (o, "attributes", attrs);
  return o;
}

static JsonObject *
attribute_to_json (const AttrStats *stats)
{
  JsonObject *o = json_object_new ();
  JsonObject *classes = json_object_new ();
  JsonObject *confusion = json_object_new ();
  g_autoptr(GList) gold_classes = sorted_keys (stats->confusion);
  double f1_sum = 0;

  json_object_set_int_member (o, "documents", stats->n);
  json_object_set_int_member (o, "correct", stats->agreed);
  json_object_set_double_member (o, "accuracy", stats->n ? (double) stats->agreed / stats->n : 0.0);
  for (GList *c = gold_classes; c != NULL; c = c->next)
    {
      GHashTable *row = g_hash_table_lookup (stats->confusion, c->data);
      g_autoptr(GList) cells = sorted_keys (row);
      JsonObject *ro = json_object_new ();
      JsonObject *co = json_object_new ();
      Counts counts = { 0 };
      GHashTableIter iter;
      gpointer key, value;
      double p, r, f1;

      for (GList *k = cells; k != NULL; k = k->next)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (row, k->data));

          json_object_set_int_member (ro, k->data, n);
          if (g_str_equal (k->data, c->data))
            counts.tp = n;
          else
            counts.fn += n;
        }
      g_hash_table_iter_init (&iter, stats->confusion);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_str_equal (key, c->data))
          counts.fp += GPOINTER_TO_UINT (g_hash_table_lookup (value, c->data));
      p = ratio (counts.tp, counts.tp + counts.fp);
      r = ratio (counts.tp, counts.tp + counts.fn);
      /* 2tp / (2tp + fp + fn): the F1 of a class never predicted right is 0 */
      f1 = (double) 2 * counts.tp / (2 * counts.tp + counts.fp + counts.fn);
      f1_sum += f1;
      json_object_set_int_member (co, "gold", counts.tp + counts.fn);
      json_object_set_int_member (co, "predicted", counts.tp + counts.fp);
      json_object_set_double_member (co, "precision", p);
      json_object_set_double_member (co, "recall", r);
      json_object_set_double_member (co, "f1", f1);
      json_object_set_object_member (classes, c->data, co);
      json_object_set_object_member (confusion, c->data, ro);
    }
  json_object_set_double_member (o, "macro_f1", gold_classes ? f1_sum / g_list_length (gold_classes) : 0.0);
  json_object_set_object_member (o, "classes", classes);
  json_object_set_object_member (o, "confusion", confusion);
  return o;
}

static JsonArray *
strings_to_json (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, strings->pdata[i]);
  return array;
}

JsonNode *
evaluator_to_json (Evaluator *evaluator)
{
  JsonObject *report = json_object_new ();
  JsonObject *docs = json_object_new ();
  JsonObject *layers = json_object_new ();
  JsonObject *attrs = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (docs, "gold", evaluator->n_gold);
  json_object_set_int_member (docs, "scored", evaluator->n_gold - evaluator->n_missing - evaluator->n_failed);
  json_object_set_int_member (docs, "missing", evaluator->n_missing);
  json_object_set_int_member (docs, "failed", evaluator->n_failed);
  json_object_set_int_member (docs, "not_in_gold", evaluator->n_unknown);
  json_object_set_array_member (docs, "missing_ids", strings_to_json (evaluator->missing_ids));
  json_object_set_array_member (docs, "failed_ids", strings_to_json (evaluator->failed_ids));
  json_object_set_object_member (report, "documents", docs);
  for (guint l = 0; l < evaluator->layers->len; l++)
    {
      const LayerStats *stats = evaluator->layers->pdata[l];
      json_object_set_object_member (layers, stats->name, layer_to_json (evaluator, stats));
    }
  json_object_set_object_member (report, "layers", layers);
  for (guint a = 0; a < evaluator->attrs->len; a++)
    {
      const AttrStats *stats = evaluator->attrs->pdata[a];
      json_object_set_object_member (attrs, stats->name, attribute_to_json (stats));
    }
  json_object_set_object_member (report, "attributes", attrs);
  json_object_set_array_member (report, "errors", json_array_ref (evaluator->errors));
  json_node_take_object (root, report);
  return root;
}
