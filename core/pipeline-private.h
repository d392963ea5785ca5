/* tamis — pipeline internals for the run loop. */
#pragma once

#include <tamis/pipeline.h>

G_BEGIN_DECLS

/* Called with a stage's label before it runs and with NULL after. */
typedef void (*TamisStageHook) (const char *stage);

/* Sets the hook for the whole process: meant for an isolated worker,
 * which runs one thread. NULL (the default) costs one test per stage. */
void tamis_pipeline_set_stage_hook (TamisStageHook hook);

G_END_DECLS
