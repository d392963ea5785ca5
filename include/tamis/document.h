/* tamis — the document model: text, attributes and layers of spans. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TamisValueType:
 * @TAMIS_VALUE_NONE: no value (attribute absent)
 * @TAMIS_VALUE_STRING: a UTF-8 string
 * @TAMIS_VALUE_INT: a signed 64-bit integer
 * @TAMIS_VALUE_DOUBLE: a double
 * @TAMIS_VALUE_BOOL: a boolean
 * @TAMIS_VALUE_JSON: a string holding one valid JSON value, written out as
 *   structure (not as a string) by the JSON writers
 */
typedef enum {
  TAMIS_VALUE_NONE = 0,
  TAMIS_VALUE_STRING,
  TAMIS_VALUE_INT,
  TAMIS_VALUE_DOUBLE,
  TAMIS_VALUE_BOOL,
  TAMIS_VALUE_JSON,
} TamisValueType;

/**
 * TamisValue:
 * @type: which member of the union is set
 *
 * A typed attribute value, filled in by the getters. Strings are owned by
 * the document.
 */
typedef struct {
  TamisValueType type;
  union {
    const char *s;
    gint64 i;
    double d;
    gboolean b;
  };
  /*< private >*/
  gpointer _tamis_reserved[2];
} TamisValue;

/**
 * TamisDoc:
 *
 * One document: its text (valid UTF-8, never modified once loaded), its
 * attributes and its layers.
 */
typedef struct _TamisDoc TamisDoc;

/**
 * TamisLayer:
 *
 * A named layer of spans. A span is a region of the text in bytes
 * (`start` to `end`), a label, a score and typed attributes; it is reached
 * by its index, from 0 to tamis_layer_get_n_spans() - 1, in order of start
 * (then longest first) once its stage has returned. Spans are stored
 * compactly inside the layer: adding one allocates nothing of its own.
 *
 * Inside a pipeline a layer belongs to the stage that created it. Other
 * stages see it read-only: tamis_doc_get_layer() returns a const pointer,
 * and a stage that tries to write into another stage's layer makes the
 * document fail with the error code `plugin-contract`.
 */
typedef struct _TamisLayer TamisLayer;

/**
 * TamisAttrIter:
 *
 * Walks the attributes of a span or of a document. Stack-allocated, opaque.
 */
typedef struct {
  /*< private >*/
  gconstpointer owner;
  guint32 next;
  guint32 pad;
  gpointer _tamis_reserved[2];
} TamisAttrIter;

/* ---- documents ---- */

/**
 * tamis_doc_new:
 * @id: the document's identifier
 * @text: the text, UTF-8
 * @length: length of @text in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Creates a document holding a copy of @text.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 *   (%TAMIS_ERROR_INPUT) when @text is not valid UTF-8.
 */
TamisDoc *tamis_doc_new (const char *id, const char *text, gssize length, GError **error);

/**
 * TamisDocFlags:
 * @TAMIS_DOC_NONE: the text is taken as it is
 * @TAMIS_DOC_REPAIR: the repairs the file reader makes, flagged the same
 *   way (tamis_doc_get_repairs()): a UTF-8 byte-order mark is dropped
 *   ("bom"), CR LF line ends become LF ("crlf") and lone CRs become LF
 *   ("cr"); UTF-16 text is refused
 *
 * How tamis_doc_new_full() takes its text.
 */
typedef enum {
  TAMIS_DOC_NONE = 0,
  TAMIS_DOC_REPAIR = 1 << 0,
} TamisDocFlags;

/**
 * tamis_doc_new_full:
 * @id: the document's identifier
 * @text: the text, UTF-8
 * @length: length of @text in bytes, or -1 if nul-terminated
 * @flags: #TamisDocFlags; %TAMIS_DOC_REPAIR makes a document from memory
 *   behave like one read from a file, offsets included
 * @error: return location for a #GError
 *
 * As tamis_doc_new(), with the file reader's repairs on request.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 *   (%TAMIS_ERROR_INPUT)
 */
