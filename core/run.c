/* tamis — a run: read, process on worker threads, write in input order.
 *
 * The calling thread lists the input and writes; workers read each
 * document (or parse its JSON line), process it and format its record.
 * Documents in flight live in a ring of a few batches per worker, so
 * memory is bounded by that ring whatever the size of the set, and the
 * writer takes them back in the order they were listed. */
#include "config.h"

#include <tamis/run.h>
#include "document-private.h"
#include "io-private.h"
#include "tsan-private.h"

#define SLOTS_PER_THREAD 4

/* Documents go to the workers in batches, so that short documents do not
 * cost a thread hand-off each; a batch ends at either bound. */
#define BATCH_DOCS 256
#define BATCH_BYTES (256 * 1024)

typedef struct {
  GPtrArray *docs;  /* TamisDoc, in input order */
  GString *records; /* their records, formatted by the worker, end to end */
  GArray *ends;     /* gsize: where each record ends in @records */
  gboolean done;
} Slot;

/* Where documents come from: a reader, or a caller's function. */
typedef struct {
  TamisDoc *(*next) (gpointer data, GError **error); /* may give pending documents */
  gpointer data;
  guint64 total_bytes; /* 0: a stream, maybe live */
} Source;

/* Where they go, in input order: records to a writer (formatted on the
 * worker threads), or the documents to a caller's function. */
typedef struct {
  TamisWriter *writer;
  TamisDocSinkFunc func;
  gpointer data;
} Sink;

