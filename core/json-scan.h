/* tamis — small helpers over JSON text that a parser has already checked,
 * for the metadata that documents keep as compact JSON object text, and
 * the JSON Lines reader's scanner for flat records. */
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

/* A member of a flat JSON object as tamis_json_scan_flat_object() found it. */
typedef enum {
  TAMIS_JSON_MEMBER_STRING,
  TAMIS_JSON_MEMBER_OTHER,      /* a number, true, false or null */
  TAMIS_JSON_MEMBER_NESTED,     /* an array or an object */
} TamisJsonMemberKind;

typedef struct {
  const char *key;              /* between its quotes; never has escapes */
  gsize key_len;
  const char *value;            /* as written, quotes included */
  gsize value_len;
  TamisJsonMemberKind kind;
  gboolean escaped;             /* a string with a backslash in it */
} TamisJsonMember;

/* Scans @json (@len bytes, valid UTF-8) as one JSON object of the subset
 * most records are written in: spaces or tabs around tokens, members whose
 * keys have no escapes, at most @max_members of them, whose values are
 * strings, numbers, true, false or null, or arrays and objects of those
 * with at most @max_nesting levels of arrays and objects in all. Strings
 * must hold no control character, no \u0000 and no surrogate escape but
 * in a high-low pair. Everything accepted is strict JSON that any parser
 * reads alike; the rest (deeper nesting, other white space, errors) is
 * left to a full parser.
 *
 * Returns: the number of members stored in @members, or -1 when @json is
 * not of that shape. Duplicate keys are not looked for. */
int tamis_json_scan_flat_object (const char *json, gsize len, guint max_nesting,
                                 TamisJsonMember *members, guint max_members);

/* The decoded value of string member @member (nul-terminated, g_malloc()ed,
 * valid UTF-8 without NUL), its length in @length. */
char *tamis_json_decode_string (const TamisJsonMember *member, gsize *length);

G_END_DECLS
