/* tamis command-line tool — runs split into shards (`tamis run --shard`)
 * and the manifests `tamis merge` checks them by. */
#pragma once

#include <tamis/tamis.h>

G_BEGIN_DECLS

/* Reads "I/N" (0 <= I < N) or "slurm": the task of a Slurm job array
 * (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN, of
 * SLURM_ARRAY_TASK_COUNT). */
gboolean cli_shard_parse (const char *text, guint *index, guint *count, GError **error);

/* What a shard's manifest says of it. */
typedef struct {
  guint index, count;
  char *pipeline;       /* "sha256:…" of the pipeline file */
  char **stages;        /* the stage ids, as records' provenance names them */
  char *format;         /* "jsonl", "tsv" or "csv" */
  guint64 input_bytes;  /* of the whole input, before the split */
  guint64 documents, failed;
  char *output;         /* the part's file name, beside the manifest */
  guint64 output_bytes;
  char *output_sha256;
  char *summary;        /* NULL, or the part's summary file, beside it */
  char *summary_sha256;
} CliManifest;

void cli_manifest_clear (CliManifest *m);

/* The manifest of the part written to @output: "@output.manifest.json". */
char *cli_manifest_path (const char *output);

/* Fills @m's pipeline, stages and format from the run's settings. */
gboolean cli_manifest_describe (CliManifest *m, const char *pipeline_file,
                                TamisPipeline *pipeline, const char *format, GError **error);

/* Writes @m beside @m->output (given as a path), replaced atomically,
 * after computing the output's (and summary's) size and checksum. */
gboolean cli_manifest_write (CliManifest *m, const char *output_path, const char *summary_path,
                             GError **error);

/* Reads a manifest file. */
gboolean cli_manifest_read (CliManifest *m, const char *path, GError **error);

/* Whether the file at @path has @bytes and the SHA-256 @sha256. */
gboolean cli_file_matches (const char *path, guint64 bytes, const char *sha256);

G_END_DECLS
