/* tamis — plugin descriptors: checked once when a module is loaded, so
 * that everything later can trust them, and the stage options checked
 * against what they declare before create() runs. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static gboolean check_value (const TamisSchema *schema, const TamisOption *option,
                             const TamisYNode *value, const char *filename, GError **error);

struct _TamisSchema {
  TamisPlugin plugin;   /* full size, zero past the module's own size */
  guint n_options;
  TamisYNode **defaults; /* per option, NULL when it has no default */
};

static const char *const option_type_names[] = {
  NULL, "a string", "an integer", "a number", "true or false", "a list", "a file name", "a mapping",
};

void
tamis_schema_free (TamisSchema *schema)
{
  if (schema == NULL)
    return;
  for (guint i = 0; i < schema->n_options; i++)
    tamis_ynode_free (schema->defaults[i]);
  g_free (schema->defaults);
  g_free (schema);
}

const TamisPlugin *
tamis_schema_get_plugin (const TamisSchema *schema)
{
  return &schema->plugin;
}

static gboolean
valid_identifier (const char *name)
{
  if (name == NULL || (!g_ascii_isalpha (*name) && *name != '_'))
    return FALSE;
  for (; *name; name++)
    if (!g_ascii_isalnum (*name) && *name != '_')
      return FALSE;
  return TRUE;
}

/* A number as options and declared bounds write it. */
static gboolean
parse_number (const char *text, gboolean integer, double *value)
{
  char *end = NULL;

  if (integer)
    {
      gint64 i;
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &i, NULL))
        return FALSE;
      *value = (double) i;
      return TRUE;
    }
  errno = 0;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && errno != ERANGE && !isnan (*value);
}

static gboolean
check_option_decl (const TamisOption *option, const char *path, GError **error)
{
  double bound;
  gboolean number = option->type == TAMIS_OPTION_INT || option->type == TAMIS_OPTION_DOUBLE;

  if (!valid_identifier (option->name))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor: option name '%s' is not an identifier",
                   path, option->name);
      return FALSE;
    }
  if (option->type < TAMIS_OPTION_STRING || option->type > TAMIS_OPTION_MAPPING)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor: option '%s' has an unknown type %d", path,
                   option->name, (int) option->type);
      return FALSE;
    }
  if ((option->min && (!number || !parse_number (option->min, FALSE, &bound))) ||
      (option->max && (!number || !parse_number (option->max, FALSE, &bound))))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor: option '%s' has a bound that is not a number "
                   "or is not numeric itself",
                   path, option->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_output_decl (const TamisOutput *output, const char *path, GError **error)
{
  if (output->kind != TAMIS_OUTPUT_LAYER && output->kind != TAMIS_OUTPUT_ATTRIBUTE)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor: output '%s' is neither a layer nor an attribute",
                   path, output->name);
      return FALSE;
    }
  if (output->type > TAMIS_VALUE_JSON)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor: output '%s' has an unknown value type", path,
                   output->name);
      return FALSE;
    }
  for (const TamisAttribute *a = output->attributes; a && a->name; a++)
    if (a->type > TAMIS_VALUE_JSON)
      {
        g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                     "%s: malformed plugin descriptor: attribute '%s' of layer '%s' has an unknown "
                     "value type",
                     path, a->name, output->name);
        return FALSE;
      }
  return TRUE;
}

