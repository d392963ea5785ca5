/* tamis evaluate — score a pipeline, or its saved records, against gold
 * records: spans per layer and label, document attributes. */
#include "evaluate.h"

#include <string.h>

/* Gold records must have a text, a unique id and well-formed spans. */
static gboolean
check_gold (GPtrArray *gold, const char *path, GHashTable *by_id, GError **error)
{
  for (guint i = 0; i < gold->len; i++)
    {
      EvalRecord *record = gold->pdata[i];
      JsonNode *layers = json_object_get_member (record->object, "layers");

      if (record->text == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: record '%s' has no \"text\"", path, record->id);
          return FALSE;
        }
      if (!g_hash_table_insert (by_id, record->id, record))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: record '%s' appears twice", path, record->id);
          return FALSE;
        }
      if (layers != NULL && !JSON_NODE_HOLDS_OBJECT (layers))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: record '%s': \"layers\" is not an object", path, record->id);
          return FALSE;
        }
      if (layers != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (json_node_get_object (layers));

          for (GList *l = names; l != NULL; l = l->next)
            {
              g_autoptr(GArray) spans = eval_record_get_spans (record, l->data, error);
              if (spans == NULL)
                {
                  g_prefix_error (error, "%s: ", path);
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}

/* ---- running the pipeline on the gold texts ---- */

typedef struct {
  GPtrArray *gold;
  guint next_in;   /* the next record to hand to the pipeline */
  guint next_out;  /* the gold record of the next document back */
  Evaluator *evaluator;
} Run;

static TamisDoc *
gold_source (gpointer user_data, GError **error)
{
  Run *run = user_data;
  const EvalRecord *record;

  if (run->next_in >= run->gold->len)
    return NULL;
  record = run->gold->pdata[run->next_in++];
  /* No repairs: the gold offsets refer to the text as it is. */
  return tamis_doc_new (record->id, record->text, -1, error);
}

static gboolean
score_sink (TamisDoc *doc, gpointer user_data, GError **error)
{
  Run *run = user_data;
  const EvalRecord *gold = run->gold->pdata[run->next_out++];
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(EvalRecord) predicted = NULL;

  if (tamis_doc_get_error_code (doc) == NULL && !g_str_equal (tamis_doc_get_text (doc), gold->text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "record '%s': the text analysed differs from the gold text", gold->id);
      return FALSE;
    }
  /* The record `tamis run` writes, so that both modes score the same thing. */
  json = tamis_doc_to_json (doc, NULL, FALSE, FALSE);
  node = json_from_string (json, error);
  if (node == NULL)
    return FALSE;
  predicted = eval_record_new (node, gold->id, error);
  if (predicted == NULL)
    return FALSE;
  return evaluator_add (run->evaluator, gold, predicted, error);
}

static gboolean
evaluate_pipeline (Evaluator *evaluator, const char *pipeline_path, char **plugin_dirs, guint jobs,
                   GPtrArray *gold, GError **error)
{
  g_autoptr(TamisPipeline) pipeline = tamis_pipeline_new_from_file (pipeline_path, cli_registry (plugin_dirs),
                                                                    error);
  Run run = { gold, 0, 0, evaluator };

  if (pipeline == NULL)
    return FALSE;
  return tamis_pipeline_run (pipeline, gold_source, &run, score_sink, &run,
                             jobs > 0 ? jobs : g_get_num_processors (), NULL, error);
}

/* ---- scoring saved records ---- */

static gboolean
evaluate_predicted (Evaluator *evaluator, const char *path, GPtrArray *gold, GHashTable *gold_by_id,
                    GError **error)
{
  g_autoptr(GPtrArray) predicted = eval_read_jsonl (path, error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (predicted == NULL)
    return FALSE;
  for (guint i = 0; i < predicted->len; i++)
    {
      EvalRecord *record = predicted->pdata[i];

      if (!g_hash_table_insert (by_id, record->id, record))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: record '%s' appears twice", path, record->id);
          return FALSE;
        }
      if (!g_hash_table_contains (gold_by_id, record->id))
        evaluator_add_unknown (evaluator, record->id);
    }
  for (guint i = 0; i < gold->len; i++)
    {
      const EvalRecord *record = gold->pdata[i];

      if (!evaluator_add (evaluator, record, g_hash_table_lookup (by_id, record->id), error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

/* "a,b" -> {"a", "b"}; "" -> {} (nothing); NULL -> NULL (the default). */
static char **
split_names (const char *list)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (list == NULL)
    return NULL;
  parts = g_strsplit (list, ",", -1);
  for (char **p = parts; *p != NULL; p++)
    {
      g_strstrip (*p);
      if (**p != '\0')
        g_strv_builder_add (builder, *p);
    }
  return g_strv_builder_end (builder);
}

int
cli_cmd_evaluate (int argc, char **argv)
{
  g_autofree char *predicted_path = NULL;
  g_autofree char *layers = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *span_attributes = NULL;
  g_autofree char *match_attributes = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) plugin_dirs = NULL;
  int jobs = 0;
  int max_errors = 0;
  const GOptionEntry entries[] = {
    { "predicted", 'p', 0, G_OPTION_ARG_FILENAME, &predicted_path,
      "Score the records of FILE (output of tamis run) instead of running a pipeline", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Process N documents at once (default 0: one per CPU)", "N" },
    { "layers", 'l', 0, G_OPTION_ARG_STRING, &layers,
      "Score these layers (default: every layer of the gold)", "L1,L2" },
    { "attributes", 'a', 0, G_OPTION_ARG_STRING, &attributes,
      "Score these document attributes (default: every one of the gold)", "A,B" },
    { "span-attributes", 's', 0, G_OPTION_ARG_STRING, &span_attributes,
      "Accuracy of these span attributes on exactly matched spans", "A,B" },
    { "match-attributes", 'm', 0, G_OPTION_ARG_STRING, &match_attributes,
      "Spans match (exact, overlap) only when these attributes agree too", "A,B" },
    { "errors", 'e', 0, G_OPTION_ARG_INT, &max_errors,
      "List the first N misses, false positives and wrong attributes", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: table (default) or json", "FORMAT" },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gold = NULL;
  g_autoptr(GHashTable) gold_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(Evaluator) evaluator = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_auto(GStrv) layer_list = NULL, attribute_list = NULL, span_list = NULL, match_list = NULL;
  EvalOptions options = { 0 };
  const char *gold_path;
  gboolean ok;

  context = cli_option_context_new ("evaluate", "PIPELINE.yaml GOLD.jsonl | --predicted RESULTS.jsonl GOLD.jsonl",
                                    "Runs the pipeline on the texts of the gold records (or reads its saved\n"
                                    "records) and compares what it found with the gold: precision, recall and\n"
                                    "F1 of the spans of each layer and label (exact, same boundaries, overlap),\n"
                                    "accuracy, macro-F1 and confusion of document attributes. Records are\n"
                                    "matched by id; offsets are code points. See tamis(1) for the matching rules.",
                                    entries);
  args = cli_parse (context, "evaluate", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc != (predicted_path ? 2 : 3))
    {
      cli_error ("evaluate: expects %s", predicted_path ? "--predicted RESULTS.jsonl and one gold file"
                                                        : "a pipeline and a gold file");
      g_printerr ("Try 'tamis evaluate --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  if (jobs < 0 || max_errors < 0)
    {
      cli_error ("evaluate: --%s must be 0 or more", jobs < 0 ? "jobs" : "errors");
      return CLI_EXIT_USAGE;
    }
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "json"))
    {
      cli_error ("evaluate: --format: '%s' is not one of table, json", format);
      return CLI_EXIT_USAGE;
    }
  gold_path = args[argc - 1];

  gold = eval_read_jsonl (gold_path, &error);
  if (gold == NULL || !check_gold (gold, gold_path, gold_by_id, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }

  options.layers = layer_list = split_names (layers);
  options.attributes = attribute_list = split_names (attributes);
  options.span_attributes = span_list = split_names (span_attributes);
  options.match_attributes = match_list = split_names (match_attributes);
  options.max_errors = max_errors;
  evaluator = evaluator_new (&options, gold);

  if (predicted_path != NULL)
    ok = evaluate_predicted (evaluator, predicted_path, gold, gold_by_id, &error);
  else
    ok = evaluate_pipeline (evaluator, args[1], plugin_dirs, jobs, gold, &error);
  if (!ok)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }

  report = evaluator_to_json (evaluator);
  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autofree char *text = json_to_string (report, TRUE);
      g_print ("%s\n", text);
    }
  else
    eval_print_table (json_node_get_object (report), gold_path);
  return CLI_EXIT_OK;
}
