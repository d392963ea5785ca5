/* tamis — where the library finds its plugins and their data. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when this libtamis is the one in a build tree (not installed): the
 * in-tree plugins and data are then used instead of the installed ones. */
gboolean tamis_paths_uninstalled (void);

/* The directory of the plugins that come with tamis. */
const char *tamis_paths_builtin_plugin_dir (void);

/* Data directories for @plugin, in search order (see tamis_config_find_data);
 * @module_dir: (nullable) the folder of the plugin's module file. */
char **tamis_paths_data_dirs (const char *plugin, const char *module_dir);

G_END_DECLS
