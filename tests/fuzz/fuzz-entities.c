/* tamis — fuzz target: the entities plugin (names of people, organisations, places;
 * after segment and langid, which picks the French or the English model).
 * Input that is not UTF-8 is repaired (invalid bytes become U+FFFD) rather
 * than skipped, so that every mutation reaches the plugin. */
#include "config.h"

#include "fuzz-common.h"

static TamisPipeline *pipeline;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  pipeline = fuzz_pipeline_new ("tamis: 1\nstages: [segment, {langid: {languages: [fr, en]}}, entities]\n");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_process (pipeline, data, size);
  return 0;
}
