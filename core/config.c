/* tamis — typed getters over a stage's options, with positions in errors. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config-private.h"
#include "paths.h"

struct _TamisConfig {
  const TamisYNode *map;   /* NULL when the stage has no options */
  const TamisYNode *where;
  const TamisSchema *schema; /* the plugin's declarations; NULL for nested options */
  char *filename;
  char *plugin_name;
  char *module_dir;        /* where the module file is, for its data files */
  GHashTable *asked;       /* nested options: keys the plugin asked for */
  GPtrArray *children;     /* TamisConfig of nested mappings */
  GPtrArray *dropped;      /* outputs create() said this stage will not write */
};

static TamisConfig *
config_new (const TamisYNode *map, const TamisYNode *where, const char *filename,
            const char *plugin_name)
{
  TamisConfig *config = g_new0 (TamisConfig, 1);

  config->map = map;
  config->where = where;
  config->filename = g_strdup (filename);
  config->plugin_name = g_strdup (plugin_name);
  config->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  config->children = g_ptr_array_new_with_free_func ((GDestroyNotify) tamis_config_free);
  config->dropped = g_ptr_array_new_with_free_func (g_free);
  return config;
}

TamisConfig *
tamis_config_new (const TamisYNode *map, const TamisYNode *where, const char *filename,
                  const TamisSchema *schema, const char *module_path)
{
  TamisConfig *config = config_new (map, where, filename, tamis_schema_get_plugin (schema)->name);

  config->schema = schema;
  if (module_path && g_path_is_absolute (module_path))
    config->module_dir = g_path_get_dirname (module_path);
  return config;
}

void
tamis_config_drop_output (TamisConfig *config, const char *name)
{
  g_ptr_array_add (config->dropped, g_strdup (name));
}

