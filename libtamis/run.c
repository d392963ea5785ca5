/* tamis — a run: read, process on worker threads, write in input order.
 *
 * The calling thread lists the input and writes; workers read each
 * document (or parse its JSON line), process it and format its record.
 * Documents in flight live in a ring of a few slots per worker, so memory
 * is bounded by that ring whatever the size of the set, and the writer
 * takes them back in the order they were listed. */
#include "config.h"

#include <tamis/run.h>
#include "document-private.h"
#include "io-private.h"

#define SLOTS_PER_THREAD 4

typedef struct {
  TamisDoc *doc;
  GString *record; /* formatted by the worker */
  gboolean done;
} Slot;

typedef struct {
  TamisPipeline *pipeline;
  TamisWriter *writer;
  GMutex lock;
  GCond cond;
  Slot *ring;
  guint size;
} Ring;

typedef struct {
  TamisRunStats stats;
  gint64 started;
  gint64 last_report;
  TamisProgressFunc progress;
  gpointer user_data;
} Progress;

static void
process_one (TamisPipeline *pipeline, TamisDoc *doc)
{
  tamis_doc_load (doc);
  /* A failure is recorded in the document itself and written as its record. */
  if (!tamis_doc_get_error_code (doc))
    tamis_pipeline_process (pipeline, doc, NULL);
}

static void
worker (gpointer data, gpointer user_data)
{
  Ring *ring = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  TamisDoc *doc;
  GString *record;

  g_mutex_lock (&ring->lock);
  doc = ring->ring[index].doc;
  record = ring->ring[index].record;
  g_mutex_unlock (&ring->lock);

  process_one (ring->pipeline, doc);
  g_string_truncate (record, 0);
  tamis_writer_format (ring->writer, doc, record);

  g_mutex_lock (&ring->lock);
  ring->ring[index].done = TRUE;
  g_cond_broadcast (&ring->cond);
  g_mutex_unlock (&ring->lock);
}

static void
report (Progress *progress, gboolean final)
{
  gint64 now = g_get_monotonic_time ();

  progress->stats.seconds = (now - progress->started) / 1e6;
  if (progress->progress == NULL)
    return;
  if (!final && now - progress->last_report < G_USEC_PER_SEC / 10)
    return;
  progress->last_report = now;
  progress->progress (&progress->stats, progress->user_data);
}

/* Counts a written document and frees it. */
static void
account (TamisDoc *doc, Progress *progress)
{
  progress->stats.n_docs++;
  if (tamis_doc_get_error_code (doc))
    progress->stats.n_failed++;
  progress->stats.bytes += tamis_doc_get_input_size (doc);
  tamis_doc_free (doc);
  report (progress, FALSE);
}

static gboolean
run_serial (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer, Progress *progress,
            GError **error)
{
  TamisDoc *doc;
  GError *read_error = NULL;

  while ((doc = tamis_reader_next (reader, &read_error)))
    {
      gboolean ok;

      process_one (pipeline, doc);
      ok = tamis_writer_write (writer, doc, error);
      account (doc, progress);
      if (!ok)
        return FALSE;
    }
  if (read_error)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_parallel (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer,
              guint n_threads, Progress *progress, GError **error)
{
  Ring ring = { .pipeline = pipeline, .writer = writer };
  GThreadPool *pool;
  guint64 next_read = 0, next_write = 0;
  gboolean eof = FALSE, ok = TRUE;
  GError *local = NULL;

  g_mutex_init (&ring.lock);
  g_cond_init (&ring.cond);
  ring.size = n_threads * SLOTS_PER_THREAD;
  ring.ring = g_new0 (Slot, ring.size);
  for (guint i = 0; i < ring.size; i++)
    ring.ring[i].record = g_string_sized_new (4096);
  pool = g_thread_pool_new (worker, &ring, n_threads, FALSE, NULL);

  for (;;)
    {
      Slot *slot;
      TamisDoc *doc;

      /* Fill the ring, then write the oldest document once it is done. */
      while (ok && !eof && next_read - next_write < ring.size)
        {
          /* The worker reads and parses it: this thread only lists. */
          doc = tamis_reader_next_pending (reader, &local);
          if (doc == NULL)
            {
              eof = TRUE;
              ok = local == NULL;
              break;
            }
          g_mutex_lock (&ring.lock);
          ring.ring[next_read % ring.size].doc = doc;
          ring.ring[next_read % ring.size].done = FALSE;
          g_mutex_unlock (&ring.lock);
          g_thread_pool_push (pool, GUINT_TO_POINTER ((guint) (next_read % ring.size) + 1), NULL);
          next_read++;
        }
      if (next_write == next_read)
        break;

      slot = &ring.ring[next_write % ring.size];
      g_mutex_lock (&ring.lock);
      while (!slot->done)
        g_cond_wait (&ring.cond, &ring.lock);
      doc = slot->doc;
      slot->doc = NULL;
      g_mutex_unlock (&ring.lock);
      next_write++;

      if (!ok)
        tamis_doc_free (doc); /* draining after a failure */
      else
        {
          if (!tamis_writer_write_record (writer, slot->record->str, slot->record->len, &local))
            {
              ok = FALSE;
              eof = TRUE;
            }
          account (doc, progress);
        }
    }

  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < ring.size; i++)
    g_string_free (ring.ring[i].record, TRUE);
  g_free (ring.ring);
  g_cond_clear (&ring.cond);
  g_mutex_clear (&ring.lock);
  if (local)
    g_propagate_error (error, local);
  return ok;
}

gboolean
tamis_run (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer, guint n_threads,
           TamisProgressFunc progress_func, gpointer user_data, TamisRunStats *stats,
           GError **error)
{
  Progress progress = { .progress = progress_func, .user_data = user_data };
  gboolean ok;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  progress.started = g_get_monotonic_time ();
  progress.stats.total_bytes = tamis_reader_get_total_bytes (reader);

  if (n_threads == 1)
    ok = run_serial (pipeline, reader, writer, &progress, error);
  else
    ok = run_parallel (pipeline, reader, writer, n_threads, &progress, error);
  if (ok)
    ok = tamis_writer_finish (writer, error);

  report (&progress, TRUE);
  if (stats)
    *stats = progress.stats;
  return ok;
}
