/* tamis run — a pipeline over documents, records to stdout or a file. */
#include "config.h"

#include "cli.h"
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

/* Whether -o FILE names a database: the sqlite format when none is given. */
static gboolean
is_database_name (const char *path)
{
  return g_str_has_suffix (path, ".db") || g_str_has_suffix (path, ".sqlite")
         || g_str_has_suffix (path, ".sqlite3");
}

/* ---- progress on a terminal ---- */

typedef struct {
  gsize width;  /* of the last line drawn, to blank its tail */
} Progress;

static void
format_duration (char *buf, gsize size, double seconds)
{
  guint64 s = (guint64) (seconds + 0.5);

  if (s >= 3600)
    g_snprintf (buf, size, "%" G_GUINT64_FORMAT ":%02u:%02u",
                s / 3600, (guint) (s / 60 % 60), (guint) (s % 60));
  else
    g_snprintf (buf, size, "%u:%02u", (guint) (s / 60), (guint) (s % 60));
}

static void
on_progress (const TamisRunStats *stats, gpointer user_data)
{
  Progress *progress = user_data;
  double mb = stats->bytes / 1e6;
  double rate = stats->seconds > 0 ? mb / stats->seconds : 0;
  g_autoptr(GString) line = g_string_new (NULL);
  gsize width;

  g_string_append_printf (line, "tamis: %" G_GUINT64_FORMAT " document%s", stats->n_docs,
                          stats->n_docs == 1 ? "" : "s");
  if (stats->n_failed > 0)
    g_string_append_printf (line, " (%" G_GUINT64_FORMAT " failed)", stats->n_failed);
  g_string_append_printf (line, ", %.1f MB, %.1f MB/s", mb, rate);
  if (stats->total_bytes > 0)
    {
      g_string_append_printf (line, ", %.0f%%", 100.0 * stats->bytes / stats->total_bytes);
      if (rate > 0 && stats->total_bytes > stats->bytes)
        {
          char eta[32];
          format_duration (eta, sizeof eta, (stats->total_bytes - stats->bytes) / 1e6 / rate);
          g_string_append_printf (line, ", ETA %s", eta);
        }
    }
  width = line->len;
  while (line->len < progress->width)
    g_string_append_c (line, ' ');
  progress->width = width;
  fprintf (stderr, "\r%s", line->str);
  fflush (stderr);
}

/* ---- the summary ---- */

/* Replaced whole or not at all, as the records: g_file_set_contents()
 * writes a temporary file beside it and renames it over. */
