/* tamis — summary internals shared by the accumulation (summary.c), the
 * two document sources (summary-doc.c, summary-record.c) and the JSON form
 * (summary-json.c). */
#pragma once

#include <json-glib/json-glib.h>
#include <tamis/summary.h>

G_BEGIN_DECLS

/* Exact fixed point: a millionth. 128 bits hold any sum of doubles a
 * corpus gives (a money amount of 1e20 is 1e26 millionths). */
typedef __int128 Fixed;
#define FIXED_ONE ((Fixed) 1000000)

/* What a summary reads: the keys of the pipeline's `summary:` section
 * other than `file`, in this order, with their defaults. */
typedef enum {
  SUMMARY_ENTITY_LAYER,
  SUMMARY_ENTITY_NAME,
  SUMMARY_ENTITY_SENTIMENT,
  SUMMARY_SENTIMENT,
  SUMMARY_SENTIMENT_SCORE,
  SUMMARY_LANG,
  SUMMARY_MONEY_LAYER,
  SUMMARY_RELATION_LAYER,
  SUMMARY_RELATION_ENTITY,
  SUMMARY_N_INPUTS,
} SummaryInput;

/* The key of @input in the pipeline ("entity_layer"), and its default. */
const char *tamis_summary_input_key (SummaryInput input);
const char *tamis_summary_input_default (SummaryInput input);

typedef struct {
  guint64 count;
} Count;

typedef struct {
  char *name;
  char *label;
  guint64 mentions;
  guint64 documents;
  guint64 stamp;  /* the last document counted in @documents */
  guint64 senti_n;
  Fixed senti_sum;
  guint64 positive, neutral, negative;
} SumEntity;

typedef struct {
  char *entity;   /* NULL: no relation tied it */
  char *currency; /* NULL: none given */
  guint64 n_exact;
  Fixed sum, min, max;
  guint64 n_ranges;
  Fixed sum_min, sum_max, range_min, range_max;
} SumAmount;

typedef struct {
  guint64 spans;
  guint64 documents;
  guint64 stamp;
  GHashTable *labels; /* char * -> Count */
} SumLayer;

typedef struct {
  guint64 documents;
  guint64 stamp;
  GHashTable *values; /* char * -> Count: strings, and "true"/"false" */
  guint64 n_numbers;
  Fixed sum, min, max;
} SumAttr;

#define HISTOGRAM_BINS 20

struct _TamisSummary {
  GMutex lock;
  char *inputs[SUMMARY_N_INPUTS];
  char *name;           /* the pipeline's name, NULL when unknown */
  GHashTable *stages;   /* set of stage ids */
  gboolean all_stages;  /* made from a pipeline: its documents name no other stage */
  guint64 doc_no;       /* the document being counted, for the stamps */
  /* Where tamis_summary_add_doc() counts: one summary per thread (GThread *
   * -> TamisSummary *, each with its own lock, which only its thread and
   * tamis_summary_flush() take), folded into this one before it is read. */
  GHashTable *partials;
  guint64 total;
  guint64 failed;
  GHashTable *by_lang;      /* char * -> Count */
  GHashTable *by_sentiment; /* char * -> Count */
  guint64 histogram[HISTOGRAM_BINS];
  GHashTable *errors;       /* code -> Count */
  GHashTable *entities;     /* "name\x1flabel" -> SumEntity */
  GHashTable *amounts;      /* "entity\x1fcurrency" -> SumAmount */
  GHashTable *layers;       /* name -> SumLayer */
  GHashTable *attributes;   /* name -> SumAttr */
};

/* An empty summary reading @inputs (NULL: the defaults). */
TamisSummary *tamis_summary_new_empty (char *const *inputs);

/* ---- what a document source gives ---- */

typedef enum {
  SVALUE_NONE,
  SVALUE_STRING,
  SVALUE_NUMBER,
  SVALUE_BOOL,
  SVALUE_JSON,
} SValueKind;

typedef struct {
  SValueKind kind;
  const char *s;  /* STRING */
  Fixed f;        /* NUMBER */
  gboolean b;     /* BOOL */
} SValue;

typedef void (*SAttrFunc) (const char *name, const SValue *value, gpointer data);
typedef void (*SStageFunc) (const char *id, gpointer data);
typedef void (*SSentiFunc) (const char *name, const char *label, const char *type, gboolean has_score,
                            Fixed score, gpointer data);

