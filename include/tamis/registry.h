/* tamis — finding and loading plugin modules. */
#pragma once

#include <glib.h>
#include <tamis/plugin.h>

G_BEGIN_DECLS

/**
 * TamisRegistry:
 *
 * Knows where plugins live and loads them with libltdl. Loaded modules stay
 * resident until the process ends. Thread-safe.
 */
typedef struct _TamisRegistry TamisRegistry;

/**
 * TamisPluginEntry:
 *
 * A plugin the registry loaded; it lives as long as the registry. Opaque.
 */
typedef struct _TamisPluginEntry TamisPluginEntry;

/**
 * tamis_plugin_entry_get_plugin:
 * @entry: a loaded plugin
 *
 * Returns: the plugin's descriptor, checked and of this host's full size:
 *   fields that a plugin built for an older minor ABI lacks read as %NULL
 */
const TamisPlugin *tamis_plugin_entry_get_plugin (const TamisPluginEntry *entry);

/**
 * tamis_plugin_entry_get_path:
 * @entry: a loaded plugin
 *
 * Returns: the module file it was loaded from, or "(built in)"
 */
const char *tamis_plugin_entry_get_path (const TamisPluginEntry *entry);

/**
 * tamis_plugin_entry_is_builtin:
 * @entry: a loaded plugin
 *
 * Returns: %TRUE when the plugin is linked into the program (see
 *   `./configure --enable-builtin-plugins`) rather than loaded from a file
 */
gboolean tamis_plugin_entry_is_builtin (const TamisPluginEntry *entry);

/**
 * tamis_registry_get_default:
 *
 * The process-wide registry. Its search path is: directories given with
 * tamis_registry_prepend_dir() (the CLI's `--plugin-dir`), then those of
 * `$TAMIS_PLUGIN_PATH`, then a pipeline's `plugin_path`, then the plugins
 * linked into the program (see tamis_registry_add_preloaded()), then the
 * plugins that come with tamis (the build tree when the library runs
 * uninstalled, the installed plugin directory otherwise). The current
 * directory is never searched unless named.
 *
 * Returns: (transfer none): the registry
 */
TamisRegistry *tamis_registry_get_default (void);

/**
 * TamisRegistryFlags:
 * @TAMIS_REGISTRY_NONE: search only the directories added with
 *   tamis_registry_prepend_dir() and the plugins registered with
 *   tamis_registry_register()
 * @TAMIS_REGISTRY_DEFAULT_PATH: also search `$TAMIS_PLUGIN_PATH` and the
 *   plugins installed with tamis, as the default registry does
 *
 * What a new registry searches.
 */
typedef enum {
  TAMIS_REGISTRY_NONE = 0,
  TAMIS_REGISTRY_DEFAULT_PATH = 1 << 0,
} TamisRegistryFlags;

/**
 * tamis_registry_new:
 * @flags: what it searches besides its own directories
 *
 * A registry of its own, for a program that wants its own search path or
 * its own plugins (registered with tamis_registry_register()) without
 * touching the process-wide one. Pipelines made with it keep a reference.
 * Modules it loads stay loaded after it is freed.
 *
 * Returns: (transfer full): the registry; free it with tamis_registry_unref()
 */
TamisRegistry *tamis_registry_new (TamisRegistryFlags flags);

/**
 * tamis_registry_ref:
 * @registry: a registry
 *
 * Returns: @registry, with one more reference (the default registry is
 *   never freed, so references to it are not counted)
 */
TamisRegistry *tamis_registry_ref (TamisRegistry *registry);

/**
 * tamis_registry_unref:
 * @registry: (nullable): a registry
 *
 * Drops a reference; the registry is freed with the last one.
 */
void tamis_registry_unref (TamisRegistry *registry);

