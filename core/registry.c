/* tamis — the plugin search path and the modules loaded from it. */
#include "config.h"

#include <string.h>

#include <tamis/registry.h>
#include "loader.h"
#include "registry-private.h"
#include "paths.h"
#include "schema.h"

struct _TamisPluginEntry {
  TamisSchema *schema;
  char *path;
  gboolean builtin;
};

struct _TamisRegistry {
  gint ref_count;      /* 0 for the process-wide registry, never freed */
  gboolean default_path; /* $TAMIS_PLUGIN_PATH and the installed plugins */
  GMutex lock;
  GPtrArray *dirs;     /* prepended directories (--plugin-dir), first wins */
  GHashTable *by_file; /* canonical module file -> TamisPluginEntry */
  GPtrArray *builtin;  /* names of the plugins linked into the program, sorted */
  GHashTable *builtin_entries; /* name -> TamisPluginEntry, once loaded */
};

/* The path of a built-in plugin's entry, and of one the program registered. */
#define BUILTIN_PATH "(built in)"
#define REGISTERED_PATH "(registered by the program)"

static void
entry_free (gpointer data)
{
  TamisPluginEntry *entry = data;

  tamis_schema_free (entry->schema);
  g_free (entry->path);
  g_free (entry);
}

const TamisPlugin *
tamis_plugin_entry_get_plugin (const TamisPluginEntry *entry)
{
  return tamis_schema_get_plugin (entry->schema);
}

const char *
tamis_plugin_entry_get_path (const TamisPluginEntry *entry)
{
  return entry->path;
}

gboolean
tamis_plugin_entry_is_builtin (const TamisPluginEntry *entry)
{
  return entry->builtin;
}

const TamisSchema *
tamis_plugin_entry_get_schema (const TamisPluginEntry *entry)
{
  return entry->schema;
}

static TamisRegistry *
registry_new (void)
{
  TamisRegistry *registry = g_new0 (TamisRegistry, 1);

  g_mutex_init (&registry->lock);
  registry->dirs = g_ptr_array_new_with_free_func (g_free);
  registry->by_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  registry->builtin = g_ptr_array_new_with_free_func (g_free);
  registry->builtin_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  return registry;
}

TamisRegistry *
tamis_registry_get_default (void)
{
  static gsize registry;

  if (g_once_init_enter (&registry))
    {
      TamisRegistry *r = registry_new ();
      r->default_path = TRUE;
      g_once_init_leave (&registry, (gsize) r);
    }
  return (TamisRegistry *) registry;
}

TamisRegistry *
tamis_registry_new (TamisRegistryFlags flags)
{
  TamisRegistry *registry = registry_new ();

  registry->ref_count = 1;
  registry->default_path = (flags & TAMIS_REGISTRY_DEFAULT_PATH) != 0;
  return registry;
}

TamisRegistry *
tamis_registry_ref (TamisRegistry *registry)
{
  if (registry->ref_count > 0)
    g_atomic_int_inc (&registry->ref_count);
  return registry;
}

void
tamis_registry_unref (TamisRegistry *registry)
{
  if (registry == NULL || registry->ref_count == 0)
    return;
  if (!g_atomic_int_dec_and_test (&registry->ref_count))
    return;
  /* The modules stay loaded: their code may still be referenced. */
  g_ptr_array_unref (registry->dirs);
  g_hash_table_unref (registry->by_file);
  g_ptr_array_unref (registry->builtin);
  g_hash_table_unref (registry->builtin_entries);
  g_mutex_clear (&registry->lock);
  g_free (registry);
}