static gboolean
write_summary (TamisSummary *summary, const char *path, GError **error)
{
  g_autofree char *json = tamis_summary_to_json (summary);

  if (g_str_equal (path, "-"))
    {
      fputs (json, stdout);
      return fflush (stdout) == 0;
    }
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* ---- the command ---- */

int
cli_cmd_run (int argc, char **argv)
{
  g_autofree char *output_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *input_format_name = NULL;
  g_autofree char *max_size_text = NULL;
  g_autofree char *provenance = NULL;
  g_autofree char *summary_path = NULL;
  g_auto(GStrv) plugin_dirs = NULL;
  int jobs = 0;
  gboolean isolate = FALSE;
  gboolean resume = FALSE;
  double doc_timeout = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write to FILE, replaced only when the run completes", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Process N documents at once (default 0: one per CPU)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output format: jsonl, json, tsv, sqlite or html (the default for -o FILE.db, FILE.sqlite, FILE.html)", "FORMAT" },
    { "resume", 0, 0, G_OPTION_ARG_NONE, &resume,
      "With an SQLite output: continue the database, skipping the documents it holds", NULL },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    { "input-format", 'i', 0, G_OPTION_ARG_STRING, &input_format_name,
      "Read files as auto, text or jsonl", "FORMAT" },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size_text,
      "Refuse documents over BYTES (suffix K, M, G)", "BYTES" },
    { "provenance", 0, 0, G_OPTION_ARG_STRING, &provenance,
      "What records say of the stages that made them: short, full or none", "MODE" },
    { "isolate", 0, 0, G_OPTION_ARG_NONE, &isolate,
      "Run the stages in worker processes: a crash, a timeout or a memory limit costs one record", NULL },
    { "doc-timeout", 0, 0, G_OPTION_ARG_DOUBLE, &doc_timeout,
      "With --isolate, stop a document after SECONDS (error 'timeout')", "SECONDS" },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_path,
      "Write the corpus summary (JSON) to FILE when the run ends", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) pipeline = NULL;
  g_autoptr(TamisReader) reader = NULL;
  g_autoptr(TamisWriter) writer = NULL;
  g_autoptr(TamisSummary) summary = NULL;
  const char *stdin_only[] = { "-", NULL };
  const char *const *inputs;
  const char *pipeline_format;
  TamisFormat format = TAMIS_FORMAT_JSONL;
  TamisInputFormat input_format;
  gsize max_size;
  TamisRunStats stats = { 0 };
  Progress progress = { 0 };
  gboolean show_progress;
  CliOutput out = { 0 };
  gboolean atomic;
  gboolean ok;

  context = cli_option_context_new ("run", "PIPELINE.yaml [INPUT…]",
                                    "Runs the pipeline over the INPUTs (files, directories, JSON Lines files,\n"
                                    "or - for standard input; standard input when none is given) and writes\n"
                                    "one record per document, in input order. Options override the\n"
                                    "pipeline's input and output settings.",
                                    entries);
  args = cli_parse (context, "run", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc < 2)
    {
      cli_error ("run: missing the pipeline file");
      g_printerr ("Try 'tamis run --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  if (jobs < 0)
    {
      cli_error ("run: --jobs must be 0 or more, not %d", jobs);
      return CLI_EXIT_USAGE;
    }
  if (doc_timeout < 0)
    {
      cli_error ("run: --doc-timeout must be a number of seconds over 0, not %g", doc_timeout);
      return CLI_EXIT_USAGE;
    }

  pipeline = tamis_pipeline_new_from_file (args[1], cli_registry (plugin_dirs), &error);
  if (pipeline == NULL)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }

  /* Command-line options win over the pipeline's own settings. */
  if (provenance != NULL)
    {
      if (g_str_equal (provenance, "short"))
        tamis_pipeline_set_provenance (pipeline, TAMIS_PROVENANCE_SHORT);
      else if (g_str_equal (provenance, "full"))
        tamis_pipeline_set_provenance (pipeline, TAMIS_PROVENANCE_FULL);
      else if (g_str_equal (provenance, "none"))
        tamis_pipeline_set_provenance (pipeline, TAMIS_PROVENANCE_NONE);
      else
        {
          cli_error ("--provenance: '%s' is not one of short, full, none", provenance);
          return CLI_EXIT_USAGE;
        }
    }
  if (isolate)
    tamis_pipeline_set_isolate (pipeline, TRUE);
  if (doc_timeout > 0)
    tamis_pipeline_set_document_seconds (pipeline, doc_timeout);
  /* Threads cannot be stopped from outside: say so rather than pretend. */
  if (!tamis_pipeline_get_isolate (pipeline) &&
      (tamis_pipeline_get_document_seconds (pipeline) > 0 || tamis_pipeline_get_worker_memory (pipeline) > 0))
    g_printerr ("tamis: warning: the limits apply only with --isolate; without it a document "
                "that runs over them is not stopped\n");
  pipeline_format = tamis_pipeline_get_output_format (pipeline);
  /* -o results.db means a database whatever the pipeline's usual format. */
  if (format_name == NULL && output_path != NULL && is_database_name (output_path))
    format_name = g_strdup ("sqlite");
  /* A file named *.html asks for the report, whatever the pipeline's
   * usual format; --format still wins. */
  if (format_name == NULL && output_path != NULL &&
      (g_str_has_suffix (output_path, ".html") || g_str_has_suffix (output_path, ".htm")))
    format_name = g_strdup ("html");
  if (format_name == NULL && pipeline_format != NULL)
    format_name = g_strdup (pipeline_format);
  if (format_name != NULL && !tamis_format_from_string (format_name, &format, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  if (format == TAMIS_FORMAT_SQLITE && (output_path == NULL || g_str_equal (output_path, "-")))
    {
      cli_error ("run: the sqlite format writes a database file: give it with -o FILE");
      return CLI_EXIT_USAGE;
    }
  if (resume && format != TAMIS_FORMAT_SQLITE)
    {
      cli_error ("run: --resume continues an SQLite output (-o FILE.db); other outputs are written anew");
      return CLI_EXIT_USAGE;
    }
  input_format = (TamisInputFormat) tamis_pipeline_get_input_format (pipeline);
  if (input_format_name != NULL && !tamis_input_format_from_string (input_format_name, &input_format))
    {
      cli_error ("--input-format: '%s' is not one of auto, text, jsonl", input_format_name);
      return CLI_EXIT_USAGE;
    }
  max_size = tamis_pipeline_get_max_doc_size (pipeline);
  if (max_size_text != NULL && !tamis_size_from_string (max_size_text, &max_size))
    {
      cli_error ("--max-size: '%s' is not a size such as 1048576, 512K, 64M or 1G", max_size_text);
      return CLI_EXIT_USAGE;
    }

  inputs = argc > 2 ? (const char *const *) args + 2 : stdin_only;
  if (argc <= 2 && isatty (STDIN_FILENO))
    g_printerr ("tamis: reading documents from the terminal; end with Ctrl-D\n");
  reader = tamis_reader_new (inputs, input_format, max_size, &error);
  if (reader == NULL)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  tamis_reader_set_max_depth (reader, tamis_pipeline_get_max_depth (pipeline));

  if (format == TAMIS_FORMAT_SQLITE)
    {
      /* Written in place, batch by batch: what a stopped run leaves is what
       * --resume continues. An existing database is never replaced. */
      if (!resume && g_file_test (output_path, G_FILE_TEST_EXISTS))
        {
          cli_error ("%s exists: --resume continues it (the documents it holds are skipped), "
                     "or remove it to start anew", output_path);
          return CLI_EXIT_USAGE;
        }
      cli_output_watch_signals ();
      writer = tamis_writer_new_for_path (format, output_path, tamis_pipeline_get_output_layers (pipeline),
                                          tamis_pipeline_get_output_text (pipeline),
                                          resume ? TAMIS_WRITER_RESUME : TAMIS_WRITER_NONE, &error);
      if (writer == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
      atomic = FALSE;
    }
  else
    {
      if (!cli_output_open (&out, output_path, &error))
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
      atomic = out.tmp_path != NULL;
      writer = tamis_writer_new (format, out.stream, tamis_pipeline_get_output_layers (pipeline),
                                 tamis_pipeline_get_output_text (pipeline));
    }
  if (summary_path == NULL && tamis_pipeline_get_summary_file (pipeline) != NULL)
    summary_path = g_strdup (tamis_pipeline_get_summary_file (pipeline));
  /* The report draws the summary: counted with the pipeline's name and
   * summary settings. */
  if (summary_path != NULL || format == TAMIS_FORMAT_HTML)
    {
      summary = tamis_summary_new (pipeline);
      tamis_writer_set_summary (writer, summary);
    }

  /* Records scrolling on the same terminal would tear the progress line. */
  show_progress = isatty (STDERR_FILENO)
                  && !(format != TAMIS_FORMAT_SQLITE && out.path == NULL && isatty (STDOUT_FILENO));
  ok = tamis_run (pipeline, reader, writer, jobs > 0 ? (guint) jobs : g_get_num_processors (),
                  show_progress ? on_progress : NULL, &progress, &stats, &error);
  if (progress.width > 0)
    fputc ('\n', stderr);
  /* tamis_run() has finished the writer. */
  if (out.stream != NULL)
    ok = ok && cli_output_commit (&out, &error);
  cli_output_clear (&out);
  if (!ok)
    {
      cli_error ("%s", error->message);
      if (atomic)
        g_printerr ("tamis: '%s' left unchanged\n", output_path);
      else if (format == TAMIS_FORMAT_SQLITE && !g_error_matches (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG))
        g_printerr ("tamis: '%s' holds the documents written so far; --resume continues it\n",
                    output_path);
      return CLI_EXIT_USAGE;
    }
  if (tamis_writer_get_n_skipped (writer) > 0)
    g_printerr ("tamis: %" G_GUINT64_FORMAT " document%s already in '%s' skipped\n",
                tamis_writer_get_n_skipped (writer),
                tamis_writer_get_n_skipped (writer) == 1 ? "" : "s", output_path);
  if (summary_path != NULL && !write_summary (summary, summary_path, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }

  if (stats.n_failed > 0)
    {
      cli_error ("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " documents failed",
                 stats.n_failed, stats.n_docs);
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}
