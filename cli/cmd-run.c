/* tamis run — a pipeline over documents, records to stdout or a file. */
#include "config.h"

#include "cli.h"
#include "line-stream.h"

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

/* ---- output: stdout, or a file replaced atomically ---- */

typedef struct {
  GOutputStream *stream;
  int fd;
  char *path;      /* the file asked for, NULL for stdout */
  char *tmp_path;  /* where it is written until committed */
} Output;

/* Read by the signal handler: a run stopped by a signal leaves no
 * temporary file, and a crash inside a plugin says where it happened. */
static volatile sig_atomic_t have_tmp;
static char tmp_path_for_signal[4096];

/* Every signal whose default action ends the process and that can be
 * caught; SIGKILL cannot, and the next run removes what it leaves. */
static const int fatal_signals[] = {
  SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ,
  SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS,
};

static void
say (const char *text)
{
  /* write(2) only: nothing else is safe in a signal handler */
  if (write (STDERR_FILENO, text, strlen (text)) < 0)
    return;
}

static void
on_fatal_signal (int sig)
{
  const char *stage = NULL, *doc = NULL;

  if (have_tmp)
    unlink (tmp_path_for_signal);
  tamis_pipeline_get_running (&stage, &doc);
  if (stage != NULL && sig != SIGINT && sig != SIGTERM && sig != SIGHUP && sig != SIGPIPE)
    {
      say ("tamis: ");
      say (sigdescr_np (sig) ? sigdescr_np (sig) : "fatal signal");
      say (" in ");
      say (stage);
      say (" on document '");
      say (doc ? doc : "?");
      say ("'; the run stops\n");
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
watch_signals (const char *tmp_path)
{
  struct sigaction sa;

  if (tmp_path != NULL && strlen (tmp_path) < sizeof tmp_path_for_signal)
    {
      memcpy (tmp_path_for_signal, tmp_path, strlen (tmp_path) + 1);
      have_tmp = 1;
    }
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      struct sigaction old;

      /* a signal ignored by whoever started tamis stays ignored */
      if (sigaction (fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (fatal_signals[i], &sa, NULL);
    }
}

/* Removes the temporary files that dead runs writing @path left beside
 * it (a run killed with SIGKILL cannot clean up): their names carry the
 * pid, and a pid that no longer exists is a dead run. */
static void
remove_stale_temporaries (const char *dir, const char *base)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.tamis-", base);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)))
    {
      guint64 pid;
      char *end = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoull (name + strlen (prefix), &end, 10);
      if (end == NULL || *end != '.' || pid == 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
    }
}


/* A regular file is written beside itself under a hidden temporary name and
 * renamed over the target on success, so that readers of FILE see the old
 * content or the whole new one, never a part. (g_file_replace() writes in
 * place when FILE does not exist yet, which a failed run would leave half
 * written.) Devices and pipes such as /dev/null are written directly. */
static gboolean
output_open (Output *out, const char *path, GError **error)
{
  struct stat st;
  gboolean exists;

  out->fd = -1;
  if (path == NULL || g_str_equal (path, "-"))
    {
      watch_signals (NULL);
      out->stream = cli_line_stream_new (g_unix_output_stream_new (STDOUT_FILENO, FALSE));
      return TRUE;
    }

  /* Through a symbolic link, the file it points to is replaced. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *target = realpath (path, NULL);
      if (target != NULL)
        out->path = g_strdup (target);
      free (target);
    }
  if (out->path == NULL)
    out->path = g_strdup (path);

  exists = g_stat (out->path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      out->fd = g_open (out->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (out->path);
      g_autofree char *base = g_path_get_basename (out->path);
      g_autofree char *name = g_strdup_printf (".%s.tamis-%d.XXXXXX", base, (int) getpid ());

      remove_stale_temporaries (dir, base);
      out->tmp_path = g_build_filename (dir, name, NULL);
      /* The mode goes through the umask, as for any new file. */
      out->fd = g_mkstemp_full (out->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
      if (out->fd >= 0 && exists)
        fchmod (out->fd, st.st_mode & 07777);
    }
  if (out->fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write '%s': %s", path, g_strerror (saved));
      g_clear_pointer (&out->tmp_path, g_free);
      g_clear_pointer (&out->path, g_free);
      return FALSE;
    }
  watch_signals (out->tmp_path);
  out->stream = cli_line_stream_new (g_unix_output_stream_new (out->fd, TRUE));
  return TRUE;
}

static gboolean
output_commit (Output *out, GError **error)
{
  /* Data reach the disk before the name does. */
  if (!g_output_stream_flush (out->stream, NULL, error))
    return FALSE;
  if (out->tmp_path != NULL && fsync (out->fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write '%s': %s", out->path, g_strerror (saved));
      return FALSE;
    }
  if (!g_output_stream_close (out->stream, NULL, error))
    return FALSE;
  if (out->tmp_path != NULL && g_rename (out->tmp_path, out->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot rename the output to '%s': %s", out->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&out->tmp_path, g_free);
  have_tmp = 0;
  return TRUE;
}

/* Drops what was written and frees; after a commit it only frees. */
static void
output_clear (Output *out)
{
  if (out->stream != NULL && !g_output_stream_is_closed (out->stream))
    g_output_stream_close (out->stream, NULL, NULL);
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);
  have_tmp = 0;
  g_clear_object (&out->stream);
  g_clear_pointer (&out->path, g_free);
  g_clear_pointer (&out->tmp_path, g_free);
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
  double doc_timeout = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write to FILE, replaced only when the run completes", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Process N documents at once (default 0: one per CPU)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output format: jsonl, json or tsv", "FORMAT" },
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
  Output out = { 0 };
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
  if (format_name == NULL && pipeline_format != NULL)
    format_name = g_strdup (pipeline_format);
  if (format_name != NULL && !tamis_format_from_string (format_name, &format, &error))
    {
      cli_error ("%s", error->message);
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

  if (!output_open (&out, output_path, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_USAGE;
    }
  atomic = out.tmp_path != NULL;
  writer = tamis_writer_new (format, out.stream, tamis_pipeline_get_output_layers (pipeline),
                             tamis_pipeline_get_output_text (pipeline));
  if (summary_path == NULL && tamis_pipeline_get_summary_file (pipeline) != NULL)
    summary_path = g_strdup (tamis_pipeline_get_summary_file (pipeline));
  if (summary_path != NULL)
    {
      summary = tamis_summary_new (pipeline);
      tamis_writer_set_summary (writer, summary);
    }

  /* Records scrolling on the same terminal would tear the progress line. */
  show_progress = isatty (STDERR_FILENO) && !(out.path == NULL && isatty (STDOUT_FILENO));
  ok = tamis_run (pipeline, reader, writer, jobs > 0 ? (guint) jobs : g_get_num_processors (),
                  show_progress ? on_progress : NULL, &progress, &stats, &error);
  if (progress.width > 0)
    fputc ('\n', stderr);
  /* tamis_run() has finished the writer. */
  ok = ok && output_commit (&out, &error);
  output_clear (&out);
  if (!ok)
    {
      cli_error ("%s", error->message);
      if (atomic)
        g_printerr ("tamis: '%s' left unchanged\n", output_path);
      return CLI_EXIT_USAGE;
    }
  if (summary != NULL && !write_summary (summary, summary_path, &error))
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
