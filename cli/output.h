/* tamis command-line tool — where records go: stdout, or a file replaced
 * atomically. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  GOutputStream *stream;
  int fd;
  char *path;      /* the file asked for, NULL for stdout */
  char *tmp_path;  /* where it is written until committed */
} CliOutput;

/* Opens @path ("-" or NULL: standard output). A regular file is written
 * under a hidden temporary name beside it, renamed over it by
 * cli_output_commit(): readers see the old content or the whole new one.
 * Watches the fatal signals so that a killed run removes its temporary. */
gboolean cli_output_open (CliOutput *out, const char *path, GError **error);

/* Watches the fatal signals without an output file to remove, so that a
 * crash inside a plugin still says where it happened (an output written in
 * place, such as a database, has no temporary). */
void cli_output_watch_signals (void);

/* Flushes, syncs and puts the file in place. */
gboolean cli_output_commit (CliOutput *out, GError **error);

/* Drops what was written, unless committed, and frees. */
void cli_output_clear (CliOutput *out);

G_END_DECLS
