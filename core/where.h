/* tamis — `output: {where:}`: which documents a run writes. */
#pragma once

#include <tamis/document.h>
#include "yaml-tree.h"

G_BEGIN_DECLS

/* Conditions on document attributes, one per key, all to be met. */
typedef struct _TamisWhere TamisWhere;

TamisWhere *tamis_where_new (void);
void tamis_where_free (TamisWhere *where);

/* Reads a mapping of keys to a value or a list of values into @where;
 * errors name the node's position in @filename. */
gboolean tamis_where_parse (TamisWhere *where, const TamisYNode *node, const char *filename,
                            GError **error);

/* Sets the values accepted for @key; %NULL removes its condition. */
void tamis_where_set (TamisWhere *where, const char *key, const char *const *values);

/* The keys with a condition, in the order they were set; never %NULL. */
const char *const *tamis_where_get_keys (const TamisWhere *where);

/* The values accepted for @key, or %NULL when it has no condition. */
const char *const *tamis_where_get_values (const TamisWhere *where, const char *key);

/* Whether @doc meets every condition; a failed document always does.
 * Thread-safe: it only reads the document. */
gboolean tamis_where_matches (const TamisWhere *where, const TamisDoc *doc);

G_END_DECLS
