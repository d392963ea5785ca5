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

const TamisPlugin *
tamis_loader_check_descriptor (const char *path, const TamisPlugin *plugin, GError **error)
{
  if (plugin->abi_major != TAMIS_ABI_MAJOR || plugin->abi_minor > TAMIS_ABI_MINOR)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: plugin built for tamis plugin ABI %u.%u, but this tamis provides ABI %u.%u; "
                   "rebuild the plugin against this version",
                   path, (guint) plugin->abi_major, (guint) plugin->abi_minor, (guint) TAMIS_ABI_MAJOR,
                   (guint) TAMIS_ABI_MINOR);
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

/* Opens @file with the lock held; @label names it in errors. */
static const TamisPlugin *
open_locked (const char *file, const char *label, GError **error)
{
  lt_dladvise advise;
  lt_dlhandle handle;
  const TamisPlugin *plugin;

  if (!ensure_ltdl (error))
    return NULL;

  lt_dladvise_init (&advise);
  lt_dladvise_resident (&advise);
  lt_dladvise_local (&advise);
  handle = lt_dlopenadvise (file, advise);
  lt_dladvise_destroy (&advise);
  if (handle == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "%s: cannot load module: %s", label,
                   lt_dlerror ());
      return NULL;
    }

  /* libltdl looks for "<module>_LTX_tamis_plugin" first, then "tamis_plugin". */
  plugin = lt_dlsym (handle, "tamis_plugin");
  if (plugin == NULL)
    {
      g_autofree char *base = g_path_get_basename (label);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: not a tamis plugin: it exports no symbol '%s_LTX_tamis_plugin'; hint: a "
                   "module file is named after its plugin, so declare it with "
                   "TAMIS_PLUGIN_DEFINE (%s, …), or rename the file after the name given there",
                   label, base, base);
      return NULL;
    }
  return tamis_loader_check_descriptor (label, plugin, error);
}

const TamisPlugin *
tamis_loader_open (const char *path, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&ltdl_lock);

  return open_locked (path, path, error);
}

/* The symbol lists handed to tamis_loader_add_preloaded(), walked to name
 * their modules. A list starts with its originator; then each module is an
 * entry without address ("segment.a") followed by the module's symbols. */
static GPtrArray *preloaded_lists;

gboolean
tamis_loader_add_preloaded (gconstpointer symbols, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&ltdl_lock);

  if (!ensure_ltdl (error))
    return FALSE;
  if (preloaded_lists && g_ptr_array_find (preloaded_lists, symbols, NULL))
    return TRUE;
  if (lt_dlpreload (symbols) != 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "cannot register the built-in plugins: %s", lt_dlerror ());
      return FALSE;
    }
  if (preloaded_lists == NULL)
    preloaded_lists = g_ptr_array_new ();
  g_ptr_array_add (preloaded_lists, (gpointer) symbols);
  return TRUE;
}

/* The module name of a list entry: "segment" for "segment.a". */
static char *
module_name (const char *entry)
{
  const char *base = strrchr (entry, '/');

  base = base ? base + 1 : entry;
  return g_strndup (base, strcspn (base, "."));
}

/* Calls @func on each preloaded module entry until it returns TRUE; returns
 * that entry's name. The program's own symbols ("@PROGRAM@", with
 * -dlopen self) and modules without symbols, which libltdl will not open,
 * are left out. */
static const char *
find_module_locked (gboolean (*func) (const char *entry, gpointer data), gpointer data)
{
  for (guint i = 0; preloaded_lists && i < preloaded_lists->len; i++)
    {
      const lt_dlsymlist *list = g_ptr_array_index (preloaded_lists, i);

      for (const lt_dlsymlist *s = list + 1; s->name; s++)
        if (s->address == NULL && strcmp (s->name, "@PROGRAM@") != 0 && s[1].name &&
            s[1].address && func (s->name, data))
          return s->name;
    }
  return NULL;
}

static gboolean
add_name (const char *entry, gpointer data)
{
  g_autofree char *name = module_name (entry);

  g_strv_builder_add (data, name);
  return FALSE;
}

char **
tamis_loader_list_preloaded (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&ltdl_lock);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  find_module_locked (add_name, builder);
  return g_strv_builder_end (builder);
}

static gboolean
has_name (const char *entry, gpointer data)
{
  g_autofree char *name = module_name (entry);

  return strcmp (name, data) == 0;
}

const TamisPlugin *
tamis_loader_open_preloaded (const char *name, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&ltdl_lock);
  g_autofree char *label = g_strdup_printf ("%s (built in)", name);
  const char *entry = find_module_locked (has_name, (gpointer) name);

  if (entry == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "no built-in plugin '%s'", name);
      return NULL;
    }
  /* The entry's own name makes libltdl's preopen loader take it, and gives
   * the handle the module name that lt_dlsym() puts before "_LTX_". */
  return open_locked (entry, label, error);
}
