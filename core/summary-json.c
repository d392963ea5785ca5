/* tamis — a summary as canonical JSON, and back.
 *
 * Written by hand rather than by JsonGenerator: the bytes must depend on
 * the figures only (members in a fixed order, lists sorted, every number
 * exact through one function), so that the summaries of two halves merged
 * in either order print the same as that of the whole. Read back with a
 * small parser of its own that keeps numbers as their text: a sum such as
 * 123456789012.345678 does not survive a double. */
#include "config.h"

#include <string.h>

#include <tamis/error.h>
#include "summary-private.h"
#include "tsan-private.h"

/* ---- writing ---- */

static void
append_string (GString *out, const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (; *s; s++)
    {
      unsigned char c = (unsigned char) *s;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_u64 (GString *out, guint64 n)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, n);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @table, sorted bytewise. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
append_counts (GString *out, GHashTable *counts)
{
  g_autoptr (GPtrArray) keys = sorted_keys (counts);

  g_string_append_c (out, '{');
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];

      if (i > 0)
        g_string_append (out, ", ");
      append_string (out, key);
      g_string_append (out, ": ");
      append_u64 (out, ((Count *) g_hash_table_lookup (counts, key))->count);
    }
  g_string_append_c (out, '}');
}

static void
append_fixed_or_null (GString *out, gboolean set, Fixed value)
{
  if (set)
    tamis_fixed_append (out, value);
  else
    g_string_append (out, "null");
}

/* @sum / @n to the nearest millionth, halves away from zero. */
static Fixed
fixed_mean (Fixed sum, guint64 n)
{
  Fixed q = sum / (Fixed) n, r = sum % (Fixed) n;

  if (2 * (r < 0 ? -r : r) >= (Fixed) n)
    q += sum < 0 ? -1 : 1;
  return q;
}

/* NULL sorts last. */
static int
compare_nullable (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static int
compare_entities (gconstpointer pa, gconstpointer pb)
{
  const SumEntity *a = *(const SumEntity *const *) pa, *b = *(const SumEntity *const *) pb;
  int c;

  if (a->documents != b->documents)
    return a->documents > b->documents ? -1 : 1;
  if (a->mentions != b->mentions)
    return a->mentions > b->mentions ? -1 : 1;
  if ((c = compare_nullable (a->name, b->name)) != 0)
    return c;
  return compare_nullable (a->label, b->label);
}

static int
compare_amounts (gconstpointer pa, gconstpointer pb)
{
  const SumAmount *a = *(const SumAmount *const *) pa, *b = *(const SumAmount *const *) pb;
  int c = compare_nullable (a->entity, b->entity);

  return c != 0 ? c : compare_nullable (a->currency, b->currency);
}

static GPtrArray *
sorted_values (GHashTable *table, GCompareFunc compare)
{
  GPtrArray *values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, value);
  g_ptr_array_sort (values, compare);
  return values;
}

