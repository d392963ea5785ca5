/* tamis — running a pipeline over a document set on worker threads. */
#pragma once

#include <tamis/pipeline.h>
#include <tamis/io.h>

G_BEGIN_DECLS

/**
 * TamisRunStats:
 * @n_docs: documents written
 * @n_failed: of which failed (error records)
 * @bytes: bytes of input consumed
 * @total_bytes: size of the whole input, 0 when unknown
 * @seconds: time since the run started
 *
 * Progress of a run.
 */
typedef struct {
  guint64 n_docs;
  guint64 n_failed;
  guint64 bytes;
  guint64 total_bytes;
  double seconds;
  /*< private >*/
  guint64 _tamis_reserved[4];
} TamisRunStats;

/**
 * TamisProgressFunc:
 * @stats: the progress so far
 * @user_data: what was given to tamis_run()
 *
 * Called from the writing thread after every record, at most ten times a
 * second, and once at the end.
 */
typedef void (*TamisProgressFunc) (const TamisRunStats *stats, gpointer user_data);

/**
 * tamis_run:
 * @pipeline: a pipeline
 * @reader: the documents
 * @writer: where records go, in input order
 * @n_threads: worker threads; 0 for the number of processors
 * @progress: (nullable): progress callback
 * @user_data: data for @progress
 * @stats: (out) (optional): the final figures
 * @error: return location for a #GError
 *
 * Reads, processes and writes every document, then finishes @writer
 * (tamis_writer_finish()): the caller only closes the stream. Documents run
 * in parallel; at most a few per thread are in flight, so memory stays
 * bounded. Failed documents are written as error records and counted in
 * @stats; they do not stop the run.
 *
 * Returns: %FALSE only when reading an input stream or writing fails
 */
gboolean tamis_run (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer,
                    guint n_threads, TamisProgressFunc progress, gpointer user_data,
                    TamisRunStats *stats, GError **error);

G_END_DECLS
