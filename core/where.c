/* tamis — `output: {where:}`: which documents a run writes.
 *
 * A condition names a key and the values it accepts. A document's value
 * for the key is its document attribute of that name — a string as it is,
 * an integer in decimal, a boolean as true or false; a double or a JSON
 * value never matches — or, when it has no such attribute, the string
 * field of that name among its metadata (the input record's other fields),
 * so that a pipeline without stages can filter on what the input says.
 * A document without a value for the key does not match. */
#include "config.h"

#include <string.h>

#include "where.h"

struct _TamisWhere {
  GPtrArray *keys;   /* char *, NULL-terminated */
  GPtrArray *values; /* char **, one per key */
};

TamisWhere *
tamis_where_new (void)
{
  TamisWhere *where = g_new0 (TamisWhere, 1);

  where->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (where->keys, NULL);
  where->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return where;
}

void
tamis_where_free (TamisWhere *where)
{
  if (where == NULL)
    return;
  g_ptr_array_unref (where->keys);
  g_ptr_array_unref (where->values);
  g_free (where);
}

static gint
find_key (const TamisWhere *where, const char *key)
{
  for (guint i = 0; i < where->values->len; i++)
    if (strcmp (g_ptr_array_index (where->keys, i), key) == 0)
      return (gint) i;
  return -1;
}

void
tamis_where_set (TamisWhere *where, const char *key, const char *const *values)
{
  gint i = find_key (where, key);

  if (values == NULL)
    {
      if (i >= 0)
        {
          g_ptr_array_remove_index (where->keys, i);
          g_ptr_array_remove_index (where->values, i);
        }
      return;
    }
  if (i >= 0)
    {
      g_strfreev (g_ptr_array_index (where->values, i));
      g_ptr_array_index (where->values, i) = g_strdupv ((char **) values);
      return;
    }
  /* before the terminating NULL */
  g_ptr_array_insert (where->keys, where->keys->len - 1, g_strdup (key));
  g_ptr_array_add (where->values, g_strdupv ((char **) values));
}

const char *const *
tamis_where_get_keys (const TamisWhere *where)
{
  return (const char *const *) where->keys->pdata;
}

const char *const *
tamis_where_get_values (const TamisWhere *where, const char *key)
{
  gint i = find_key (where, key);

  return i < 0 ? NULL : g_ptr_array_index (where->values, i);
}

gboolean
tamis_where_parse (TamisWhere *where, const TamisYNode *node, const char *filename, GError **error)
{
  if (node->type != TAMIS_YNODE_MAPPING)
    {
      tamis_ynode_error (node, filename, error,
                         "'output: where' must be a mapping such as {lang: [fr, en]}, not %s",
                         tamis_ynode_type_name (node));
      return FALSE;
    }
  for (guint i = 0; i < tamis_ynode_n_pairs (node); i++)
    {
      const TamisYNode *key = tamis_ynode_key (node, i);
      const TamisYNode *list = tamis_ynode_value (node, i);
      g_autofree char *what = g_strdup_printf ("'output: where: %s'", key->scalar);
      g_auto (GStrv) values = NULL;

      if (!tamis_ynode_strv (list, filename, what, &values, error))
        return FALSE;
      if (values[0] == NULL)
        {
          /* it would leave out every document but the failed ones */
          tamis_ynode_error (list, filename, error, "%s lists no value", what);
          return FALSE;
        }
      tamis_where_set (where, key->scalar, (const char *const *) values);
    }
  return TRUE;
}

gboolean
tamis_where_matches (const TamisWhere *where, const TamisDoc *doc)
{
  if (where->values->len == 0 || tamis_doc_get_error_code (doc) != NULL)
    return TRUE;
  for (guint i = 0; i < where->values->len; i++)
    {
      const char *key = g_ptr_array_index (where->keys, i);
      const char *const *accepted = g_ptr_array_index (where->values, i);
      char number[24];
      const char *text = NULL;
      TamisValue value;

      if (tamis_doc_get_attr (doc, key, &value))
        switch (value.type)
          {
          case TAMIS_VALUE_STRING:
            text = value.s;
            break;
          case TAMIS_VALUE_INT:
            g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value.i);
            text = number;
            break;
          case TAMIS_VALUE_BOOL:
            text = value.b ? "true" : "false";
            break;
          default:
            break;
          }
      else
        text = tamis_doc_get_meta (doc, key);
      if (text == NULL || !g_strv_contains (accepted, text))
        return FALSE;
    }
  return TRUE;
}
