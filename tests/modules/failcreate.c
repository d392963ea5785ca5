/* A plugin whose create() fails, and whose process() fails on request. */
#include <tamis/plugin.h>

static gpointer
failcreate_create (TamisConfig *config, GError **error)
{
  gboolean fail = TRUE;

  if (!tamis_config_get_bool (config, "fail", &fail, error))
    return NULL;
  if (fail)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "cannot open its model");
      return NULL;
    }
  return GINT_TO_POINTER (1);
}

static gboolean
failcreate_process (gpointer state, TamisDoc *doc, GError **error)
{
  if (g_str_has_prefix (tamis_doc_get_text (doc), "FAIL"))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED, "refused this document");
      return FALSE;
    }
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (failcreate, "0.1", "fails on purpose",
                     .options = TAMIS_OPTIONS (
                       { "fail", TAMIS_OPTION_BOOL, "true", .help = "fail in create()" }),
                     .create = failcreate_create,
                     .process = failcreate_process)