static void
append_entity (GString *out, const SumEntity *e)
{
  g_string_append (out, "{\"name\": ");
  append_string (out, e->name);
  g_string_append (out, ", \"label\": ");
  append_string (out, e->label);
  g_string_append (out, ", \"mentions\": ");
  append_u64 (out, e->mentions);
  g_string_append (out, ", \"documents\": ");
  append_u64 (out, e->documents);
  g_string_append (out, ", \"sentiment\": ");
  if (e->senti_n == 0 && e->positive + e->neutral + e->negative == 0)
    g_string_append (out, "null");
  else
    {
      g_string_append (out, "{\"mean\": ");
      append_fixed_or_null (out, e->senti_n > 0, e->senti_n > 0 ? fixed_mean (e->senti_sum, e->senti_n) : 0);
      g_string_append (out, ", \"n\": ");
      append_u64 (out, e->senti_n);
      g_string_append (out, ", \"sum\": ");
      tamis_fixed_append (out, e->senti_sum);
      g_string_append (out, ", \"positive\": ");
      append_u64 (out, e->positive);
      g_string_append (out, ", \"neutral\": ");
      append_u64 (out, e->neutral);
      g_string_append (out, ", \"negative\": ");
      append_u64 (out, e->negative);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

static void
append_amount (GString *out, const SumAmount *a)
{
  g_string_append (out, "{\"entity\": ");
  append_string (out, a->entity);
  g_string_append (out, ", \"currency\": ");
  append_string (out, a->currency);
  g_string_append (out, ",\n     \"exact\": {\"count\": ");
  append_u64 (out, a->n_exact);
  g_string_append (out, ", \"sum\": ");
  tamis_fixed_append (out, a->sum);
  g_string_append (out, ", \"min\": ");
  append_fixed_or_null (out, a->n_exact > 0, a->min);
  g_string_append (out, ", \"max\": ");
  append_fixed_or_null (out, a->n_exact > 0, a->max);
  g_string_append (out, "},\n     \"ranges\": {\"count\": ");
  append_u64 (out, a->n_ranges);
  g_string_append (out, ", \"sum_min\": ");
  tamis_fixed_append (out, a->sum_min);
  g_string_append (out, ", \"sum_max\": ");
  tamis_fixed_append (out, a->sum_max);
  g_string_append (out, ", \"min\": ");
  append_fixed_or_null (out, a->n_ranges > 0, a->range_min);
  g_string_append (out, ", \"max\": ");
  append_fixed_or_null (out, a->n_ranges > 0, a->range_max);
  g_string_append (out, "}}");
}

static void
append_layer (GString *out, const SumLayer *l)
{
  g_string_append (out, "{\"spans\": ");
  append_u64 (out, l->spans);
  g_string_append (out, ", \"documents\": ");
  append_u64 (out, l->documents);
  g_string_append (out, ", \"labels\": ");
  append_counts (out, l->labels);
  g_string_append_c (out, '}');
}

static void
append_attr (GString *out, const SumAttr *a)
{
  g_string_append (out, "{\"documents\": ");
  append_u64 (out, a->documents);
  if (g_hash_table_size (a->values) > 0)
    {
      g_string_append (out, ", \"values\": ");
      append_counts (out, a->values);
    }
  if (a->n_numbers > 0)
    {
      g_string_append (out, ", \"count\": ");
      append_u64 (out, a->n_numbers);
      g_string_append (out, ", \"sum\": ");
      tamis_fixed_append (out, a->sum);
      g_string_append (out, ", \"min\": ");
      tamis_fixed_append (out, a->min);
      g_string_append (out, ", \"max\": ");
      tamis_fixed_append (out, a->max);
    }
  g_string_append_c (out, '}');
}

/* A member per line: "  "name": {…}" for every key of @table. */
static void
append_named (GString *out, GHashTable *table, void (*append) (GString *, gconstpointer))
{
  g_autoptr (GPtrArray) keys = sorted_keys (table);

  g_string_append_c (out, '{');
  for (guint i = 0; i < keys->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      append_string (out, keys->pdata[i]);
      g_string_append (out, ": ");
      append (out, g_hash_table_lookup (table, keys->pdata[i]));
    }
  g_string_append (out, keys->len > 0 ? "\n  }" : "}");
}

static void
append_list (GString *out, GPtrArray *items, void (*append) (GString *, gconstpointer))
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      append (out, items->pdata[i]);
    }
  g_string_append (out, items->len > 0 ? "\n  ]" : "]");
}