typedef struct {
  TamisPipeline *pipeline;
  const Sink *sink;
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
  Slot *slot = &ring->ring[GPOINTER_TO_UINT (data) - 1];

  tamis_tsan_acquire (slot);
  /* The slot is this worker's until it is marked done; the pool's queue
   * orders what the reading thread put in it before this. */
  for (guint i = 0; i < slot->docs->len; i++)
    {
      TamisDoc *doc = g_ptr_array_index (slot->docs, i);

      process_one (ring->pipeline, doc);
      if (ring->sink->writer)
        tamis_writer_format (ring->sink->writer, doc, slot->records);
      g_array_append_val (slot->ends, slot->records->len);
    }

  tamis_mutex_lock (&ring->lock);
  slot->done = TRUE;
  g_cond_broadcast (&ring->cond);
  tamis_mutex_unlock (&ring->lock);
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
run_serial (TamisPipeline *pipeline, const Source *source, const Sink *sink, Progress *progress,
            GError **error)
{
  TamisDoc *doc;
  GError *read_error = NULL;

  while ((doc = source->next (source->data, &read_error)))
    {
      gboolean ok;

      process_one (pipeline, doc);
      ok = sink->writer ? tamis_writer_write (sink->writer, doc, error)
                        : sink->func (doc, sink->data, error);
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

/* Fills @slot with the next documents (still pending: the worker reads
 * and parses them). Returns FALSE when the input is exhausted or fails. */
static gboolean
fill_batch (const Source *source, Slot *slot, guint max_docs, GError **error)
{
  gsize bytes = 0;

  while (slot->docs->len < max_docs && bytes < BATCH_BYTES)
    {
      TamisDoc *doc = source->next (source->data, error);

      if (doc == NULL)
        return FALSE;
      bytes += tamis_doc_get_input_size (doc);
      g_ptr_array_add (slot->docs, doc);
    }
  return TRUE;
}

static gboolean
run_parallel (TamisPipeline *pipeline, const Source *source, const Sink *sink,
              guint n_threads, Progress *progress, GError **error)
{
  Ring ring = { .pipeline = pipeline, .sink = sink };
  GThreadPool *pool;
  guint64 next_read = 0, next_write = 0;
  gboolean eof = FALSE, ok = TRUE;
  GError *local = NULL;
  /* A stream of unknown size may be a live feed: each document goes out
   * as soon as it is in, not when a batch is full. */
  guint max_docs = source->total_bytes > 0 ? BATCH_DOCS : 1;

  g_mutex_init (&ring.lock);
  g_cond_init (&ring.cond);
  ring.size = n_threads * SLOTS_PER_THREAD;
  ring.ring = g_new0 (Slot, ring.size);
  for (guint i = 0; i < ring.size; i++)
    {
      ring.ring[i].docs = g_ptr_array_new ();
      ring.ring[i].records = g_string_sized_new (64 * 1024);
      ring.ring[i].ends = g_array_new (FALSE, FALSE, sizeof (gsize));
    }
  pool = g_thread_pool_new (worker, &ring, n_threads, FALSE, NULL);

  for (;;)
    {
      Slot *slot;

      /* Fill the ring, then write the oldest batch once it is done. */
      while (ok && !eof && next_read - next_write < ring.size)
        {
          slot = &ring.ring[next_read % ring.size];
          if (!fill_batch (source, slot, max_docs, &local))
            {
              eof = TRUE;
              ok = local == NULL;
            }
          if (slot->docs->len == 0)
            break;
          slot->done = FALSE;
          tamis_tsan_release (slot);
          g_thread_pool_push (pool, GUINT_TO_POINTER ((guint) (next_read % ring.size) + 1), NULL);
          next_read++;
        }
      if (next_write == next_read)
        break;

      slot = &ring.ring[next_write % ring.size];
      tamis_mutex_lock (&ring.lock);
      while (!slot->done)
        tamis_cond_wait (&ring.cond, &ring.lock);
      tamis_mutex_unlock (&ring.lock);
      next_write++;

      for (guint i = 0; i < slot->docs->len; i++)
        {
          TamisDoc *doc = g_ptr_array_index (slot->docs, i);
          gsize start = i ? g_array_index (slot->ends, gsize, i - 1) : 0;
          gsize end = g_array_index (slot->ends, gsize, i);

          if (!ok)
            {
              tamis_doc_free (doc); /* draining after a failure */
              continue;
            }
          if (sink->writer ? !tamis_writer_write_record (sink->writer, slot->records->str + start,
                                                         end - start, &local)
                           : !sink->func (doc, sink->data, &local))
            {
              ok = FALSE;
              eof = TRUE;
            }
          account (doc, progress);
        }
      g_ptr_array_set_size (slot->docs, 0);
      g_string_truncate (slot->records, 0);
      g_array_set_size (slot->ends, 0);
    }

  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < ring.size; i++)
    {
      g_ptr_array_unref (ring.ring[i].docs);
      g_string_free (ring.ring[i].records, TRUE);
      g_array_unref (ring.ring[i].ends);
    }
  g_free (ring.ring);
  g_cond_clear (&ring.cond);
  g_mutex_clear (&ring.lock);
  if (local)
    g_propagate_error (error, local);
  return ok;
}

static gboolean
run (TamisPipeline *pipeline, const Source *source, const Sink *sink, guint n_threads,
     TamisProgressFunc progress_func, gpointer user_data, TamisRunStats *stats, GError **error)
{
  Progress progress = { .progress = progress_func, .user_data = user_data };
  gboolean ok;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  progress.started = g_get_monotonic_time ();
  progress.stats.total_bytes = source->total_bytes;

  if (n_threads == 1)
    ok = run_serial (pipeline, source, sink, &progress, error);
  else
    ok = run_parallel (pipeline, source, sink, n_threads, &progress, error);
  if (ok && sink->writer)
    ok = tamis_writer_finish (sink->writer, error);

  report (&progress, TRUE);
  if (stats)
    *stats = progress.stats;
  return ok;
}

static TamisDoc *
reader_next (gpointer data, GError **error)
{
  return tamis_reader_next_pending (data, error);
}

gboolean
tamis_run (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer, guint n_threads,
           TamisProgressFunc progress_func, gpointer user_data, TamisRunStats *stats,
           GError **error)
{
  Source source = { reader_next, reader, tamis_reader_get_total_bytes (reader) };
  Sink sink = { .writer = writer };

  return run (pipeline, &source, &sink, n_threads, progress_func, user_data, stats, error);
}

gboolean
tamis_pipeline_run (TamisPipeline *pipeline, TamisDocSourceFunc source_func, gpointer source_data,
                    TamisDocSinkFunc sink_func, gpointer sink_data, guint n_threads,
                    TamisRunStats *stats, GError **error)
{
  /* total_bytes 1: the documents are in memory, batches may fill up */
  Source source = { source_func, source_data, 1 };
  Sink sink = { .func = sink_func, .data = sink_data };

  g_return_val_if_fail (source_func != NULL && sink_func != NULL, FALSE);
  return run (pipeline, &source, &sink, n_threads, NULL, NULL, stats, error);
}

typedef struct {
  const char *const *texts;
  gsize n_texts;
  gsize next;
} Texts;

/* A text that cannot be a document becomes a failed one, in its place. */
static TamisDoc *
texts_next (gpointer data, GError **error)
{
  Texts *texts = data;
  g_autoptr (GError) local = NULL;
  char id[24];
  TamisDoc *doc;

  if (texts->next >= texts->n_texts)
    return NULL;
  g_snprintf (id, sizeof id, "%" G_GSIZE_FORMAT, texts->next);
  doc = tamis_doc_new_full (id, texts->texts[texts->next], -1, TAMIS_DOC_REPAIR, &local);
  if (doc == NULL)
    doc = tamis_doc_new_failed (id, "invalid-utf8", local->message);
  tamis_doc_set_input_size (doc, tamis_doc_get_length (doc));
  texts->next++;
  return doc;
}

gboolean
tamis_pipeline_run_texts (TamisPipeline *pipeline, const char *const *texts, gssize n_texts,
                          TamisDocSinkFunc sink_func, gpointer sink_data, guint n_threads,
                          TamisRunStats *stats, GError **error)
{
  Texts source = { texts, n_texts < 0 ? g_strv_length ((char **) texts) : (gsize) n_texts, 0 };

  return tamis_pipeline_run (pipeline, texts_next, &source, sink_func, sink_data, n_threads, stats,
                             error);
}
