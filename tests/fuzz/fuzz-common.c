/* tamis — helpers shared by the fuzz targets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz-common.h"

#define FUZZ_RECORD_MAX 512

extern const TamisPlugin segment_LTX_tamis_plugin;
extern const TamisPlugin langid_LTX_tamis_plugin;
extern const TamisPlugin money_LTX_tamis_plugin;
extern const TamisPlugin entities_LTX_tamis_plugin;
extern const TamisPlugin sentiment_LTX_tamis_plugin;
extern const TamisPlugin relations_LTX_tamis_plugin;

void
fuzz_fail (const char *file, int line, const char *what)
{
  fprintf (stderr, "%s:%d: check failed: %s\n", file, line, what);
  abort ();
}

void
fuzz_setup (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

TamisRegistry *
fuzz_registry (void)
{
  static TamisRegistry *registry;

  if (registry == NULL)
    {
      const TamisPlugin *plugins[] = {
        &segment_LTX_tamis_plugin,  &langid_LTX_tamis_plugin,    &money_LTX_tamis_plugin,
        &entities_LTX_tamis_plugin, &sentiment_LTX_tamis_plugin, &relations_LTX_tamis_plugin,
      };
      GError *error = NULL;

      registry = tamis_registry_new (TAMIS_REGISTRY_NONE);
      for (guint i = 0; i < G_N_ELEMENTS (plugins); i++)
        if (tamis_registry_register (registry, plugins[i], &error) == NULL)
          g_error ("%s", error->message);
    }
  return registry;
}

TamisPipeline *
fuzz_pipeline_new (const char *yaml)
{
  GError *error = NULL;
  TamisPipeline *pipeline = tamis_pipeline_new_from_data (yaml, -1, FUZZ_PIPELINE_FILE,
                                                          fuzz_registry (), &error);

  if (pipeline == NULL)
    g_error ("%s", error->message);
  return pipeline;
}

char *
fuzz_utf8 (const uint8_t *data, size_t size, gsize *length)
{
  const char *text = (const char *) data;
  char *valid;

  if (g_utf8_validate_len (text, size, NULL))
    valid = g_strndup (text, size);
  else
    valid = g_utf8_make_valid (text, size);
  /* NUL bytes are invalid to both: the result holds none */
  *length = strlen (valid);
  return valid;
}

void
fuzz_process (TamisPipeline *pipeline, const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisDoc) doc = NULL;
  g_autofree char *record = NULL;
  gsize length;
  g_autofree char *text = fuzz_utf8 (data, size, &length);

  doc = tamis_doc_new_full ("fuzz", text, length, TAMIS_DOC_REPAIR, &error);
  if (doc == NULL)
    return;                     /* UTF-16: refused, as it should be */
  if (!tamis_pipeline_process (pipeline, doc, &error))
    {
      fprintf (stderr, "pipeline failed: %s\n", error->message);
      abort ();
    }
  /* Formatting a span costs more than finding it: records of short texts
   * cover the writer's handling of every plugin's output at a fraction of
   * the time. */
  if (length <= FUZZ_RECORD_MAX)
    {
      record = tamis_doc_to_json (doc, NULL, TRUE, FALSE);
      fuzz_assert (record != NULL);
    }
}

int
fuzz_memfile (const uint8_t *data, size_t size, char **path)
{
  int fd = memfd_create ("tamis-fuzz", MFD_CLOEXEC);
  size_t done = 0;

  if (fd < 0)
    return -1;
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n <= 0)
        {
          close (fd);
          return -1;
        }
      done += n;
    }
  *path = g_strdup_printf ("/proc/self/fd/%d", fd);
  return fd;
}