/**
 * tamis_registry_register:
 * @registry: a registry (the default one, or one from tamis_registry_new())
 * @plugin: a descriptor compiled into the program, such as one defined with
 *   TAMIS_PLUGIN_DEFINE(); it must outlive the registry
 * @error: return location for a #GError
 *
 * Makes a plugin that lives in the program itself available to pipelines
 * under its name, checked as a loaded module would be. It is found where
 * the built-in plugins are: after the directories named explicitly, before
 * the installed plugins; tamis_plugin_entry_is_builtin() is %TRUE for it
 * and its path reads "(registered by the program)".
 *
 * Returns: (transfer none): its entry, or %NULL with a %TAMIS_ERROR_PLUGIN
 *   error (another ABI, a malformed descriptor, a name already taken)
 */
const TamisPluginEntry *tamis_registry_register (TamisRegistry *registry, const TamisPlugin *plugin,
                                                 GError **error);

/**
 * tamis_registry_prepend_dir:
 * @registry: a registry
 * @dir: a directory of plugin modules
 *
 * Adds @dir in front of the search path.
 */
void tamis_registry_prepend_dir (TamisRegistry *registry, const char *dir);

/**
 * tamis_registry_get_dirs:
 * @registry: a registry
 * @extra: (nullable): a pipeline's own plugin directories
 *
 * Returns: (transfer full): the directories of the search path in order,
 *   with @extra at its place; the plugins linked into the program are
 *   searched just before the last one
 */
char **tamis_registry_get_dirs (TamisRegistry *registry, const char *const *extra);

/**
 * tamis_registry_add_preloaded:
 * @registry: a registry
 * @symbols: a program's libltdl `lt_preloaded_symbols`, the list that
 *   libtool builds when the program is linked with `-dlpreopen`
 * @error: return location for a #GError
 *
 * Makes the plugin modules preloaded in @symbols built-in plugins of
 * @registry: each is found by its module name (the file name it was linked
 * from, without extension), after the explicit directories and before the
 * plugins installed with tamis. Their entries have the path "(built in)".
 * The tamis program calls this when built with
 * `./configure --enable-builtin-plugins`. A list given twice counts once.
 *
 * Returns: %FALSE with @error set when libltdl refuses the list
 */
gboolean tamis_registry_add_preloaded (TamisRegistry *registry, gconstpointer symbols,
                                       GError **error);

/**
 * tamis_registry_get_builtin:
 * @registry: a registry
 *
 * Returns: (transfer full): the names of the built-in plugins (see
 *   tamis_registry_add_preloaded()), sorted; empty when there are none
 */
char **tamis_registry_get_builtin (TamisRegistry *registry);

/**
 * tamis_registry_load:
 * @registry: a registry
 * @name: a plugin name such as "segment"
 * @extra: (nullable): a pipeline's own plugin directories
 * @error: return location for a #GError
 *
 * Finds and loads plugin @name (or returns it if already loaded from the same
 * file). A missing plugin, a module without descriptor, and a descriptor of
 * another ABI are %TAMIS_ERROR_PLUGIN errors naming the file and versions.
 *
 * Returns: (transfer none): the entry, or %NULL with @error set
 */
const TamisPluginEntry *tamis_registry_load (TamisRegistry *registry, const char *name,
                                             const char *const *extra, GError **error);

/**
 * tamis_registry_load_file:
 * @registry: a registry
 * @path: a module file (.la or .so)
 * @error: return location for a #GError
 *
 * Loads one module by its file name.
 *
 * Returns: (transfer none): the entry, or %NULL with @error set
 */
const TamisPluginEntry *tamis_registry_load_file (TamisRegistry *registry, const char *path,
                                                  GError **error);

/**
 * tamis_registry_scan:
 * @registry: a registry
 * @extra: (nullable): extra directories, as for tamis_registry_load()
 * @errors: (out) (optional) (transfer full): messages for modules that could
 *   not be loaded
 *
 * Loads every module on the search path; a name found twice is taken from the
 * first directory.
 *
 * Returns: (transfer container) (element-type TamisPluginEntry): the entries,
 *   sorted by name
 */
GPtrArray *tamis_registry_scan (TamisRegistry *registry, const char *const *extra, GPtrArray **errors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisRegistry, tamis_registry_unref)

G_END_DECLS
