/* tamis run — a pipeline over documents, records to stdout or a file. */
#include "config.h"

#include "cli.h"
#include "output.h"
#include "shard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

/* The format a file name asks for by its extension (any case), NULL
 * when the extension names none. */
static const char *
format_of_path (const char *path)
{
  static const struct { const char *ext; const char *format; } exts[] = {
    { ".jsonl", "jsonl" }, { ".ndjson", "jsonl" }, { ".json", "json" },
    { ".tsv", "tsv" }, { ".csv", "csv" },
    { ".db", "sqlite" }, { ".sqlite", "sqlite" }, { ".sqlite3", "sqlite" },
    { ".html", "html" }, { ".htm", "html" },
  };
  g_autofree char *lower = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    return NULL;
  lower = g_ascii_strdown (path, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_str_has_suffix (lower, exts[i].ext))
      return exts[i].format;
  return NULL;
}

/* A comma-separated list of names from the command line: "" is the empty
 * list, spaces around names are dropped, empty names refused. */
static char **
parse_name_list (const char *text, const char *flag)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (*text == '\0')
    return g_strv_builder_end (names);
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        {
          cli_error ("run: %s: an empty name in '%s'", flag, text);
          return NULL;
        }
      g_strv_builder_add (names, parts[i]);
    }
  return g_strv_builder_end (names);
}

/* --where KEY=V1,V2 (repeatable): replaces the pipeline's condition on
 * KEY; a KEY given twice accepts the values of both. */
