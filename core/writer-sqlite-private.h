/* tamis — what the two halves of the SQLite writer share: the packed
 * record that worker threads make (writer-sqlite-pack.c) and the writing
 * thread binds into rows (writer-sqlite.c).
 *
 * A record, in host byte order; a string is a u32 length and its bytes, or
 * the length NO_STRING alone for none:
 *   id, source, line (u32), error code, error message, text, meta (JSON),
 *   repaired (JSON);
 *   u32 attributes, each: name, u8 TamisValueType, value (string, JSON: a
 *   string; int, bool: i64; double: f64; none: nothing);
 *   u32 layers, each: name, u32 spans, each: label, i64 start, i64 end (code
 *   points), f64 score (NaN: none), attrs (a JSON object, none when the
 *   span has no attribute), text.
 * A document a resumed database holds packs to no byte at all. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NO_STRING G_MAXUINT32

/* Appends @s (@len bytes, or up to its NUL when -1) as a JSON string. */
void tamis_sqlite_json_string (GString *out, const char *s, gssize len);

G_END_DECLS
