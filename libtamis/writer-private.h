/* tamis — the writer split in two, so that workers format records in
 * parallel and only the ordered writing is left to one thread. */
#pragma once

#include <tamis/io.h>

G_BEGIN_DECLS

/* Appends the record of @doc to @out. Thread-safe. */
void tamis_writer_format (TamisWriter *writer, TamisDoc *doc, GString *out);

/* Writes a record made by tamis_writer_format(), with what goes between
 * records (array commas, the TSV header). Records must come in order. */
gboolean tamis_writer_write_record (TamisWriter *writer, const char *record, gsize len,
                                    GError **error);

G_END_DECLS
