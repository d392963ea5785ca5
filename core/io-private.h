/* tamis — the reader and the writer split in two, so that worker threads
 * read, parse and format documents, and only the ordered listing and
 * writing are left to one thread. */
#pragma once

#include <tamis/io.h>

G_BEGIN_DECLS

/* As tamis_reader_next(), but the document may still be pending: its file
 * unread or its JSON line unparsed until tamis_doc_load() (document-private.h). */
TamisDoc *tamis_reader_next_pending (TamisReader *reader, GError **error);

/* Appends the record of @doc to @out. Thread-safe. */
void tamis_writer_format (TamisWriter *writer, TamisDoc *doc, GString *out);

/* Writes a record made by tamis_writer_format(), with what goes between
 * records (array commas, the TSV header). Records must come in order. */
gboolean tamis_writer_write_record (TamisWriter *writer, const char *record, gsize len,
                                    GError **error);

G_END_DECLS