TamisDoc *tamis_doc_new_full (const char *id, const char *text, gssize length, TamisDocFlags flags,
                              GError **error);

/**
 * tamis_doc_new_take:
 * @id: the document's identifier
 * @text: (transfer full): a g_malloc()ed, nul-terminated UTF-8 buffer
 * @length: length of @text in bytes (not counting the nul)
 * @error: return location for a #GError
 *
 * Like tamis_doc_new() but takes ownership of @text instead of copying it.
 * On error @text is freed.
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
TamisDoc *tamis_doc_new_take (const char *id, char *text, gsize length, GError **error);

/**
 * tamis_doc_new_failed:
 * @id: the document's identifier
 * @code: a short machine-readable error code, e.g. "invalid-utf8"
 * @message: a sentence for people
 *
 * Creates a document that carries an error instead of text. It flows through
 * a run like any other so that its error record is written in input order.
 *
 * Returns: (transfer full): the document
 */
TamisDoc *tamis_doc_new_failed (const char *id, const char *code, const char *message);

/**
 * tamis_doc_free:
 * @doc: (nullable): a document
 *
 * Frees the document, its layers and its attributes.
 */
void tamis_doc_free (TamisDoc *doc);

/** tamis_doc_get_id: Returns: the document id. */
const char *tamis_doc_get_id (const TamisDoc *doc);

/** tamis_doc_get_text: Returns: the nul-terminated text; never modified once loaded. */
const char *tamis_doc_get_text (const TamisDoc *doc);

/** tamis_doc_get_length: Returns: the length of the text in bytes. */
gsize tamis_doc_get_length (const TamisDoc *doc);

/**
 * tamis_doc_set_source:
 * @doc: a document
 * @path: (nullable): the file it came from
 * @line: the line of @path it starts at (1-based), or 0
 *
 * Records where the document was read from.
 */
void tamis_doc_set_source (TamisDoc *doc, const char *path, guint line);

/** tamis_doc_get_source_path: Returns: (nullable): the file the document came from. */
const char *tamis_doc_get_source_path (const TamisDoc *doc);

/** tamis_doc_get_source_line: Returns: the line it starts at, or 0. */
guint tamis_doc_get_source_line (const TamisDoc *doc);

/**
 * tamis_doc_set_error:
 * @doc: a document
 * @code: a short machine-readable code
 * @message: a sentence for people
 *
 * Marks the document as failed. Later stages are skipped and the writers
 * produce an error record for it.
 */
void tamis_doc_set_error (TamisDoc *doc, const char *code, const char *message);

/** tamis_doc_get_error_code: Returns: (nullable): the error code, %NULL when the document is fine. */
const char *tamis_doc_get_error_code (const TamisDoc *doc);

/** tamis_doc_get_error_message: Returns: (nullable): the error message. */
const char *tamis_doc_get_error_message (const TamisDoc *doc);

/**
 * tamis_doc_add_repair:
 * @doc: a document
 * @what: a static string naming the repair ("bom", "crlf", …)
 *
 * Notes that the reader changed the input to make it usable; the note is
 * written in the document's record under "repaired".
 */
void tamis_doc_add_repair (TamisDoc *doc, const char *what);

/**
 * tamis_doc_get_repairs:
 * @doc: a document
 *
 * Returns: (nullable): a %NULL-terminated array of the repairs made, or %NULL.
 */
const char *const *tamis_doc_get_repairs (const TamisDoc *doc);

/**
 * tamis_doc_intern:
 * @doc: a document
 * @str: a string
 *
 * Copies @str into the document's string pool (once per distinct string),
 * for labels that must live as long as the document.
 *
 * Returns: the pooled copy
 */
const char *tamis_doc_intern (TamisDoc *doc, const char *str);

/* ---- document attributes ---- */

/**
 * tamis_doc_set_string:
 * @doc: a document
 * @key: the attribute name; a string that outlives the document (a literal)
 * @value: the value, copied
 *
 * Sets a document attribute such as "lang". Setting a key again replaces it.
 */