gboolean
tamis_config_is_dropped (const TamisConfig *config, const char *name)
{
  for (guint i = 0; i < config->dropped->len; i++)
    if (strcmp (g_ptr_array_index (config->dropped, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* The option's value as the pipeline wrote it (or its default), on one
 * line: scalars as they are, lists as [a, b], mappings as {…}. */
char *
tamis_config_describe (const TamisConfig *config, const char *key, gboolean *is_default)
{
  const TamisYNode *node = config->map ? tamis_ynode_lookup (config->map, key) : NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  *is_default = node == NULL || tamis_ynode_is_null (node);
  if (*is_default)
    node = config->schema ? tamis_schema_get_default (config->schema, key) : NULL;
  if (node == NULL)
    return NULL;
  if (node->type == TAMIS_YNODE_SCALAR)
    g_string_append (text, node->scalar);
  else if (node->type == TAMIS_YNODE_SEQUENCE)
    {
      g_string_append_c (text, '[');
      for (guint i = 0; i < node->items->len; i++)
        {
          const TamisYNode *item = g_ptr_array_index (node->items, i);
          g_string_append_printf (text, "%s%s", i ? ", " : "",
                                  item->type == TAMIS_YNODE_SCALAR ? item->scalar : "…");
        }
      g_string_append_c (text, ']');
    }
  else
    g_string_append (text, "{…}");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
tamis_config_free (TamisConfig *config)
{
  if (config == NULL)
    return;
  g_ptr_array_unref (config->children);
  g_ptr_array_unref (config->dropped);
  g_hash_table_unref (config->asked);
  g_free (config->module_dir);
  g_free (config->plugin_name);
  g_free (config->filename);
  g_free (config);
}

void
tamis_config_reserve (TamisConfig *config, const char *key)
{
  g_hash_table_add (config->asked, g_strdup (key));
}

const char *
tamis_config_get_plugin_name (TamisConfig *config)
{
  return config->plugin_name;
}

/* The value node the pipeline gives @key, NULL when absent or null. */
static const TamisYNode *
lookup_set (TamisConfig *config, const char *key)
{
  const TamisYNode *value;

  if (config->schema == NULL)
    g_hash_table_add (config->asked, g_strdup (key));
  if (config->map == NULL)
    return NULL;
  value = tamis_ynode_lookup (config->map, key);
  if (value == NULL || tamis_ynode_is_null (value))
    return NULL;
  return value;
}

/* The value node for @key: the pipeline's, else the declared default. */
static const TamisYNode *
lookup (TamisConfig *config, const char *key)
{
  const TamisYNode *value = lookup_set (config, key);

  if (value == NULL && config->schema)
    value = tamis_schema_get_default (config->schema, key);
  return value;
}

void
tamis_config_set_error (TamisConfig *config, const char *key, GError **error,
                        const char *format, ...)
{
  const TamisYNode *node = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (key && config->map)
    node = tamis_ynode_lookup (config->map, key);
  tamis_ynode_error (node ? node : config->where, config->filename, error, "%s", message);
}

static gboolean
want_scalar (TamisConfig *config, const char *key, const TamisYNode *value, const char *what,
             GError **error)
{
  if (value->type == TAMIS_YNODE_SCALAR)
    return TRUE;
  tamis_ynode_error (value, config->filename, error, "option '%s' of %s must be %s, not %s", key,
                     config->plugin_name, what, tamis_ynode_type_name (value));
  return FALSE;
}

gboolean
tamis_config_has (TamisConfig *config, const char *key)
{
  return lookup_set (config, key) != NULL;
}

gboolean
tamis_config_get_string (TamisConfig *config, const char *key, char **value, GError **error)
{
  const TamisYNode *node = lookup (config, key);

  if (node == NULL)
    return TRUE;
  if (!want_scalar (config, key, node, "a string", error))
    return FALSE;
  g_free (*value);
  *value = g_strdup (node->scalar);
  return TRUE;
}

gboolean
tamis_config_get_int (TamisConfig *config, const char *key, gint64 *value, GError **error)
{
  const TamisYNode *node = lookup (config, key);
  gint64 parsed;

  if (node == NULL)
    return TRUE;
  if (!want_scalar (config, key, node, "an integer", error))
    return FALSE;
  if (!g_ascii_string_to_signed (node->scalar, 10, G_MININT64, G_MAXINT64, &parsed, NULL))
    {
      tamis_ynode_error (node, config->filename, error,
                         "option '%s' of %s must be an integer, not '%s'", key,
                         config->plugin_name, node->scalar);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

gboolean
tamis_config_get_double (TamisConfig *config, const char *key, double *value, GError **error)
{
  const TamisYNode *node = lookup (config, key);
  char *end = NULL;
  double parsed;

  if (node == NULL)
    return TRUE;
  if (!want_scalar (config, key, node, "a number", error))
    return FALSE;
  errno = 0;
  parsed = g_ascii_strtod (node->scalar, &end);
  if (end == node->scalar || *end != '\0' || errno == ERANGE)
    {
      tamis_ynode_error (node, config->filename, error,
                         "option '%s' of %s must be a number, not '%s'", key,
                         config->plugin_name, node->scalar);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

gboolean
tamis_config_get_bool (TamisConfig *config, const char *key, gboolean *value, GError **error)
{
  const TamisYNode *node = lookup (config, key);

  if (node == NULL)
    return TRUE;
  if (!want_scalar (config, key, node, "true or false", error))
    return FALSE;
  if (tamis_ynode_bool (node, value))
    return TRUE;
  tamis_ynode_error (node, config->filename, error,
                     "option '%s' of %s must be true or false, not '%s'", key,
                     config->plugin_name, node->scalar);
  return FALSE;
}

gboolean
tamis_config_get_strv (TamisConfig *config, const char *key, char ***value, GError **error)
{
  const TamisYNode *node = lookup (config, key);
  g_autofree char *what = NULL;

  if (node == NULL)
    return TRUE;
  what = g_strdup_printf ("option '%s' of %s", key, config->plugin_name);
  return tamis_ynode_strv (node, config->filename, what, value, error);
}

gboolean
tamis_config_get_path (TamisConfig *config, const char *key, char **value, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (!tamis_config_get_string (config, key, &path, error))
    return FALSE;
  if (path == NULL)
    return TRUE;
  g_free (*value);
  if (g_path_is_absolute (path))
    {
      *value = g_steal_pointer (&path);
      return TRUE;
    }
  dir = g_path_get_dirname (config->filename);
  *value = g_build_filename (dir, path, NULL);
  return TRUE;
}

gboolean
tamis_config_get_paths (TamisConfig *config, const char *key, char ***value, GError **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *dir = NULL;

  if (!tamis_config_get_strv (config, key, &names, error))
    return FALSE;
  if (names == NULL)
    return TRUE;
  dir = g_path_get_dirname (config->filename);
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_path_is_absolute (names[i]))
      {
        char *full = g_build_filename (dir, names[i], NULL);
        g_free (names[i]);
        names[i] = full;
      }
  g_strfreev (*value);
  *value = g_steal_pointer (&names);
  return TRUE;
}

gboolean
tamis_config_get_child (TamisConfig *config, const char *key, TamisConfig **child,
                        GError **error)
{
  const TamisYNode *node = lookup (config, key);
  TamisConfig *nested;
  g_autofree char *name = NULL;

  *child = NULL;
  if (node == NULL)
    return TRUE;
  if (node->type != TAMIS_YNODE_MAPPING)
    {
      tamis_ynode_error (node, config->filename, error,
                         "option '%s' of %s must be a mapping, not %s", key,
                         config->plugin_name, tamis_ynode_type_name (node));
      return FALSE;
    }
  name = g_strdup_printf ("%s.%s", config->plugin_name, key);
  nested = config_new (node, node, config->filename, name);
  nested->module_dir = g_strdup (config->module_dir);
  g_ptr_array_add (config->children, nested);
  *child = nested;
  return TRUE;
}

char *
tamis_config_find_data (TamisConfig *config, const char *relpath, GError **error)
{
  /* The plugin's own name, without the ".key" suffix of nested options. */
  g_autofree char *plugin = g_strndup (config->plugin_name, strcspn (config->plugin_name, "."));
  g_auto (GStrv) dirs = tamis_paths_data_dirs (plugin, config->module_dir);
  g_autofree char *searched = NULL;

  for (char **dir = dirs; *dir; dir++)
    {
      g_autofree char *path = g_build_filename (*dir, relpath, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  searched = g_strjoinv (", ", dirs);
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
               "data file '%s' of plugin %s not found (searched: %s; set TAMIS_DATA_PATH to add a place)",
               relpath, plugin, searched);
  return NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
tamis_config_check_unknown (TamisConfig *config, GError **error)
{
  /* Declared options were checked before create(); nested ones are
   * known by what the plugin asked for. */
  if (config->map && config->schema == NULL)
    {
      for (guint i = 0; i < tamis_ynode_n_pairs (config->map); i++)
        {
          const TamisYNode *key = tamis_ynode_key (config->map, i);
          if (!g_hash_table_contains (config->asked, key->scalar))
            {
              g_autofree const char **known =
                  (const char **) g_hash_table_get_keys_as_array (config->asked, NULL);
              g_autofree char *list = NULL;
              const char *near;

              g_qsort_with_data (known, g_hash_table_size (config->asked), sizeof (char *),
                                 compare_names, NULL);
              near = tamis_nearest_name (key->scalar, known);
              list = g_strjoinv (", ", (char **) known);
              if (near)
                tamis_ynode_error (key, config->filename, error,
                                   "unknown option '%s' for %s; hint: did you mean '%s'?",
                                   key->scalar, config->plugin_name, near);
              else
                tamis_ynode_error (key, config->filename, error,
                                   "unknown option '%s' for %s; hint: known options are: %s",
                                   key->scalar, config->plugin_name,
                                   *list ? list : "(none)");
              return FALSE;
            }
        }
    }
  for (guint i = 0; i < config->children->len; i++)
    if (!tamis_config_check_unknown (g_ptr_array_index (config->children, i), error))
      return FALSE;
  return TRUE;
}
