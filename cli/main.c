/* tamis command-line tool — dispatches to the subcommands. */
#include "config.h"

#include "cli.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>

#ifdef TAMIS_BUILTIN_PLUGINS
/* For lt_preloaded_symbols only: the list libtool generates from the
 * -dlpreopen modules. libtamis does the preloading itself. */
#include <ltdl.h>
#endif

typedef struct {
  const char *name;
  int (*func) (int argc, char **argv);
  const char *summary;
} CliCommand;

static const CliCommand commands[] = {
  { "run", cli_cmd_run, "Run a pipeline over documents and write the results" },
  { "check", cli_cmd_check, "Validate a pipeline and show its resolved stages" },
  { "plugins", cli_cmd_plugins, "List the plugins found on the search path" },
  { "evaluate", cli_cmd_evaluate, "Score a pipeline's spans and attributes against gold records" },
  { "summary", cli_cmd_summary, "Merge corpus summaries and results files into one summary" },
  { "merge", cli_cmd_merge, "Join the parts of a run split with run --shard" },
  { "report", cli_cmd_report, "Make a self-contained HTML report of result records" },
};

void
cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("tamis: %s\n", message);
}

GOptionContext *
cli_option_context_new (const char *name, const char *params, const char *summary,
                        const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (params);

  /* GOptionContext writes "Usage: PRGNAME [OPTION…] PARAMS": naming the
   * subcommand in the program name puts it where users type it. */
  if (name != NULL)
    {
      g_autofree char *prgname = g_strdup_printf ("tamis %s", name);
      g_set_prgname (prgname);
    }
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

static gboolean
takes_value (const GOptionEntry *entries, char short_name)
{
  for (; entries != NULL && entries->long_name != NULL; entries++)
    if (entries->short_name == short_name && entries->arg != G_OPTION_ARG_NONE)
      return TRUE;
  return FALSE;
}

char **
cli_parse (GOptionContext *context, const char *name, const GOptionEntry *entries,
           int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **args;
  gboolean options = TRUE;

  /* GOptionContext reads "-j2" as a cluster of flags: split it as make and
   * most tools do. */
  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        options = FALSE;
      if (i > 0 && options && arg[0] == '-' && arg[1] != '-' && arg[1] != '\0' && arg[2] != '\0' &&
          takes_value (entries, arg[1]))
        {
          char flag[3] = { '-', arg[1], '\0' };
          g_strv_builder_add (builder, flag);
          g_strv_builder_add (builder, arg + 2);
        }
      else
        g_strv_builder_add (builder, arg);
    }
  args = g_strv_builder_end (builder);

  if (g_option_context_parse_strv (context, &args, &error))
    return args;
  g_strfreev (args);
  cli_error ("%s", error->message);
  g_printerr ("Try 'tamis %s%s--help' for more information.\n",
              name ? name : "", name ? " " : "");
  return NULL;
}

TamisRegistry *
cli_registry (char **plugin_dirs)
{
  TamisRegistry *registry = tamis_registry_get_default ();
  guint n = plugin_dirs ? g_strv_length (plugin_dirs) : 0;

  g_auto(GStrv) dirs = NULL;

  /* Prepending in reverse keeps the first --plugin-dir first. */
  for (guint i = n; i-- > 0;)
    {
      g_autofree char *dir = NULL;

      /* "" (an unset variable in a script) would canonicalise to the
       * current folder, which is never searched unless named */
      if (plugin_dirs[i][0] == '\0')
        {
          g_printerr ("tamis: warning: ignoring an empty --plugin-dir\n");
          continue;
        }
      dir = g_canonicalize_filename (plugin_dirs[i], NULL);
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        g_printerr ("tamis: warning: plugin directory '%s' does not exist\n", plugin_dirs[i]);
      tamis_registry_prepend_dir (registry, dir);
    }

  /* Anyone who can write into a plugin folder can run code as the user. */
  dirs = tamis_registry_get_dirs (registry, NULL);
  for (char **dir = dirs; *dir; dir++)
    {
      struct stat st;

      if (g_stat (*dir, &st) == 0 && S_ISDIR (st.st_mode) && (st.st_mode & S_IWOTH))
        g_printerr ("tamis: warning: plugin directory '%s' is writable by every user; "
                    "a module put there would run as you\n", *dir);
    }
  return registry;
}

GInputStream *
cli_open_input (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (path, "-"))
    return g_unix_input_stream_new (STDIN_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (path);
  return G_INPUT_STREAM (g_file_read (file, NULL, error));
}

int
cli_exit_status (const GError *error)
{
  if (error != NULL && ((error->domain == TAMIS_ERROR && error->code == TAMIS_ERROR_IO)
                        || error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR))
    return CLI_EXIT_IO;
  return CLI_EXIT_USAGE;
}

gboolean
cli_is_blank (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

char *
cli_join (const char *const *names, const char *empty)
{
  if (names == NULL || names[0] == NULL)
    return g_strdup (empty);
  return g_strjoinv (", ", (char **) names);
}

static char *
commands_description (void)
{
  GString *s = g_string_new ("Commands:\n");

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "  %-9s %s\n", commands[i].name, commands[i].summary);
  g_string_append (s, "\n'tamis COMMAND --help' describes the options of a command.\n"
                      "See tamis(1) for pipelines, environment and exit status.");
  return g_string_free (s, FALSE);
}

static const CliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

int
main (int argc, char **argv)
{
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and the plugin ABI, then exit", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  const CliCommand *command;

  setlocale (LC_ALL, "");
  g_set_prgname ("tamis");

#ifdef TAMIS_BUILTIN_PLUGINS
  {
    g_autoptr(GError) error = NULL;

    /* The plugins linked into this program (./configure --enable-builtin-plugins). */
    if (!tamis_registry_add_preloaded (tamis_registry_get_default (), lt_preloaded_symbols, &error))
      g_printerr ("tamis: warning: %s\n", error->message);
  }
#endif

  context = cli_option_context_new (NULL, "COMMAND [ARGUMENT…]",
                                    "Runs text-analysis pipelines of plugins over document sets.",
                                    entries);
  description = commands_description ();
  g_option_context_set_description (context, description);
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  args = cli_parse (context, NULL, entries, argc, argv);
  if (args == NULL)
    return CLI_EXIT_USAGE;
  argc = g_strv_length (args);

  if (version)
    {
      g_print ("tamis %s (plugin ABI %d.%d)\n", TAMIS_VERSION, TAMIS_ABI_MAJOR, TAMIS_ABI_MINOR);
      return CLI_EXIT_OK;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return CLI_EXIT_USAGE;
    }

  /* "tamis help CMD" is "tamis CMD --help". */
  if (g_str_equal (args[1], "help"))
    {
      if (argc < 3)
        {
          g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
          g_print ("%s", help);
          return CLI_EXIT_OK;
        }
      command = find_command (args[2]);
      if (command != NULL)
        {
          char *help_args[] = { args[2], (char *) "--help", NULL };
          return command->func (2, help_args);
        }
      cli_error ("unknown command '%s'; commands are run, check, plugins, evaluate, summary and report", args[2]);
      return CLI_EXIT_USAGE;
    }

  command = find_command (args[1]);
  if (command == NULL)
    {
      cli_error ("unknown command '%s'; commands are run, check, plugins, evaluate, summary and report", args[1]);
      g_printerr ("Try 'tamis --help' for more information.\n");
      return CLI_EXIT_USAGE;
    }
  return command->func (argc - 1, args + 1);
}
