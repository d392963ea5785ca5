/* tamis — corpus summaries: the counters, one document's figures, merging.
 *
 * A document is first counted into a summary of its own, without a lock,
 * then merged into the shared one under its lock: workers do the reading
 * side by side and hold the lock only for the merge, whose cost is the
 * number of distinct keys of one document, not of its spans. The same
 * merge adds whole summaries, so a document counted alone and a part of a
 * corpus counted elsewhere land in the same figures. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <tamis/error.h>
#include "summary-private.h"
#include "tsan-private.h"

static const struct {
  const char *key;
  const char *dflt;
} inputs[SUMMARY_N_INPUTS] = {
  [SUMMARY_ENTITY_LAYER] = { "entity_layer", "entity" },
  [SUMMARY_ENTITY_NAME] = { "entity_name", "canonical" },
  [SUMMARY_ENTITY_SENTIMENT] = { "entity_sentiment", "entity_sentiment" },
  [SUMMARY_SENTIMENT] = { "sentiment", "sentiment" },
  [SUMMARY_SENTIMENT_SCORE] = { "sentiment_score", "sentiment_score" },
  [SUMMARY_LANG] = { "lang", "lang" },
  [SUMMARY_MONEY_LAYER] = { "money_layer", "money" },
  [SUMMARY_RELATION_LAYER] = { "relation_layer", "relation" },
  [SUMMARY_RELATION_ENTITY] = { "relation_entity", "entity" },
};

const char *
tamis_summary_input_key (SummaryInput input)
{
  return inputs[input].key;
}

const char *
tamis_summary_input_default (SummaryInput input)
{
  return inputs[input].dflt;
}

/* ---- numbers ---- */

Fixed
tamis_fixed_from_double (double d)
{
  long double x;

  if (!isfinite (d))
    return 0;
  x = roundl ((long double) d * 1000000.0L);
  /* far beyond any real figure; keeps the cast defined */
  if (x > 1e36L)
    x = 1e36L;
  else if (x < -1e36L)
    x = -1e36L;
  return (Fixed) x;
}

gboolean
tamis_fixed_from_text (const char *text, Fixed *out)
{
  const char *p = text;
  gboolean negative = FALSE, digits = FALSE;
  Fixed value = 0;
  int scale = 0;   /* decimals taken so far, past the point */
  int exponent = 0;
  int dropped = 0;  /* the first digit beyond the precision kept */

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++, digits = TRUE)
    if (value < (Fixed) 1e30)
      value = value * 10 + (*p - '0');
    else
      exponent++; /* an absurdly long integer: keep its magnitude */
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, digits = TRUE)
      if (scale < 18)
        {
          value = value * 10 + (*p - '0');
          scale++;
        }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      char *end = NULL;
      gint64 e = g_ascii_strtoll (p + 1, &end, 10);

      if (end == p + 1)
        return FALSE;
      if (e > 40 || e < -40)
        return FALSE;
      exponent += (int) e;
      p = end;
    }
  if (*p != '\0')
    return FALSE;

  /* value * 10^(exponent - scale) units, in millionths: shift by 6. */
  exponent += 6 - scale;
  for (; exponent > 0; exponent--)
    {
      if (value > (Fixed) 1e36)
        return FALSE;
      value *= 10;
    }
  for (; exponent < 0; exponent++)
    {
      dropped = (int) (value % 10);
      value /= 10;
    }
  if (dropped >= 5)
    value += 1;
  *out = negative ? -value : value;
  return TRUE;
}

gboolean
tamis_fixed_from_json_number (const char *text, Fixed *out)
{
  const char *p = text;
  int digits = 0, decimals = 0;

  /* Up to 15 significant digits and 6 decimals, no exponent: the double
   * nearest the text, times a million, rounds back to the text's own
   * millionths, since such values stay well under 2^52 millionths. */
  if (*p == '-')
    p++;
  while (*p == '0')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        decimals++;
        if (digits > 0 || *p != '0')
          digits++;
      }
  if (*p == '\0' && digits <= 15 && decimals <= 6)
    return tamis_fixed_from_text (text, out);
  {
    char *end = NULL;
    double d = g_ascii_strtod (text, &end);

    if (end == text || *end != '\0')
      return FALSE;
    *out = tamis_fixed_from_double (d);
    return TRUE;
  }
}

