/* tamis evaluate — what its parts share: records, the scorer, the report. */
#pragma once

#include "cli.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One record of a gold or predicted JSONL file, or of a processed
 * document: offsets are code points in both. */
typedef struct {
  char *id;
  char *text;         /* NULL when the record has none */
  char *error_code;   /* an error record: no layers, no attributes */
  JsonObject *object; /* the whole record */
} EvalRecord;

void eval_record_free (EvalRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvalRecord, eval_record_free)

/* A record from one JSON value; @where ("FILE:LINE") prefixes errors. */
EvalRecord *eval_record_new (JsonNode *node, const char *where, GError **error);

/* Every record of a JSONL file, in order; blank lines are skipped. */
GPtrArray *eval_read_jsonl (const char *path, GError **error);

/* A span of a record's layer, start and end in code points. */
typedef struct {
  guint start;
  guint end;
  const char *label;  /* NULL when the span has none */
  JsonObject *object; /* its attributes, owned by the record */
  gboolean optional;  /* gold "optional": true, scored neither way */
} EvalSpan;

/* The spans of @layer in @record, checked against the text when it has
 * one; an absent layer has none. */
GArray *eval_record_get_spans (const EvalRecord *record, const char *layer, GError **error);

typedef struct {
  char **layers;            /* NULL: those of the gold */
  char **attributes;        /* NULL: those of the gold */
  char **span_attributes;   /* compared on exactly matched spans */
  char **match_attributes;  /* must agree for a span to match */
  guint max_errors;
} EvalOptions;

typedef struct _Evaluator Evaluator;

/* The layers and attributes scored are fixed here from @options and @gold. */
Evaluator *evaluator_new (const EvalOptions *options, GPtrArray *gold);
void evaluator_free (Evaluator *evaluator);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Evaluator, evaluator_free)

/* Scores @predicted against @gold (same id); @predicted NULL when the
 * record is missing. Fails, naming the id, when both carry a text and
 * the texts differ. */
gboolean evaluator_add (Evaluator *evaluator, const EvalRecord *gold, const EvalRecord *predicted,
                        GError **error);

/* Predicted records whose id is not in the gold, counted for the report. */
void evaluator_add_unknown (Evaluator *evaluator, const char *id);

/* The figures as one JSON object. */
JsonNode *evaluator_to_json (Evaluator *evaluator);

/* The readable table of @report (what evaluator_to_json() returns). */
void eval_print_table (JsonObject *report, const char *gold_name);

/* Two attribute values agree: numbers within a relative 1e-9. */
gboolean eval_values_agree (JsonNode *gold, JsonNode *predicted);

/* The document attributes of a record: members other than id, text,
 * layers, meta, repaired and error with a string, number or boolean. */
gboolean eval_is_doc_attribute (const char *name, JsonNode *value);

G_END_DECLS
