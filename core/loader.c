/* tamis — loading plugin modules with libltdl.
 *
 * libltdl keeps global state and is not thread-safe, so every call goes
 * through one lock here. Modules are opened resident: a plugin's code and
 * descriptor stay valid for the life of the process. */
#include "config.h"

#include <ltdl.h>
#include <string.h>

#include "loader.h"

static GMutex ltdl_lock;
static gboolean ltdl_ready;

static gboolean
ensure_ltdl (GError **error)
{
  if (ltdl_ready)
    return TRUE;
  if (lt_dlinit () != 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "cannot initialise libltdl: %s",
                   lt_dlerror ());
      return FALSE;
    }
  ltdl_ready = TRUE;
  return TRUE;
}

gboolean
tamis_loader_is_module_name (const char *filename)
{
  return g_str_has_suffix (filename, ".la") || g_str_has_suffix (filename, "." G_MODULE_SUFFIX);
}

static const TamisPlugin *
check_descriptor (const char *path, const TamisPlugin *plugin, GError **error)
{
  if (plugin->abi_major != TAMIS_ABI_MAJOR || plugin->abi_minor > TAMIS_ABI_MINOR)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: plugin built for tamis plugin ABI %u.%u, but this tamis provides ABI %u.%u; "
                   "rebuild the plugin against this version",
                   path, plugin->abi_major, plugin->abi_minor, TAMIS_ABI_MAJOR, TAMIS_ABI_MINOR);
      return NULL;
    }
  /* The fields of ABI 2.0 are there whatever the minor; the rest of the
   * descriptor is checked by the schema. */
  if (plugin->size < G_STRUCT_OFFSET (TamisPlugin, _tamis_reserved))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor (%u bytes, at least %u expected)", path,
                   plugin->size, (guint) G_STRUCT_OFFSET (TamisPlugin, _tamis_reserved));
      return NULL;
    }
  return plugin;
}

const TamisPlugin *
tamis_loader_open (const char *path, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&ltdl_lock);
  lt_dladvise advise;
  lt_dlhandle handle;
  const TamisPlugin *plugin;

  if (!ensure_ltdl (error))
    return NULL;

  lt_dladvise_init (&advise);
  lt_dladvise_resident (&advise);
  lt_dladvise_local (&advise);
  handle = lt_dlopenadvise (path, advise);
  lt_dladvise_destroy (&advise);
  if (handle == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "%s: cannot load module: %s", path,
                   lt_dlerror ());
      return NULL;
    }

  /* libltdl looks for "<module>_LTX_tamis_plugin" first, then "tamis_plugin". */
  plugin = lt_dlsym (handle, "tamis_plugin");
  if (plugin == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: not a tamis plugin: it exports no symbol '%s_LTX_tamis_plugin'; hint: a "
                   "module file is named after its plugin, so declare it with "
                   "TAMIS_PLUGIN_DEFINE (%s, …), or rename the file after the name given there",
                   path, base, base);
      return NULL;
    }
  return check_descriptor (path, plugin, error);
}
