/* tamis — typed access to a stage's `with:` options, for plugins. */
#pragma once

#include <glib.h>
#include <tamis/error.h>

G_BEGIN_DECLS

/**
 * TamisConfig:
 *
 * The options of one pipeline stage (its `with:` map, or the keys of the long
 * form), as the plugin's create() sees them. Plugins never see YAML.
 *
 * The options a plugin declares (#TamisPlugin.options) are checked before
 * create() runs: unknown keys, types, ranges and choices. When a key is
 * absent, a getter reads the declared default; with no default either, it
 * leaves its output untouched, so the caller may preset one. A getter
 * returns %FALSE with a %TAMIS_ERROR_CONFIG error starting
 * "file:line:column: " when the value has the wrong type. In nested
 * mappings (tamis_config_get_child()) the core remembers which keys the
 * plugin asked for: a key it never asked for is reported as unknown.
 */
typedef struct _TamisConfig TamisConfig;

/**
 * tamis_config_has:
 * @config: stage options
 * @key: an option name
 *
 * Returns: %TRUE if the pipeline sets @key (a declared default does not
 *   count)
 */
gboolean tamis_config_has (TamisConfig *config, const char *key);

/**
 * tamis_config_get_string:
 * @config: stage options
 * @key: an option name
 * @value: (inout): preset to %NULL or a g_strdup()ed default; when the key
 *   is set, the previous value is freed and a newly allocated string stored
 * @error: return location for a #GError
 *
 * Reads a scalar option as a string.
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_string (TamisConfig *config, const char *key, char **value, GError **error);

/**
 * tamis_config_get_int:
 * @config: stage options
 * @key: an option name
 * @value: (inout): preset to the default
 * @error: return location for a #GError
 *
 * Reads an integer option.
 *
 * Returns: %FALSE on error (not an integer, or out of range)
 */
gboolean tamis_config_get_int (TamisConfig *config, const char *key, gint64 *value, GError **error);

/**
 * tamis_config_get_double:
 * @config: stage options
 * @key: an option name
 * @value: (inout): preset to the default
 * @error: return location for a #GError
 *
 * Reads a number option.
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_double (TamisConfig *config, const char *key, double *value, GError **error);

/**
 * tamis_config_get_bool:
 * @config: stage options
 * @key: an option name
 * @value: (inout): preset to the default
 * @error: return location for a #GError
 *
 * Reads a boolean option (true/false, yes/no, on/off).
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_bool (TamisConfig *config, const char *key, gboolean *value, GError **error);

/**
 * tamis_config_get_strv:
 * @config: stage options
 * @key: an option name
 * @value: (inout): preset to %NULL or a default array; when the key is set,
 *   the previous array is freed with g_strfreev() and a new one stored
 * @error: return location for a #GError
 *
 * Reads a list of scalars (`[fr, en]`); a single scalar reads as a list of one.
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_strv (TamisConfig *config, const char *key, char ***value, GError **error);

/**
 * tamis_config_get_path:
 * @config: stage options
 * @key: an option name
 * @value: (inout): as for tamis_config_get_string()
 * @error: return location for a #GError
 *
 * Reads a file name; a relative one is resolved against the directory of the
 * pipeline file.
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_path (TamisConfig *config, const char *key, char **value, GError **error);

/**
 * tamis_config_get_paths:
 * @config: stage options
 * @key: an option name (declared as a %TAMIS_OPTION_LIST)
 * @value: (inout): as for tamis_config_get_strv()
 * @error: return location for a #GError
 *
 * Reads a list of file names (one name reads as a list of one); relative
 * ones are resolved against the directory of the pipeline file, as
 * tamis_config_get_path() does.
 *
 * Returns: %FALSE on error
 */
gboolean tamis_config_get_paths (TamisConfig *config, const char *key, char ***value, GError **error);

/**
 * tamis_config_get_child:
 * @config: stage options
 * @key: an option name whose value is a mapping
 * @child: (out) (transfer none): the nested options, owned by @config, or
 *   %NULL when the key is absent
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error (the value is not a mapping)
 */
gboolean tamis_config_get_child (TamisConfig *config, const char *key, TamisConfig **child, GError **error);

/**
 * tamis_config_find_data:
 * @config: stage options
 * @relpath: a file name relative to the plugin's data directory
 * @error: return location for a #GError
 *
 * Finds one of the plugin's data files: in the directories of
 * `$TAMIS_DATA_PATH` (each holding one folder per plugin), then beside the
 * module file (`DIR/NAME/data/` for a module `DIR/NAME.so`, the layout of
 * this source tree), then in the build and source trees when running
 * uninstalled, then in the installed data directory (`$(pkgdatadir)/NAME/`).
 *
 * Returns: (transfer full): the path, or %NULL with a %TAMIS_ERROR_DATA error
 *   naming the places searched
 */
char *tamis_config_find_data (TamisConfig *config, const char *relpath, GError **error);

/**
 * tamis_config_get_plugin_name:
 * @config: stage options
 *
 * Returns: the name of the plugin the stage runs
 */
const char *tamis_config_get_plugin_name (TamisConfig *config);

/**
 * tamis_config_set_error:
 * @config: stage options
 * @key: (nullable): the option at fault, or %NULL for the stage itself
 * @error: return location for a #GError
 * @format: printf-style message
 * @...: arguments
 *
 * Sets a %TAMIS_ERROR_CONFIG error located at the option's value (or at the
 * stage) as "file:line:column: message". Plugins use it for values of the
 * right type that they reject, such as an unknown language code.
 */
void tamis_config_set_error (TamisConfig *config, const char *key, GError **error,
                             const char *format, ...) G_GNUC_PRINTF (4, 5);

/**
 * tamis_config_drop_output:
 * @config: stage options
 * @name: a layer or document attribute the plugin declares in
 *   #TamisPlugin.writes
 *
 * Called from create(): this stage will not write @name (say, `segment`
 * with `tokens: false` drops `token`). `tamis check` then refuses a
 * pipeline that relies on it, and the stage may not write it.
 */
void tamis_config_drop_output (TamisConfig *config, const char *name);

G_END_DECLS