static gboolean
apply_where (TamisPipeline *pipeline, char **args)
{
  g_autoptr (GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; args && args[i]; i++)
    {
      const char *eq = strchr (args[i], '=');
      g_autofree char *key = eq ? g_strndup (args[i], eq - args[i]) : NULL;
      g_auto (GStrv) values = eq ? g_strsplit (eq + 1, ",", -1) : NULL;
      g_autoptr (GStrvBuilder) all = g_strv_builder_new ();
      g_auto (GStrv) merged = NULL;

      if (key == NULL || *key == '\0' || eq[1] == '\0' || g_strv_contains ((const char *const *) values, ""))
        {
          cli_error ("--where: '%s' is not KEY=VALUE or KEY=VALUE,VALUE…", args[i]);
          return FALSE;
        }
      if (g_hash_table_contains (given, key))
        g_strv_builder_addv (all, (const char **) tamis_pipeline_get_output_where (pipeline, key));
      g_strv_builder_addv (all, (const char **) values);
      merged = g_strv_builder_end (all);
      tamis_pipeline_set_output_where (pipeline, key, (const char *const *) merged);
      g_hash_table_add (given, g_steal_pointer (&key));
    }
  return TRUE;
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
  if (stats->n_filtered > 0)
    g_string_append_printf (line, ", %" G_GUINT64_FORMAT " filtered out", stats->n_filtered);
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

/* Blanks the progress line, so that what follows starts on a clean one. */
static void
clear_progress (Progress *progress)
{
  if (progress->width == 0)
    return;
  fprintf (stderr, "\r%*s\r", (int) progress->width, "");
  fflush (stderr);
  progress->width = 0;
}

/* ---- the run report ---- */

static double
cpu_seconds (void)
{
  struct rusage self, children;

  /* children: isolated workers, reaped by the time a run returns */
  if (getrusage (RUSAGE_SELF, &self) != 0 || getrusage (RUSAGE_CHILDREN, &children) != 0)
    return 0;
  return self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec +
         children.ru_stime.tv_sec + (self.ru_utime.tv_usec + self.ru_stime.tv_usec +
                                     children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e6;
}

/* What the run did, on standard error: the documents by fate, the stages
 * their when: skipped, the bytes and the time. */
static void
print_report (TamisPipeline *pipeline, const TamisRunStats *stats, double cpu)
{
  g_autoptr (GString) skipped = g_string_new (NULL);
  guint n_stages = tamis_pipeline_get_n_stages (pipeline);
  double mb = stats->bytes / 1e6;

  g_printerr ("tamis: %" G_GUINT64_FORMAT " document%s read: %" G_GUINT64_FORMAT " ok, %"
              G_GUINT64_FORMAT " failed, %" G_GUINT64_FORMAT " filtered out by where\n",
              stats->n_docs + stats->n_filtered, stats->n_docs + stats->n_filtered == 1 ? "" : "s",
              stats->n_docs - stats->n_failed, stats->n_failed, stats->n_filtered);
  for (guint i = 0; i < n_stages; i++)
    if (tamis_pipeline_get_stage_langs (pipeline, i) != NULL)
      g_string_append_printf (skipped, "%sstage %u (%s) %" G_GUINT64_FORMAT, skipped->len ? ", " : "",
                              i + 1, tamis_plugin_entry_get_plugin (tamis_pipeline_get_stage (pipeline, i, NULL))->name,
                              tamis_pipeline_get_stage_n_skipped (pipeline, i));
  if (skipped->len > 0)
    g_printerr ("tamis: documents skipped by when: %s\n", skipped->str);
  g_printerr ("tamis: %.2f MB in %.2f s, %.2f MB/s, %.2f CPU seconds\n", mb, stats->seconds,
              stats->seconds > 0 ? mb / stats->seconds : 0, cpu);
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
  g_autofree char *layers_text = NULL;
  g_autofree char *attributes_text = NULL;
  g_autofree char *shard_text = NULL;
  g_auto(GStrv) plugin_dirs = NULL;
  gboolean skip_existing = FALSE;
  int jobs = 0;
  gboolean isolate = FALSE;
  gboolean resume = FALSE;
  gboolean show_stats = FALSE;
  g_auto(GStrv) where = NULL;
  double cpu_start;
  double doc_timeout = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write to FILE, replaced only when the run completes", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Process N documents at once (default 0: one per CPU)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output format: jsonl, json, tsv, csv, sqlite or html (default: from the -o FILE's extension, "
      "else the pipeline's, else jsonl)", "FORMAT" },
    { "layers", 0, 0, G_OPTION_ARG_STRING, &layers_text,
      "Write only these layers, comma-separated ('' for none)", "L1,L2" },
    { "attributes", 0, 0, G_OPTION_ARG_STRING, &attributes_text,
      "Write only these document attributes, comma-separated ('' for none)", "A1,A2" },
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
      "Stop a document after SECONDS with --isolate (error 'timeout'); without it, report it on standard error", "SECONDS" },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_path,
      "Write the corpus summary (JSON) to FILE when the run ends", "FILE" },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &where,
      "Write only documents whose attribute KEY is one of the VALUEs (repeatable; failed ones are always written)",
      "KEY=VALUE,…" },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &show_stats,
      "Report the documents, MB and MB/s on standard error at the end (always on a terminal)", NULL },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard_text,
      "Read only shard I of N (0 <= I < N) of the input, or 'slurm' for this task of a Slurm job array; "
      "tamis merge joins the parts", "I/N" },
    { "skip-existing", 0, 0, G_OPTION_ARG_NONE, &skip_existing,
      "With --shard: do nothing when the part and its manifest are there, complete", NULL },
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
  const char *extension_format;
  TamisFormat format = TAMIS_FORMAT_JSONL;
  TamisInputFormat input_format;
  gsize max_size;
  TamisRunStats stats = { 0 };
  Progress progress = { 0 };
  gboolean show_progress;
  CliOutput out = { 0 };
  CliManifest manifest = { 0 };
  guint shard_index = 0, shard_count = 0;
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
  if (!apply_where (pipeline, where))
    return CLI_EXIT_USAGE;
  if (isolate)
    tamis_pipeline_set_isolate (pipeline, TRUE);
  if (doc_timeout > 0)
    tamis_pipeline_set_document_seconds (pipeline, doc_timeout);
  /* Threads cannot be stopped from outside: say so rather than pretend.
   * (A document over the time limit is reported when it happens.) */
  if (!tamis_pipeline_get_isolate (pipeline) && tamis_pipeline_get_worker_memory (pipeline) > 0)
    g_printerr ("tamis: warning: 'limits: worker_memory' applies only with --isolate; without it "
                "memory is not watched\n");
  /* -o FILE.csv asks for CSV whatever the pipeline's usual format; an
   * explicit --format that says otherwise is a mistake, never guessed. */
  extension_format = format_of_path (output_path);
  if (format_name != NULL && extension_format != NULL)
    {
      TamisFormat asked, named;

      if (!tamis_format_from_string (format_name, &asked, &error))
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
      tamis_format_from_string (extension_format, &named, NULL);
      if (asked != named)
        {
          cli_error ("run: --format %s, but '%s' is named like a %s file; "
                     "hint: drop --format or rename the output", format_name, output_path,
                     extension_format);
          return CLI_EXIT_USAGE;
        }
    }
  pipeline_format = tamis_pipeline_get_output_format (pipeline);
  if (format_name == NULL && extension_format != NULL)
    format_name = g_strdup (extension_format);
  if (format_name == NULL && pipeline_format != NULL)
    format_name = g_strdup (pipeline_format);
  if (format_name != NULL && !tamis_format_from_string (format_name, &format, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  if (layers_text != NULL)
    {
      g_auto(GStrv) layers = parse_name_list (layers_text, "--layers");

      if (layers == NULL)
        return CLI_EXIT_USAGE;
      if (!tamis_pipeline_set_output_layers (pipeline, (const char *const *) layers, &error))
        {
          cli_error ("run: --layers: %s", error->message);
          return CLI_EXIT_USAGE;
        }
    }
  if (attributes_text != NULL)
    {
      g_auto(GStrv) attributes = parse_name_list (attributes_text, "--attributes");

      if (attributes == NULL)
        return CLI_EXIT_USAGE;
      if (!tamis_pipeline_set_output_attributes (pipeline, (const char *const *) attributes, &error))
        {
          cli_error ("run: --attributes: %s", error->message);
          return CLI_EXIT_USAGE;
        }
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

  if (shard_text != NULL)
    {
      const char *name = format == TAMIS_FORMAT_JSONL ? "jsonl"
                         : format == TAMIS_FORMAT_TSV ? "tsv"
                         : format == TAMIS_FORMAT_CSV ? "csv" : NULL;

      if (!cli_shard_parse (shard_text, &shard_index, &shard_count, &error))
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
      if (output_path == NULL || g_str_equal (output_path, "-"))
        {
          cli_error ("run: --shard writes one part of a larger run: give its file with -o");
          return CLI_EXIT_USAGE;
        }
      if (name == NULL)
        {
          cli_error ("run: --shard writes parts that tamis merge joins: JSON Lines, TSV or CSV");
          return CLI_EXIT_USAGE;
        }
      if (!cli_manifest_describe (&manifest, args[1], pipeline, name, &error))
        {
          cli_error ("%s", error->message);
          return cli_exit_status (error);
        }
      manifest.index = shard_index;
      manifest.count = shard_count;
      if (skip_existing)
        {
          g_autofree char *path = cli_manifest_path (output_path);
          CliManifest done = { 0 };

          if (g_file_test (path, G_FILE_TEST_EXISTS) && cli_manifest_read (&done, path, NULL)
              && done.index == shard_index && done.count == shard_count
              && g_str_equal (done.pipeline, manifest.pipeline)
              && g_strv_equal ((const char *const *) done.stages, (const char *const *) manifest.stages)
              && cli_file_matches (output_path, done.output_bytes, done.output_sha256))
            {
              gboolean some_failed = done.failed > 0;

              g_printerr ("tamis: shard %u/%u is complete in '%s': skipped\n", shard_index,
                          shard_count, output_path);
              cli_manifest_clear (&done);
              cli_manifest_clear (&manifest);
              return some_failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
            }
          cli_manifest_clear (&done);
        }
      /* A part being replaced is not complete until its new manifest is. */
      {
        g_autofree char *path = cli_manifest_path (output_path);
        g_unlink (path);
      }
    }
  else if (skip_existing)
    {
      cli_error ("run: --skip-existing goes with --shard");
      return CLI_EXIT_USAGE;
    }
  /* One thread per CPU Slurm gave the task, unless told otherwise. */
  if (jobs == 0 && g_getenv ("SLURM_CPUS_PER_TASK") != NULL)
    jobs = MAX (1, atoi (g_getenv ("SLURM_CPUS_PER_TASK")));

  inputs = argc > 2 ? (const char *const *) args + 2 : stdin_only;
  if (argc <= 2 && isatty (STDIN_FILENO))
    g_printerr ("tamis: reading documents from the terminal; end with Ctrl-D\n");
  reader = tamis_reader_new (inputs, input_format, max_size, &error);
  if (reader == NULL)
    {
      cli_error ("%s", error->message);
      cli_manifest_clear (&manifest);
      return cli_exit_status (error);
    }
  if (shard_count > 0)
    {
      manifest.input_bytes = tamis_reader_get_total_bytes (reader);
      if (!tamis_reader_set_shard (reader, shard_index, shard_count, &error))
        {
          cli_error ("%s", error->message);
          cli_manifest_clear (&manifest);
          return CLI_EXIT_USAGE;
        }
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
          cli_manifest_clear (&manifest);
          return cli_exit_status (error);
        }
      atomic = out.tmp_path != NULL;
      writer = tamis_writer_new (format, out.stream, tamis_pipeline_get_output_layers (pipeline),
                                 tamis_pipeline_get_output_text (pipeline));
    }
  tamis_writer_set_attributes (writer, tamis_pipeline_get_output_attributes (pipeline));
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
  cpu_start = cpu_seconds ();
  ok = tamis_run (pipeline, reader, writer, jobs > 0 ? (guint) jobs : g_get_num_processors (),
                  show_progress ? on_progress : NULL, &progress, &stats, &error);
  /* The report says all the progress line said, and more. */
  clear_progress (&progress);
  if (show_stats || isatty (STDERR_FILENO))
    print_report (pipeline, &stats, cpu_seconds () - cpu_start);
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
      cli_manifest_clear (&manifest);
      return cli_exit_status (error);
    }
  if (tamis_writer_get_n_skipped (writer) > 0)
    g_printerr ("tamis: %" G_GUINT64_FORMAT " document%s already in '%s' skipped\n",
                tamis_writer_get_n_skipped (writer),
                tamis_writer_get_n_skipped (writer) == 1 ? "" : "s", output_path);
  if (summary_path != NULL && !write_summary (summary, summary_path, &error))
    {
      cli_error ("%s", error->message);
      cli_manifest_clear (&manifest);
      return cli_exit_status (error);
    }
  /* Last: a part is complete, for tamis merge and --skip-existing, only
   * once its manifest is there. */
  if (shard_count > 0)
    {
      manifest.documents = stats.n_docs;
      manifest.failed = stats.n_failed;
      ok = cli_manifest_write (&manifest, output_path,
                               summary_path && !g_str_equal (summary_path, "-") ? summary_path : NULL,
                               &error);
      cli_manifest_clear (&manifest);
      if (!ok)
        {
          cli_error ("%s", error->message);
          return cli_exit_status (error);
        }
    }

  if (stats.n_failed > 0)
    {
      cli_error ("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " documents failed",
                 stats.n_failed, stats.n_docs);
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}
