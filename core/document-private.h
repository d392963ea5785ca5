/* tamis — document internals shared by the core's readers and writers. */
#pragma once

#include <tamis/document.h>
#include <tamis/plugin.h>

G_BEGIN_DECLS

/* A span as stored: 24 bytes, by value in its layer's array. Private, so
 * that it can change without breaking plugins, which use the accessors. */
typedef struct {
  guint32 start;
  guint32 end;
  const char *label;
  float score;
  guint32 attrs; /* 1 + index of the first attribute in the pool; 0: none */
} TamisSpan;

/* The spans of @layer as one array, for the core's writers. */
const TamisSpan *tamis_layer_peek_spans (const TamisLayer *layer, guint *n_spans);

/* Turns CR LF into LF and lone CRs into LF, in place, from the first CR
 * at @from; says which it found; returns the new length. */
gsize tamis_text_fix_line_ends (char *text, gsize len, char *from, gboolean *crlf, gboolean *cr);

/* How @text starts: 3 when with a UTF-8 byte-order mark (bytes to drop),
 * -1 when with a UTF-16 one (not usable), else 0. */
int tamis_text_bom (const char *text, gsize len);

/* Marks @doc as run through a pipeline; FALSE when it already was. */
gboolean tamis_doc_mark_processed (TamisDoc *doc);

/* ---- the plugin contract ----
 * While a pipeline stage runs, the document knows which (1-based @stage,
 * @name for messages): layers it creates belong to it, attributes it sets
 * are marked as its, and what breaks the contract (a span out of the text,
 * a write into another stage's layer) is recorded, first fault only. */
void tamis_doc_begin_stage (TamisDoc *doc, guint stage, const char *name);
void tamis_doc_end_stage (TamisDoc *doc);

/* Records a contract fault of the running stage (the first one wins). */
void tamis_doc_contract_fault (TamisDoc *doc, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Returns: (nullable): the first fault recorded, NULL when none. */
const char *tamis_doc_get_contract_fault (const TamisDoc *doc);

/* Checks what stage @stage wrote against @outputs (NULL-terminated list of
 * pointers: the stage's declared outputs less those dropped): its layers,
 * their labels and span attributes, and its document attributes. Records a
 * fault and returns FALSE at the first mismatch. */
gboolean tamis_doc_check_outputs (TamisDoc *doc, guint stage, const TamisOutput *const *outputs);

/* As tamis_doc_new_take() for text the caller has already checked to be
 * valid UTF-8 (readers validate while scanning; doing it twice costs). */
TamisDoc *tamis_doc_new_take_valid (const char *id, char *text, gsize length);

/* Takes @json (g_malloc()ed, nul-terminated, @length bytes): the
 * document's metadata as the compact text of one JSON object, the JSONL
 * record's fields other than id and text. The caller vouches that it is
 * valid and compact (no white space between tokens); %NULL or "{}" clear
 * the metadata. */
void tamis_doc_take_meta_json (TamisDoc *doc, char *json, gsize length);

/* The metadata as one compact JSON object ("{...}"), ready to be written
 * as it is; %NULL when the document has none. @length (nullable) gets its
 * length in bytes. The text stays valid until the metadata changes or the
 * document is freed. Costs nothing: it is how the metadata are kept. */
const char *tamis_doc_get_meta_json (TamisDoc *doc, gsize *length);

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

/* g_utf8_validate_len(), several times faster; NUL bytes pass. @bad (may
 * be NULL): where the first invalid sequence starts, or the end. */
gboolean tamis_utf8_validate (const char *text, gsize len, const char **bad);

/* Number of code points in @len bytes of valid UTF-8. */
gsize tamis_utf8_count (const char *p, gsize len);

G_END_DECLS