void
tamis_fixed_append (GString *out, Fixed value)
{
  char digits[64];
  int n = 0;
  unsigned __int128 v;
  int frac;

  if (value < 0)
    {
      g_string_append_c (out, '-');
      v = (unsigned __int128) (-(value + 1)) + 1;
    }
  else
    v = (unsigned __int128) value;
  do
    {
      digits[n++] = (char) ('0' + (int) (v % 10));
      v /= 10;
    }
  while (v > 0 || n < 7);
  /* digits[0..5] are the decimals, least significant first */
  for (int i = n - 1; i >= 6; i--)
    g_string_append_c (out, digits[i]);
  for (frac = 0; frac < 6 && digits[frac] == '0'; frac++)
    ;
  if (frac < 6)
    {
      g_string_append_c (out, '.');
      for (int i = 5; i >= frac; i--)
        g_string_append_c (out, digits[i]);
    }
}

/* ---- the maps ---- */

static void
entity_free (gpointer data)
{
  SumEntity *e = data;

  g_free (e->name);
  g_free (e->label);
  g_free (e);
}

static void
amount_free (gpointer data)
{
  SumAmount *a = data;

  g_free (a->entity);
  g_free (a->currency);
  g_free (a);
}

static void
layer_free (gpointer data)
{
  SumLayer *l = data;

  g_hash_table_unref (l->labels);
  g_free (l);
}

static void
attr_free (gpointer data)
{
  SumAttr *a = data;

  g_hash_table_unref (a->values);
  g_free (a);
}

GHashTable *
tamis_summary_counts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

Count *
tamis_summary_count_of (GHashTable *counts, const char *key)
{
  Count *c = g_hash_table_lookup (counts, key);

  if (c == NULL)
    {
      c = g_new0 (Count, 1);
      g_hash_table_insert (counts, g_strdup (key), c);
    }
  return c;
}

/* Keys join two strings with a unit separator, which names do not hold
 * (a NULL part is written as the "record separator" alone). */
static char *
pair_key (const char *a, const char *b)
{
  return g_strconcat (a ? a : "\x1e", "\x1f", b ? b : "\x1e", NULL);
}

SumEntity *
tamis_summary_entity (TamisSummary *summary, const char *name, const char *label)
{
  char *key = pair_key (name, label);
  SumEntity *e = g_hash_table_lookup (summary->entities, key);

  if (e == NULL)
    {
      e = g_new0 (SumEntity, 1);
      e->name = g_strdup (name);
      e->label = g_strdup (label);
      g_hash_table_insert (summary->entities, key, e);
    }
  else
    g_free (key);
  return e;
}

SumAmount *
tamis_summary_amount (TamisSummary *summary, const char *entity, const char *currency)
{
  char *key = pair_key (entity, currency);
  SumAmount *a = g_hash_table_lookup (summary->amounts, key);

  if (a == NULL)
    {
      a = g_new0 (SumAmount, 1);
      a->entity = g_strdup (entity);
      a->currency = g_strdup (currency);
      g_hash_table_insert (summary->amounts, key, a);
    }
  else
    g_free (key);
  return a;
}

SumLayer *
tamis_summary_layer (TamisSummary *summary, const char *name)
{
  SumLayer *l = g_hash_table_lookup (summary->layers, name);

  if (l == NULL)
    {
      l = g_new0 (SumLayer, 1);
      l->labels = tamis_summary_counts_new ();
      g_hash_table_insert (summary->layers, g_strdup (name), l);
    }
  return l;
}

SumAttr *
tamis_summary_attr (TamisSummary *summary, const char *name)
{
  SumAttr *a = g_hash_table_lookup (summary->attributes, name);

  if (a == NULL)
    {
      a = g_new0 (SumAttr, 1);
      a->values = tamis_summary_counts_new ();
      g_hash_table_insert (summary->attributes, g_strdup (name), a);
    }
  return a;
}

