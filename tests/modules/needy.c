/* A test plugin that needs what the probe plugin provides. */
#include <tamis/plugin.h>

static gboolean
needy_process (gpointer state, TamisDoc *doc, GError **error)
{
  tamis_doc_set_bool (doc, "saw_probe", tamis_doc_get_layer (doc, "probe") != NULL);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (needy, "0.1", "requires the probe layer",
                     .reads = TAMIS_NAMES ("probe"),
                     .writes = TAMIS_WRITES (TAMIS_ATTR ("saw_probe", TAMIS_VALUE_BOOL, NULL)),
                     .process = needy_process)
