/* tamis — pipeline internals for the run loop. */
#pragma once

#include <tamis/pipeline.h>

G_BEGIN_DECLS

/* Called with a stage's label before it runs and with NULL after. */
typedef void (*TamisStageHook) (const char *stage);

/* Sets the hook for the whole process: meant for an isolated worker,
 * which runs one thread. NULL (the default) costs one test per stage. */
void tamis_pipeline_set_stage_hook (TamisStageHook hook);

/* Adds @n to the documents stage @index skipped by its when: what an
 * isolated worker process counted in its own copy of the pipeline. */
void tamis_pipeline_add_stage_skipped (TamisPipeline *pipeline, guint index, guint64 n);

G_END_DECLS
