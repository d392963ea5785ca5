/* tamis — a corpus summary: counts and exact sums over a document set,
 * mergeable in any order. */
#pragma once

#include <glib.h>
#include <tamis/document.h>
#include <tamis/pipeline.h>
#include <tamis/io.h>

G_BEGIN_DECLS

/**
 * TamisSummary:
 *
 * What a set of documents holds, counted: documents per language, per
 * sentiment label and per error code; entities (by canonical name and
 * label) with their mentions, documents and mean sentiment; amounts of
 * money per entity and currency; spans per label of every layer; values
 * of every document attribute.
 *
 * Every figure is an integer count or a sum kept in exact fixed point (a
 * millionth), so that summaries of parts merged in any order give the same
 * bytes as the summary of the whole (tamis_summary_to_json()). A summary
 * remembers the pipeline that made its documents (its name and its stage
 * ids) and refuses to merge with that of another pipeline.
 *
 * Which layers and attributes a summary reads is the pipeline's `summary:`
 * section (tamis_pipeline_get_summary_input()); without a pipeline, the
 * names the shipped plugins write.
 */
typedef struct _TamisSummary TamisSummary;

/**
 * TAMIS_SUMMARY_VERSION:
 *
 * The value of "tamis_summary" in the summaries this library writes.
 */
#define TAMIS_SUMMARY_VERSION 1

/**
 * tamis_summary_new:
 * @pipeline: (nullable): the pipeline whose documents will be counted
 *
 * An empty summary. With @pipeline, it carries the pipeline's name and stage
 * ids (tamis_pipeline_get_stage_id()) and reads the layers and attributes of
 * its `summary:` section.
 *
 * Returns: (transfer full): the summary
 */
TamisSummary *tamis_summary_new (const TamisPipeline *pipeline);

/**
 * tamis_summary_free:
 * @summary: (nullable): a summary
 *
 * Frees the summary.
 */
void tamis_summary_free (TamisSummary *summary);

/**
 * tamis_summary_add_doc:
 * @summary: a summary
 * @doc: a processed or failed document
 *
 * Counts @doc. Thread-safe: each thread counts into a partial summary of
 * its own, folded in when the summary is read or merged, so that workers
 * never wait for each other. The stages named in the document's "by"
 * attribute join the summary's stages.
 */
void tamis_summary_add_doc (TamisSummary *summary, const TamisDoc *doc);

/**
 * tamis_summary_add_record:
 * @summary: a summary
 * @json: one record as the JSON writers write it (a line of JSON Lines)
 * @length: the length of @json in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Counts the document of a record, as tamis_summary_add_doc() counts the
 * document itself: the same figures, but only of the layers the record
 * holds. Its stages are the keys of its "by" attribute. Thread-safe.
 *
 * Returns: %FALSE, with nothing counted, when @json is not a record (a
 *   %TAMIS_ERROR_INPUT error) or is one of another pipeline (a
 *   %TAMIS_ERROR_CONFIG error, as tamis_summary_merge())
 */
gboolean tamis_summary_add_record (TamisSummary *summary, const char *json, gssize length,
                                   GError **error);

/**
 * tamis_summary_new_from_json:
 * @json: a summary as tamis_summary_to_json() writes it
 * @length: the length of @json in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Reads a summary back, exactly: merging it gives the same bytes as merging
 * the summary that wrote it.
 *
 * Returns: (transfer full): the summary, or %NULL with a %TAMIS_ERROR_INPUT
 *   error when @json is not a summary this library can read
 */
TamisSummary *tamis_summary_new_from_json (const char *json, gssize length, GError **error);

/**
 * tamis_summary_merge:
 * @summary: a summary
 * @other: another summary, left unchanged
 * @error: return location for a #GError
 *
 * Adds the figures of @other to @summary. Summaries of different pipelines
 * are refused: different names, or the same plugin run with other options
 * or another version (no stage id in common for that plugin). A summary
 * without a name (made from records) merges with any name and takes it.
 * Stages are otherwise unioned.
 *
 * Returns: %FALSE, with a %TAMIS_ERROR_CONFIG error naming both sides and
 *   @summary unchanged, when the pipelines differ
 */
gboolean tamis_summary_merge (TamisSummary *summary, const TamisSummary *other, GError **error);

/**
 * tamis_summary_get_n_documents:
 * @summary: a summary
 *
 * Returns: the documents counted, failed ones included
 */
guint64 tamis_summary_get_n_documents (const TamisSummary *summary);

/**
 * tamis_summary_to_json:
 * @summary: a summary
 *
 * The summary as canonical JSON: members in a fixed order, lists sorted,
 * numbers exact (decimal, at most six decimals), ending with a newline.
 * Equal figures give equal bytes.
 *
 * Returns: (transfer full): the JSON text
 */
char *tamis_summary_to_json (const TamisSummary *summary);

/**
 * tamis_writer_set_summary:
 * @writer: a writer
 * @summary: (nullable): where to count documents, or %NULL to stop
 *
 * Counts in @summary every document @writer formats a record of, from any
 * thread, including in tamis_run() (isolated workers send their counts back
 * to the writing process). The writer does not own @summary, which must
 * outlive it.
 */
void tamis_writer_set_summary (TamisWriter *writer, TamisSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisSummary, tamis_summary_free)

G_END_DECLS
