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

G_END_DECLS