void tamis_doc_set_string (TamisDoc *doc, const char *key, const char *value);
/** tamis_doc_set_int: Sets an integer document attribute, as tamis_doc_set_string(). */
void tamis_doc_set_int (TamisDoc *doc, const char *key, gint64 value);
/** tamis_doc_set_double: Sets a double document attribute, as tamis_doc_set_string(). */
void tamis_doc_set_double (TamisDoc *doc, const char *key, double value);
/** tamis_doc_set_bool: Sets a boolean document attribute, as tamis_doc_set_string(). */
void tamis_doc_set_bool (TamisDoc *doc, const char *key, gboolean value);
/**
 * tamis_doc_set_json:
 * @doc: a document
 * @key: the attribute name (a literal)
 * @json: one valid JSON value as text, copied
 *
 * Sets a structured attribute (a list of alternatives, say); the JSON writers
 * embed it as structure.
 */
void tamis_doc_set_json (TamisDoc *doc, const char *key, const char *json);

/**
 * tamis_doc_get_attr:
 * @doc: a document
 * @key: the attribute name
 * @value: (out) (optional): where to store the value
 *
 * Returns: %TRUE if the attribute is set
 */
gboolean tamis_doc_get_attr (const TamisDoc *doc, const char *key, TamisValue *value);

/**
 * tamis_doc_get_string:
 * @doc: a document
 * @key: the attribute name
 *
 * Returns: (nullable): the value of a string attribute, or %NULL
 */
const char *tamis_doc_get_string (const TamisDoc *doc, const char *key);

/**
 * tamis_doc_get_int:
 * @doc: a document
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not an integer
 *
 * Returns: the value of an integer document attribute, or @fallback
 */
gint64 tamis_doc_get_int (const TamisDoc *doc, const char *key, gint64 fallback);

/**
 * tamis_doc_get_double:
 * @doc: a document
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not a number
 *
 * Returns: the value of a double (or integer) document attribute, or @fallback
 */
double tamis_doc_get_double (const TamisDoc *doc, const char *key, double fallback);

/**
 * tamis_doc_get_bool:
 * @doc: a document
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not a boolean
 *
 * Returns: the value of a boolean document attribute, or @fallback
 */
gboolean tamis_doc_get_bool (const TamisDoc *doc, const char *key, gboolean fallback);

/**
 * tamis_doc_set_meta_string:
 * @doc: a document
 * @key: a field name
 * @value: its value, copied
 *
 * Sets a metadata field, written under "meta" in the document's record as
 * the fields of a JSON Lines input record are.
 */
void tamis_doc_set_meta_string (TamisDoc *doc, const char *key, const char *value);

/**
 * tamis_doc_set_meta_json:
 * @doc: a document
 * @key: a field name
 * @json: one JSON value as text (`42`, `["a", "b"]`, `{"source": "wire"}`)
 * @error: return location for a #GError
 *
 * Sets a structured metadata field.
 *
 * Returns: %FALSE with a %TAMIS_ERROR_INPUT error when @json is not JSON
 */
gboolean tamis_doc_set_meta_json (TamisDoc *doc, const char *key, const char *json, GError **error);

/**
 * tamis_doc_get_meta:
 * @doc: a document
 * @key: a field name of the input record
 *
 * Metadata are the fields of a JSONL input record other than "id" and "text";
 * they are passed through to the output.
 *
 * Returns: (nullable): the field's value if it is a string, else %NULL
 */
const char *tamis_doc_get_meta (const TamisDoc *doc, const char *key);

/**
 * tamis_doc_attr_iter_init:
 * @iter: an uninitialised iterator
 * @doc: a document
 *
 * Prepares @iter to walk the document attributes in the order they were set.
 */
void tamis_doc_attr_iter_init (TamisAttrIter *iter, const TamisDoc *doc);

/**
 * tamis_attr_iter_next:
 * @iter: an iterator
 * @key: (out): the attribute name
 * @value: (out): its value
 *
 * Returns: %FALSE when there are no more attributes
 */
gboolean tamis_attr_iter_next (TamisAttrIter *iter, const char **key, TamisValue *value);