static gboolean
valid_name (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (; *name; name++)
    if (!g_ascii_isalnum (*name) && *name != '_')
      return FALSE;
  return TRUE;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
tamis_registry_add_preloaded (TamisRegistry *registry, gconstpointer symbols, GError **error)
{
  g_auto (GStrv) names = NULL;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (symbols != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tamis_loader_add_preloaded (symbols, error))
    return FALSE;
  names = tamis_loader_list_preloaded ();

  g_mutex_lock (&registry->lock);
  for (char **name = names; *name; name++)
    if (valid_name (*name) &&
        !g_ptr_array_find_with_equal_func (registry->builtin, *name, g_str_equal, NULL))
      g_ptr_array_add (registry->builtin, g_strdup (*name));
  g_ptr_array_sort (registry->builtin, compare_strings);
  g_mutex_unlock (&registry->lock);
  return TRUE;
}

const TamisPluginEntry *
tamis_registry_register (TamisRegistry *registry, const TamisPlugin *plugin, GError **error)
{
  g_autofree char *label = NULL;
  TamisPluginEntry *entry;
  TamisSchema *schema;

  g_return_val_if_fail (registry != NULL && plugin != NULL, NULL);

  label = g_strdup_printf ("%s " REGISTERED_PATH, plugin->name ? plugin->name : "(unnamed)");
  if (!tamis_loader_check_descriptor (label, plugin, error))
    return NULL;
  schema = tamis_schema_new (plugin, label, error);
  if (schema == NULL)
    return NULL;
  if (!valid_name (plugin->name))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "'%s' is not a plugin name (letters, digits and '_' only)", plugin->name);
      tamis_schema_free (schema);
      return NULL;
    }

  g_mutex_lock (&registry->lock);
  if (g_hash_table_contains (registry->builtin_entries, plugin->name) ||
      g_ptr_array_find_with_equal_func (registry->builtin, plugin->name, g_str_equal, NULL))
    {
      g_mutex_unlock (&registry->lock);
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "a plugin named '%s' is already registered or built in", plugin->name);
      tamis_schema_free (schema);
      return NULL;
    }
  entry = g_new0 (TamisPluginEntry, 1);
  entry->schema = schema;
  entry->path = g_strdup (REGISTERED_PATH);
  entry->builtin = TRUE;
  g_hash_table_insert (registry->builtin_entries, g_strdup (plugin->name), entry);
  g_ptr_array_add (registry->builtin, g_strdup (plugin->name));
  g_ptr_array_sort (registry->builtin, compare_strings);
  g_mutex_unlock (&registry->lock);
  return entry;
}

char **
tamis_registry_get_builtin (TamisRegistry *registry)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_mutex_lock (&registry->lock);
  for (guint i = 0; i < registry->builtin->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (registry->builtin, i));
  g_mutex_unlock (&registry->lock);
  return g_strv_builder_end (builder);
}

/* Where the built-in and registered plugins come in the search path @dirs:
 * before the installed plugin directory, which ends the default path, or
 * at the end of a registry's own path. */
static char **
builtin_place (TamisRegistry *registry, char **dirs)
{
  guint n = g_strv_length (dirs);

  return dirs + (registry->default_path && n > 0 ? n - 1 : n);
}

static gboolean
is_builtin (TamisRegistry *registry, const char *name)
{
  gboolean found;

  g_mutex_lock (&registry->lock);
  found = g_ptr_array_find_with_equal_func (registry->builtin, name, g_str_equal, NULL);
  g_mutex_unlock (&registry->lock);
  return found;
}

/* Built-in plugin @name, checked like a loaded module; errors name it
 * "NAME (built in)". */
static const TamisPluginEntry *
load_builtin (TamisRegistry *registry, const char *name, GError **error)
{
  g_autofree char *label = g_strdup_printf ("%s " BUILTIN_PATH, name);
  TamisPluginEntry *entry;
  const TamisPlugin *plugin;
  TamisSchema *schema;

  g_mutex_lock (&registry->lock);
  entry = g_hash_table_lookup (registry->builtin_entries, name);
  g_mutex_unlock (&registry->lock);
  if (entry)
    return entry;

  plugin = tamis_loader_open_preloaded (name, error);
  if (plugin == NULL)
    return NULL;
  schema = tamis_schema_new (plugin, label, error);
  if (schema == NULL)
    return NULL;
  if (strcmp (tamis_schema_get_plugin (schema)->name, name) != 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "%s: module declares plugin '%s', not '%s'",
                   label, tamis_schema_get_plugin (schema)->name, name);
      tamis_schema_free (schema);
      return NULL;
    }

  g_mutex_lock (&registry->lock);
  entry = g_hash_table_lookup (registry->builtin_entries, name);
  if (entry == NULL)
    {
      entry = g_new0 (TamisPluginEntry, 1);
      entry->schema = schema;
      entry->path = g_strdup (BUILTIN_PATH);
      entry->builtin = TRUE;
      g_hash_table_insert (registry->builtin_entries, g_strdup (name), entry);
    }
  else
    tamis_schema_free (schema);
  g_mutex_unlock (&registry->lock);
  return entry;
}

