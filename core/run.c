/* tamis — a run: read, process on worker threads, write in input order.
 *
 * The calling thread lists the input and writes; workers read each
 * document (or parse its JSON line), process it and format its record.
 * Documents in flight live in a ring of a few batches per worker, so
 * memory is bounded by that ring whatever the size of the set, and the
 * writer takes them back in the order they were listed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <tamis/run.h>
#include "document-private.h"
#include "io-private.h"
#include "tsan-private.h"
#include "pipeline-private.h"
#include "summary-private.h"
#include "watchdog-private.h"

#define SLOTS_PER_THREAD 4

/* Documents go to the workers in batches, so that short documents do not
 * cost a thread hand-off each; a batch ends at either bound. */
#define BATCH_DOCS 256
#define BATCH_BYTES (256 * 1024)

/* While records of a live input wait for their documents, how often the
 * writing thread looks for more input to hand out, in µs. */
#define LIVE_POLL_US 20000

typedef struct {
  GPtrArray *docs;  /* TamisDoc, in input order */
  GString *records; /* their records, formatted by the worker, end to end */
  GArray *ends;     /* gsize: where each record ends in @records */
  GByteArray *kept; /* per document: 0 when output: where left it out */
  gboolean done;
} Slot;

/* Where documents come from: a reader, or a caller's function. */
typedef struct {
  TamisDoc *(*next) (gpointer data, GError **error); /* may give pending documents */
  /* The same documents loaded on the calling thread, when that costs less
   * than next() and tamis_doc_load(); NULL when it does not. */
  TamisDoc *(*next_now) (gpointer data, GError **error);
  gpointer data;
  guint64 total_bytes; /* 0: unknown */
  /* For a live input (a pipe, a terminal): TRUE when next() may wait for
   * input. NULL for the rest, which is read ahead in batches. */
  gboolean (*would_block) (gpointer data);
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
  TamisWatchdog *watchdog; /* NULL without a time limit */
} Ring;

typedef struct {
  TamisRunStats stats;
  gint64 started;
  gint64 last_report;
  TamisProgressFunc progress;
  gpointer user_data;
} Progress;

/* Returns FALSE when the document is not to be written: `output: where`
 * leaves it out. That filter is for records: documents handed to a
 * caller's function (no @writer) are all kept. */
static gboolean
process_one (TamisPipeline *pipeline, TamisWriter *writer, TamisDoc *doc)
{
  tamis_doc_load (doc);
  /* A resumed output holds it already: its (empty) record is all it needs. */
  if (writer && tamis_writer_skips (writer, doc))
    return TRUE;
  /* A failure is recorded in the document itself and written as its record. */
  if (!tamis_doc_get_error_code (doc))
    tamis_pipeline_process (pipeline, doc, NULL);
  return writer == NULL || tamis_pipeline_output_wants (pipeline, doc);
}

