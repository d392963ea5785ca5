/* segbench — times a pipeline over text files with libtamis alone.
 *
 *   segbench [-j N] [-r ROUNDS] PIPELINE.yaml FILE|DIR...
 *
 * Reads every .txt file into memory first, then runs the pipeline on each
 * one (ROUNDS times) from N threads, and prints the throughput of the whole
 * loop in wall-clock time (document copy and UTF-8 check included) and of
 * the stages alone in thread CPU time, which other work on the machine does
 * not inflate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tamis/tamis.h>

typedef struct {
  TamisPipeline *pipeline;
  GPtrArray *texts; /* GBytes */
  guint rounds;
  gint next;
  gint failed;
} Job;

typedef struct {
  Job *job;
  gint64 busy_ns; /* thread CPU time inside tamis_pipeline_process() */
  guint64 bytes;
  guint64 tokens;
  guint64 sentences;
} Worker;

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect (const char *path, GPtrArray *files)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
    g_ptr_array_sort (names, compare_paths);
    for (guint i = 0; i < names->len; i++)
      collect (names->pdata[i], files);
  } else if (g_str_has_suffix (path, ".txt")) {
    g_ptr_array_add (files, g_strdup (path));
  }
}

static gint64
thread_cpu_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static gpointer
work (gpointer data)
{
  Worker *w = data;
  Job *job = w->job;
  guint total = job->texts->len * job->rounds;

  for (;;) {
    guint i = (guint) g_atomic_int_add (&job->next, 1);
    if (i >= total)
      break;
    GBytes *bytes = job->texts->pdata[i % job->texts->len];
    gsize len;
    const char *text = g_bytes_get_data (bytes, &len);
    g_autoptr(GError) error = NULL;
    g_autoptr(TamisDoc) doc = tamis_doc_new ("bench", text, len, &error);
    if (doc == NULL) {
      g_atomic_int_inc (&job->failed);
      continue;
    }
    gint64 t0 = thread_cpu_ns ();
    if (!tamis_pipeline_process (job->pipeline, doc, &error))
      g_atomic_int_inc (&job->failed);
    w->busy_ns += thread_cpu_ns () - t0;
    w->bytes += len;
    const TamisLayer *l = tamis_doc_get_layer (doc, "token");
    w->tokens += l ? tamis_layer_get_n_spans (l) : 0;
    l = tamis_doc_get_layer (doc, "sentence");
    w->sentences += l ? tamis_layer_get_n_spans (l) : 0;
  }
  return NULL;
}

int
main (int argc, char **argv)
{
  gint threads = 1, rounds = 1;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &threads, "worker threads", "N" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "passes over the files", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("PIPELINE.yaml FILE|DIR...");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 3 || threads < 1 || rounds < 1) {
    fprintf (stderr, "usage: segbench [-j N] [-r ROUNDS] PIPELINE.yaml FILE|DIR...\n");
    return 2;
  }

  g_autoptr(TamisPipeline) pipeline = tamis_pipeline_new_from_file (argv[1], NULL, &error);
  if (pipeline == NULL) {
    fprintf (stderr, "segbench: %s\n", error->message);
    return 2;
  }

  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (int i = 2; i < argc; i++)
    collect (argv[i], files);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < files->len; i++) {
    char *contents;
    gsize len;
    if (!g_file_get_contents (files->pdata[i], &contents, &len, &error)) {
      fprintf (stderr, "segbench: %s\n", error->message);
      return 2;
    }
    g_ptr_array_add (texts, g_bytes_new_take (contents, len));
  }
  if (texts->len == 0) {
    fprintf (stderr, "segbench: no .txt files\n");
    return 2;
  }

  Job job = { pipeline, texts, (guint) rounds, 0, 0 };
  Worker *workers = g_new0 (Worker, threads);
  GThread **th = g_new0 (GThread *, threads);
  gint64 t0 = g_get_monotonic_time ();
  for (int i = 0; i < threads; i++) {
    workers[i].job = &job;
    th[i] = g_thread_new ("segbench", work, &workers[i]);
  }
  guint64 bytes = 0, tokens = 0, sentences = 0;
  gint64 busy = 0;
  for (int i = 0; i < threads; i++) {
    g_thread_join (th[i]);
    bytes += workers[i].bytes;
    tokens += workers[i].tokens;
    sentences += workers[i].sentences;
    busy += workers[i].busy_ns;
  }
  double wall = (g_get_monotonic_time () - t0) / 1e6;
  double mb = bytes / 1e6;

  printf ("%6.1f MB/s overall, %6.1f MB/s per thread of CPU time in the stages (%u docs x %d, %.1f MB, "
          "%d thread(s), %.2f s; %" G_GUINT64_FORMAT " tokens, %" G_GUINT64_FORMAT " sentences)\n",
          mb / wall, mb / (busy / 1e9), texts->len, rounds, mb, threads, wall, tokens, sentences);
  if (job.failed)
    fprintf (stderr, "segbench: %d documents failed\n", job.failed);
  g_free (workers);
  g_free (th);
  return job.failed ? 1 : 0;
}
