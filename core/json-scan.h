/* tamis — small helpers over JSON text that a parser has already checked,
 * for the metadata that documents keep as compact JSON object text. */
#pragma once

#include <glib.h>

#include "json-write.h"  /* tamis_json_append_string() */

G_BEGIN_DECLS

/* Appends valid JSON text @json (@len bytes) to @out without the white
 * space between tokens: numbers and strings are copied byte for byte. */
void tamis_json_append_compact (GString *out, const char *json, gsize len);

/* Calls @func for each member of the valid JSON object text @json: the
 * key as written between its quotes (escapes not decoded) and the value's
 * text. Stops and returns FALSE when @func does. */
typedef gboolean (*TamisJsonMemberFunc) (const char *key, gsize key_len, const char *value,
                                         gsize value_len, gpointer user_data);
gboolean tamis_json_object_foreach (const char *json, gsize len, TamisJsonMemberFunc func,
                                    gpointer user_data);

G_END_DECLS
