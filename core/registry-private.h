/* tamis — the registry's loading, with what the pipeline loader needs to
 * tell a plugin that is not there from one that is there but refused. */
#pragma once

#include <tamis/registry.h>
#include "schema.h"

G_BEGIN_DECLS

/* As tamis_registry_load(); @found (optional) says whether a module file
 * of that name was found on the search path, whatever became of it. */
const TamisPluginEntry *tamis_registry_load_found (TamisRegistry *registry, const char *name,
                                                   const char *const *extra, gboolean *found,
                                                   GError **error);

/* The declarations of a loaded plugin. */
const TamisSchema *tamis_plugin_entry_get_schema (const TamisPluginEntry *entry);

G_END_DECLS