TamisSummary *
tamis_summary_new_empty (char *const *names)
{
  TamisSummary *s = g_new0 (TamisSummary, 1);

  g_mutex_init (&s->lock);
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    s->inputs[i] = g_strdup (names ? names[i] : inputs[i].dflt);
  s->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->by_lang = tamis_summary_counts_new ();
  s->by_sentiment = tamis_summary_counts_new ();
  s->errors = tamis_summary_counts_new ();
  s->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entity_free);
  s->amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, amount_free);
  s->layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, layer_free);
  s->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attr_free);
  s->partials = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tamis_summary_free);
  return s;
}

TamisSummary *
tamis_summary_new (const TamisPipeline *pipeline)
{
  TamisSummary *s;
  const char *names[SUMMARY_N_INPUTS];

  if (pipeline == NULL)
    return tamis_summary_new_empty (NULL);
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    names[i] = tamis_pipeline_get_summary_input (pipeline, inputs[i].key);
  s = tamis_summary_new_empty ((char *const *) names);
  s->name = g_strdup (tamis_pipeline_get_name (pipeline));
  s->all_stages = TRUE;
  for (guint i = 0; i < tamis_pipeline_get_n_stages (pipeline); i++)
    g_hash_table_add (s->stages, g_strdup (tamis_pipeline_get_stage_id (pipeline, i)));
  return s;
}

void
tamis_summary_free (TamisSummary *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    g_free (s->inputs[i]);
  g_free (s->name);
  g_hash_table_unref (s->stages);
  g_hash_table_unref (s->by_lang);
  g_hash_table_unref (s->by_sentiment);
  g_hash_table_unref (s->errors);
  g_hash_table_unref (s->entities);
  g_hash_table_unref (s->amounts);
  g_hash_table_unref (s->layers);
  g_hash_table_unref (s->attributes);
  g_hash_table_unref (s->partials);
  g_mutex_clear (&s->lock);
  g_free (s);
}

guint64
tamis_summary_get_n_documents (const TamisSummary *summary)
{
  guint64 n;

  g_return_val_if_fail (summary != NULL, 0);
  tamis_summary_flush ((TamisSummary *) summary);
  tamis_mutex_lock ((GMutex *) &summary->lock);
  n = summary->total;
  tamis_mutex_unlock ((GMutex *) &summary->lock);
  return n;
}

/* ---- one document ---- */

/* Whether this is the first time the document being counted meets the
 * record whose stamp is @stamp. */
static inline gboolean
first_in_doc (const TamisSummary *into, guint64 *stamp)
{
  if (*stamp == into->doc_no)
    return FALSE;
  *stamp = into->doc_no;
  return TRUE;
}

static int
histogram_bin (Fixed score)
{
  Fixed bin = (score + FIXED_ONE) * HISTOGRAM_BINS / (2 * FIXED_ONE);

  return bin < 0 ? 0 : bin >= HISTOGRAM_BINS ? HISTOGRAM_BINS - 1 : (int) bin;
}

typedef struct {
  TamisSummary *one;
  const char *skip; /* "by": read as stages, not counted */
} AttrWalk;

static void
count_attr (const char *name, const SValue *value, gpointer data)
{
  AttrWalk *walk = data;
  SumAttr *attr;

  if (value->kind == SVALUE_JSON || value->kind == SVALUE_NONE || g_str_equal (name, walk->skip))
    return;
  attr = tamis_summary_attr (walk->one, name);
  attr->documents += first_in_doc (walk->one, &attr->stamp);
  switch (value->kind)
    {
    case SVALUE_STRING:
      tamis_summary_count_of (attr->values, value->s)->count++;
      break;
    case SVALUE_BOOL:
      tamis_summary_count_of (attr->values, value->b ? "true" : "false")->count++;
      break;
    case SVALUE_NUMBER:
      if (attr->n_numbers == 0 || value->f < attr->min)
        attr->min = value->f;
      if (attr->n_numbers == 0 || value->f > attr->max)
        attr->max = value->f;
      attr->sum += value->f;
      attr->n_numbers++;
      break;
    case SVALUE_NONE:
    case SVALUE_JSON:
    default:
      break;
    }
}

/* Labels of one layer: a layer holds few distinct ones, interned (the
 * same pointer each time), so a short list searched by pointer first
 * costs less per span than a hash lookup. */
typedef struct {
  const char *label;
  guint64 count;
} LabelCount;

