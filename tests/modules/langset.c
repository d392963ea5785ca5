/* A test plugin that writes 'lang' as an earlier stage would: it keeps a
 * language set by the caller and marks the others "und". */
#include <tamis/plugin.h>

static gboolean
langset_process (gpointer state, TamisDoc *doc, GError **error)
{
  if (tamis_doc_get_string (doc, "lang") == NULL)
    tamis_doc_set_string (doc, "lang", "und");
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (langset, "0.1", "keeps or sets the lang attribute",
                     .writes = TAMIS_WRITES (TAMIS_ATTR ("lang", TAMIS_VALUE_STRING, "a language code")),
                     .process = langset_process)
