/* tamis plugins — what the search path holds. */
#include "cli.h"

#include <string.h>

int
cli_cmd_plugins (int argc, char **argv)
{
  g_auto(GStrv) plugin_dirs = NULL;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Also show the search path and each plugin's provides, requires and file", NULL },
    { "plugin-dir", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  TamisRegistry *registry;
  int name_width = 0;
  int version_width = 0;

  context = cli_option_context_new ("plugins", NULL,
                                    "Lists the plugins found on the search path: name, version, summary.\n"
                                    "Modules that cannot be loaded are reported as warnings.",
                                    entries);
  args = cli_parse (context, "plugins", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc > 1)
    {
      cli_error ("plugins: unexpected argument '%s'", args[1]);
      return CLI_EXIT_USAGE;
    }

  registry = cli_registry (plugin_dirs);
  entries_found = tamis_registry_scan (registry, NULL, &errors);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    g_printerr ("tamis: warning: %s\n", (const char *) g_ptr_array_index (errors, i));

  if (verbose)
    {
      g_auto(GStrv) dirs = tamis_registry_get_dirs (registry, NULL);

      g_print ("Search path:\n");
      for (guint i = 0; dirs[i] != NULL; i++)
        g_print ("  %s\n", dirs[i]);
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      const TamisPluginEntry *entry = g_ptr_array_index (entries_found, i);
      name_width = MAX (name_width, (int) strlen (entry->plugin->name));
      version_width = MAX (version_width, (int) strlen (entry->plugin->version));
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      const TamisPluginEntry *entry = g_ptr_array_index (entries_found, i);
      const TamisPlugin *plugin = entry->plugin;

      if (!verbose)
        {
          g_print ("%-*s  %-*s  %s\n", name_width, plugin->name, version_width, plugin->version,
                   plugin->summary ? plugin->summary : "");
          continue;
        }
      {
        g_autofree char *provides = cli_join (plugin->provides, "(nothing)");
        g_autofree char *requires = cli_join (plugin->requires, "(nothing)");

        g_print ("\n%s %s\n", plugin->name, plugin->version);
        g_print ("  %s\n", plugin->summary ? plugin->summary : "");
        g_print ("  provides: %s\n", provides);
        g_print ("  requires: %s\n", requires);
        g_print ("  file:     %s\n", entry->path);
      }
    }

  if (entries_found->len == 0)
    g_printerr ("tamis: no plugins found; 'tamis plugins -v' shows where they were looked for\n");
  return CLI_EXIT_OK;
}
