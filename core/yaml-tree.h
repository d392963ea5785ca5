/* tamis — a YAML document as a small tree of nodes that remember their
 * position, so that every validation error can name file:line:column. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TAMIS_YNODE_SCALAR,
  TAMIS_YNODE_SEQUENCE,
  TAMIS_YNODE_MAPPING,
} TamisYNodeType;

typedef struct _TamisYNode TamisYNode;
struct _TamisYNode {
  TamisYNodeType type;
  guint line;       /* 1-based */
  guint column;     /* 1-based */
  char *scalar;     /* SCALAR: the text */
  gboolean plain;   /* SCALAR: unquoted (so "null", "~" and "" mean null) */
  GPtrArray *items; /* SEQUENCE: values; MAPPING: key, value, key, value… */
};

/* Parses one YAML document. Aliases are refused (they could expand without
 * bound), as are duplicate keys and nesting deeper than 64 levels. */
TamisYNode *tamis_ynode_parse (const char *data, gsize length, const char *filename, GError **error);
void tamis_ynode_free (TamisYNode *node);

/* MAPPING only: the value of @key, or NULL. */
TamisYNode *tamis_ynode_lookup (const TamisYNode *map, const char *key);
/* MAPPING only: number of pairs, and the key/value of pair @i. */
guint tamis_ynode_n_pairs (const TamisYNode *map);
TamisYNode *tamis_ynode_key (const TamisYNode *map, guint i);
TamisYNode *tamis_ynode_value (const TamisYNode *map, guint i);

/* TRUE for a plain scalar that YAML reads as null: "", "~", "null". */
gboolean tamis_ynode_is_null (const TamisYNode *node);

const char *tamis_ynode_type_name (const TamisYNode *node);

/* A scalar or a list of scalars as a new string vector; errors name the
 * value as @what ("'output: layers'", "option 'langs' of probe"). */
gboolean tamis_ynode_strv (const TamisYNode *node, const char *filename, const char *what,
                           char ***out, GError **error);

/* A scalar spelling a boolean: true/false, yes/no, on/off, in any case. */
gboolean tamis_ynode_bool (const TamisYNode *node, gboolean *value);

/* Sets a TAMIS_ERROR_CONFIG error "filename:line:column: message". */
void tamis_ynode_error (const TamisYNode *node, const char *filename, GError **error,
                        const char *format, ...) G_GNUC_PRINTF (4, 5);

/* At most 40 bytes of @text, for messages, with its length when cut. */
char *tamis_ynode_excerpt (const char *text);

/* The known name nearest to @name (small edit distance), or NULL. */
const char *tamis_nearest_name (const char *name, const char *const *known);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamisYNode, tamis_ynode_free)

G_END_DECLS
