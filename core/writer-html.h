/* tamis — the HTML report format: the page around the records. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The record layers the page shows; the others are left out of it. */
extern const char *const tamis_html_layers[];

/* Appends @json (a record or summary) to @out in a form that is safe inside
 * <script type="application/json">: '<' becomes \u003c, so that neither
 * "</script" nor "<!--" can appear, and U+2028, U+2029 are escaped too.
 * Such characters occur only inside JSON strings, where the escapes mean
 * the same characters. */
void tamis_html_escape_json (GString *out, const char *json, gsize len);

/* Appends to @out, escaped as by tamis_html_escape_json(), the record
 * @json with only what the page uses: "layers" keeps only
 * tamis_html_layers; of the other members that are objects or arrays only
 * "error" and "entity_sentiment" are kept (not "by", "meta", "repaired"…).
 * What is kept is copied as it is, but for fractional numbers, written in
 * their shortest form. Fails with TAMIS_ERROR_INPUT when @json is not one
 * JSON object. */
gboolean tamis_html_filter_record (GString *out, const char *json, gsize len, GError **error);

typedef struct _TamisHtml TamisHtml;

TamisHtml *tamis_html_new (void);
void tamis_html_free (TamisHtml *html);

/* Appends what comes before, between or after the records. @record is the
 * index of the record about to be appended, @bytes its size. */
void tamis_html_begin (TamisHtml *html, GString *out);
void tamis_html_before_record (TamisHtml *html, guint64 record, gsize bytes, GString *out);
/* @summary: a corpus summary's JSON, or NULL for none. */
void tamis_html_end (TamisHtml *html, guint64 n_records, const char *summary, GString *out);

G_END_DECLS
