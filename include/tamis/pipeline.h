/* tamis — a chain of plugin stages loaded from YAML. */
#pragma once

#include <glib.h>
#include <tamis/document.h>
#include <tamis/registry.h>

G_BEGIN_DECLS

/**
 * TamisPipeline:
 *
 * A validated chain of stages. Processing is thread-safe: several threads
 * may call tamis_pipeline_process() at once on different documents.
 */
typedef struct _TamisPipeline TamisPipeline;

/**
 * tamis_pipeline_new_from_file:
 * @path: a pipeline YAML file
 * @registry: (nullable): where to find plugins, %NULL for the default
 * @error: return location for a #GError
 *
 * Loads, validates and instantiates a pipeline: every plugin is loaded and
 * every stage created before this returns. Errors are %TAMIS_ERROR_CONFIG
 * (message "file:line:column: what — hint") or %TAMIS_ERROR_PLUGIN.
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
TamisPipeline *tamis_pipeline_new_from_file (const char *path, TamisRegistry *registry, GError **error);

/**
 * tamis_pipeline_new_from_data:
 * @yaml: the pipeline text
 * @length: its length, or -1 if nul-terminated
 * @filename: (nullable): name used in messages and to resolve relative paths
 *   (its directory); %NULL for "<string>" and the current directory
 * @registry: (nullable): where to find plugins, %NULL for the default
 * @error: return location for a #GError
 *
 * As tamis_pipeline_new_from_file() for a pipeline held in memory.
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
TamisPipeline *tamis_pipeline_new_from_data (const char *yaml, gssize length, const char *filename,
                                             TamisRegistry *registry, GError **error);

/**
 * tamis_pipeline_free:
 * @pipeline: (nullable): a pipeline
 *
 * Destroys every stage and frees the pipeline.
 */
void tamis_pipeline_free (TamisPipeline *pipeline);

/**
 * tamis_pipeline_process:
 * @pipeline: a pipeline
 * @doc: a document
 * @error: return location for a #GError
 *
 * Runs every stage on @doc, skipping stages whose `when:` does not match
 * (tamis_pipeline_get_stage_n_skipped() counts them). A pipeline may have
 * no stages (`stages: []`): its documents go through unchanged, to be
 * written in another format or filtered by `output: {where:}`.
 * A document that already carries an error is left alone. When a stage fails
 * the document is marked failed (tamis_doc_set_error()) and %FALSE returned.
 *
 * Returns: %TRUE when all stages succeeded
 */
gboolean tamis_pipeline_process (TamisPipeline *pipeline, TamisDoc *doc, GError **error);

/**
 * tamis_pipeline_get_running:
 * @stage: (out) (nullable): "stage N (plugin)" while a plugin's process()
 *   runs on the calling thread, else %NULL
 * @doc_id: (out) (nullable): the id of the document it runs on, else %NULL
 *
 * What the calling thread is running. Meant for a handler of a fatal
 * signal (SIGSEGV, SIGABRT…) raised inside a plugin, to name the stage and
 * the document: it only reads two pointers, so it is safe there.
 */
void tamis_pipeline_get_running (const char **stage, const char **doc_id);

/** tamis_pipeline_get_name: Returns: (nullable): the pipeline's `name:`. */
const char *tamis_pipeline_get_name (const TamisPipeline *pipeline);

/** tamis_pipeline_get_filename: Returns: the file it was loaded from, or "<string>". */
const char *tamis_pipeline_get_filename (const TamisPipeline *pipeline);

