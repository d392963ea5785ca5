/* tamis — helpers shared by the fuzz targets (tests/fuzz/README.md). */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <tamis/tamis.h>

G_BEGIN_DECLS

/* The entry points of libFuzzer, defined by each target; replay.c calls
 * them too. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes GLib criticals fatal, as G_DEBUG=fatal-criticals does in make check. */
void fuzz_setup (void);

/* A registry holding only the plugins of this tree compiled into the
 * program: nothing is loaded from disk, so there is one copy of the core. */
TamisRegistry *fuzz_registry (void);

/* A pipeline from @yaml that must load (aborts otherwise). */
TamisPipeline *fuzz_pipeline_new (const char *yaml);

/* The pipeline file name given to the loader: a folder that does not exist,
 * so that relative paths in a pipeline (plugin_path, a model) find nothing. */
#define FUZZ_PIPELINE_FILE "/nonexistent-tamis-fuzz/pipeline.yaml"

/* @data as valid UTF-8 (invalid sequences replaced), nul-terminated. */
char *fuzz_utf8 (const uint8_t *data, size_t size, gsize *length);

/* Runs @pipeline on @data made a document (repaired as the file reader
 * does) and, for a short text, formats its record; aborts when the pipeline itself fails,
 * since a stage error or a broken plugin contract is a bug here. */
void fuzz_process (TamisPipeline *pipeline, const uint8_t *data, size_t size);

/* An open memory file holding @data, seekable and named
 * /proc/self/fd/N, for the readers that only take file names; -1 on
 * failure. */
int fuzz_memfile (const uint8_t *data, size_t size, char **path);

/* Aborts with a message: a property the target checks does not hold. */
#define fuzz_assert(cond) \
  G_STMT_START { if (G_UNLIKELY (!(cond))) fuzz_fail (__FILE__, __LINE__, #cond); } G_STMT_END
G_NORETURN void fuzz_fail (const char *file, int line, const char *what);

G_END_DECLS
