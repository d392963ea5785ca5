/* A test plugin that crashes on an empty document: it takes the last
 * character of the text for granted. */
#include <tamis/plugin.h>

static gboolean
crashy_process (gpointer state, TamisDoc *doc, GError **error)
{
  gsize length = tamis_doc_get_length (doc);
  /* volatile: the compiler must not reason the dereference away */
  const char *volatile last = length ? tamis_doc_get_text (doc) + length - 1 : NULL;

  tamis_doc_set_bool (doc, "ends_with_period", *last == '.');
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (crashy, "0.1", "crashes on empty text",
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("ends_with_period", TAMIS_VALUE_BOOL, NULL)),
                     .process = crashy_process)