/* ---- layers ---- */

/**
 * tamis_doc_get_layer:
 * @doc: a document
 * @name: a layer name such as "token"
 *
 * Returns: (nullable): the layer, read-only, or %NULL when no stage wrote it
 */
const TamisLayer *tamis_doc_get_layer (const TamisDoc *doc, const char *name);

/**
 * tamis_doc_ensure_layer:
 * @doc: a document
 * @name: a layer name
 *
 * Gets a layer to write into. Inside a pipeline, a stage may write only
 * the layers it created: asking for a layer that an earlier stage wrote
 * marks the document as failed (`plugin-contract`) and returns a scratch
 * layer that is thrown away, so that the plugin can go on harmlessly.
 *
 * Returns: the layer @name, created empty if it did not exist
 */
TamisLayer *tamis_doc_ensure_layer (TamisDoc *doc, const char *name);

/** tamis_doc_get_n_layers: Returns: the number of layers, in creation order. */
guint tamis_doc_get_n_layers (const TamisDoc *doc);

/** tamis_doc_get_nth_layer: Returns: the @n th layer (0-based) in creation order, read-only. */
const TamisLayer *tamis_doc_get_nth_layer (const TamisDoc *doc, guint n);

/** tamis_layer_get_name: Returns: the layer's name. */
const char *tamis_layer_get_name (const TamisLayer *layer);

/** tamis_layer_get_doc: Returns: the document the layer belongs to. */
const TamisDoc *tamis_layer_get_doc (const TamisLayer *layer);

/**
 * tamis_layer_add:
 * @layer: a layer
 * @start: first byte, on a character boundary
 * @end: byte past the end, on a character boundary; @start <= @end <= text length
 * @label: (nullable): a label that outlives the document: a string
 *   literal, or a string from tamis_doc_intern()
 *
 * Appends a span. Spans may be added in any order; the layer is sorted by
 * start (then longest first) when a stage returns. A span outside the text
 * or cutting a UTF-8 character is refused: inside a pipeline the document
 * fails with the error code `plugin-contract` naming the stage.
 *
 * Returns: the index of the new span, valid until the layer is sorted, or
 *   %G_MAXUINT when the span was refused (setters ignore that index)
 */
guint tamis_layer_add (TamisLayer *layer, guint32 start, guint32 end, const char *label);

/** tamis_layer_get_n_spans: Returns: the number of spans. */
guint tamis_layer_get_n_spans (const TamisLayer *layer);

/** tamis_layer_get_start: Returns: the first byte of span @index. */
guint32 tamis_layer_get_start (const TamisLayer *layer, guint index);

/** tamis_layer_get_end: Returns: the byte just past span @index. */
guint32 tamis_layer_get_end (const TamisLayer *layer, guint index);

/** tamis_layer_get_label: Returns: (nullable): the label of span @index. */
const char *tamis_layer_get_label (const TamisLayer *layer, guint index);

/**
 * tamis_layer_get_score:
 * @layer: a layer
 * @index: a span index
 *
 * Returns: the score of span @index, or NAN when it has none
 */
double tamis_layer_get_score (const TamisLayer *layer, guint index);

/**
 * tamis_layer_set_score:
 * @layer: a layer
 * @index: a span index
 * @score: a confidence, usually in [0, 1], or NAN for none
 *
 * Sets the score of a span; it is stored in single precision.
 */
void tamis_layer_set_score (TamisLayer *layer, guint index, double score);

/**
 * tamis_layer_set_label:
 * @layer: a layer
 * @index: a span index
 * @label: (nullable): a label that outlives the document
 *
 * Changes the label of a span.
 */
void tamis_layer_set_label (TamisLayer *layer, guint index, const char *label);

/**
 * tamis_layer_sort:
 * @layer: a layer
 *
 * Sorts the spans by start, longer spans first at equal start. The core calls
 * this after every stage; plugins call it only to read their own spans
 * sorted before returning.
 */
void tamis_layer_sort (TamisLayer *layer);

/**
 * tamis_layer_clear:
 * @layer: a layer
 *
 * Removes all spans and their attributes.
 */