static void
count_layers (TamisSummary *one, const SummarySource *src, gconstpointer doc)
{
  guint n_layers = src->n_layers (doc);
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (LabelCount));

  for (guint l = 0; l < n_layers; l++)
    {
      SumLayer *layer = tamis_summary_layer (one, src->layer_name (doc, l));
      guint n = src->n_spans (doc, l);

      layer->documents += first_in_doc (one, &layer->stamp);
      layer->spans += n;
      g_array_set_size (seen, 0);
      for (guint i = 0; i < n; i++)
        {
          const char *label = src->span_label (doc, l, i);
          LabelCount *c = NULL;

          if (label == NULL)
            continue;
          for (guint k = 0; k < seen->len && c == NULL; k++)
            if (g_array_index (seen, LabelCount, k).label == label)
              c = &g_array_index (seen, LabelCount, k);
          for (guint k = 0; k < seen->len && c == NULL; k++)
            if (strcmp (g_array_index (seen, LabelCount, k).label, label) == 0)
              c = &g_array_index (seen, LabelCount, k);
          if (c == NULL)
            {
              LabelCount fresh = { label, 0 };

              if (seen->len >= 64)
                {
                  /* many distinct labels: straight to the table */
                  tamis_summary_count_of (layer->labels, label)->count++;
                  continue;
                }
              g_array_append_val (seen, fresh);
              c = &g_array_index (seen, LabelCount, seen->len - 1);
            }
          c->count++;
        }
      for (guint k = 0; k < seen->len; k++)
        tamis_summary_count_of (layer->labels, g_array_index (seen, LabelCount, k).label)->count +=
            g_array_index (seen, LabelCount, k).count;
    }
}

static const char *
span_string (const SummarySource *src, gconstpointer doc, guint layer, guint span, const char *key)
{
  SValue v;

  if (src->span_attr (doc, layer, span, key, &v) && v.kind == SVALUE_STRING)
    return v.s;
  return NULL;
}

static void
count_entities (TamisSummary *one, const SummarySource *src, gconstpointer doc)
{
  const char *key = one->inputs[SUMMARY_ENTITY_NAME];
  guint layer;

  if (!src->find_layer (doc, one->inputs[SUMMARY_ENTITY_LAYER], &layer))
    return;
  for (guint i = 0, n = src->n_spans (doc, layer); i < n; i++)
    {
      const char *name = span_string (src, doc, layer, i, key);
      g_autofree char *text = NULL;
      SumEntity *e;

      if (name == NULL || *name == '\0')
        name = text = src->span_text (doc, layer, i);
      if (name == NULL)
        continue;
      e = tamis_summary_entity (one, name, src->span_label (doc, layer, i));
      e->mentions++;
      e->documents += first_in_doc (one, &e->stamp);
    }
}

/* The per-entity sentiment of the document: {"Name": {"label": …,
 * "score": …, "type": …}, …}. A name is matched with the entity of the
 * same name and type; with no type, with the first of that name. */
static void
count_one_sentiment (const char *name, const char *label, const char *type, gboolean has_score,
                     Fixed score, gpointer data)
{
  TamisSummary *one = data;
  SumEntity *e = NULL;

  if (type != NULL)
    e = tamis_summary_entity (one, name, type);
  else
    {
      GHashTableIter it;
      SumEntity *candidate;

      g_hash_table_iter_init (&it, one->entities);
      while (g_hash_table_iter_next (&it, NULL, (gpointer *) &candidate))
        if (candidate->stamp == one->doc_no && g_str_equal (candidate->name, name) &&
            (e == NULL || g_strcmp0 (candidate->label, e->label) < 0))
          e = candidate;
      if (e == NULL)
        e = tamis_summary_entity (one, name, NULL);
    }
  e->documents += first_in_doc (one, &e->stamp);
  if (has_score)
    {
      e->senti_n++;
      e->senti_sum += score;
    }
  if (label && g_str_equal (label, "positive"))
    e->positive++;
  else if (label && g_str_equal (label, "neutral"))
    e->neutral++;
  else if (label && g_str_equal (label, "negative"))
    e->negative++;
}

