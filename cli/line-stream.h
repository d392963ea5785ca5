/* tamis command-line tool — an output stream that writes whole lines. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CLI_TYPE_LINE_STREAM (cli_line_stream_get_type ())
G_DECLARE_FINAL_TYPE (CliLineStream, cli_line_stream, CLI, LINE_STREAM, GFilterOutputStream)

/* Buffers what is written to @base (taken) and passes it on in chunks that
 * end at a line end, so that a process killed at any point has written
 * only whole records. */
GOutputStream *cli_line_stream_new (GOutputStream *base);

G_END_DECLS
