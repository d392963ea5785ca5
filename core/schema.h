/* tamis — what a plugin declares: its descriptor, checked once at load,
 * with its option defaults parsed, and the checks of stage options
 * against it. */
#pragma once

#include <tamis/plugin.h>
#include "yaml-tree.h"

G_BEGIN_DECLS

typedef struct _TamisSchema TamisSchema;

/* Checks the descriptor a module exports and makes a full-size copy of it
 * (fields past a smaller descriptor's @size read as NULL), with each
 * declared default parsed. Errors name @path and what is wrong. */
TamisSchema *tamis_schema_new (const TamisPlugin *plugin, const char *path, GError **error);
void tamis_schema_free (TamisSchema *schema);

/* The normalised descriptor. */
const TamisPlugin *tamis_schema_get_plugin (const TamisSchema *schema);

/* The declared option @key, or NULL. */
const TamisOption *tamis_schema_find_option (const TamisSchema *schema, const char *key);

/* The parsed default of option @key, or NULL when it has none. */
const TamisYNode *tamis_schema_get_default (const TamisSchema *schema, const char *key);

/* Checks every key of @map (a stage's options, or NULL) but @skip (a key
 * the core handles, or NULL) against the declared options: known key,
 * type, range and choices. Errors point at the key or the value:
 * "file:line:column: message; hint: …". */
gboolean tamis_schema_check_options (const TamisSchema *schema, const TamisYNode *map,
                                     const char *skip, const char *filename, GError **error);

/* The names of a NULL-ended option list, for hints. */
char **tamis_schema_option_names (const TamisSchema *schema);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisSchema, tamis_schema_free)

G_END_DECLS
