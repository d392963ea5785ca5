/* tamis command-line tool — what the subcommands share. */
#pragma once

#include <tamis/tamis.h>

G_BEGIN_DECLS

/* Exit statuses, also documented in tamis(1). */
enum {
  CLI_EXIT_OK = 0,      /* every document fine */
  CLI_EXIT_FAILED = 1,  /* some documents failed; all were written */
  CLI_EXIT_USAGE = 2,   /* usage or pipeline error: running again will not help */
  CLI_EXIT_IO = 3,      /* reading or writing failed: running again may help */
};
/* A run killed by a signal exits with 128 + its number, as the shell says. */

/* CLI_EXIT_IO for an I/O error (TAMIS_ERROR_IO, GIOError, GFileError),
 * CLI_EXIT_USAGE for any other. */
int cli_exit_status (const GError *error);

/* Each subcommand gets argv with argv[0] naming it ("run", "check", …). */
int cli_cmd_run (int argc, char **argv);
int cli_cmd_check (int argc, char **argv);
int cli_cmd_plugins (int argc, char **argv);
int cli_cmd_evaluate (int argc, char **argv);
int cli_cmd_summary (int argc, char **argv);
int cli_cmd_report (int argc, char **argv);
int cli_cmd_merge (int argc, char **argv);
/* `tamis plugins --check MODULE`, argv as cli_cmd_plugins() got it. */
int cli_cmd_plugin_check (int argc, char **argv);

/* An option context whose usage line reads "tamis NAME [OPTION…] PARAMS". */
GOptionContext *cli_option_context_new (const char *name, const char *params,
                                        const char *summary, const GOptionEntry *entries);

/* Parses a copy of argv, where "-j2" is read as "-j 2" for the options of
 * @entries that take a value. Returns what is left (argv[0] first), or NULL
 * after printing a usage error with a hint. */
char **cli_parse (GOptionContext *context, const char *name, const GOptionEntry *entries,
                  int argc, char **argv);

/* Prints "tamis: message" on stderr. */
void cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Puts the --plugin-dir directories in front of the default registry's
 * search path, the first given first. */
TamisRegistry *cli_registry (char **plugin_dirs);

/* Opens a file named on the command line, or standard input for "-". */
GInputStream *cli_open_input (const char *path, GError **error);

/* Whether @line holds nothing but white space. */
gboolean cli_is_blank (const char *line);

/* Joins a NULL-terminated list with ", ", or returns @empty for none. */
char *cli_join (const char *const *names, const char *empty);

/* "string", "double"… for a declared attribute type. */
const char *cli_value_type_name (TamisValueType type);

/* The whole page of `tamis plugins NAME`. */
void cli_print_plugin (const TamisPluginEntry *entry);

/* The declared options, one per line after @indent: with their defaults,
 * or, given @pipeline, with the values stage @stage runs with. */
void cli_print_options (const TamisPlugin *plugin, const TamisPipeline *pipeline, guint stage,
                        const char *indent);

/* The declared outputs, those of @active only when it is not NULL. */
void cli_print_writes (const TamisPlugin *plugin, const char *const *active, const char *indent);

G_END_DECLS
