/* tamis — how the pipeline loader makes and checks stage options. */
#pragma once

#include <tamis/config.h>
#include "yaml-tree.h"

G_BEGIN_DECLS

/* @map: the stage's options (a MAPPING) or NULL for none; @where: the node
 * that errors about the stage itself point at. Nothing is copied: the tree
 * must outlive the config. */
TamisConfig *tamis_config_new (const TamisYNode *map, const TamisYNode *where,
                               const char *filename, const char *plugin_name);
void tamis_config_free (TamisConfig *config);

/* Marks @key as handled by the core (e.g. "when"), not by the plugin. */
void tamis_config_reserve (TamisConfig *config, const char *key);

/* Fails on the first key (here or in a child) the plugin never asked for. */
gboolean tamis_config_check_unknown (TamisConfig *config, GError **error);




G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisConfig, tamis_config_free)

G_END_DECLS