char *
tamis_summary_to_json (const TamisSummary *summary)
{
  TamisSummary *s = (TamisSummary *) summary;
  GString *out = g_string_sized_new (4096);
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GPtrArray) amounts = NULL;

  g_return_val_if_fail (summary != NULL, NULL);
  tamis_summary_flush (s);
  tamis_mutex_lock (&s->lock);

  g_string_append_printf (out, "{\n  \"tamis_summary\": %d,\n  \"pipeline\": {\"name\": ",
                          TAMIS_SUMMARY_VERSION);
  append_string (out, s->name);
  g_string_append (out, ", \"stages\": [");
  stages = sorted_keys (s->stages);
  for (guint i = 0; i < stages->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_string (out, stages->pdata[i]);
    }
  g_string_append (out, "]},\n  \"documents\": {\"total\": ");
  append_u64 (out, s->total);
  g_string_append (out, ", \"failed\": ");
  append_u64 (out, s->failed);
  g_string_append (out, ", \"by_lang\": ");
  append_counts (out, s->by_lang);
  g_string_append (out, ", \"by_sentiment\": ");
  append_counts (out, s->by_sentiment);
  g_string_append (out, ",\n    \"sentiment_histogram\": {\"bins\": [");
  for (int i = 0; i <= HISTOGRAM_BINS; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      tamis_fixed_append (out, -FIXED_ONE + i * (2 * FIXED_ONE / HISTOGRAM_BINS));
    }
  g_string_append (out, "], \"counts\": [");
  for (int i = 0; i < HISTOGRAM_BINS; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_u64 (out, s->histogram[i]);
    }
  g_string_append (out, "]}},\n  \"errors\": ");
  append_counts (out, s->errors);

  g_string_append (out, ",\n  \"entities\": ");
  entities = sorted_values (s->entities, compare_entities);
  append_list (out, entities, (void (*) (GString *, gconstpointer)) append_entity);
  g_string_append (out, ",\n  \"amounts\": ");
  amounts = sorted_values (s->amounts, compare_amounts);
  append_list (out, amounts, (void (*) (GString *, gconstpointer)) append_amount);
  g_string_append (out, ",\n  \"layers\": ");
  append_named (out, s->layers, (void (*) (GString *, gconstpointer)) append_layer);
  g_string_append (out, ",\n  \"attributes\": ");
  append_named (out, s->attributes, (void (*) (GString *, gconstpointer)) append_attr);
  g_string_append (out, "\n}\n");

  tamis_mutex_unlock (&s->lock);
  return g_string_free (out, FALSE);
}

/* ---- reading ---- */

typedef struct {
  const char *p, *end;
  guint depth;
  const char *error;
} JParser;

#define J_MAX_DEPTH 64

void
tamis_jval_free (gpointer data)
{
  JVal *v = data;

  if (v == NULL)
    return;
  g_free (v->text);
  if (v->items)
    g_ptr_array_unref (v->items);
  g_free (v);
}


