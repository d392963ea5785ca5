/* tamis command-line tool — what the subcommands share. */
#pragma once

#include <tamis/tamis.h>

G_BEGIN_DECLS

/* Exit statuses, also documented in tamis(1). */
enum {
  CLI_EXIT_OK = 0,      /* every document fine */
  CLI_EXIT_FAILED = 1,  /* some documents failed; all were written */
  CLI_EXIT_USAGE = 2,   /* usage, pipeline or I/O error */
};

/* Each subcommand gets argv with argv[0] naming it ("run", "check", …). */
int cli_cmd_run (int argc, char **argv);
int cli_cmd_check (int argc, char **argv);
int cli_cmd_plugins (int argc, char **argv);

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

/* Joins a NULL-terminated list with ", ", or returns @empty for none. */
char *cli_join (const char *const *names, const char *empty);

G_END_DECLS
