/* tamis summary — merges corpus summaries and results files into one
 * summary. */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

typedef enum {
  INPUT_OK,
  INPUT_BAD_LINES, /* counted what it could */
  INPUT_FATAL,     /* unreadable, or another pipeline: nothing more is done */
} InputStatus;

/* A whole file that is not JSON Lines: a summary, or a JSON array of
 * records (`tamis run --format json`). */
static InputStatus
read_document (const char *path, GString *text, TamisSummary *part)
{
  g_autoptr (GError) error = NULL;
  const char *p = text->str;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '[')
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();
      JsonArray *array;
      InputStatus status = INPUT_OK;

      if (!json_parser_load_from_data (parser, text->str, text->len, &error) ||
          !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        {
          cli_error ("%s: neither a summary nor records: %s", path,
                     error ? error->message : "not a list");
          return INPUT_FATAL;
        }
      array = json_node_get_array (json_parser_get_root (parser));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *record = json_to_string (json_array_get_element (array, i), FALSE);

          if (!tamis_summary_add_record (part, record, -1, &error))
            {
              cli_error ("%s: record %u: %s", path, i + 1, error->message);
              if (g_error_matches (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG))
                return INPUT_FATAL;
              status = INPUT_BAD_LINES;
              g_clear_error (&error);
            }
        }
      return status;
    }
  {
    g_autoptr (TamisSummary) summary = tamis_summary_new_from_json (text->str, text->len, &error);

    if (summary == NULL)
      {
        cli_error ("%s: %s", path, error->message);
        return INPUT_FATAL;
      }
    if (!tamis_summary_merge (part, summary, &error))
      {
        cli_error ("%s: %s", path, error->message);
        return INPUT_FATAL;
      }
  }
  return INPUT_OK;
}

/* Reads one input into @part. JSON Lines when its first line is a JSON
 * object of its own (a record); otherwise the whole file is one JSON text. */
static InputStatus
read_input (const char *path, TamisSummary *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) raw = cli_open_input (path, &error);
  g_autoptr (GDataInputStream) in = NULL;
  g_autoptr (GString) whole = g_string_new (NULL);
  InputStatus status = INPUT_OK;
  gboolean lines = FALSE, decided = FALSE;
  guint64 line_no = 0;
  char *line;
  gsize len;

  if (raw == NULL)
    {
      cli_error ("%s", error->message);
      return INPUT_FATAL;
    }
  in = g_data_input_stream_new (raw);
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_LF);
  while ((line = g_data_input_stream_read_line (in, &len, NULL, &error)) != NULL)
    {
      g_autofree char *owned = line;

      line_no++;
      if (!decided)
        {
          if (cli_is_blank (line))
            {
              g_string_append_len (whole, line, len);
              g_string_append_c (whole, '\n');
              continue;
            }
          decided = TRUE;
          {
            g_autoptr (JsonParser) parser = json_parser_new_immutable ();
            JsonNode *root;

            lines = json_parser_load_from_data (parser, line, len, NULL) &&
                    (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root) &&
                    !json_object_has_member (json_node_get_object (root), "tamis_summary");
          }
        }
      if (!lines)
        {
          g_string_append_len (whole, line, len);
          g_string_append_c (whole, '\n');
          continue;
        }
      if (cli_is_blank (line))
        continue;
      if (!tamis_summary_add_record (part, line, len, &error))
        {
          cli_error ("%s:%" G_GUINT64_FORMAT ": %s", path, line_no, error->message);
          if (g_error_matches (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG))
            return INPUT_FATAL;
          status = INPUT_BAD_LINES;
          g_clear_error (&error);
        }
    }
  if (error != NULL)
    {
      cli_error ("%s: %s", path, error->message);
      return INPUT_FATAL;
    }
  if (!decided)
    return INPUT_OK; /* empty: no documents */
  if (!lines)
    return read_document (path, whole, part);
  return status;
}

int
cli_cmd_summary (int argc, char **argv)
{
  g_autofree char *output_path = NULL;
  g_autofree char *pipeline_path = NULL;
  g_auto(GStrv) plugin_dirs = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write the summary to FILE (replaced whole) instead of standard output", "FILE" },
    { "pipeline", 'p', 0, G_OPTION_ARG_FILENAME, &pipeline_path,
      "The pipeline that made the records: its name, its stages and the layers its summary reads",
      "PIPELINE.yaml" },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) pipeline = NULL;
  g_autoptr(TamisSummary) total = NULL;
  g_autofree char *json = NULL;
  gboolean bad = FALSE;

  context = cli_option_context_new ("summary", "FILE…",
                                    "Merges corpus summaries (tamis run --summary) and results files\n"
                                    "(JSON Lines records, possibly of several runs) into one summary, told\n"
                                    "apart by their content; - reads standard input. The result is the same\n"
                                    "whatever the order of the FILEs, and the same as the summary of one run\n"
                                    "over all their documents.",
                                    entries);
  args = cli_parse (context, "summary", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc < 2)
    {
      cli_error ("summary: no FILE to read");
      g_printerr ("Try 'tamis summary --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  if (pipeline_path != NULL)
    {
      pipeline = tamis_pipeline_new_from_file (pipeline_path, cli_registry (plugin_dirs), &error);
      if (pipeline == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
    }

  total = tamis_summary_new (pipeline);
  for (int i = 1; i < argc; i++)
    {
      /* each file apart: a file of another pipeline is named as such */
      g_autoptr (TamisSummary) part = tamis_summary_new (pipeline);

      switch (read_input (args[i], part))
        {
        case INPUT_FATAL:
          return CLI_EXIT_USAGE;
        case INPUT_BAD_LINES:
          bad = TRUE;
          break;
        case INPUT_OK:
        default:
          break;
        }
      if (!tamis_summary_merge (total, part, &error))
        {
          cli_error ("%s: %s", args[i], error->message);
          return CLI_EXIT_USAGE;
        }
    }

  json = tamis_summary_to_json (total);
  if (output_path == NULL || g_str_equal (output_path, "-"))
    {
      fputs (json, stdout);
      if (fflush (stdout) != 0)
        {
          cli_error ("cannot write the summary: %s", g_strerror (errno));
          return CLI_EXIT_USAGE;
        }
    }
  else if (!g_file_set_contents_full (output_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                      &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  if (bad)
    {
      cli_error ("some lines could not be read; the summary counts the others");
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}
