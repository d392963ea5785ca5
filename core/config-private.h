/* tamis — how the pipeline loader makes and checks stage options. */
#pragma once

#include <tamis/config.h>
#include "schema.h"
#include "yaml-tree.h"

G_BEGIN_DECLS

/* @map: the stage's options (a MAPPING) or NULL for none; @where: the node
 * that errors about the stage itself point at; @schema: the plugin's
 * declarations, whose defaults the getters read for absent keys;
 * @module_path: the module file, beside which data files are also looked
 * for. Nothing is copied: the tree and the schema must outlive the config. */
TamisConfig *tamis_config_new (const TamisYNode *map, const TamisYNode *where,
                               const char *filename, const TamisSchema *schema,
                               const char *module_path);
void tamis_config_free (TamisConfig *config);

/* Marks @key as handled by the core (e.g. "when"), not by the plugin. */
void tamis_config_reserve (TamisConfig *config, const char *key);

/* Fails on the first key of a nested mapping the plugin never asked for
 * (declared options are checked before create()). */
gboolean tamis_config_check_unknown (TamisConfig *config, GError **error);

/* TRUE when create() called tamis_config_drop_output() for @name. */
gboolean tamis_config_is_dropped (const TamisConfig *config, const char *name);

/* The value of option @key on one line, the default when the pipeline
 * does not set it (@is_default then TRUE); NULL when neither exists. */
char *tamis_config_describe (const TamisConfig *config, const char *key, gboolean *is_default);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisConfig, tamis_config_free)

G_END_DECLS