TamisSchema *
tamis_schema_new (const TamisPlugin *plugin, const char *path, GError **error)
{
  g_autoptr (TamisSchema) schema = g_new0 (TamisSchema, 1);

  /* An older minor's descriptor is shorter: copy what it has. */
  memcpy (&schema->plugin, plugin, MIN ((gsize) plugin->size, sizeof (TamisPlugin)));
  schema->plugin.size = sizeof (TamisPlugin);

  if (plugin->name == NULL || plugin->process == NULL)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                   "%s: malformed plugin descriptor (no name or no process function)", path);
      return NULL;
    }
  for (const TamisOption *o = schema->plugin.options; o && o->name; o++)
    {
      if (!check_option_decl (o, path, error))
        return NULL;
      schema->n_options++;
    }
  for (const TamisOutput *w = schema->plugin.writes; w && w->name; w++)
    if (!check_output_decl (w, path, error))
      return NULL;

  schema->defaults = g_new0 (TamisYNode *, schema->n_options + 1);
  for (guint i = 0; i < schema->n_options; i++)
    {
      const TamisOption *o = &schema->plugin.options[i];
      g_autoptr (GError) local = NULL;
      g_autofree char *where = NULL;

      for (guint j = 0; j < i; j++)
        if (strcmp (schema->plugin.options[j].name, o->name) == 0)
          {
            g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                         "%s: malformed plugin descriptor: option '%s' is declared twice", path,
                         o->name);
            return NULL;
          }
      if (o->default_value == NULL)
        continue;
      where = g_strdup_printf ("%s: default of option '%s'", path, o->name);
      schema->defaults[i] = tamis_ynode_parse (o->default_value, strlen (o->default_value), where, &local);
      if (schema->defaults[i] == NULL ||
          !check_value (schema, o, schema->defaults[i], where, &local))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN,
                       "malformed plugin descriptor: %s", local ? local->message : where);
          return NULL;
        }
    }
  return g_steal_pointer (&schema);
}

const TamisOption *
tamis_schema_find_option (const TamisSchema *schema, const char *key)
{
  for (guint i = 0; i < schema->n_options; i++)
    if (strcmp (schema->plugin.options[i].name, key) == 0)
      return &schema->plugin.options[i];
  return NULL;
}

const TamisYNode *
tamis_schema_get_default (const TamisSchema *schema, const char *key)
{
  for (guint i = 0; i < schema->n_options; i++)
    if (strcmp (schema->plugin.options[i].name, key) == 0)
      return schema->defaults[i];
  return NULL;
}

char **
tamis_schema_option_names (const TamisSchema *schema)
{
  char **names = g_new0 (char *, schema->n_options + 1);

  for (guint i = 0; i < schema->n_options; i++)
    names[i] = g_strdup (schema->plugin.options[i].name);
  return names;
}

static gboolean
check_choice (const TamisSchema *schema, const TamisOption *option, const TamisYNode *value,
              const char *filename, GError **error)
{
  const char *near;
  g_autofree char *list = NULL;
  g_autofree char *excerpt = NULL;

  if (option->choices == NULL || g_strv_contains (option->choices, value->scalar))
    return TRUE;
  near = tamis_nearest_name (value->scalar, option->choices);
  list = g_strjoinv (", ", (char **) option->choices);
  excerpt = tamis_ynode_excerpt (value->scalar);
  if (near)
    tamis_ynode_error (value, filename, error,
                       "option '%s' of %s must be one of %s, not '%s'; hint: did you mean '%s'?",
                       option->name, schema->plugin.name, list, excerpt, near);
  else
    tamis_ynode_error (value, filename, error, "option '%s' of %s must be one of %s, not '%s'",
                       option->name, schema->plugin.name, list, excerpt);
  return FALSE;
}

