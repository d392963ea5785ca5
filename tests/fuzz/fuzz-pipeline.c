/* tamis — fuzz target: the YAML tree parser and the pipeline loader. */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "yaml-tree.h"

#define SAMPLE "Nvidia a perdu 17 % ce lundi, soit 5,6 millions d'euros.\n" \
  "Meta will spend between $60bn and $65bn on AI in 2025, Mr. Zuckerberg said."

/* Walks the tree as the loader does, through the accessors. */
static void
walk (const TamisYNode *node, guint depth)
{
  fuzz_assert (depth <= 65);
  fuzz_assert (node->line >= 1 && node->column >= 1);
  switch (node->type)
    {
    case TAMIS_YNODE_SCALAR:
      {
        gboolean b;
        g_autofree char *excerpt = tamis_ynode_excerpt (node->scalar);

        fuzz_assert (node->scalar != NULL && excerpt != NULL);
        (void) tamis_ynode_bool (node, &b);
        (void) tamis_ynode_is_null (node);
      }
      break;
    case TAMIS_YNODE_SEQUENCE:
      for (guint i = 0; i < node->items->len; i++)
        walk (node->items->pdata[i], depth + 1);
      break;
    case TAMIS_YNODE_MAPPING:
      for (guint i = 0; i < tamis_ynode_n_pairs (node); i++)
        {
          TamisYNode *key = tamis_ynode_key (node, i);

          walk (key, depth + 1);
          walk (tamis_ynode_value (node, i), depth + 1);
          if (key->type == TAMIS_YNODE_SCALAR)
            fuzz_assert (tamis_ynode_lookup (node, key->scalar) != NULL);
        }
      break;
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  fuzz_registry ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *yaml = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisYNode) root = NULL;
  TamisPipeline *pipeline;

  /* A pipeline may name files (a langid model); keep special files, which
   * could block or never end, out of reach. */
  if (memmem (data, size, "dev", 3) || memmem (data, size, "proc", 4) || memmem (data, size, "sys", 3))
    return -1;

  root = tamis_ynode_parse (yaml, size, "fuzz.yaml", &error);
  if (root != NULL)
    {
      g_auto(GStrv) strv = NULL;

      walk (root, 0);
      if (tamis_ynode_strv (root, "fuzz.yaml", "the root", &strv, NULL))
        fuzz_assert (strv != NULL);
    }
  else
    fuzz_assert (error != NULL && error->message != NULL);
  g_clear_error (&error);

  pipeline = tamis_pipeline_new_from_data (yaml, size, FUZZ_PIPELINE_FILE, fuzz_registry (), &error);
  if (pipeline != NULL)
    {
      guint n = tamis_pipeline_get_n_stages (pipeline);

      for (guint i = 0; i < n; i++)
        {
          guint line;

          fuzz_assert (tamis_pipeline_get_stage (pipeline, i, &line) != NULL);
          (void) tamis_pipeline_get_stage_writes (pipeline, i);
          (void) tamis_pipeline_get_stage_langs (pipeline, i);
        }
      (void) tamis_pipeline_get_output_layers (pipeline);
      /* the options as loaded must also work on a document */
      fuzz_process (pipeline, (const uint8_t *) SAMPLE, strlen (SAMPLE));
      tamis_pipeline_free (pipeline);
    }
  else
    fuzz_assert (error != NULL && error->message != NULL);
  return 0;
}
