/* tamis command-line tool — an output stream that writes whole lines.
 *
 * Records end with a line end in every format. A buffered stream that
 * flushes whenever it is full cuts a record in two; if the process then
 * dies (a plugin crashes), the output ends in half a record. This one
 * passes on only what precedes the last line end it holds, so each
 * write(2) ends a line; a line longer than the buffer goes out whole, in
 * as many writes as it takes, at once. */
#include "config.h"

#include "line-stream.h"

#include <string.h>

#define CHUNK (64 * 1024)

struct _CliLineStream {
  GFilterOutputStream parent;
  GByteArray *pending;
};

G_DEFINE_FINAL_TYPE (CliLineStream, cli_line_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gboolean
pass_on (CliLineStream *self, gsize len, GCancellable *cancellable, GError **error)
{
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (self));

  if (len == 0)
    return TRUE;
  if (!g_output_stream_write_all (base, self->pending->data, len, NULL, cancellable, error))
    return FALSE;
  g_byte_array_remove_range (self->pending, 0, len);
  return TRUE;
}

static gssize
line_stream_write (GOutputStream *stream, const void *buffer, gsize count,
                   GCancellable *cancellable, GError **error)
{
  CliLineStream *self = CLI_LINE_STREAM (stream);

  g_byte_array_append (self->pending, buffer, count);
  if (self->pending->len >= CHUNK)
    {
      const guint8 *last = memrchr (self->pending->data, '\n', self->pending->len);

      /* no line end yet: one long record, kept until it ends */
      if (last != NULL && !pass_on (self, last - self->pending->data + 1, cancellable, error))
        return -1;
    }
  return count;
}

static gboolean
line_stream_flush (GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  CliLineStream *self = CLI_LINE_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));

  return pass_on (self, self->pending->len, cancellable, error) &&
         g_output_stream_flush (base, cancellable, error);
}

static gboolean
line_stream_close (GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gboolean ok = line_stream_flush (stream, cancellable, error);

  if (g_filter_output_stream_get_close_base_stream (G_FILTER_OUTPUT_STREAM (stream)))
    ok = g_output_stream_close (base, cancellable, ok ? error : NULL) && ok;
  return ok;
}

static void
line_stream_finalize (GObject *object)
{
  g_byte_array_unref (CLI_LINE_STREAM (object)->pending);
  G_OBJECT_CLASS (cli_line_stream_parent_class)->finalize (object);
}

static void
cli_line_stream_class_init (CliLineStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = line_stream_finalize;
  stream_class->write_fn = line_stream_write;
  stream_class->flush = line_stream_flush;
  stream_class->close_fn = line_stream_close;
}

static void
cli_line_stream_init (CliLineStream *self)
{
  self->pending = g_byte_array_sized_new (2 * CHUNK);
}

GOutputStream *
cli_line_stream_new (GOutputStream *base)
{
  GOutputStream *stream = g_object_new (CLI_TYPE_LINE_STREAM, "base-stream", base, NULL);

  g_object_unref (base);
  return stream;
}