/* An amount: the exact decimal text when the span has it, else the number. */
static gboolean
span_amount (const SummarySource *src, gconstpointer doc, guint layer, guint span, const char *key,
             Fixed *out)
{
  g_autofree char *text_key = g_strconcat (key, "_text", NULL);
  SValue v;

  if (src->span_attr (doc, layer, span, text_key, &v) && v.kind == SVALUE_STRING &&
      tamis_fixed_from_text (v.s, out))
    return TRUE;
  if (src->span_attr (doc, layer, span, key, &v) && v.kind == SVALUE_NUMBER)
    {
      *out = v.f;
      return TRUE;
    }
  return FALSE;
}

/* The entity a relation ties to the money span [@start, @end). Relation
 * spans are sorted by start: a binary search finds the first at @start. */
static const char *
tied_entity (TamisSummary *one, const SummarySource *src, gconstpointer doc, guint rel, gsize start,
             gsize end)
{
  guint lo = 0, hi = src->n_spans (doc, rel);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gsize s, e;

      src->span_range (doc, rel, mid, &s, &e);
      if (s < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo, n = src->n_spans (doc, rel); i < n; i++)
    {
      gsize s, e;
      const char *entity;

      src->span_range (doc, rel, i, &s, &e);
      if (s != start)
        break;
      if (e != end)
        continue;
      entity = span_string (src, doc, rel, i, one->inputs[SUMMARY_RELATION_ENTITY]);
      if (entity != NULL && *entity != '\0')
        return entity;
    }
  return NULL;
}

static void
count_amounts (TamisSummary *one, const SummarySource *src, gconstpointer doc)
{
  guint money, rel;
  gboolean have_rel;

  if (!src->find_layer (doc, one->inputs[SUMMARY_MONEY_LAYER], &money))
    return;
  have_rel = src->find_layer (doc, one->inputs[SUMMARY_RELATION_LAYER], &rel);
  for (guint i = 0, n = src->n_spans (doc, money); i < n; i++)
    {
      const char *label = src->span_label (doc, money, i);
      const char *entity = NULL;
      gsize start, end;
      Fixed value, lo, hi;
      SumAmount *a;

      src->span_range (doc, money, i, &start, &end);
      if (have_rel)
        entity = tied_entity (one, src, doc, rel, start, end);
      if (g_strcmp0 (label, "range") == 0)
        {
          if (!span_amount (src, doc, money, i, "min", &lo) ||
              !span_amount (src, doc, money, i, "max", &hi))
            continue;
          a = tamis_summary_amount (one, entity, span_string (src, doc, money, i, "currency"));
          if (a->n_ranges == 0 || lo < a->range_min)
            a->range_min = lo;
          if (a->n_ranges == 0 || hi > a->range_max)
            a->range_max = hi;
          a->n_ranges++;
          a->sum_min += lo;
          a->sum_max += hi;
        }
      else if (span_amount (src, doc, money, i, "value", &value))
        {
          a = tamis_summary_amount (one, entity, span_string (src, doc, money, i, "currency"));
          if (a->n_exact == 0 || value < a->min)
            a->min = value;
          if (a->n_exact == 0 || value > a->max)
            a->max = value;
          a->n_exact++;
          a->sum += value;
        }
    }
}

static void
add_stage (const char *id, gpointer data)
{
  TamisSummary *one = data;

  g_hash_table_add (one->stages, g_strdup (id));
}

void
tamis_summary_count (TamisSummary *one, const SummarySource *src, gconstpointer doc)
{
  const char *code = src->error_code (doc);
  AttrWalk walk = { one, "by" };
  SValue v;

  one->doc_no++;
  one->total++;
  if (code != NULL)
    {
      one->failed++;
      tamis_summary_count_of (one->errors, code)->count++;
      return;
    }
  if (!one->all_stages)
    src->foreach_stage (doc, add_stage, one);
  if (src->get_attr (doc, one->inputs[SUMMARY_LANG], &v) && v.kind == SVALUE_STRING)
    tamis_summary_count_of (one->by_lang, v.s)->count++;
  if (src->get_attr (doc, one->inputs[SUMMARY_SENTIMENT], &v) && v.kind == SVALUE_STRING)
    tamis_summary_count_of (one->by_sentiment, v.s)->count++;
  if (src->get_attr (doc, one->inputs[SUMMARY_SENTIMENT_SCORE], &v) && v.kind == SVALUE_NUMBER)
    one->histogram[histogram_bin (v.f)]++;
  src->foreach_attr (doc, count_attr, &walk);
  count_layers (one, src, doc);
  count_entities (one, src, doc);
  src->foreach_entity_sentiment (doc, one->inputs[SUMMARY_ENTITY_SENTIMENT], count_one_sentiment, one);
  count_amounts (one, src, doc);
}