/* A JSON value as the summary's own parser reads it: numbers keep their
 * text. Faster than JsonParser for the small attributes read per
 * document, and exact for summaries. */
typedef enum { J_NULL, J_TRUE, J_FALSE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT } JType;

typedef struct {
  JType type;
  char *text;       /* J_STRING: the string; J_NUMBER: as written */
  GPtrArray *items; /* J_ARRAY: values; J_OBJECT: key, value, key, value… */
} JVal;

/* NULL with @error ("not JSON: … at byte N") when @text is not one JSON value. */
JVal *tamis_jval_parse (const char *text, gssize length, const char **error, gsize *error_at);
void tamis_jval_free (gpointer value);
/* The value of member @name of an object, NULL when none or not an object. */
JVal *tamis_jval_member (const JVal *object, const char *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JVal, tamis_jval_free)

/* A document seen through one of its forms: the TamisDoc itself or its
 * JSON record. Layers and spans are reached by index; offsets only need to
 * agree between layers of the same document (bytes or code points). */
typedef struct {
  const char *(*error_code) (gconstpointer doc);
  void (*foreach_attr) (gconstpointer doc, SAttrFunc func, gpointer data);
  gboolean (*get_attr) (gconstpointer doc, const char *name, SValue *value);
  /* The stage ids of the "by" attribute: its keys (short provenance) or
   * the "id" of its items (full). */
  void (*foreach_stage) (gconstpointer doc, SStageFunc func, gpointer data);
  /* The members of a per-entity sentiment attribute {"Name": {"label":,
   * "score":, "type":}, …}. */
  void (*foreach_entity_sentiment) (gconstpointer doc, const char *attr, SSentiFunc func, gpointer data);
  guint (*n_layers) (gconstpointer doc);
  const char *(*layer_name) (gconstpointer doc, guint layer);
  gboolean (*find_layer) (gconstpointer doc, const char *name, guint *layer);
  guint (*n_spans) (gconstpointer doc, guint layer);
  void (*span_range) (gconstpointer doc, guint layer, guint span, gsize *start, gsize *end);
  const char *(*span_label) (gconstpointer doc, guint layer, guint span);
  gboolean (*span_attr) (gconstpointer doc, guint layer, guint span, const char *key, SValue *value);
  /* The text a span covers, or NULL when the form does not hold the text. */
  char *(*span_text) (gconstpointer doc, guint layer, guint span);
} SummarySource;

/* Counts one document into @into: the same code for both forms. Takes
 * no lock. */
void tamis_summary_count (TamisSummary *into, const SummarySource *source, gconstpointer doc);

/* Folds the per-thread partial summaries into @summary. */
void tamis_summary_flush (TamisSummary *summary);

/* The partial summary of the calling thread, locked: give it back with
 * g_mutex_unlock (&partial->lock). */
TamisSummary *tamis_summary_lock_partial (TamisSummary *summary);

/* Merges without checking the pipelines (a document's own stages are
 * always some of its pipeline's). Takes no lock. */
void tamis_summary_merge_unchecked (TamisSummary *summary, const TamisSummary *other);

/* Merges @one into @summary under its lock, then frees @one. */
void tamis_summary_absorb (TamisSummary *summary, TamisSummary *one);

/* ---- numbers ---- */

Fixed tamis_fixed_from_double (double d);
/* Exact: "-12.5", "65000000000", "1.2e3"; FALSE when @text is not a
 * decimal number. Rounds half away from zero past six decimals. */
gboolean tamis_fixed_from_text (const char *text, Fixed *out);
void tamis_fixed_append (GString *out, Fixed value);
/* A JSON number's text as tamis_fixed_from_double() of the double a JSON
 * parser reads from it, without the cost of strtod in the usual case. */
gboolean tamis_fixed_from_json_number (const char *text, Fixed *out);

/* Counters and records of the maps, created when missing. */
Count *tamis_summary_count_of (GHashTable *counts, const char *key);
SumEntity *tamis_summary_entity (TamisSummary *summary, const char *name, const char *label);
SumAmount *tamis_summary_amount (TamisSummary *summary, const char *entity, const char *currency);
SumLayer *tamis_summary_layer (TamisSummary *summary, const char *name);
SumAttr *tamis_summary_attr (TamisSummary *summary, const char *name);
GHashTable *tamis_summary_counts_new (void);

/* The private hand-off between a writer and an isolated worker: the
 * summary the writer counts into (NULL when none). */
TamisSummary *tamis_writer_get_summary (TamisWriter *writer);

G_END_DECLS
