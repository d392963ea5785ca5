/* tamis — the table writers (TSV and CSV): one row per span, the document's
 * attributes and the spans' attributes each in a column of their own. */
#pragma once

#include <tamis/document.h>
#include <tamis/pipeline.h>

G_BEGIN_DECLS

typedef struct _TamisTable TamisTable;

/* A table in CSV (RFC 4180, CRLF line ends) when @csv, else in TSV. */
TamisTable *tamis_table_new (gboolean csv);
void tamis_table_free (TamisTable *table);

/* Fixes the columns from what @pipeline declares its stages write, the
 * layers @layers (NULL: all) and the document attributes @attributes
 * (NULL: all). Before the first row; once only (later calls do nothing). */
void tamis_table_declare (TamisTable *table, const TamisPipeline *pipeline,
                          const char *const *layers, const char *const *attributes);

/* Appends the rows of @doc to @out. Without a pipeline declared, the first
 * document formatted fixes the columns. Thread-safe once the columns are
 * fixed, and safe for the first documents too. */
void tamis_table_format (TamisTable *table, TamisDoc *doc, const char *const *layers,
                         const char *const *attributes, GString *out);

/* Appends the header row; the columns must be fixed, or the header has the
 * columns every table has and no attribute column. */
void tamis_table_header (TamisTable *table, GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisTable, tamis_table_free)

G_END_DECLS