static gboolean
check_number (const TamisSchema *schema, const TamisOption *option, const TamisYNode *value,
              const char *filename, GError **error)
{
  gboolean integer = option->type == TAMIS_OPTION_INT;
  double number, bound;

  if (!parse_number (value->scalar, integer, &number))
    {
      g_autofree char *excerpt = tamis_ynode_excerpt (value->scalar);
      tamis_ynode_error (value, filename, error, "option '%s' of %s must be %s, not '%s'",
                         option->name, schema->plugin.name, option_type_names[option->type],
                         excerpt);
      return FALSE;
    }
  if (option->min && parse_number (option->min, FALSE, &bound) && number < bound)
    {
      tamis_ynode_error (value, filename, error, "option '%s' of %s must be at least %s, not %s",
                         option->name, schema->plugin.name, option->min, value->scalar);
      return FALSE;
    }
  if (option->max && parse_number (option->max, FALSE, &bound) && number > bound)
    {
      tamis_ynode_error (value, filename, error, "option '%s' of %s must be at most %s, not %s",
                         option->name, schema->plugin.name, option->max, value->scalar);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (const TamisSchema *schema, const TamisOption *option, const TamisYNode *value,
             const char *filename, GError **error)
{
  gboolean b;

  if (tamis_ynode_is_null (value))
    return TRUE; /* null: the default applies */
  if (option->type == TAMIS_OPTION_MAPPING)
    {
      if (value->type == TAMIS_YNODE_MAPPING)
        return TRUE;
    }
  else if (option->type == TAMIS_OPTION_LIST)
    {
      const TamisYNode *const *items;
      guint n;

      if (value->type == TAMIS_YNODE_SCALAR)
        return check_choice (schema, option, value, filename, error);
      if (value->type == TAMIS_YNODE_SEQUENCE)
        {
          items = (const TamisYNode *const *) value->items->pdata;
          n = value->items->len;
          for (guint i = 0; i < n; i++)
            {
              if (items[i]->type != TAMIS_YNODE_SCALAR)
                {
                  tamis_ynode_error (items[i], filename, error,
                                     "option '%s' of %s must be a list of single values, not of %ss",
                                     option->name, schema->plugin.name, tamis_ynode_type_name (items[i]));
                  return FALSE;
                }
              if (!check_choice (schema, option, items[i], filename, error))
                return FALSE;
            }
          return TRUE;
        }
    }
  else if (value->type == TAMIS_YNODE_SCALAR)
    {
      switch (option->type)
        {
        case TAMIS_OPTION_INT:
        case TAMIS_OPTION_DOUBLE:
          return check_number (schema, option, value, filename, error);
        case TAMIS_OPTION_BOOL:
          if (tamis_ynode_bool (value, &b))
            return TRUE;
          {
            g_autofree char *excerpt = tamis_ynode_excerpt (value->scalar);
            tamis_ynode_error (value, filename, error,
                               "option '%s' of %s must be true or false, not '%s'", option->name,
                               schema->plugin.name, excerpt);
          }
          return FALSE;
        case TAMIS_OPTION_STRING:
          return check_choice (schema, option, value, filename, error);
        default:
          return TRUE;
        }
    }
  tamis_ynode_error (value, filename, error, "option '%s' of %s must be %s, not %s", option->name,
                     schema->plugin.name, option_type_names[option->type],
                     tamis_ynode_type_name (value));
  return FALSE;
}

gboolean
tamis_schema_check_options (const TamisSchema *schema, const TamisYNode *map, const char *skip,
                            const char *filename, GError **error)
{
  for (guint i = 0; map && i < tamis_ynode_n_pairs (map); i++)
    {
      const TamisYNode *key = tamis_ynode_key (map, i);
      const TamisOption *option = tamis_schema_find_option (schema, key->scalar);

      if (skip && strcmp (key->scalar, skip) == 0)
        continue;

      if (option == NULL)
        {
          g_auto (GStrv) names = tamis_schema_option_names (schema);
          const char *near = tamis_nearest_name (key->scalar, (const char *const *) names);
          g_autofree char *list = g_strjoinv (", ", names);

          if (near)
            tamis_ynode_error (key, filename, error,
                               "unknown option '%s' for %s; hint: did you mean '%s'?", key->scalar,
                               schema->plugin.name, near);
          else
            tamis_ynode_error (key, filename, error,
                               "unknown option '%s' for %s; hint: %s%s (see 'tamis plugins %s')",
                               key->scalar, schema->plugin.name,
                               *list ? "known options are: " : "it takes no options", list,
                               schema->plugin.name);
          return FALSE;
        }
      if (!check_value (schema, option, tamis_ynode_value (map, i), filename, error))
        return FALSE;
    }
  return TRUE;
}
