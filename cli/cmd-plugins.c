/* tamis plugins — what the search path holds, or one plugin in full. */
#include "cli.h"

#include <string.h>

int
cli_cmd_plugins (int argc, char **argv)
{
  g_auto(GStrv) plugin_dirs = NULL;
  gboolean verbose = FALSE;
  gboolean check = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Also show the search path and each plugin's reads, writes and file", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      "Check a plugin module against the plugin contract: 'tamis plugins --check --help'", NULL },
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

  /* --check is a command of its own, with its own options. */
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--check"))
      return cli_cmd_plugin_check (argc, argv);

  context = cli_option_context_new ("plugins", "[NAME]",
                                    "Lists the plugins found on the search path: name, version, summary.\n"
                                    "Modules that cannot be loaded are reported as warnings. With NAME,\n"
                                    "describes that plugin: its file, options with their defaults, what it\n"
                                    "reads and the layers and attributes it writes.",
                                    entries);
  args = cli_parse (context, "plugins", entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);
  if (argc > 2)
    {
      cli_error ("plugins: unexpected argument '%s'", args[2]);
      return CLI_EXIT_USAGE;
    }

  registry = cli_registry (plugin_dirs);
  if (argc == 2)
    {
      g_autoptr(GError) error = NULL;
      const TamisPluginEntry *entry = tamis_registry_load (registry, args[1], NULL, &error);

      if (entry == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_USAGE;
        }
      cli_print_plugin (entry);
      return CLI_EXIT_OK;
    }
  entries_found = tamis_registry_scan (registry, NULL, &errors);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    g_printerr ("tamis: warning: %s\n", (const char *) g_ptr_array_index (errors, i));

  if (verbose)
    {
      g_auto(GStrv) dirs = tamis_registry_get_dirs (registry, NULL);
      g_auto(GStrv) builtin = tamis_registry_get_builtin (registry);

      g_print ("Search path:\n");
      for (guint i = 0; dirs[i] != NULL; i++)
        {
          /* The built-in plugins are searched just before the last directory. */
          if (dirs[i + 1] == NULL && builtin[0] != NULL)
            {
              g_autofree char *names = g_strjoinv (", ", builtin);
              g_print ("  (built in: %s)\n", names);
            }
          g_print ("  %s\n", dirs[i]);
        }
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (g_ptr_array_index (entries_found, i));
      name_width = MAX (name_width, (int) strlen (plugin->name));
      version_width = MAX (version_width, (int) strlen (plugin->version));
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      const TamisPluginEntry *entry = g_ptr_array_index (entries_found, i);
      const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (entry);

      if (!verbose)
        {
          g_print ("%-*s  %-*s  %s%s\n", name_width, plugin->name, version_width, plugin->version,
                   plugin->summary ? plugin->summary : "",
                   tamis_plugin_entry_is_builtin (entry) ? " (built in)" : "");
          continue;
        }
      {
        g_autofree char *reads = cli_join (plugin->reads, "(nothing)");
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) names = NULL;
        g_autofree char *writes = NULL;

        for (const TamisOutput *w = plugin->writes; w && w->name; w++)
          g_strv_builder_add (builder, w->name);
        names = g_strv_builder_end (builder);
        writes = cli_join ((const char *const *) names, "(nothing)");
        g_print ("\n%s %s\n", plugin->name, plugin->version);
        g_print ("  %s\n", plugin->summary ? plugin->summary : "");
        g_print ("  writes: %s\n", writes);
        g_print ("  reads:  %s\n", reads);
        g_print ("  file:   %s\n", tamis_plugin_entry_get_path (entry));
      }
    }

  if (entries_found->len == 0)
    g_printerr ("tamis: no plugins found; 'tamis plugins -v' shows where they were looked for\n");
  return CLI_EXIT_OK;
}
