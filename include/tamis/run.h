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
 * @n_filtered: documents read and processed but not written, left out by
 *   `output: {where:}` (tamis_pipeline_output_wants()); not in @n_docs
 *
 * Progress of a run.
 */
typedef struct {
  guint64 n_docs;
  guint64 n_failed;
  guint64 bytes;
  guint64 total_bytes;
  double seconds;
  guint64 n_filtered;
  /*< private >*/
  guint64 _tamis_reserved[3];
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
 * @stats; they do not stop the run. Documents that `output: {where:}`
 * leaves out (tamis_pipeline_output_wants()) are not written, and not
 * counted in a summary set with tamis_writer_set_summary(), which counts
 * the records written; @stats counts them as n_filtered.
 *
 * Files and directories are read ahead in batches. A live input — standard
 * input or a named pipe that is not a regular file, such as `tail -f
 * log.jsonl | tamis run p.yaml` — is read only as far as it has whole
 * documents at hand while others are in flight, and each record is
 * written and the stream flushed as soon as its document and every
 * earlier one are done, rather than when a batch is full.
 *
 * When tamis_pipeline_get_isolate() is set, the stages run in @n_threads
 * worker processes forked from the caller instead of threads: a worker
 * that dies, or that runs over the pipeline's limits
 * (tamis_pipeline_get_document_seconds(), tamis_pipeline_get_worker_memory()),
 * costs the document it was on an error record (`plugin-crash`, `timeout`,
 * `memory`) and is replaced. The caller's signal handlers are reset to
 * their defaults in the workers. When workers die 16 times in a row (or
 * twice @n_threads, if more) without getting through a new document, the
 * run stops with a %TAMIS_ERROR_PLUGIN error, after writing the records
 * that were ready.
 *
 * On threads, a document that runs over tamis_pipeline_get_document_seconds()
 * is reported on standard error (with g_printerr()) while it runs, naming
 * its stage; a thread cannot be stopped, so the run waits for it.
 *
 * Returns: %FALSE only when reading an input stream or writing fails, or
 *   when isolated workers keep dying
 */
gboolean tamis_run (TamisPipeline *pipeline, TamisReader *reader, TamisWriter *writer,
                    guint n_threads, TamisProgressFunc progress, gpointer user_data,
                    TamisRunStats *stats, GError **error);

/**
 * TamisDocSourceFunc:
 * @user_data: what was given to tamis_pipeline_run()
 * @error: return location for a #GError
 *
 * Gives the next document of an in-memory run. Called from the thread that
 * called tamis_pipeline_run(), one document at a time.
 *
 * Returns: (transfer full) (nullable): the next document, or %NULL at the
 *   end (with @error set when the source itself failed, which stops the run)
 */
typedef TamisDoc *(*TamisDocSourceFunc) (gpointer user_data, GError **error);

/**
 * TamisDocSinkFunc:
 * @doc: (transfer none): a processed document, or a failed one
 *   (tamis_doc_get_error_code()); it is freed when this returns
 * @user_data: what was given to tamis_pipeline_run()
 * @error: return location for a #GError
 *
 * Receives the documents of an in-memory run, in the order the source gave
 * them, on the thread that called tamis_pipeline_run().
 *
 * Returns: %FALSE with @error set to stop the run
 */
typedef gboolean (*TamisDocSinkFunc) (TamisDoc *doc, gpointer user_data, GError **error);

/**
 * tamis_pipeline_run:
 * @pipeline: a pipeline
 * @source: gives the documents
 * @source_data: data for @source
 * @sink: receives them, processed, in order
 * @sink_data: data for @sink
 * @n_threads: worker threads; 0 for the number of processors
 * @stats: (out) (optional): the final figures
 * @error: return location for a #GError
 *
 * What `tamis run` does, for documents held in memory: they are processed
 * on worker threads, a few batches per thread in flight, and handed back
 * in their order. A document that fails gets its error (as the error
 * records of the command line) and the run goes on. The stages always run
 * on threads here: tamis_pipeline_get_isolate() is ignored, since the
 * documents come back as objects, which do not cross a process boundary.
 * A time limit is watched as by tamis_run() on threads.
 *
 * Returns: %FALSE when @source or @sink failed
 */
gboolean tamis_pipeline_run (TamisPipeline *pipeline, TamisDocSourceFunc source, gpointer source_data,
                             TamisDocSinkFunc sink, gpointer sink_data, guint n_threads,
                             TamisRunStats *stats, GError **error);

/**
 * tamis_pipeline_run_texts:
 * @pipeline: a pipeline
 * @texts: the texts, UTF-8
 * @n_texts: how many, or -1 when @texts is %NULL-terminated
 * @sink: receives the documents, in order
 * @sink_data: data for @sink
 * @n_threads: worker threads; 0 for the number of processors
 * @stats: (out) (optional): the final figures
 * @error: return location for a #GError
 *
 * tamis_pipeline_run() over strings: text @i becomes the document with id
 * "@i" (decimal), repaired as tamis_doc_new_full() does with
 * %TAMIS_DOC_REPAIR; a text that is not valid UTF-8 comes back as a failed
 * document with the error code "invalid-utf8".
 *
 * Returns: %FALSE when @sink failed
 */
gboolean tamis_pipeline_run_texts (TamisPipeline *pipeline, const char *const *texts, gssize n_texts,
                                   TamisDocSinkFunc sink, gpointer sink_data, guint n_threads,
                                   TamisRunStats *stats, GError **error);

G_END_DECLS