void
tamis_registry_prepend_dir (TamisRegistry *registry, const char *dir)
{
  /* "" (an unset variable in a script) names no folder, least of all the
   * current one */
  if (dir == NULL || *dir == '\0')
    return;
  g_mutex_lock (&registry->lock);
  g_ptr_array_insert (registry->dirs, 0, g_strdup (dir));
  g_mutex_unlock (&registry->lock);
}

char **
tamis_registry_get_dirs (TamisRegistry *registry, const char *const *extra)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *env = registry->default_path ? g_getenv ("TAMIS_PLUGIN_PATH") : NULL;

  g_mutex_lock (&registry->lock);
  for (guint i = 0; i < registry->dirs->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (registry->dirs, i));
  g_mutex_unlock (&registry->lock);

  if (env && *env)
    {
      g_auto (GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (char **p = parts; *p; p++)
        if (**p)
          g_strv_builder_add (builder, *p);
    }
  for (; extra && *extra; extra++)
    g_strv_builder_add (builder, *extra);
  if (registry->default_path)
    g_strv_builder_add (builder, tamis_paths_builtin_plugin_dir ());
  return g_strv_builder_end (builder);
}

/* The module file for plugin @name in @dir: libtool's .la first (it knows
 * where the real object is in a build tree), then the bare shared object. */
static char *
find_in_dir (const char *dir, const char *name)
{
  static const char *const suffixes[] = { ".la", "." G_MODULE_SUFFIX, NULL };

  for (guint i = 0; suffixes[i]; i++)
    {
      g_autofree char *base = g_strconcat (name, suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, base, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

const TamisPluginEntry *
tamis_registry_load_file (TamisRegistry *registry, const char *path, GError **error)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  TamisPluginEntry *entry;
  const TamisPlugin *plugin;
  TamisSchema *schema;

  g_mutex_lock (&registry->lock);
  entry = g_hash_table_lookup (registry->by_file, canonical);
  g_mutex_unlock (&registry->lock);
  if (entry)
    return entry;

  plugin = tamis_loader_open (canonical, error);
  if (plugin == NULL)
    return NULL;
  schema = tamis_schema_new (plugin, canonical, error);
  if (schema == NULL)
    return NULL;

  g_mutex_lock (&registry->lock);
  entry = g_hash_table_lookup (registry->by_file, canonical);
  if (entry == NULL)
    {
      entry = g_new0 (TamisPluginEntry, 1);
      entry->schema = schema;
      entry->path = g_strdup (canonical);
      g_hash_table_insert (registry->by_file, g_strdup (canonical), entry);
    }
  else
    tamis_schema_free (schema);
  g_mutex_unlock (&registry->lock);
  return entry;
}

const TamisPluginEntry *
tamis_registry_load (TamisRegistry *registry, const char *name, const char *const *extra,
                     GError **error)
{
  return tamis_registry_load_found (registry, name, extra, NULL, error);
}

const TamisPluginEntry *
tamis_registry_load_found (TamisRegistry *registry, const char *name, const char *const *extra,
                           gboolean *found, GError **error)
{
  g_auto (GStrv) dirs = NULL;
  const TamisPluginEntry *entry;

  if (found)
    *found = FALSE;
  if (!valid_name (name))
    {
      g_autofree char *excerpt = g_utf8_make_valid (name, MIN (strlen (name), 40));
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "'%s%s' is not a plugin name (letters, digits and '_' only)", excerpt,
                   strlen (name) > 40 ? "…" : "");
      return NULL;
    }

  /* The built-in plugins come after the explicit directories, before the
   * last one: the plugins installed with tamis (or its build tree's). */
  dirs = tamis_registry_get_dirs (registry, extra);
  for (char **dir = dirs;; dir++)
    {
      g_autofree char *path = NULL;

      if (dir == builtin_place (registry, dirs) && is_builtin (registry, name))
        {
          if (found)
            *found = TRUE;
          return load_builtin (registry, name, error);
        }
      if (*dir == NULL)
        break;
      path = find_in_dir (*dir, name);
      if (path == NULL)
        continue;
      if (found)
        *found = TRUE;
      entry = tamis_registry_load_file (registry, path, error);
      if (entry == NULL)
        return NULL;
      if (strcmp (tamis_plugin_entry_get_plugin (entry)->name, name) != 0)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                       "%s: module declares plugin '%s', not '%s'", entry->path,
                       tamis_plugin_entry_get_plugin (entry)->name, name);
          return NULL;
        }
      return entry;
    }

  {
    g_autoptr (GString) searched = g_string_new (NULL);
    g_auto (GStrv) builtin = tamis_registry_get_builtin (registry);

    for (char **dir = dirs;; dir++)
      {
        if (dir == builtin_place (registry, dirs) && builtin[0] != NULL)
          g_string_append_printf (searched, "%s" BUILTIN_PATH, searched->len ? ", " : "");
        if (*dir == NULL)
          break;
        g_string_append_printf (searched, "%s%s", searched->len ? ", " : "", *dir);
      }
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                 "plugin '%s' not found (searched: %s)", name, searched->str);
  }
  return NULL;
}

