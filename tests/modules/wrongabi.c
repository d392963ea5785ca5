/* A plugin that claims a future ABI major: the core must refuse it. */
#include <tamis/plugin.h>

static gboolean
wrongabi_process (gpointer state, TamisDoc *doc, GError **error)
{
  return TRUE;
}

TAMIS_PLUGIN_EXPORT extern const TamisPlugin wrongabi_LTX_tamis_plugin;
TAMIS_PLUGIN_EXPORT const TamisPlugin wrongabi_LTX_tamis_plugin = {
  .abi_major = TAMIS_ABI_MAJOR + 1,
  .abi_minor = 0,
  .size = sizeof (TamisPlugin),
  .name = "wrongabi",
  .version = "9.9",
  .summary = "built for another ABI",
  .process = wrongabi_process,
};
