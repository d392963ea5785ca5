/* tamis — the one file that talks to libltdl; every call is serialised. */
#pragma once

#include <tamis/plugin.h>

G_BEGIN_DECLS

/* Opens module @path (kept resident) and returns its checked descriptor:
 * present, of this ABI major and not newer minor. Errors name the file. */
const TamisPlugin *tamis_loader_open (const char *path, GError **error);

/* TRUE if @filename looks like a loadable module (.la, or the platform's
 * shared-object suffix). */
gboolean tamis_loader_is_module_name (const char *filename);

/* Registers @symbols, a program's lt_preloaded_symbols, with libltdl. A
 * list given twice is registered once. */
gboolean tamis_loader_add_preloaded (gconstpointer symbols, GError **error);

/* The names of the modules in the registered lists ("segment"), in list
 * order. */
char **tamis_loader_list_preloaded (void);

/* Opens the preloaded module @name and returns its checked descriptor, as
 * tamis_loader_open() does for a file; errors say "NAME (built in)". */
const TamisPlugin *tamis_loader_open_preloaded (const char *name, GError **error);

/* Checks a descriptor's ABI version and size; @label names it in errors.
 * Returns: @plugin, or NULL with @error set. */
const TamisPlugin *tamis_loader_check_descriptor (const char *label, const TamisPlugin *plugin,
                                                  GError **error);

G_END_DECLS
