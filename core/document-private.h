/* tamis — document internals shared by the core's readers and writers. */
#pragma once

#include <json-glib/json-glib.h>
#include <tamis/document.h>

G_BEGIN_DECLS

/* As tamis_doc_new_take() for text the caller has already checked to be
 * valid UTF-8 (readers validate while scanning; doing it twice costs). */
TamisDoc *tamis_doc_new_take_valid (const char *id, char *text, gsize length);

/* Takes @meta (the JSONL record's fields other than id and text). */
void tamis_doc_take_meta (TamisDoc *doc, JsonObject *meta);

/* Returns: (nullable) (transfer none): the metadata object. */
JsonObject *tamis_doc_get_meta_object (const TamisDoc *doc);

/* Bytes of input this document stood for (for progress), set by readers. */
void tamis_doc_set_input_size (TamisDoc *doc, gsize bytes);
gsize tamis_doc_get_input_size (const TamisDoc *doc);

/* Makes the real document of a pending one; runs on whichever thread
 * loads it first, so it touches nothing but @data. */
typedef TamisDoc *(*TamisDocLoadFunc) (gpointer data);

/* A document whose reading (and parsing) is left for later, so that worker
 * threads rather than the reading thread do it. @free_data frees @data. */
TamisDoc *tamis_doc_new_pending (TamisDocLoadFunc load, gpointer data, GDestroyNotify free_data);

/* Loads a pending document in place; does nothing to any other. */
void tamis_doc_load (TamisDoc *doc);

/* g_utf8_validate_len() with ASCII runs skipped quickly; NUL bytes pass. */
gboolean tamis_utf8_validate (const char *text, gsize len, const char **bad);

/* Number of code points in @len bytes of valid UTF-8. */
gsize tamis_utf8_count (const char *p, gsize len);

G_END_DECLS
