/* tamis check — validate a pipeline and show what it resolved to. */
#include "cli.h"

static const char *
input_format_name (int format)
{
  switch (format)
    {
    case TAMIS_INPUT_TEXT: return "text";
    case TAMIS_INPUT_JSONL: return "jsonl";
    default: return "auto";
    }
}

int
cli_cmd_check (int argc, char **argv)
{
  g_auto(GStrv) plugin_dirs = NULL;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Also show each stage's options with the values in effect, and what it writes in full", NULL },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) pipeline = NULL;
  g_autofree char *layers = NULL;
  const char *name;
  const char *format;
  const char *const *output_layers;
  guint n_stages;

  context = cli_option_context_new ("check", "PIPELINE.yaml",
                                    "Loads and validates a pipeline without reading any document, then\n"
                                    "prints each stage with the plugin it resolved to.",
                                    entries);
  args = cli_parse (context, "check", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc != 2)
    {
      cli_error ("check: %s", argc < 2 ? "missing the pipeline file" : "expects one pipeline file");
      g_printerr ("Try 'tamis check --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }

  pipeline = tamis_pipeline_new_from_file (args[1], cli_registry (plugin_dirs), &error);
  if (pipeline == NULL)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }

  name = tamis_pipeline_get_name (pipeline);
  n_stages = tamis_pipeline_get_n_stages (pipeline);
  g_print ("%s: pipeline %s%s%s, %u stage%s\n", tamis_pipeline_get_filename (pipeline),
           name ? "'" : "", name ? name : "(unnamed)", name ? "'" : "",
           n_stages, n_stages == 1 ? "" : "s");

  for (guint i = 0; i < n_stages; i++)
    {
      guint line = 0;
      const TamisPluginEntry *entry = tamis_pipeline_get_stage (pipeline, i, &line);
      const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (entry);
      const char *const *langs = tamis_pipeline_get_stage_langs (pipeline, i);
      const char *const *active = tamis_pipeline_get_stage_writes (pipeline, i);
      g_autofree char *when = cli_join (langs, NULL);
      g_autofree char *writes = cli_join (active, "(nothing)");
      g_autofree char *reads = cli_join (plugin->reads, "(nothing)");

      g_print ("stage %u: %s %s (line %u)\n", i + 1, plugin->name, plugin->version, line);
      g_print ("  file:     %s\n", tamis_plugin_entry_get_path (entry));
      g_print ("  id:       %s\n", tamis_pipeline_get_stage_id (pipeline, i));
      if (when != NULL)
        g_print ("  when:     lang in %s\n", when);
      else
        g_print ("  when:     every document\n");
      g_print ("  reads:    %s\n", reads);
      if (!verbose)
        {
          g_print ("  writes:   %s\n", writes);
          continue;
        }
      g_print ("  options:\n");
      cli_print_options (plugin, pipeline, i, "    ");
      g_print ("  writes:\n");
      cli_print_writes (plugin, active, "    ");
    }

  format = tamis_pipeline_get_output_format (pipeline);
  output_layers = tamis_pipeline_get_output_layers (pipeline);
  layers = output_layers ? cli_join (output_layers, "none") : g_strdup ("all");
  g_print ("input:  %s, documents up to %" G_GSIZE_FORMAT " bytes\n",
           input_format_name (tamis_pipeline_get_input_format (pipeline)),
           tamis_pipeline_get_max_doc_size (pipeline));
  g_print ("output: %s, layers: %s, text: %s\n", format ? format : "jsonl", layers,
           tamis_pipeline_get_output_text (pipeline) ? "yes" : "no");
  for (const char *const *key = tamis_pipeline_get_output_where_keys (pipeline); *key; key++)
    {
      g_autofree char *values = cli_join (tamis_pipeline_get_output_where (pipeline, *key), NULL);

      g_print ("where:  %s in %s\n", *key, values);
    }
  g_print ("ok\n");
  return CLI_EXIT_OK;
}
