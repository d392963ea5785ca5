/* A test plugin that leaks a buffer on every document, of a size a
 * resident-memory check sees after a few rounds. */
#include <tamis/plugin.h>

static gboolean
leaky_process (gpointer state, TamisDoc *doc, GError **error)
{
  /* Filled, so that its pages become resident. */
  char *scratch = g_strnfill (100 * 1024, 'x');

  tamis_doc_set_int (doc, "bytes", tamis_doc_get_length (doc) + (scratch[0] == 'y'));
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (leaky, "0.1", "leaks memory on every document",
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("bytes", TAMIS_VALUE_INT, NULL)),
                     .process = leaky_process)