static void
worker (gpointer data, gpointer user_data)
{
  Ring *ring = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  Slot *slot = &ring->ring[index];

  tamis_tsan_acquire (slot);
  /* The slot is this worker's until it is marked done; the pool's queue
   * orders what the reading thread put in it before this. */
  for (guint i = 0; i < slot->docs->len; i++)
    {
      TamisDoc *doc = g_ptr_array_index (slot->docs, i);
      guint8 kept;

      tamis_watchdog_begin (ring->watchdog, index, doc);
      kept = process_one (ring->pipeline, ring->sink->writer, doc);
      tamis_watchdog_end (ring->watchdog, index);
      /* A document left out is not formatted: the writer's summary
       * counts the records written. */
      if (kept && ring->sink->writer)
        tamis_writer_format (ring->sink->writer, doc, slot->records);
      g_array_append_val (slot->ends, slot->records->len);
      g_byte_array_append (slot->kept, &kept, 1);
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

/* Counts a document written, or left out by `output: where`, and frees it. */
static void
account (TamisDoc *doc, gboolean kept, Progress *progress)
{
  if (!kept)
    progress->stats.n_filtered++;
  else
    progress->stats.n_docs++;
  if (kept && tamis_doc_get_error_code (doc))
    progress->stats.n_failed++;
  progress->stats.bytes += tamis_doc_get_input_size (doc);
  tamis_doc_free (doc);
  report (progress, FALSE);
}

/* A serial run writes JSON Lines records a batch at a time, once they
 * pass this many bytes: a write to the output stream per short record
 * cost more than formatting the record (callgrind: 580 instructions of the
 * 4,400 an empty pipeline spent on a 58-byte record). */
#define SERIAL_BATCH_BYTES (32 * 1024)

/* Writes the @n records in @batch, if any, and empties it. */
static gboolean
write_batch (TamisWriter *writer, GString *batch, guint *n, GError **error)
{
  gboolean ok = batch->len == 0 || tamis_writer_write_records (writer, batch->str, batch->len, *n,
                                                               error);

  g_string_truncate (batch, 0);
  *n = 0;
  return ok;
}

static gboolean
run_serial (TamisPipeline *pipeline, const Source *source, const Sink *sink, Progress *progress,
            GError **error)
{
  TamisDoc *doc;
  GError *read_error = NULL;
  TamisWatchdog *watchdog = tamis_watchdog_new (tamis_pipeline_get_document_seconds (pipeline), 1);
  gboolean ok = TRUE;
  TamisDoc *(*next) (gpointer, GError **) = source->next_now ? source->next_now : source->next;
  g_autoptr(GString) batch = NULL;
  guint batched = 0;

  if (sink->writer && tamis_writer_concatenates (sink->writer))
    batch = g_string_sized_new (SERIAL_BATCH_BYTES + 4096);
  while (ok && (doc = next (source->data, &read_error)))
    {
      gboolean kept;

      tamis_watchdog_begin (watchdog, 0, doc);
      kept = process_one (pipeline, sink->writer, doc);
      tamis_watchdog_end (watchdog, 0);
      if (kept && batch)
        {
          tamis_writer_format (sink->writer, doc, batch);
          batched++;
        }
      else if (kept)
        ok = sink->writer ? tamis_writer_write (sink->writer, doc, error)
                          : sink->func (doc, sink->data, error);
      account (doc, kept, progress);
      if (ok && batch && batch->len >= SERIAL_BATCH_BYTES)
        ok = write_batch (sink->writer, batch, &batched, error);
      /* Out before waiting for more of a live input. */
      if (ok && source->would_block && sink->writer && source->would_block (source->data))
        ok = (batch == NULL || write_batch (sink->writer, batch, &batched, error))
             && tamis_writer_flush (sink->writer, error);
    }
  tamis_watchdog_free (watchdog);
  /* what was read before a read error is written all the same */
  if (ok && batch)
    ok = write_batch (sink->writer, batch, &batched, error);
  if (!ok)
    {
      g_clear_error (&read_error);
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
 * and parses them); of a live input, only those at hand once it has one.
 * Returns FALSE when the input is exhausted or fails. */
static gboolean
fill_batch (const Source *source, Slot *slot, GError **error)
{
  gsize bytes = 0;

  while (slot->docs->len < BATCH_DOCS && bytes < BATCH_BYTES)
    {
      TamisDoc *doc;

      if (source->would_block && slot->docs->len > 0 && source->would_block (source->data))
        break;
      doc = source->next (source->data, error);

      if (doc == NULL)
        return FALSE;
      bytes += tamis_doc_get_input_size (doc);
      g_ptr_array_add (slot->docs, doc);
    }
  return TRUE;
}

/* Waits until the workers are done with @slot. Given a live @source,
 * gives up as soon as the input has a document at hand, returning FALSE,
 * so that the caller hands it out before it waits again. */
static gboolean
wait_done (Ring *ring, Slot *slot, const Source *source)
{
  tamis_mutex_lock (&ring->lock);
  while (!slot->done)
    {
      if (source == NULL)
        tamis_cond_wait (&ring->cond, &ring->lock);
      else if (!tamis_cond_wait_until (&ring->cond, &ring->lock,
                                       g_get_monotonic_time () + LIVE_POLL_US) &&
               !slot->done && !source->would_block (source->data))
        {
          tamis_mutex_unlock (&ring->lock);
          return FALSE;
        }
    }
  tamis_mutex_unlock (&ring->lock);
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
  gboolean live = source->would_block != NULL;
  gboolean concatenated = sink->writer != NULL && tamis_writer_concatenates (sink->writer);

  g_mutex_init (&ring.lock);
  g_cond_init (&ring.cond);
  ring.size = n_threads * SLOTS_PER_THREAD;
  ring.ring = g_new0 (Slot, ring.size);
  for (guint i = 0; i < ring.size; i++)
    {
      ring.ring[i].docs = g_ptr_array_new ();
      ring.ring[i].records = g_string_sized_new (64 * 1024);
      ring.ring[i].ends = g_array_new (FALSE, FALSE, sizeof (gsize));
      ring.ring[i].kept = g_byte_array_new ();
    }
  ring.watchdog = tamis_watchdog_new (tamis_pipeline_get_document_seconds (pipeline), ring.size);
  pool = g_thread_pool_new (worker, &ring, n_threads, FALSE, NULL);

  for (;;)
    {
      Slot *slot;

      /* Fill the ring, then write the oldest batch once it is done. While
       * documents are in flight, a live input is read only as far as it
       * has whole ones at hand: their records must not wait for input
       * that may be long to come. */
      while (ok && !eof && next_read - next_write < ring.size)
        {
          if (live && next_read > next_write && source->would_block (source->data))
            break;
          slot = &ring.ring[next_read % ring.size];
          if (!fill_batch (source, slot, &local))
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
      if (!wait_done (&ring, slot,
                      live && ok && !eof && next_read - next_write < ring.size ? source : NULL))
        continue;
      next_write++;

      /* JSON Lines records go out as the batch the worker made of them, in
       * one write (a document left out has no record in it) */
      if (ok && concatenated)
        {
          guint n_kept = 0;

          for (guint i = 0; i < slot->kept->len; i++)
            n_kept += slot->kept->data[i] != 0;
          if (!tamis_writer_write_records (sink->writer, slot->records->str, slot->records->len,
                                           n_kept, &local))
            {
              ok = FALSE;
              eof = TRUE;
            }
        }
      for (guint i = 0; i < slot->docs->len; i++)
        {
          TamisDoc *doc = g_ptr_array_index (slot->docs, i);
          gsize start = i ? g_array_index (slot->ends, gsize, i - 1) : 0;
          gsize end = g_array_index (slot->ends, gsize, i);
          gboolean kept = slot->kept->data[i];

          if (concatenated && ok)
            {
              account (doc, kept, progress);
              continue;
            }
          if (!ok)
            {
              tamis_doc_free (doc); /* draining after a failure */
              continue;
            }
          if (kept && (sink->writer ? !tamis_writer_write_record (sink->writer,
                                                                  slot->records->str + start,
                                                                  end - start, &local)
                                    : !sink->func (doc, sink->data, &local)))
            {
              ok = FALSE;
              eof = TRUE;
            }
          account (doc, kept, progress);
        }
      g_ptr_array_set_size (slot->docs, 0);
      g_string_truncate (slot->records, 0);
      g_array_set_size (slot->ends, 0);
      g_byte_array_set_size (slot->kept, 0);
      if (live && ok && sink->writer && !tamis_writer_flush (sink->writer, &local))
        {
          ok = FALSE;
          eof = TRUE;
        }
    }

  g_thread_pool_free (pool, FALSE, TRUE);
  tamis_watchdog_free (ring.watchdog);
  for (guint i = 0; i < ring.size; i++)
    {
      g_ptr_array_unref (ring.ring[i].docs);
      g_string_free (ring.ring[i].records, TRUE);
      g_array_unref (ring.ring[i].ends);
      g_byte_array_unref (ring.ring[i].kept);
    }
  g_free (ring.ring);
  g_cond_clear (&ring.cond);
  g_mutex_clear (&ring.lock);
  if (local)
    g_propagate_error (error, local);
  return ok;
}

/* ---- isolation: the stages in worker processes ----
 *
 * Each worker is a fork of this process made after the pipeline was
 * created, so it has the plugins' state without creating them again. The
 * parent reads and loads documents, sends batches of them to idle workers
 * over socket pairs, and gets their records back; a worker that dies (or
 * is killed for a limit) costs the document it was on one error record,
 * the rest of its batch goes to its replacement, a new fork. Messages are
 * a guint32 length, then the bytes: a GVariant array of documents one way,
 * an error code (empty when none), a NUL and a record the other way. */

/* How often busy workers are checked against the limits, in ms. */
#define ISOLATE_WATCH_MS 50
/* Workers that may die in a row, with no new document processed in
 * between, before the run stops: at least this many, or two per worker. A
 * plugin that fails on every document would otherwise cost a fork each. */
#define ISOLATE_MAX_DEATHS 16
/* A worker sends its records in blocks of about this size. */
#define REPLY_BYTES (64 * 1024)

/* The "error code" of a message that is no record but the summary counts
 * of the records that follow it (tamis_writer_set_summary()). */
#define SUMMARY_CODE "\x01summary"
/* The code of the reply for a document `output: where` leaves out; it
 * has no record. */
#define FILTERED_CODE "\x01filtered"
/* The "error code" of a message that is no record but, for each stage,
 * the documents its when: left out since the worker's last such message
 * (guint64 each): the parent adds them to its own pipeline's counts. */
#define SKIPPED_CODE "\x01skipped"

/* A document: id, text, metadata as JSON, repairs, source path and line.
 * Byte strings, since ids and paths need not be UTF-8. */
#define DOC_TYPE "(ayayayaayayu)"
#define BATCH_TYPE "a" DOC_TYPE

/* What a worker shares with the parent, one page each: read by the parent
 * while it runs (the count) and once it is dead (the label). */
typedef struct {
  volatile guint64 begun; /* documents it has started on */
  char label[4096 - sizeof (guint64)]; /* the running stage, "" between stages */
} Shared;

typedef struct {
  TamisDoc *doc;
  GString *record; /* NULL until formatted */
  guint64 seq;
  gboolean processed; /* by a worker that died before sending its record */
  gboolean filtered; /* left out by output: where; its record is empty */
} Entry;

typedef struct {
  pid_t pid;
  int fd;             /* the parent's end; -1 when there is no worker */
  Shared *shared;
  GByteArray *in;     /* replies read, not yet taken */
  GPtrArray *batch;   /* Entry: what it was sent, in order */
  guint answered;     /* how many of those it has sent back */
  guint64 batch_begun; /* shared->begun when the batch was sent */
  guint64 seen_begun; /* shared->begun at the last check */
  gint64 started;     /* when it began the document it is on */
  const char *kill_code; /* why the parent killed it, NULL if it did not */
  char *kill_message;
} Proc;

typedef struct {
  TamisPipeline *pipeline;
  TamisWriter *writer;
  Proc *procs;
  guint n_procs;
  gint64 timeout;  /* µs, 0: none */
  gsize memory;    /* bytes, 0: none */
  GPtrArray *window; /* Entry, from the oldest not yet written, in order */
  guint64 next_write;
  GQueue retry;    /* Entry: sent to a worker that died before them */
  guint deaths;     /* workers dead since one last got through a new document */
  guint max_deaths;
} Isolation;

static Shared *worker_shared;

static void
worker_on_stage (const char *stage, gpointer data)
{
  g_strlcpy (worker_shared->label, stage ? stage : "", sizeof worker_shared->label);
}

static gboolean
read_full (int fd, void *buf, gsize len)
{
  char *p = buf;

  while (len > 0)
    {
      ssize_t n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
send_full (int fd, const void *buf, gsize len)
{
  const char *p = buf;

  while (len > 0)
    {
      /* MSG_NOSIGNAL: a dead peer is an error here, not a SIGPIPE */
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static GVariant *
doc_to_variant (TamisDoc *doc)
{
  const char *meta_json = tamis_doc_get_meta_json (doc, NULL);
  const char *const *repairs = tamis_doc_get_repairs (doc);
  const char *path = tamis_doc_get_source_path (doc);

  return g_variant_new ("(@ay@ay@ay^aay@ayu)", g_variant_new_bytestring (tamis_doc_get_id (doc)),
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, tamis_doc_get_text (doc),
                                                   tamis_doc_get_length (doc), 1),
                        g_variant_new_bytestring (meta_json ? meta_json : ""),
                        repairs ? repairs : (const char *const[]){ NULL },
                        g_variant_new_bytestring (path ? path : ""),
                        tamis_doc_get_source_line (doc));
}

static TamisDoc *
doc_from_variant (GVariant *message)
{
  g_autoptr (GVariant) text_v = NULL;
  g_autofree const char **repairs = NULL;
  const char *id, *meta_json, *path;
  const char *text;
  gsize length;
  guint line;
  char *copy;
  TamisDoc *doc;

  g_variant_get (message, "(^&ay@ay^&ay^a&ay^&ayu)", &id, &text_v, &meta_json, &repairs, &path,
                 &line);
  text = g_variant_get_fixed_array (text_v, &length, 1);
  copy = g_malloc (length + 1);
  if (length)
    memcpy (copy, text, length);
  copy[length] = '\0';
  /* The parent loaded it: the text is valid already. */
  doc = tamis_doc_new_take_valid (id, copy, length);
  /* compact JSON text, as the parent kept it */
  if (*meta_json)
    tamis_doc_take_meta_json (doc, g_strdup (meta_json), strlen (meta_json));
  for (guint i = 0; repairs && repairs[i]; i++)
    tamis_doc_add_repair (doc, g_intern_string (repairs[i]));
  if (*path)
    tamis_doc_set_source (doc, path, line);
  return doc;
}

/* Sends the parent what the stages' when: left out since the last call,
 * if anything; @sent holds the counts already sent. */
static gboolean
send_skipped (TamisPipeline *pipeline, guint64 *sent, int fd)
{
  guint n_stages = tamis_pipeline_get_n_stages (pipeline);
  g_autoptr (GString) message = NULL;
  gboolean any = FALSE;
  guint32 len;

  for (guint s = 0; s < n_stages && !any; s++)
    any = tamis_pipeline_get_stage_n_skipped (pipeline, s) != sent[s];
  if (!any)
    return TRUE;
  message = g_string_new_len ("\0\0\0\0" SKIPPED_CODE, 4 + sizeof SKIPPED_CODE);
  for (guint s = 0; s < n_stages; s++)
    {
      guint64 now = tamis_pipeline_get_stage_n_skipped (pipeline, s);
      guint64 delta = now - sent[s];

      g_string_append_len (message, (const char *) &delta, sizeof delta);
      sent[s] = now;
    }
  len = message->len - 4;
  memcpy (message->str, &len, sizeof len);
  return send_full (fd, message->str, message->len);
}

/* The worker's loop: a batch in, a reply per document out, until the
 * parent closes the socket. Never returns. */
static void G_GNUC_NORETURN
worker_main (Isolation *iso, int fd)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  g_autoptr (GString) out = g_string_sized_new (REPLY_BYTES * 2);
  /* What this process counts for the writer's summary, sent to the
   * parent with each reply: the parent's own copy is out of reach. */
  TamisSummary *counted = NULL;
  /* The same for the stages' when: counts: what they were when last sent
   * (at the fork, the parent's). */
  guint n_stages = tamis_pipeline_get_n_stages (iso->pipeline);
  g_autofree guint64 *skipped_sent = g_new0 (guint64, n_stages + 1);

  for (guint s = 0; s < n_stages; s++)
    skipped_sent[s] = tamis_pipeline_get_stage_n_skipped (iso->pipeline, s);

  if (tamis_writer_get_summary (iso->writer) != NULL)
    {
      counted = tamis_summary_new_empty (tamis_writer_get_summary (iso->writer)->inputs);
      tamis_writer_set_summary (iso->writer, counted);
    }
  tamis_pipeline_set_stage_hook (worker_on_stage, NULL);
  for (;;)
    {
      g_autoptr (GVariant) batch = NULL;
      guint32 len;
      gsize n;

      if (!read_full (fd, &len, sizeof len))
        _exit (0);
      g_byte_array_set_size (in, len);
      if (!read_full (fd, in->data, len))
        _exit (0);
      batch = g_variant_ref_sink (
          g_variant_new_from_data (G_VARIANT_TYPE (BATCH_TYPE), in->data, len, FALSE, NULL, NULL));
      n = g_variant_n_children (batch);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr (GVariant) child = g_variant_get_child_value (batch, i);
          TamisDoc *doc = doc_from_variant (child);
          const char *code;
          gsize at = out->len;
          gboolean kept;

          /* Counted before it starts: the parent times each document, and
           * knows which one a dead worker was on. */
          worker_shared->begun++;
          kept = process_one (iso->pipeline, iso->writer, doc);
          g_string_append_len (out, "\0\0\0\0", 4);
          code = kept ? tamis_doc_get_error_code (doc) : FILTERED_CODE;
          g_string_append (out, code ? code : "");
          g_string_append_c (out, '\0');
          if (kept)
            tamis_writer_format (iso->writer, doc, out);
          len = out->len - at - 4;
          memcpy (out->str + at, &len, sizeof len);
          tamis_doc_free (doc);
          if (out->len >= REPLY_BYTES || i + 1 == n)
            {
              /* The counts go before the records they count: once the
               * parent has every record of a batch, it has their counts. */
              if (counted != NULL && tamis_summary_get_n_documents (counted) > 0)
                {
                  g_autofree char *json = tamis_summary_to_json (counted);
                  g_autoptr (GString) message = g_string_new_len ("\0\0\0\0" SUMMARY_CODE, 4 + sizeof SUMMARY_CODE);

                  g_string_append (message, json);
                  len = message->len - 4;
                  memcpy (message->str, &len, sizeof len);
                  if (!send_full (fd, message->str, message->len))
                    _exit (0);
                  {
                    TamisSummary *fresh = tamis_summary_new_empty (counted->inputs);

                    tamis_writer_set_summary (iso->writer, fresh);
                    tamis_summary_free (counted);
                    counted = fresh;
                  }
                }
              if (!send_skipped (iso->pipeline, skipped_sent, fd))
                _exit (0);
              if (!send_full (fd, out->str, out->len))
                _exit (0);
              g_string_truncate (out, 0);
            }
        }
    }
}

static gboolean
proc_spawn (Isolation *iso, Proc *proc, GError **error)
{
  int fds[2];
  pid_t parent = getpid ();

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot make a worker process: %s", g_strerror (saved));
      return FALSE;
    }
  proc->shared->label[0] = '\0';
  proc->shared->begun = 0;
  proc->pid = fork ();
  if (proc->pid < 0)
    {
      int saved = errno;
      close (fds[0]);
      close (fds[1]);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot make a worker process: %s", g_strerror (saved));
      return FALSE;
    }
  if (proc->pid == 0)
    {
      /* The caller's handlers (such as one that removes a temporary
       * output file) are for the parent: a worker just dies, and the
       * parent sees how. */
      for (int sig = 1; sig < NSIG; sig++)
        {
          struct sigaction old;
          if (sig != SIGKILL && sig != SIGSTOP && sigaction (sig, NULL, &old) == 0 &&
              old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL)
            signal (sig, SIG_DFL);
        }
#ifdef __linux__
      prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
      if (getppid () != parent)
        _exit (0);
      /* The other workers' ends would keep their sockets open. */
      for (guint i = 0; i < iso->n_procs; i++)
        if (iso->procs[i].fd >= 0)
          close (iso->procs[i].fd);
      close (fds[0]);
      worker_shared = proc->shared;
      worker_main (iso, fds[1]);
    }
  close (fds[1]);
  proc->fd = fds[0];
  g_byte_array_set_size (proc->in, 0);
  return TRUE;
}

static gboolean
proc_busy (const Proc *proc)
{
  return proc->answered < proc->batch->len;
}

/* Sends @proc the documents in its batch. A worker that is gone fails the
 * send; its end of file then tells the rest. */
static void
proc_send (Proc *proc)
{
  g_autoptr (GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE (BATCH_TYPE));
  g_autoptr (GVariant) batch = NULL;
  g_autofree char *buf = NULL;
  guint32 len;

  for (guint i = 0; i < proc->batch->len; i++)
    g_variant_builder_add_value (builder,
                                 doc_to_variant (((Entry *) g_ptr_array_index (proc->batch, i))->doc));
  batch = g_variant_ref_sink (g_variant_builder_end (builder));
  len = g_variant_get_size (batch);
  buf = g_malloc (sizeof len + len);
  memcpy (buf, &len, sizeof len);
  g_variant_store (batch, buf + sizeof len);
  proc->answered = 0;
  proc->batch_begun = proc->seen_begun = proc->shared->begun;
  proc->started = g_get_monotonic_time ();
  send_full (proc->fd, buf, sizeof len + len);
}

static void
proc_kill (Proc *proc, const char *code, char *message)
{
  proc->kill_code = code;
  g_free (proc->kill_message);
  proc->kill_message = message;
  kill (proc->pid, SIGKILL);
}

/* Resident bytes of @pid, 0 when unknown. */
static gsize
resident_bytes (pid_t pid)
{
  char path[64], buf[128];
  gssize n;
  int fd;
  guint64 size, resident;

  g_snprintf (path, sizeof path, "/proc/%d/statm", (int) pid);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  if (sscanf (buf, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &size, &resident) != 2)
    return 0;
  return resident * (guint64) sysconf (_SC_PAGESIZE);
}

/* A worker's socket closed: it died. The document it was on gets an error
 * record; those of its batch it had not begun go to the next workers. */
static gboolean
proc_reap (Isolation *iso, Proc *proc, GError **error)
{
  int status = 0;
  const char *stage = proc->shared->label[0] ? proc->shared->label : NULL;
  guint64 begun = proc->shared->begun - proc->batch_begun;
  g_autofree char *last = NULL; /* what it died of, for the error below */
  gboolean progress = FALSE;

  close (proc->fd);
  proc->fd = -1;
  while (waitpid (proc->pid, &status, 0) < 0 && errno == EINTR)
    ;
  for (guint i = proc->answered; i < proc->batch->len; i++)
    {
      Entry *entry = g_ptr_array_index (proc->batch, i);
      g_autofree char *message = NULL;
      g_autofree char *cause = NULL;
      const char *code = proc->kill_code;

      if (i + 1 != begun)
        {
          /* Processed before the crash, its record lost with the worker:
           * still progress, the first time. */
          if (i + 1 < begun && !entry->processed)
            entry->processed = progress = TRUE;
          g_queue_push_tail (&iso->retry, entry);
          continue;
        }
      if (code)
        message = g_steal_pointer (&proc->kill_message);
      else if (WIFSIGNALED (status))
        {
          code = "plugin-crash";
          cause = g_strdup_printf ("%s (signal %d) in %s", g_strsignal (WTERMSIG (status)),
                                   WTERMSIG (status), stage ? stage : "no stage");
          message = g_strconcat (cause, "; its worker process was replaced", NULL);
        }
      else
        {
          code = "plugin-crash";
          cause = g_strdup_printf ("the worker process exited (status %d) in %s",
                                   WIFEXITED (status) ? WEXITSTATUS (status) : -1,
                                   stage ? stage : "no stage");
          message = g_strconcat (cause, "; it was replaced", NULL);
        }
      last = g_strdup_printf ("on document '%s': %s", tamis_doc_get_id (entry->doc),
                              cause ? cause : message);
      tamis_doc_set_error (entry->doc, code, message);
      entry->record = g_string_new (NULL);
      tamis_writer_format (iso->writer, entry->doc, entry->record);
    }
  g_ptr_array_set_size (proc->batch, 0);
  proc->answered = 0;
  proc->kill_code = NULL;
  g_clear_pointer (&proc->kill_message, g_free);
  if (progress)
    iso->deaths = 0;
  if (++iso->deaths >= iso->max_deaths)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%u worker processes died in a row without getting through a new document, "
                   "the last %s; the run stops",
                   iso->deaths, last ? last : "before it began one");
      return FALSE;
    }
  return proc_spawn (iso, proc, error);
}

/* Adds the counts a worker sent to the writer's summary. */
static void
take_counts (Isolation *iso, const char *json, gsize len)
{
  g_autoptr (TamisSummary) counts = tamis_summary_new_from_json (json, len, NULL);
  TamisSummary *summary = tamis_writer_get_summary (iso->writer);

  if (counts != NULL && summary != NULL)
    tamis_summary_merge (summary, counts, NULL);
}

/* Adds the when: counts a worker sent to the pipeline's. */
static void
take_skipped (Isolation *iso, const char *data, gsize len)
{
  guint n_stages = tamis_pipeline_get_n_stages (iso->pipeline);

  for (guint s = 0; s < n_stages && (s + 1) * sizeof (guint64) <= len; s++)
    {
      guint64 delta;

      memcpy (&delta, data + s * sizeof delta, sizeof delta);
      tamis_pipeline_add_stage_skipped (iso->pipeline, s, delta);
    }
}

/* Takes the replies @proc has sent; FALSE when its socket closed. */
static gboolean
proc_read (Isolation *iso, Proc *proc)
{
  guint8 buf[64 * 1024];
  gsize at = 0;
  ssize_t n;
  guint32 len;

  do
    n = recv (proc->fd, buf, sizeof buf, MSG_DONTWAIT);
  while (n < 0 && errno == EINTR);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return TRUE;
  if (n <= 0)
    return FALSE;
  g_byte_array_append (proc->in, buf, n);

  while (proc->in->len - at >= sizeof len)
    {
      const char *code;
      gsize code_len;
      Entry *entry;

      memcpy (&len, proc->in->data + at, sizeof len);
      if (proc->in->len - at - sizeof len < len)
        break;
      code = (const char *) proc->in->data + at + sizeof len;
      code_len = strnlen (code, len) + 1;
      if (strcmp (code, SUMMARY_CODE) == 0)
        take_counts (iso, code + code_len, len - MIN (code_len, len));
      else if (strcmp (code, SKIPPED_CODE) == 0)
        take_skipped (iso, code + code_len, len - MIN (code_len, len));
      else if (proc->answered < proc->batch->len)
        {
          entry = g_ptr_array_index (proc->batch, proc->answered++);
          iso->deaths = 0;
          if (strcmp (code, FILTERED_CODE) == 0)
            entry->filtered = TRUE;
          else if (*code && !tamis_doc_get_error_code (entry->doc))
            tamis_doc_set_error (entry->doc, code, "");
          entry->record = g_string_new_len (code + code_len, len - MIN (code_len, len));
        }
      at += sizeof len + len;
    }
  g_byte_array_remove_range (proc->in, 0, at);
  if (!proc_busy (proc))
    {
      g_ptr_array_set_size (proc->batch, 0);
      proc->answered = 0;
    }
  return TRUE;
}

static void
check_limits (Isolation *iso, Proc *proc, gint64 now)
{
  const char *stage = proc->shared->label[0] ? proc->shared->label : "no stage";
  guint64 begun = proc->shared->begun;
  gsize resident;

  if (!proc_busy (proc) || proc->kill_code)
    return;
  if (begun != proc->seen_begun)
    {
      /* on to another document: its time starts now, give or take a check */
      proc->seen_begun = begun;
      proc->started = now;
    }
  if (iso->timeout > 0 && now - proc->started > iso->timeout)
    {
      proc_kill (proc, "timeout",
                 g_strdup_printf ("%s ran over %g s on this document; its worker process was killed",
                                  stage, iso->timeout / 1e6));
      return;
    }
  if (iso->memory > 0 && (resident = resident_bytes (proc->pid)) > iso->memory)
    proc_kill (proc, "memory",
               g_strdup_printf ("%s grew its worker process to %" G_GSIZE_FORMAT
                                " MB resident, over the limit of %" G_GSIZE_FORMAT
                                " MB; the process was killed",
                                stage, resident >> 20, iso->memory >> 20));
}

/* Fills the batch of an idle worker: documents to send again first, then
 * new ones; of a live input, only those at hand while others are in
 * flight. Failed input, and a document a resumed output holds, needs no
 * worker: its record is made here. */
static gboolean
fill_proc_batch (Isolation *iso, Proc *proc, const Source *source, guint max_docs, gsize max_window,
                 gboolean *eof, GError **error)
{
  gsize bytes = 0;

  while (proc->batch->len < max_docs && bytes < BATCH_BYTES)
    {
      Entry *entry = g_queue_pop_head (&iso->retry);
      TamisDoc *doc;

      if (entry == NULL)
        {
          if (*eof || iso->window->len >= max_window)
            break;
          if (source->would_block && iso->window->len > 0 && source->would_block (source->data))
            break;
          doc = (source->next_now ? source->next_now : source->next) (source->data, error);
          if (doc == NULL)
            {
              *eof = TRUE;
              return *error == NULL;
            }
          tamis_doc_load (doc);
          entry = g_new0 (Entry, 1);
          entry->doc = doc;
          entry->seq = iso->next_write + iso->window->len;
          g_ptr_array_add (iso->window, entry);
          if (tamis_doc_get_error_code (doc) || tamis_writer_skips (iso->writer, doc))
            {
              entry->record = g_string_new (NULL);
              tamis_writer_format (iso->writer, doc, entry->record);
              continue;
            }
        }
      bytes += tamis_doc_get_length (entry->doc);
      g_ptr_array_add (proc->batch, entry);
    }
  return TRUE;
}

/* Writes the records that are ready, in order (a document left out by
 * output: where has none), counting them in @n_written (nullable). */
static gboolean
write_ready (Isolation *iso, Progress *progress, guint *n_written, GError **error)
{
  gboolean ok = TRUE;

  while (ok && iso->window->len > 0)
    {
      Entry *entry = g_ptr_array_index (iso->window, 0);

      if (entry->record == NULL)
        break;
      if (!entry->filtered)
        ok = tamis_writer_write_record (iso->writer, entry->record->str, entry->record->len,
                                        error);
      g_string_free (entry->record, TRUE);
      account (entry->doc, !entry->filtered, progress);
      g_free (entry);
      g_ptr_array_remove_index (iso->window, 0);
      iso->next_write++;
      if (n_written != NULL)
        (*n_written)++;
    }
  return ok;
}

static gboolean
run_isolated (TamisPipeline *pipeline, const Source *source, TamisWriter *writer, guint n_procs,
              Progress *progress, GError **error)
{
  Isolation iso = {
    .pipeline = pipeline,
    .writer = writer,
    .n_procs = n_procs,
    .timeout = tamis_pipeline_get_document_seconds (pipeline) * G_USEC_PER_SEC,
    .memory = tamis_pipeline_get_worker_memory (pipeline),
    .window = g_ptr_array_new (),
    .max_deaths = MAX (ISOLATE_MAX_DEATHS, 2 * n_procs),
  };
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, n_procs);
  g_autofree Proc **polled = g_new0 (Proc *, n_procs);
  guint max_docs = BATCH_DOCS;
  gsize max_window = (gsize) n_procs * SLOTS_PER_THREAD * max_docs;
  gboolean live = source->would_block != NULL;
  gboolean eof = FALSE, ok = TRUE;
  GError *local = NULL;

  iso.procs = g_new0 (Proc, n_procs);
  for (guint i = 0; i < n_procs; i++)
    {
      iso.procs[i].fd = -1;
      iso.procs[i].in = g_byte_array_new ();
      iso.procs[i].batch = g_ptr_array_new ();
    }
  for (guint i = 0; ok && i < n_procs; i++)
    {
      /* shared with the worker across fork, and with its replacements */
      Shared *shared = mmap (NULL, sizeof (Shared), PROT_READ | PROT_WRITE,
                             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
      if (shared == MAP_FAILED)
        {
          g_set_error (&local, G_IO_ERROR, g_io_error_from_errno (errno),
                       "cannot share memory with a worker process: %s", g_strerror (errno));
          ok = FALSE;
          break;
        }
      iso.procs[i].shared = shared;
      ok = proc_spawn (&iso, &iso.procs[i], &local);
    }

  while (ok)
    {
      guint n_polled = 0, n_written;
      int poll_ms;
      gint64 now;

      for (guint i = 0; ok && i < n_procs; i++)
        if (!proc_busy (&iso.procs[i]))
          {
            ok = fill_proc_batch (&iso, &iso.procs[i], source, max_docs, max_window, &eof, &local);
            if (proc_busy (&iso.procs[i]))
              proc_send (&iso.procs[i]);
          }

      n_written = 0;
      ok = ok && write_ready (&iso, progress, &n_written, &local);
      if (live && ok && n_written > 0 && !tamis_writer_flush (writer, &local))
        ok = FALSE;
      if (!ok || (eof && iso.window->len == 0))
        break;

      for (guint i = 0; i < n_procs; i++)
        if (proc_busy (&iso.procs[i]))
          {
            fds[n_polled].fd = iso.procs[i].fd;
            fds[n_polled].events = POLLIN;
            fds[n_polled].revents = 0;
            polled[n_polled++] = &iso.procs[i];
          }
      if (n_polled == 0)
        continue;
      /* A live input may bring documents for idle workers meanwhile. */
      if (live && !eof)
        poll_ms = LIVE_POLL_US / 1000;
      else
        poll_ms = iso.timeout || iso.memory ? ISOLATE_WATCH_MS : -1;
      if (poll (fds, n_polled, poll_ms) < 0 && errno != EINTR)
        {
          g_set_error (&local, G_IO_ERROR, g_io_error_from_errno (errno), "poll: %s", g_strerror (errno));
          ok = FALSE;
          break;
        }
      now = g_get_monotonic_time ();
      for (guint i = 0; ok && i < n_polled; i++)
        {
          Proc *proc = polled[i];

          if (fds[i].revents && !proc_read (&iso, proc))
            ok = proc_reap (&iso, proc, &local);
          else
            check_limits (&iso, proc, now);
        }
    }

  /* A run stopped for its dying workers still writes what it has, up to
   * the first document without a record. */
  if (iso.deaths >= iso.max_deaths)
    write_ready (&iso, progress, NULL, NULL);

  /* Idle workers exit when their socket closes; busy ones are stopped. */
  for (guint i = 0; i < n_procs; i++)
    {
      Proc *proc = &iso.procs[i];

      if (proc->fd >= 0)
        {
          if (proc_busy (proc))
            kill (proc->pid, SIGKILL);
          close (proc->fd);
          while (waitpid (proc->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        }
      g_byte_array_unref (proc->in);
      g_ptr_array_unref (proc->batch);
      g_free (proc->kill_message);
      if (proc->shared)
        munmap (proc->shared, sizeof (Shared));
    }
  g_free (iso.procs);
  g_queue_clear (&iso.retry);
  for (guint i = 0; i < iso.window->len; i++)
    {
      Entry *entry = g_ptr_array_index (iso.window, i);
      if (entry->record)
        g_string_free (entry->record, TRUE);
      tamis_doc_free (entry->doc);
      g_free (entry);
    }
  g_ptr_array_unref (iso.window);
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
  if (sink->writer && !tamis_writer_start (sink->writer, pipeline, error))
    return FALSE;

  /* Isolation needs records, which cross a process boundary; documents
   * handed to a caller's function would not. */
  if (sink->writer && tamis_pipeline_get_isolate (pipeline))
    ok = run_isolated (pipeline, source, sink->writer, n_threads, &progress, error);
  else if (n_threads == 1)
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

static TamisDoc *
reader_next_now (gpointer data, GError **error)
{
  return tamis_reader_next (data, error);
}

static gboolean
reader_would_block (gpointer data)
{
  return tamis_reader_would_block (data);
}

gboolean
tamis_run (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer, guint n_threads,
           TamisProgressFunc progress_func, gpointer user_data, TamisRunStats *stats,
           GError **error)
{
  Source source = { reader_next, reader_next_now, reader, tamis_reader_get_total_bytes (reader),
                    tamis_reader_is_live (reader) ? reader_would_block : NULL };
  Sink sink = { .writer = writer };

  return run (pipeline, &source, &sink, n_threads, progress_func, user_data, stats, error);
}

gboolean
tamis_pipeline_run (TamisPipeline *pipeline, TamisDocSourceFunc source_func, gpointer source_data,
                    TamisDocSinkFunc sink_func, gpointer sink_data, guint n_threads,
                    TamisRunStats *stats, GError **error)
{
  /* in memory: read ahead in batches */
  Source source = { source_func, NULL, source_data, 0, NULL };
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
