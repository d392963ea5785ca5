/* A test plugin whose create() returns NULL without an error when its
 * 'prefix' option is empty. */
#include <tamis/plugin.h>

static gpointer
mute_create (TamisConfig *config, GError **error)
{
  char *prefix = NULL;

  if (!tamis_config_get_string (config, "prefix", &prefix, error))
    return NULL;
  if (prefix[0] == '\0')
    {
      g_free (prefix);
      return NULL;  /* the mistake: no error set */
    }
  return prefix;
}

static gboolean
mute_process (gpointer state, TamisDoc *doc, GError **error)
{
  const char *prefix = state;

  tamis_doc_set_bool (doc, "has_prefix", g_str_has_prefix (tamis_doc_get_text (doc), prefix));
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (mute, "0.1", "fails without saying why",
                     .options = TAMIS_OPTIONS (
                       { "prefix", TAMIS_OPTION_STRING, "Nvidia", .help = "the text it looks for" }),
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("has_prefix", TAMIS_VALUE_BOOL, NULL)),
                     .create = mute_create,
                     .process = mute_process,
                     .destroy = g_free)