/* ---- merging ---- */

static void
merge_counts (GHashTable *into, GHashTable *from)
{
  GHashTableIter iter;
  const char *key;
  Count *c;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &c))
    tamis_summary_count_of (into, key)->count += c->count;
}

void
tamis_summary_merge_unchecked (TamisSummary *s, const TamisSummary *o)
{
  GHashTableIter iter;
  gpointer key, value;

  if (s->name == NULL && o->name != NULL)
    s->name = g_strdup (o->name);
  g_hash_table_iter_init (&iter, o->stages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (s->stages, key))
      g_hash_table_add (s->stages, g_strdup (key));
  s->total += o->total;
  s->failed += o->failed;
  merge_counts (s->by_lang, o->by_lang);
  merge_counts (s->by_sentiment, o->by_sentiment);
  merge_counts (s->errors, o->errors);
  for (guint i = 0; i < HISTOGRAM_BINS; i++)
    s->histogram[i] += o->histogram[i];

  g_hash_table_iter_init (&iter, o->entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SumEntity *from = value;
      SumEntity *e = tamis_summary_entity (s, from->name, from->label);

      e->mentions += from->mentions;
      e->documents += from->documents;
      e->senti_n += from->senti_n;
      e->senti_sum += from->senti_sum;
      e->positive += from->positive;
      e->neutral += from->neutral;
      e->negative += from->negative;
    }

  g_hash_table_iter_init (&iter, o->amounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SumAmount *from = value;
      SumAmount *a = tamis_summary_amount (s, from->entity, from->currency);

      if (from->n_exact > 0)
        {
          if (a->n_exact == 0 || from->min < a->min)
            a->min = from->min;
          if (a->n_exact == 0 || from->max > a->max)
            a->max = from->max;
          a->n_exact += from->n_exact;
          a->sum += from->sum;
        }
      if (from->n_ranges > 0)
        {
          if (a->n_ranges == 0 || from->range_min < a->range_min)
            a->range_min = from->range_min;
          if (a->n_ranges == 0 || from->range_max > a->range_max)
            a->range_max = from->range_max;
          a->n_ranges += from->n_ranges;
          a->sum_min += from->sum_min;
          a->sum_max += from->sum_max;
        }
    }

  g_hash_table_iter_init (&iter, o->layers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SumLayer *from = value;
      SumLayer *l = tamis_summary_layer (s, key);

      l->spans += from->spans;
      l->documents += from->documents;
      merge_counts (l->labels, from->labels);
    }

  g_hash_table_iter_init (&iter, o->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SumAttr *from = value;
      SumAttr *a = tamis_summary_attr (s, key);

      a->documents += from->documents;
      merge_counts (a->values, from->values);
      if (from->n_numbers > 0)
        {
          if (a->n_numbers == 0 || from->min < a->min)
            a->min = from->min;
          if (a->n_numbers == 0 || from->max > a->max)
            a->max = from->max;
          a->n_numbers += from->n_numbers;
          a->sum += from->sum;
        }
    }
}

/* "money 1.1.0 #93e23c94" -> "money" */
static char *
stage_plugin (const char *id)
{
  const char *space = strchr (id, ' ');

  return space ? g_strndup (id, space - id) : g_strdup (id);
}

static char *
describe (const TamisSummary *s)
{
  g_autofree char *name = s->name ? g_strdup_printf ("'%s'", s->name) : g_strdup ("(no name)");

  return g_strdup_printf ("pipeline %s", name);
}

/* A plugin both sides ran, with no stage id in common: another version or
 * other options. */
