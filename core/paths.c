/* tamis — running from the build tree or installed.
 *
 * The library asks the dynamic linker where it was loaded from: a libtamis
 * inside the build tree it was compiled in serves `make check`, the README's
 * `./tamis` and the embedding example without `make install`. */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

static gboolean
detect_uninstalled (void)
{
  Dl_info info;
  g_autofree char *lib = NULL;
  g_autofree char *top = NULL;
  gsize n;

  if (!dladdr ((void *) detect_uninstalled, &info) || info.dli_fname == NULL)
    return FALSE;
  lib = realpath (info.dli_fname, NULL);
  top = realpath (TAMIS_BUILDDIR, NULL);
  if (lib == NULL || top == NULL)
    return FALSE;
  n = strlen (top);
  return strncmp (lib, top, n) == 0 && lib[n] == G_DIR_SEPARATOR;
}

gboolean
tamis_paths_uninstalled (void)
{
  static gsize once = 0;
  static gboolean uninstalled;

  if (g_once_init_enter (&once))
    {
      uninstalled = detect_uninstalled ();
      g_once_init_leave (&once, 1);
    }
  return uninstalled;
}

const char *
tamis_paths_builtin_plugin_dir (void)
{
  return tamis_paths_uninstalled () ? TAMIS_BUILDDIR G_DIR_SEPARATOR_S "plugins" : TAMIS_PLUGINDIR;
}

/* g_strv_builder_take() is newer than the GLib of Debian 12. */
static void
add_dir (GStrvBuilder *builder, char *dir)
{
  g_strv_builder_add (builder, dir);
  g_free (dir);
}

char **
tamis_paths_data_dirs (const char *plugin, const char *module_dir)
{
  g_autoptr (GStrvBuilder) dirs = g_strv_builder_new ();
  const char *env = g_getenv ("TAMIS_DATA_PATH");

  if (env && *env)
    {
      g_auto (GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (char **p = parts; *p; p++)
        if (**p)
          add_dir (dirs, g_build_filename (*p, plugin, NULL));
    }
  if (module_dir)
    add_dir (dirs, g_build_filename (module_dir, plugin, "data", NULL));
  if (tamis_paths_uninstalled ())
    {
      add_dir (dirs, g_build_filename (TAMIS_BUILDDIR, "plugins", plugin, "data", NULL));
      add_dir (dirs, g_build_filename (TAMIS_SRCDIR, "plugins", plugin, "data", NULL));
    }
  add_dir (dirs, g_build_filename (TAMIS_PKGDATADIR, plugin, NULL));
  return g_strv_builder_end (dirs);
}