static gint
compare_entries (gconstpointer a, gconstpointer b)
{
  const TamisPluginEntry *x = *(TamisPluginEntry *const *) a;
  const TamisPluginEntry *y = *(TamisPluginEntry *const *) b;

  return strcmp (tamis_plugin_entry_get_plugin (x)->name, tamis_plugin_entry_get_plugin (y)->name);
}

GPtrArray *
tamis_registry_scan (TamisRegistry *registry, const char *const *extra, GPtrArray **errors)
{
  g_auto (GStrv) dirs = tamis_registry_get_dirs (registry, extra);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *entries = g_ptr_array_new ();

  if (errors)
    *errors = g_ptr_array_new_with_free_func (g_free);

  for (char **dir = dirs;; dir++)
    {
      g_autoptr (GDir) handle = NULL;
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *file;

      /* The built-in plugins, between the explicit directories and the last. */
      if (dir == builtin_place (registry, dirs))
        {
          g_auto (GStrv) builtin = tamis_registry_get_builtin (registry);

          for (char **name = builtin; *name; name++)
            {
              g_autoptr (GError) error = NULL;
              const TamisPluginEntry *entry;

              if (g_hash_table_contains (seen, *name))
                continue;
              entry = load_builtin (registry, *name, &error);
              if (entry == NULL)
                {
                  if (errors)
                    g_ptr_array_add (*errors, g_strdup (error->message));
                  continue;
                }
              g_hash_table_add (seen, (gpointer) tamis_plugin_entry_get_plugin (entry)->name);
              g_ptr_array_add (entries, (gpointer) entry);
            }
        }

      if (*dir == NULL)
        break;
      handle = g_dir_open (*dir, 0, NULL);
      if (handle == NULL)
        continue;
      while ((file = g_dir_read_name (handle)))
        if (tamis_loader_is_module_name (file))
          g_ptr_array_add (names, g_strndup (file, strrchr (file, '.') - file));
      g_ptr_array_sort (names, compare_strings);

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *path = NULL;
          g_autoptr (GError) error = NULL;
          const TamisPluginEntry *entry;

          /* foo.la and foo.so are one module; a name found earlier wins */
          if (g_hash_table_contains (seen, name) || !valid_name (name))
            continue;
          path = find_in_dir (*dir, name);
          entry = path ? tamis_registry_load_file (registry, path, &error) : NULL;
          if (entry == NULL)
            {
              if (errors && error)
                g_ptr_array_add (*errors, g_strdup (error->message));
              continue;
            }
          g_hash_table_add (seen, (gpointer) tamis_plugin_entry_get_plugin (entry)->name);
          g_hash_table_add (seen, (gpointer) g_intern_string (name));
          g_ptr_array_add (entries, (gpointer) entry);
        }
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}