static gboolean
check_stages (const TamisSummary *s, const TamisSummary *o, GError **error)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, o->stages);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      g_autofree char *plugin = stage_plugin (id);
      GHashTableIter mine;
      const char *other_id = NULL, *mine_id;
      gboolean common = FALSE;

      if (g_hash_table_contains (s->stages, id))
        continue;
      g_hash_table_iter_init (&mine, s->stages);
      while (g_hash_table_iter_next (&mine, (gpointer *) &mine_id, NULL))
        {
          g_autofree char *p = stage_plugin (mine_id);

          if (!g_str_equal (p, plugin))
            continue;
          if (other_id == NULL || strcmp (mine_id, other_id) < 0)
            other_id = mine_id;
          /* the same plugin twice in a pipeline: one id in common is enough */
          {
            GHashTableIter theirs;
            const char *their_id;

            g_hash_table_iter_init (&theirs, o->stages);
            while (g_hash_table_iter_next (&theirs, (gpointer *) &their_id, NULL))
              if (g_str_equal (their_id, mine_id))
                common = TRUE;
          }
        }
      if (other_id != NULL && !common)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                       "cannot merge summaries of different pipelines: one ran '%s', the other '%s' "
                       "(the same plugin, another version or other options)",
                       other_id, id);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tamis_summary_merge (TamisSummary *summary, const TamisSummary *other, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (summary != NULL && other != NULL, FALSE);
  if (summary == other)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED, "cannot merge a summary with itself");
      return FALSE;
    }
  tamis_summary_flush (summary);
  tamis_summary_flush ((TamisSummary *) other);
  /* Two locks, always taken in the same order. */
  if (summary < other)
    {
      tamis_mutex_lock (&summary->lock);
      tamis_mutex_lock ((GMutex *) &other->lock);
    }
  else
    {
      tamis_mutex_lock ((GMutex *) &other->lock);
      tamis_mutex_lock (&summary->lock);
    }
  if (summary->name && other->name && !g_str_equal (summary->name, other->name))
    {
      g_autofree char *a = describe (summary);
      g_autofree char *b = describe (other);

      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG,
                   "cannot merge summaries of different pipelines: %s and %s", a, b);
      ok = FALSE;
    }
  else
    ok = check_stages (summary, other, error);
  if (ok)
    tamis_summary_merge_unchecked (summary, other);
  tamis_mutex_unlock (&summary->lock);
  tamis_mutex_unlock ((GMutex *) &other->lock);
  return ok;
}

/* Empties a partial summary once folded in. */
static void
clear (TamisSummary *s)
{
  g_hash_table_remove_all (s->stages);
  s->total = s->failed = 0;
  g_hash_table_remove_all (s->by_lang);
  g_hash_table_remove_all (s->by_sentiment);
  memset (s->histogram, 0, sizeof s->histogram);
  g_hash_table_remove_all (s->errors);
  g_hash_table_remove_all (s->entities);
  g_hash_table_remove_all (s->amounts);
  g_hash_table_remove_all (s->layers);
  g_hash_table_remove_all (s->attributes);
}

TamisSummary *
tamis_summary_lock_partial (TamisSummary *summary)
{
  GThread *self = g_thread_self ();
  TamisSummary *partial;

  tamis_mutex_lock (&summary->lock);
  partial = g_hash_table_lookup (summary->partials, self);
  if (partial == NULL)
    {
      partial = tamis_summary_new_empty (summary->inputs);
      partial->all_stages = summary->all_stages;
      g_hash_table_insert (summary->partials, self, partial);
    }
  tamis_mutex_unlock (&summary->lock);
  /* Taken by this thread and by a flush only: rarely waited for. */
  tamis_mutex_lock (&partial->lock);
  return partial;
}

void
tamis_summary_flush (TamisSummary *summary)
{
  GHashTableIter iter;
  TamisSummary *partial;

  tamis_mutex_lock (&summary->lock);
  g_hash_table_iter_init (&iter, summary->partials);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &partial))
    {
      tamis_mutex_lock (&partial->lock);
      if (partial->total > 0)
        {
          tamis_summary_merge_unchecked (summary, partial);
          clear (partial);
        }
      tamis_mutex_unlock (&partial->lock);
    }
  tamis_mutex_unlock (&summary->lock);
}

void
tamis_summary_absorb (TamisSummary *summary, TamisSummary *one)
{
  tamis_mutex_lock (&summary->lock);
  tamis_summary_merge_unchecked (summary, one);
  tamis_mutex_unlock (&summary->lock);
  tamis_summary_free (one);
}
