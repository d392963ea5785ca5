/* tamis report — the HTML report of result records already written. */
#include "config.h"

#include "cli.h"
#include "output.h"

/* Streams the records of one JSON Lines file (or "-") to @writer. */
static gboolean
report_file (TamisWriter *writer, const char *path, guint64 *n_records, GError **error)
{
  g_autoptr(GInputStream) base = cli_open_input (path, error);
  g_autoptr(GDataInputStream) in = NULL;
  guint64 line_no = 0;

  if (base == NULL)
    return FALSE;
  in = g_data_input_stream_new (base);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (in), 1 << 20);
  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gsize len;
      g_autofree char *line = g_data_input_stream_read_line (in, &len, NULL, &local);

      if (line == NULL)
        {
          if (local == NULL)
            return TRUE;
          g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
          return FALSE;
        }
      line_no++;
      if (cli_is_blank (line))
        continue;
      if (!tamis_writer_write_json (writer, line, len, &local))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s:%" G_GUINT64_FORMAT ": ",
                                      path, line_no);
          return FALSE;
        }
      (*n_records)++;
    }
}

int
cli_cmd_report (int argc, char **argv)
{
  g_autofree char *output_path = NULL;
  g_autofree char *summary_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write the page to FILE (- for standard output), replaced only when complete", "FILE" },
    { "summary", 's', 0, G_OPTION_ARG_FILENAME, &summary_path,
      "Draw the charts from this summary file rather than from the records", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisWriter) writer = NULL;
  g_autofree char *summary = NULL;
  CliOutput out = { 0 };
  guint64 n_records = 0;
  gboolean ok = TRUE;

  context = cli_option_context_new ("report", "RESULTS.jsonl…",
                                    "Writes one self-contained HTML page of the records of JSON Lines results\n"
                                    "files (- for standard input): charts of the corpus summary, a searchable\n"
                                    "list of the documents and each document's spans highlighted in its text\n"
                                    "(records written with `output: {text: true}` carry it).",
                                    entries);
  args = cli_parse (context, "report", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc < 2)
    {
      cli_error ("report: missing the results files");
      g_printerr ("Try 'tamis report --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  if (output_path == NULL)
    {
      cli_error ("report: missing -o FILE.html");
      return CLI_EXIT_USAGE;
    }
  if (summary_path != NULL)
    {
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr(TamisSummary) read = NULL;

      /* Read and written again: checked, and in canonical form. */
      if (!g_file_get_contents (summary_path, &text, &len, &error) ||
          (read = tamis_summary_new_from_json (text, len, &error)) == NULL)
        {
          cli_error ("%s: %s", summary_path, error->message);
          return CLI_EXIT_USAGE;
        }
      summary = tamis_summary_to_json (read);
    }

  if (!cli_output_open (&out, output_path, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  writer = tamis_writer_new (TAMIS_FORMAT_HTML, out.stream, NULL, TRUE);
  if (summary != NULL)
    tamis_writer_set_summary_json (writer, summary);
  for (int i = 1; ok && i < argc; i++)
    ok = report_file (writer, args[i], &n_records, &error);
  ok = ok && tamis_writer_finish (writer, &error) && cli_output_commit (&out, &error);
  cli_output_clear (&out);
  if (!ok)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  return CLI_EXIT_OK;
}