static void
skip_space (JParser *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static char *
parse_string (JParser *j)
{
  GString *out;
  const char *run;

  j->p++; /* the opening quote */
  /* most strings hold no escape: copied in one go */
  for (run = j->p; run < j->end && *run != '"' && *run != '\\' && (unsigned char) *run >= 0x20; run++)
    ;
  if (run < j->end && *run == '"')
    {
      char *copy;

      if (!g_utf8_validate (j->p, run - j->p, NULL))
        {
          j->error = "a malformed string";
          return NULL;
        }
      copy = g_strndup (j->p, run - j->p);
      j->p = run + 1;
      return copy;
    }
  out = g_string_new (NULL);
  while (j->p < j->end && *j->p != '"')
    {
      unsigned char c = (unsigned char) *j->p;

      if (c < 0x20)
        break;
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          j->p++;
          continue;
        }
      if (j->end - j->p < 2)
        break;
      j->p++;
      switch (*j->p)
        {
        case '"': case '\\': case '/': g_string_append_c (out, *j->p); j->p++; continue;
        case 'b': g_string_append_c (out, '\b'); j->p++; continue;
        case 'f': g_string_append_c (out, '\f'); j->p++; continue;
        case 'n': g_string_append_c (out, '\n'); j->p++; continue;
        case 'r': g_string_append_c (out, '\r'); j->p++; continue;
        case 't': g_string_append_c (out, '\t'); j->p++; continue;
        case 'u':
          {
            int u = j->end - j->p >= 5 ? hex4 (j->p + 1) : -1;

            if (u < 0)
              break;
            j->p += 5;
            if (u >= 0xd800 && u < 0xdc00)
              {
                int low = j->end - j->p >= 6 && j->p[0] == '\\' && j->p[1] == 'u' ? hex4 (j->p + 2) : -1;

                if (low < 0xdc00 || low >= 0xe000)
                  break;
                j->p += 6;
                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (u >= 0xdc00 && u < 0xe000)
              break;
            if (u == 0)
              break;
            g_string_append_unichar (out, (gunichar) u);
            continue;
          }
        default:
          break;
        }
      break;
    }
  if (j->p >= j->end || *j->p != '"' || !g_utf8_validate (out->str, out->len, NULL))
    {
      j->error = "a malformed string";
      g_string_free (out, TRUE);
      return NULL;
    }
  j->p++;
  return g_string_free (out, FALSE);
}

static JVal *parse_value (JParser *j);

static JVal *
parse_container (JParser *j, gboolean object)
{
  g_autoptr (JVal) v = g_new0 (JVal, 1);
  char close = object ? '}' : ']';

  v->type = object ? J_OBJECT : J_ARRAY;
  v->items = g_ptr_array_new_with_free_func (tamis_jval_free);
  if (++j->depth > J_MAX_DEPTH)
    {
      j->error = "nesting too deep";
      return NULL;
    }
  j->p++;
  skip_space (j);
  if (j->p < j->end && *j->p == close)
    {
      j->p++;
      j->depth--;
      return g_steal_pointer (&v);
    }
  for (;;)
    {
      JVal *item;

      skip_space (j);
      if (object)
        {
          JVal *key;

          if (j->p >= j->end || *j->p != '"')
            {
              j->error = "a member name is missing";
              return NULL;
            }
          key = g_new0 (JVal, 1);
          key->type = J_STRING;
          g_ptr_array_add (v->items, key);
          if ((key->text = parse_string (j)) == NULL)
            return NULL;
          skip_space (j);
          if (j->p >= j->end || *j->p != ':')
            {
              j->error = "':' is missing";
              return NULL;
            }
          j->p++;
        }
      if ((item = parse_value (j)) == NULL)
        return NULL;
      g_ptr_array_add (v->items, item);
      skip_space (j);
      if (j->p < j->end && *j->p == ',')
        {
          j->p++;
          continue;
        }
      if (j->p < j->end && *j->p == close)
        {
          j->p++;
          j->depth--;
          return g_steal_pointer (&v);
        }
      j->error = object ? "',' or '}' is missing" : "',' or ']' is missing";
      return NULL;
    }
}

static JVal *
parse_value (JParser *j)
{
  JVal *v;
  const char *start;

  skip_space (j);
  if (j->p >= j->end)
    {
      j->error = "the text ends early";
      return NULL;
    }
  switch (*j->p)
    {
    case '{':
      return parse_container (j, TRUE);
    case '[':
      return parse_container (j, FALSE);
    case '"':
      {
        char *text = parse_string (j);

        if (text == NULL)
          return NULL;
        v = g_new0 (JVal, 1);
        v->type = J_STRING;
        v->text = text;
        return v;
      }
    default:
      break;
    }
  static const struct { const char *word; JType type; } words[] = {
    { "null", J_NULL }, { "true", J_TRUE }, { "false", J_FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize len = strlen (words[i].word);

      if ((gsize) (j->end - j->p) >= len && memcmp (j->p, words[i].word, len) == 0)
        {
          j->p += len;
          v = g_new0 (JVal, 1);
          v->type = words[i].type;
          return v;
        }
    }
  start = j->p;
  while (j->p < j->end && (g_ascii_isdigit (*j->p) || strchr ("+-.eE", *j->p)))
    j->p++;
  if (j->p == start)
    {
      j->error = "an unexpected character";
      return NULL;
    }
  v = g_new0 (JVal, 1);
  v->type = J_NUMBER;
  v->text = g_strndup (start, j->p - start);
  return v;
}

JVal *
tamis_jval_member (const JVal *object, const char *name)
{
  if (object == NULL || object->type != J_OBJECT)
    return NULL;
  for (guint i = 0; i + 1 < object->items->len; i += 2)
    if (strcmp (((JVal *) object->items->pdata[i])->text, name) == 0)
      return object->items->pdata[i + 1];
  return NULL;
}

/* Reading fails at the first member that is not as written: @where says
 * which. */
typedef struct {
  GString *where;
  gboolean ok;
} Reading;

static void
bad (Reading *r, const char *what, const char *name)
{
  if (r->ok)
    g_string_printf (r->where, "%s%s%s", what, name ? " " : "", name ? name : "");
  r->ok = FALSE;
}

static guint64
read_count (Reading *r, const JVal *v, const char *name)
{
  guint64 n = 0;

  if (v == NULL || v->type != J_NUMBER ||
      !g_ascii_string_to_unsigned (v->text, 10, 0, G_MAXUINT64, &n, NULL))
    bad (r, "a count is expected at", name);
  return n;
}

static Fixed
read_fixed (Reading *r, const JVal *v, const char *name)
{
  Fixed f = 0;

  if (v == NULL || v->type != J_NUMBER || !tamis_fixed_from_text (v->text, &f))
    bad (r, "a number is expected at", name);
  return f;
}

/* NULL for JSON null; a string otherwise. */
static const char *
read_nullable (Reading *r, const JVal *v, const char *name)
{
  if (v != NULL && v->type == J_NULL)
    return NULL;
  if (v == NULL || v->type != J_STRING)
    {
      bad (r, "a string or null is expected at", name);
      return NULL;
    }
  return v->text;
}

static void
read_counts (Reading *r, const JVal *v, GHashTable *into, const char *name)
{
  if (v == NULL || v->type != J_OBJECT)
    {
      bad (r, "an object of counts is expected at", name);
      return;
    }
  for (guint i = 0; i + 1 < v->items->len; i += 2)
    tamis_summary_count_of (into, ((JVal *) v->items->pdata[i])->text)->count +=
        read_count (r, v->items->pdata[i + 1], name);
}

static void
read_entity (Reading *r, TamisSummary *s, const JVal *v)
{
  const char *name = read_nullable (r, tamis_jval_member (v, "name"), "entities.name");
  const char *label = read_nullable (r, tamis_jval_member (v, "label"), "entities.label");
  const JVal *senti = tamis_jval_member (v, "sentiment");
  SumEntity *e;

  if (!r->ok || name == NULL)
    {
      bad (r, "a name is expected at", "entities.name");
      return;
    }
  e = tamis_summary_entity (s, name, label);
  e->mentions += read_count (r, tamis_jval_member (v, "mentions"), "entities.mentions");
  e->documents += read_count (r, tamis_jval_member (v, "documents"), "entities.documents");
  if (senti == NULL || senti->type == J_NULL)
    return;
  e->senti_n += read_count (r, tamis_jval_member (senti, "n"), "entities.sentiment.n");
  e->senti_sum += read_fixed (r, tamis_jval_member (senti, "sum"), "entities.sentiment.sum");
  e->positive += read_count (r, tamis_jval_member (senti, "positive"), "entities.sentiment.positive");
  e->neutral += read_count (r, tamis_jval_member (senti, "neutral"), "entities.sentiment.neutral");
  e->negative += read_count (r, tamis_jval_member (senti, "negative"), "entities.sentiment.negative");
}

static void
read_amount (Reading *r, TamisSummary *s, const JVal *v)
{
  const char *entity = read_nullable (r, tamis_jval_member (v, "entity"), "amounts.entity");
  const char *currency = read_nullable (r, tamis_jval_member (v, "currency"), "amounts.currency");
  const JVal *exact = tamis_jval_member (v, "exact"), *ranges = tamis_jval_member (v, "ranges");
  TamisSummary *one;
  SumAmount *a;

  if (!r->ok)
    return;
  /* through a summary of its own, so that a repeated key merges */
  one = tamis_summary_new_empty (NULL);
  a = tamis_summary_amount (one, entity, currency);
  a->n_exact = read_count (r, tamis_jval_member (exact, "count"), "amounts.exact.count");
  if (a->n_exact > 0)
    {
      a->sum = read_fixed (r, tamis_jval_member (exact, "sum"), "amounts.exact.sum");
      a->min = read_fixed (r, tamis_jval_member (exact, "min"), "amounts.exact.min");
      a->max = read_fixed (r, tamis_jval_member (exact, "max"), "amounts.exact.max");
    }
  a->n_ranges = read_count (r, tamis_jval_member (ranges, "count"), "amounts.ranges.count");
  if (a->n_ranges > 0)
    {
      a->sum_min = read_fixed (r, tamis_jval_member (ranges, "sum_min"), "amounts.ranges.sum_min");
      a->sum_max = read_fixed (r, tamis_jval_member (ranges, "sum_max"), "amounts.ranges.sum_max");
      a->range_min = read_fixed (r, tamis_jval_member (ranges, "min"), "amounts.ranges.min");
      a->range_max = read_fixed (r, tamis_jval_member (ranges, "max"), "amounts.ranges.max");
    }
  tamis_summary_merge_unchecked (s, one);
  tamis_summary_free (one);
}

static void
read_summary (Reading *r, TamisSummary *s, const JVal *root)
{
  const JVal *pipeline = tamis_jval_member (root, "pipeline"), *docs = tamis_jval_member (root, "documents");
  const JVal *v, *histogram;

  v = tamis_jval_member (root, "tamis_summary");
  if (v == NULL || v->type != J_NUMBER || strcmp (v->text, "1") != 0)
    {
      bad (r, v ? "an unknown summary version: \"tamis_summary\" is not 1" : "not a summary: no \"tamis_summary\"",
           NULL);
      return;
    }
  if (pipeline == NULL || pipeline->type != J_OBJECT)
    {
      bad (r, "an object is expected at", "pipeline");
      return;
    }
  v = tamis_jval_member (pipeline, "name");
  if (v != NULL)
    s->name = g_strdup (read_nullable (r, v, "pipeline.name"));
  v = tamis_jval_member (pipeline, "stages");
  if (v == NULL || v->type != J_ARRAY)
    bad (r, "a list is expected at", "pipeline.stages");
  for (guint i = 0; r->ok && i < v->items->len; i++)
    {
      const JVal *id = v->items->pdata[i];

      if (id->type != J_STRING)
        bad (r, "a string is expected at", "pipeline.stages");
      else
        g_hash_table_add (s->stages, g_strdup (id->text));
    }

  s->total = read_count (r, tamis_jval_member (docs, "total"), "documents.total");
  s->failed = read_count (r, tamis_jval_member (docs, "failed"), "documents.failed");
  read_counts (r, tamis_jval_member (docs, "by_lang"), s->by_lang, "documents.by_lang");
  read_counts (r, tamis_jval_member (docs, "by_sentiment"), s->by_sentiment, "documents.by_sentiment");
  histogram = tamis_jval_member (tamis_jval_member (docs, "sentiment_histogram"), "counts");
  if (histogram == NULL || histogram->type != J_ARRAY || histogram->items->len != HISTOGRAM_BINS)
    bad (r, "20 counts are expected at", "documents.sentiment_histogram.counts");
  for (guint i = 0; r->ok && i < HISTOGRAM_BINS; i++)
    s->histogram[i] = read_count (r, histogram->items->pdata[i], "documents.sentiment_histogram.counts");
  read_counts (r, tamis_jval_member (root, "errors"), s->errors, "errors");

  v = tamis_jval_member (root, "entities");
  if (v == NULL || v->type != J_ARRAY)
    bad (r, "a list is expected at", "entities");
  for (guint i = 0; r->ok && i < v->items->len; i++)
    read_entity (r, s, v->items->pdata[i]);
  v = tamis_jval_member (root, "amounts");
  if (r->ok && (v == NULL || v->type != J_ARRAY))
    bad (r, "a list is expected at", "amounts");
  for (guint i = 0; r->ok && i < v->items->len; i++)
    read_amount (r, s, v->items->pdata[i]);

  v = tamis_jval_member (root, "layers");
  if (r->ok && (v == NULL || v->type != J_OBJECT))
    bad (r, "an object is expected at", "layers");
  for (guint i = 0; r->ok && i + 1 < v->items->len; i += 2)
    {
      const JVal *l = v->items->pdata[i + 1];
      SumLayer *layer = tamis_summary_layer (s, ((JVal *) v->items->pdata[i])->text);

      layer->spans += read_count (r, tamis_jval_member (l, "spans"), "layers.spans");
      layer->documents += read_count (r, tamis_jval_member (l, "documents"), "layers.documents");
      read_counts (r, tamis_jval_member (l, "labels"), layer->labels, "layers.labels");
    }

  v = tamis_jval_member (root, "attributes");
  if (r->ok && (v == NULL || v->type != J_OBJECT))
    bad (r, "an object is expected at", "attributes");
  for (guint i = 0; r->ok && i + 1 < v->items->len; i += 2)
    {
      const JVal *a = v->items->pdata[i + 1];
      SumAttr *attr = tamis_summary_attr (s, ((JVal *) v->items->pdata[i])->text);
      guint64 n;

      attr->documents += read_count (r, tamis_jval_member (a, "documents"), "attributes.documents");
      if (tamis_jval_member (a, "values"))
        read_counts (r, tamis_jval_member (a, "values"), attr->values, "attributes.values");
      if (tamis_jval_member (a, "count") == NULL)
        continue;
      n = read_count (r, tamis_jval_member (a, "count"), "attributes.count");
      if (n == 0 || attr->n_numbers > 0)
        {
          bad (r, "a repeated or empty number count at", "attributes.count");
          break;
        }
      attr->n_numbers = n;
      attr->sum = read_fixed (r, tamis_jval_member (a, "sum"), "attributes.sum");
      attr->min = read_fixed (r, tamis_jval_member (a, "min"), "attributes.min");
      attr->max = read_fixed (r, tamis_jval_member (a, "max"), "attributes.max");
    }
}

JVal *
tamis_jval_parse (const char *text, gssize length, const char **error, gsize *error_at)
{
  JParser j;
  JVal *root;

  j.p = text;
  j.end = text + (length < 0 ? (gssize) strlen (text) : length);
  j.depth = 0;
  j.error = NULL;
  root = parse_value (&j);
  if (root != NULL)
    {
      skip_space (&j);
      if (j.p < j.end)
        {
          j.error = "text follows the value";
          g_clear_pointer (&root, tamis_jval_free);
        }
    }
  if (root == NULL)
    {
      *error = j.error;
      *error_at = j.p - text;
    }
  return root;
}

TamisSummary *
tamis_summary_new_from_json (const char *json, gssize length, GError **error)
{
  g_autoptr (JVal) root = NULL;
  g_autoptr (GString) where = g_string_new (NULL);
  Reading r = { where, TRUE };
  const char *problem = NULL;
  gsize at = 0;
  TamisSummary *s;

  g_return_val_if_fail (json != NULL, NULL);
  root = tamis_jval_parse (json, length, &problem, &at);
  if (root == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "not JSON: %s at byte %" G_GSIZE_FORMAT,
                   problem, at);
      return NULL;
    }
  if (root->type != J_OBJECT)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "not a summary: not a JSON object");
      return NULL;
    }
  s = tamis_summary_new_empty (NULL);
  read_summary (&r, s, root);
  if (!r.ok)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "malformed summary: %s", where->str);
      tamis_summary_free (s);
      return NULL;
    }
  return s;
}
