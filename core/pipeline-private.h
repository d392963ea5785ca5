/* tamis — pipeline internals for the run loop. */
#pragma once

#include <tamis/pipeline.h>

G_BEGIN_DECLS

/* Called with a stage's label before it runs and with NULL after, and the
 * data given with the hook. */
typedef void (*TamisStageHook) (const char *stage, gpointer data);

/* Sets the hook of the calling thread, for the documents it processes
 * from then on. NULL (the default) costs one test per stage. */
void tamis_pipeline_set_stage_hook (TamisStageHook hook, gpointer data);

/* Adds @n to the documents stage @index skipped by its when: what an
 * isolated worker process counted in its own copy of the pipeline. */
void tamis_pipeline_add_stage_skipped (TamisPipeline *pipeline, guint index, guint64 n);

G_END_DECLS