void tamis_layer_clear (TamisLayer *layer);

/**
 * tamis_layer_set_string:
 * @layer: a layer
 * @index: a span index
 * @key: attribute name, a string that outlives the document (a literal)
 * @value: the value, copied into the document
 *
 * Sets a string attribute on a span. Attributes live in one pool per layer:
 * no allocation per span.
 */
void tamis_layer_set_string (TamisLayer *layer, guint index, const char *key, const char *value);
/** tamis_layer_set_string_len: As tamis_layer_set_string() for @len bytes of @value. */
void tamis_layer_set_string_len (TamisLayer *layer, guint index, const char *key, const char *value, gsize len);
/** tamis_layer_set_static: As tamis_layer_set_string(), but @value is not copied (it must outlive the document). */
void tamis_layer_set_static (TamisLayer *layer, guint index, const char *key, const char *value);
/** tamis_layer_set_int: Sets an integer attribute on a span. */
void tamis_layer_set_int (TamisLayer *layer, guint index, const char *key, gint64 value);
/** tamis_layer_set_double: Sets a double attribute on a span. */
void tamis_layer_set_double (TamisLayer *layer, guint index, const char *key, double value);
/** tamis_layer_set_bool: Sets a boolean attribute on a span. */
void tamis_layer_set_bool (TamisLayer *layer, guint index, const char *key, gboolean value);
/** tamis_layer_set_json: Sets a structured attribute on a span (see tamis_doc_set_json()). */
void tamis_layer_set_json (TamisLayer *layer, guint index, const char *key, const char *json);

/**
 * tamis_layer_get_attr:
 * @layer: a layer
 * @index: a span index
 * @key: the attribute name
 * @value: (out) (optional): where to store the value
 *
 * Returns: %TRUE if the span has the attribute
 */
gboolean tamis_layer_get_attr (const TamisLayer *layer, guint index, const char *key, TamisValue *value);

/**
 * tamis_layer_get_string:
 * @layer: a layer
 * @index: a span index
 * @key: the attribute name
 *
 * Returns: (nullable): the value of a string attribute of span @index, or
 *   %NULL when it is absent or of another type
 */
const char *tamis_layer_get_string (const TamisLayer *layer, guint index, const char *key);

/**
 * tamis_layer_get_int:
 * @layer: a layer
 * @index: a span index
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not an integer
 *
 * Returns: the value of an integer attribute of span @index, or @fallback
 */
gint64 tamis_layer_get_int (const TamisLayer *layer, guint index, const char *key, gint64 fallback);

/**
 * tamis_layer_get_double:
 * @layer: a layer
 * @index: a span index
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not a number
 *
 * Returns: the value of a double (or integer) attribute of span @index, or
 *   @fallback
 */
double tamis_layer_get_double (const TamisLayer *layer, guint index, const char *key, double fallback);

/**
 * tamis_layer_get_bool:
 * @layer: a layer
 * @index: a span index
 * @key: the attribute name
 * @fallback: what to return when the attribute is absent or not a boolean
 *
 * Returns: the value of a boolean attribute of span @index, or @fallback
 */
gboolean tamis_layer_get_bool (const TamisLayer *layer, guint index, const char *key, gboolean fallback);

/**
 * tamis_layer_attr_iter_init:
 * @iter: an uninitialised iterator
 * @layer: a layer
 * @index: a span index
 *
 * Prepares @iter to walk the attributes of one span, in the order set.
 */
void tamis_layer_attr_iter_init (TamisAttrIter *iter, const TamisLayer *layer, guint index);

/**
 * tamis_doc_char_offset:
 * @doc: a document
 * @byte_offset: an offset in bytes, on a character boundary
 *
 * Converts a byte offset to a Unicode code point offset. Calls with
 * increasing offsets are amortised O(1): the document remembers the last
 * position converted.
 *
 * Returns: the offset in code points
 */
gsize tamis_doc_char_offset (TamisDoc *doc, gsize byte_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisDoc, tamis_doc_free)

G_END_DECLS