/** tamis_pipeline_get_n_stages: Returns: the number of stages. */
guint tamis_pipeline_get_n_stages (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_stage:
 * @pipeline: a pipeline
 * @index: a stage index
 * @line: (out) (optional): the line of the stage in the pipeline file
 *
 * Returns: (transfer none): the loaded plugin the stage runs
 */
const TamisPluginEntry *tamis_pipeline_get_stage (const TamisPipeline *pipeline, guint index, guint *line);

/**
 * TamisProvenance:
 * @TAMIS_PROVENANCE_SHORT: each record has a document attribute "by": an
 *   object from each stage that ran ("money 1.1.0 #1a2b3c4d": plugin,
 *   version and a hash of the options it ran with) to the layers and
 *   attributes it wrote on that document
 * @TAMIS_PROVENANCE_FULL: "by" is a list with, for each stage that ran,
 *   its number, plugin, version, id (as above), options and what it wrote
 * @TAMIS_PROVENANCE_NONE: no "by"
 *
 * What records say of the stages that made them (`output: {provenance:}`).
 * A pipeline without stages gives no "by" in any mode.
 */
typedef enum {
  TAMIS_PROVENANCE_SHORT = 0,
  TAMIS_PROVENANCE_FULL,
  TAMIS_PROVENANCE_NONE,
} TamisProvenance;

/**
 * tamis_pipeline_set_provenance:
 * @pipeline: a pipeline
 * @provenance: what records say of the stages that made them
 *
 * Overrides `output: {provenance:}` (the command line's `--provenance`).
 */
void tamis_pipeline_set_provenance (TamisPipeline *pipeline, TamisProvenance provenance);

/** tamis_pipeline_get_provenance: Returns: what records say of the stages that made them. */
TamisProvenance tamis_pipeline_get_provenance (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_stage_id:
 * @pipeline: a pipeline
 * @index: a stage index
 *
 * Returns: the stage's name in provenance: "plugin version #hash", the hash
 *   being of the options in effect (defaults included)
 */
const char *tamis_pipeline_get_stage_id (const TamisPipeline *pipeline, guint index);

/**
 * tamis_pipeline_get_stage_writes:
 * @pipeline: a pipeline
 * @index: a stage index
 *
 * Returns: the names of the layers and document attributes the stage
 *   writes: what its plugin declares, less what create() dropped
 */
const char *const *tamis_pipeline_get_stage_writes (const TamisPipeline *pipeline, guint index);

/**
 * tamis_pipeline_get_stage_option:
 * @pipeline: a pipeline
 * @index: a stage index
 * @key: an option name
 * @is_default: (out) (optional): %TRUE when the pipeline does not set it
 *   and the value shown is the plugin's declared default
 *
 * The value of a stage's option as in effect, on one line: a scalar as
 * written, a list as `[a, b]`.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when the
 *   option is neither set nor has a default
 */
char *tamis_pipeline_get_stage_option (const TamisPipeline *pipeline, guint index, const char *key,
                                       gboolean *is_default);

/**
 * tamis_pipeline_get_stage_langs:
 * @pipeline: a pipeline
 * @index: a stage index
 *
 * Returns: (nullable): the languages of the stage's `when: {lang: […]}`, or
 *   %NULL when it runs on every document
 */
const char *const *tamis_pipeline_get_stage_langs (const TamisPipeline *pipeline, guint index);

/**
 * tamis_pipeline_get_output_format:
 * @pipeline: a pipeline
 *
 * Returns: (nullable): `output: {format:}` or %NULL when not set
 */
const char *tamis_pipeline_get_output_format (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_output_layers:
 * @pipeline: a pipeline
 *
 * Returns: (nullable): `output: {layers: […]}`, or %NULL for all layers
 */
const char *const *tamis_pipeline_get_output_layers (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_output_attributes:
 * @pipeline: a pipeline
 *
 * The document attributes records carry (for tamis_writer_set_attributes()).
 *
 * Returns: (nullable): `output: {attributes: […]}`, or %NULL for all
 */
const char *const *tamis_pipeline_get_output_attributes (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_set_output_layers:
 * @pipeline: a pipeline
 * @layers: (nullable) (array zero-terminated=1): the layers records carry,
 *   %NULL for all, empty for none
 * @error: return location for a #GError
 *
 * Overrides `output: {layers:}` (the command line's `--layers`).
 *
 * Returns: %FALSE, with a %TAMIS_ERROR_CONFIG error and nothing changed,
 *   when a name is not a layer some stage writes
 */
gboolean tamis_pipeline_set_output_layers (TamisPipeline *pipeline, const char *const *layers,
                                           GError **error);

/**
 * tamis_pipeline_set_output_attributes:
 * @pipeline: a pipeline
 * @attributes: (nullable) (array zero-terminated=1): the document attributes
 *   records carry, %NULL for all, empty for none
 * @error: return location for a #GError
 *
 * Overrides `output: {attributes:}` (the command line's `--attributes`).
 *
 * Returns: %FALSE, with a %TAMIS_ERROR_CONFIG error and nothing changed,
 *   when a name is not a document attribute some stage writes (or `by`,
 *   the core's provenance)
 */
gboolean tamis_pipeline_set_output_attributes (TamisPipeline *pipeline, const char *const *attributes,
                                               GError **error);

/**
 * tamis_pipeline_get_output_text:
 * @pipeline: a pipeline
 *
 * Returns: `output: {text:}`: whether records repeat the document text
 */
gboolean tamis_pipeline_get_output_text (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_input_format:
 * @pipeline: a pipeline
 *
 * Returns: `input: {format:}` as a #TamisInputFormat value (auto, text, jsonl)
 */
int tamis_pipeline_get_input_format (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_max_doc_size:
 * @pipeline: a pipeline
 *
 * Returns: `input: {max_size:}` in bytes: larger documents are refused
 */
gsize tamis_pipeline_get_max_doc_size (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_max_depth:
 * @pipeline: a pipeline
 *
 * Returns: `input: {max_depth:}`: the deepest level a value of a JSON Lines
 *   record may be at, the record being level 1 (%TAMIS_DEFAULT_MAX_DEPTH
 *   unless set)
 */
guint tamis_pipeline_get_max_depth (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_isolate:
 * @pipeline: a pipeline
 *
 * Returns: `run: {isolate:}`: whether tamis_run() runs the stages in worker
 *   processes, so that a plugin that crashes, hangs or grows without bound
 *   costs the document it was on, not the run
 */
gboolean tamis_pipeline_get_isolate (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_set_isolate:
 * @pipeline: a pipeline
 * @isolate: whether tamis_run() runs the stages in worker processes
 *
 * Overrides `run: {isolate:}`. tamis_pipeline_run() and
 * tamis_pipeline_run_texts() ignore it: their documents go back to the
 * caller as objects, which do not cross a process boundary.
 */
void tamis_pipeline_set_isolate (TamisPipeline *pipeline, gboolean isolate);

/**
 * tamis_pipeline_get_document_seconds:
 * @pipeline: a pipeline
 *
 * Returns: `limits: {document_seconds:}`, 0 when not set: an isolated
 *   worker that spends longer on one document is killed and the document
 *   gets the error `timeout`; without isolation, such a document is
 *   reported on standard error while it runs, and not stopped
 */
double tamis_pipeline_get_document_seconds (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_set_document_seconds:
 * @pipeline: a pipeline
 * @seconds: the limit, 0 for none
 *
 * Overrides `limits: {document_seconds:}`.
 */
void tamis_pipeline_set_document_seconds (TamisPipeline *pipeline, double seconds);

/**
 * tamis_pipeline_get_worker_memory:
 * @pipeline: a pipeline
 *
 * Returns: `limits: {worker_memory:}` in bytes, 0 when not set: an
 *   isolated worker whose resident memory exceeds it is killed and its
 *   document gets the error `memory`
 */
gsize tamis_pipeline_get_worker_memory (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_set_worker_memory:
 * @pipeline: a pipeline
 * @bytes: the limit, 0 for none
 *
 * Overrides `limits: {worker_memory:}`.
 */
void tamis_pipeline_set_worker_memory (TamisPipeline *pipeline, gsize bytes);

/**
 * tamis_pipeline_get_summary_file:
 * @pipeline: a pipeline
 *
 * Returns: (nullable): `summary: {file:}`, where `tamis run` writes the
 *   corpus summary when the run ends (relative to the working directory,
 *   as `-o`), or %NULL when not set
 */
const char *tamis_pipeline_get_summary_file (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_summary_input:
 * @pipeline: a pipeline
 * @key: a key of the `summary:` section other than `file`:
 *   "entity_layer" (default "entity"), "entity_name" (the span attribute
 *   naming an entity, default "canonical"; the span's text when absent),
 *   "entity_sentiment" (the document attribute of per-entity sentiment,
 *   default "entity_sentiment"), "sentiment" and "sentiment_score" (the
 *   document's sentiment label and score, defaults the same), "lang"
 *   (default "lang"), "money_layer" (default "money"), "relation_layer"
 *   (default "relation") and "relation_entity" (its span attribute naming
 *   the entity an amount is tied to, default "entity")
 *
 * The layers and attributes a corpus summary (#TamisSummary) reads.
 *
 * Returns: (nullable): the name set in the pipeline, else the default;
 *   %NULL for an unknown key
 */
const char *tamis_pipeline_get_summary_input (const TamisPipeline *pipeline, const char *key);

/**
 * tamis_pipeline_get_stage_n_skipped:
 * @pipeline: a pipeline
 * @index: a stage index
 *
 * How many documents the stage did not run on because its `when:` left
 * them out, counted since the pipeline was made, by every thread (and, in
 * a run with tamis_pipeline_get_isolate(), by every worker process, as
 * their replies come in). A document that failed at an earlier stage
 * reaches neither this stage nor this count.
 *
 * Returns: the number of documents
 */
guint64 tamis_pipeline_get_stage_n_skipped (const TamisPipeline *pipeline, guint index);

/**
 * tamis_pipeline_get_output_where_keys:
 * @pipeline: a pipeline
 *
 * The keys of `output: {where:}`, the filter on the documents that
 * tamis_run() writes (see tamis_pipeline_output_wants()). The vector
 * stays valid until tamis_pipeline_set_output_where() is called.
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys with a
 *   condition, in the order they were given; empty when every document
 *   is written
 */
const char *const *tamis_pipeline_get_output_where_keys (const TamisPipeline *pipeline);

/**
 * tamis_pipeline_get_output_where:
 * @pipeline: a pipeline
 * @key: a key
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the values
 *   `output: {where:}` accepts for @key, or %NULL when it sets no condition
 *   on @key
 */
const char *const *tamis_pipeline_get_output_where (const TamisPipeline *pipeline, const char *key);

/**
 * tamis_pipeline_set_output_where:
 * @pipeline: a pipeline
 * @key: a key
 * @values: (nullable) (array zero-terminated=1): the values accepted, or
 *   %NULL to remove the condition on @key
 *
 * Sets the condition of `output: {where:}` on @key, replacing the
 * pipeline's own (the command line's `--where KEY=VALUE,...`); the
 * conditions on other keys stay.
 */
void tamis_pipeline_set_output_where (TamisPipeline *pipeline, const char *key,
                                      const char *const *values);

/**
 * tamis_pipeline_output_wants:
 * @pipeline: a pipeline
 * @doc: a processed document
 *
 * Whether `output: {where:}` lets @doc be written: it must meet the
 * condition of every key. The value a key names is the document attribute
 * of that name — a string as it is, an integer in decimal, a boolean as
 * `true` or `false`; doubles and JSON values match nothing — or, when the
 * document has no such attribute, its metadata field of that name if that
 * is a string; a document without either does not match. A failed
 * document is always wanted, so that no error goes unseen.
 *
 * tamis_run() writes only the documents wanted and counts the others in
 * #TamisRunStats.n_filtered; tamis_pipeline_run() hands every document to
 * its sink, which may call this. Thread-safe.
 *
 * Returns: %TRUE when @doc is to be written
 */
gboolean tamis_pipeline_output_wants (const TamisPipeline *pipeline, const TamisDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisPipeline, tamis_pipeline_free)

G_END_DECLS
