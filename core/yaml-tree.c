/* tamis — YAML to a positioned node tree, on libyaml's event parser. */
#include "config.h"

#include <string.h>
#include <yaml.h>

#include <tamis/error.h>
#include "yaml-tree.h"

/* Pipelines are small: these bounds keep a hostile file from costing
 * time or memory, and are far above anything written by hand. */
#define MAX_DEPTH 64
#define MAX_KEYS 10000        /* pairs in one mapping */
#define MAX_ITEMS 100000      /* items in one sequence */
#define MAX_KEY_BYTES 256
#define MAX_SCALAR_BYTES 65536

typedef struct {
  yaml_parser_t parser;
  const char *filename;
  const char *data;
  gsize length;
  guint depth;
} Parse;

char *
tamis_ynode_excerpt (const char *text)
{
  const gsize max = 40;
  const char *end;

  if (strlen (text) <= max)
    return g_strdup (text);
  /* cut on a character boundary */
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strdup_printf ("%.*s… (%" G_GSIZE_FORMAT " bytes)", (int) (end - text), text, strlen (text));
}

static TamisYNode *
ynode_new (TamisYNodeType type, const yaml_mark_t *mark)
{
  TamisYNode *node = g_new0 (TamisYNode, 1);

  node->type = type;
  node->line = mark->line + 1;
  node->column = mark->column + 1;
  if (type != TAMIS_YNODE_SCALAR)
    node->items = g_ptr_array_new_with_free_func ((GDestroyNotify) tamis_ynode_free);
  return node;
}

void
tamis_ynode_free (TamisYNode *node)
{
  if (node == NULL)
    return;
  if (node->items)
    g_ptr_array_unref (node->items);
  g_free (node->scalar);
  g_free (node);
}

void
tamis_ynode_error (const TamisYNode *node, const char *filename, GError **error,
                   const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG, "%s:%u:%u: %s", filename,
               node ? node->line : 1, node ? node->column : 1, message);
}

static void
mark_error (Parse *p, const yaml_mark_t *mark, GError **error, const char *message)
{
  g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG, "%s:%zu:%zu: %s", p->filename,
               mark->line + 1, mark->column + 1, message);
}

static gboolean
next_event (Parse *p, yaml_event_t *event, GError **error)
{
  if (yaml_parser_parse (&p->parser, event))
    return TRUE;

  {
    g_autofree char *message = NULL;
    yaml_mark_t mark_copy = p->parser.problem_mark;
    const yaml_mark_t *mark = &mark_copy;

    /* libyaml's reader errors (invalid UTF-8, a control character) give a
     * byte offset but no line: count them. */
    if (p->parser.error == YAML_READER_ERROR && p->parser.problem_offset <= p->length)
      {
        const char *at = p->data + p->parser.problem_offset, *line = p->data;

        mark_copy.line = 0;
        for (const char *c = p->data; c < at; c++)
          if (*c == '\n')
            {
              mark_copy.line++;
              line = c + 1;
            }
        mark_copy.column = g_utf8_strlen (line, at - line);
        message = g_strdup_printf ("%s at byte %zu", p->parser.problem ? p->parser.problem : "unreadable input",
                                   p->parser.problem_offset);
        mark_error (p, mark, error, message);
        return FALSE;
      }

    if (p->parser.context)
      message = g_strdup_printf ("YAML syntax error: %s %s (line %zu)", p->parser.problem,
                                 p->parser.context, p->parser.context_mark.line + 1);
    else
      message = g_strdup_printf ("YAML syntax error: %s",
                                 p->parser.problem ? p->parser.problem : "unreadable input");
    mark_error (p, mark, error, message);
  }
  return FALSE;
}

static TamisYNode *parse_node (Parse *p, yaml_event_t *event, GError **error);

/* Reads the children of a sequence or mapping until its end event. */
static gboolean
parse_children (Parse *p, TamisYNode *node, yaml_event_type_t end_type, GError **error)
{
  /* duplicate keys through a hash set: a linear search per key would make
   * a mapping of n keys cost n² */
  g_autoptr (GHashTable) keys = node->type == TAMIS_YNODE_MAPPING ? g_hash_table_new (g_str_hash, g_str_equal)
                                                                    : NULL;

  for (;;)
    {
      yaml_event_t event;
      TamisYNode *child;

      if (!next_event (p, &event, error))
        return FALSE;
      if (event.type == end_type)
        {
          yaml_event_delete (&event);
          break;
        }
      child = parse_node (p, &event, error);
      yaml_event_delete (&event);
      if (child == NULL)
        return FALSE;

      if (node->type == TAMIS_YNODE_MAPPING && node->items->len % 2 == 0)
        {
          if (child->type != TAMIS_YNODE_SCALAR)
            {
              tamis_ynode_error (child, p->filename, error, "mapping keys must be plain names");
              tamis_ynode_free (child);
              return FALSE;
            }
          if (strlen (child->scalar) > MAX_KEY_BYTES)
            {
              g_autofree char *excerpt = tamis_ynode_excerpt (child->scalar);
              tamis_ynode_error (child, p->filename, error, "key '%s' is too long (at most %d bytes)",
                                 excerpt, MAX_KEY_BYTES);
              tamis_ynode_free (child);
              return FALSE;
            }
          if (!g_hash_table_add (keys, child->scalar))
            {
              tamis_ynode_error (child, p->filename, error, "duplicate key '%s'", child->scalar);
              tamis_ynode_free (child);
              return FALSE;
            }
          if (g_hash_table_size (keys) > MAX_KEYS)
            {
              tamis_ynode_error (child, p->filename, error,
                                 "more than %d keys in one mapping; a pipeline needs far fewer",
                                 MAX_KEYS);
              tamis_ynode_free (child);
              return FALSE;
            }
        }
      else if (node->type == TAMIS_YNODE_SEQUENCE && node->items->len == MAX_ITEMS)
        {
          tamis_ynode_error (child, p->filename, error,
                             "more than %d items in one list; a pipeline needs far fewer", MAX_ITEMS);
          tamis_ynode_free (child);
          return FALSE;
        }
      g_ptr_array_add (node->items, child);
    }
  return TRUE;
}

static TamisYNode *
parse_node (Parse *p, yaml_event_t *event, GError **error)
{
  g_autoptr (TamisYNode) node = NULL;

  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      if (event->data.scalar.length > MAX_SCALAR_BYTES)
        {
          g_autofree char *message = g_strdup_printf (
              "a value of %zu bytes; values in a pipeline are limited to %d bytes",
              event->data.scalar.length, MAX_SCALAR_BYTES);
          mark_error (p, &event->start_mark, error, message);
          return NULL;
        }
      node = ynode_new (TAMIS_YNODE_SCALAR, &event->start_mark);
      node->scalar = g_strndup ((const char *) event->data.scalar.value, event->data.scalar.length);
      node->plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      return g_steal_pointer (&node);

    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      if (++p->depth > MAX_DEPTH)
        {
          mark_error (p, &event->start_mark, error, "nesting deeper than 64 levels");
          return NULL;
        }
      if (event->type == YAML_SEQUENCE_START_EVENT)
        {
          node = ynode_new (TAMIS_YNODE_SEQUENCE, &event->start_mark);
          if (!parse_children (p, node, YAML_SEQUENCE_END_EVENT, error))
            return NULL;
        }
      else
        {
          node = ynode_new (TAMIS_YNODE_MAPPING, &event->start_mark);
          if (!parse_children (p, node, YAML_MAPPING_END_EVENT, error))
            return NULL;
        }
      p->depth--;
      return g_steal_pointer (&node);

    case YAML_ALIAS_EVENT:
      mark_error (p, &event->start_mark, error,
                  "YAML aliases (*name) are not supported in pipelines; write the value out");
      return NULL;

    default:
      mark_error (p, &event->start_mark, error, "unexpected YAML event");
      return NULL;
    }
}

TamisYNode *
tamis_ynode_parse (const char *data, gsize length, const char *filename, GError **error)
{
  Parse p = { .filename = filename, .data = data, .length = length };
  yaml_event_t event;
  TamisYNode *root = NULL;
  gboolean ok = FALSE;

  yaml_parser_initialize (&p.parser);
  yaml_parser_set_input_string (&p.parser, (const unsigned char *) data, length);

  /* stream start, then document start (or stream end for an empty file) */
  if (!next_event (&p, &event, error))
    goto out;
  yaml_event_delete (&event);
  if (!next_event (&p, &event, error))
    goto out;
  if (event.type != YAML_DOCUMENT_START_EVENT)
    {
      mark_error (&p, &event.start_mark, error, "the pipeline file is empty");
      yaml_event_delete (&event);
      goto out;
    }
  yaml_event_delete (&event);

  if (!next_event (&p, &event, error))
    goto out;
  root = parse_node (&p, &event, error);
  yaml_event_delete (&event);
  if (root == NULL)
    goto out;

  if (!next_event (&p, &event, error))
    goto out;
  yaml_event_delete (&event); /* document end */
  if (!next_event (&p, &event, error))
    goto out;
  if (event.type != YAML_STREAM_END_EVENT)
    {
      mark_error (&p, &event.start_mark, error,
                  "more than one YAML document; a pipeline file holds one");
      yaml_event_delete (&event);
      goto out;
    }
  yaml_event_delete (&event);
  ok = TRUE;

out:
  yaml_parser_delete (&p.parser);
  if (!ok)
    g_clear_pointer (&root, tamis_ynode_free);
  return root;
}

guint
tamis_ynode_n_pairs (const TamisYNode *map)
{
  return map->items->len / 2;
}

TamisYNode *
tamis_ynode_key (const TamisYNode *map, guint i)
{
  return g_ptr_array_index (map->items, 2 * i);
}

TamisYNode *
tamis_ynode_value (const TamisYNode *map, guint i)
{
  return g_ptr_array_index (map->items, 2 * i + 1);
}

TamisYNode *
tamis_ynode_lookup (const TamisYNode *map, const char *key)
{
  g_return_val_if_fail (map->type == TAMIS_YNODE_MAPPING, NULL);

  for (guint i = 0; i + 1 < map->items->len; i += 2)
    {
      const TamisYNode *k = g_ptr_array_index (map->items, i);
      if (strcmp (k->scalar, key) == 0)
        return g_ptr_array_index (map->items, i + 1);
    }
  return NULL;
}

gboolean
tamis_ynode_is_null (const TamisYNode *node)
{
  return node->type == TAMIS_YNODE_SCALAR && node->plain &&
         (node->scalar[0] == '\0' || strcmp (node->scalar, "~") == 0 ||
          g_ascii_strcasecmp (node->scalar, "null") == 0);
}

const char *
tamis_ynode_type_name (const TamisYNode *node)
{
  switch (node->type)
    {
    case TAMIS_YNODE_SCALAR:
      return "a single value";
    case TAMIS_YNODE_SEQUENCE:
      return "a list";
    case TAMIS_YNODE_MAPPING:
    default:
      return "a mapping";
    }
}

gboolean
tamis_ynode_strv (const TamisYNode *node, const char *filename, const char *what, char ***out,
                  GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (node->type == TAMIS_YNODE_MAPPING)
    {
      tamis_ynode_error (node, filename, error, "%s must be a list, not a mapping", what);
      return FALSE;
    }
  if (node->type == TAMIS_YNODE_SCALAR)
    g_strv_builder_add (builder, node->scalar);
  else
    for (guint i = 0; i < node->items->len; i++)
      {
        const TamisYNode *item = g_ptr_array_index (node->items, i);
        if (item->type != TAMIS_YNODE_SCALAR)
          {
            tamis_ynode_error (item, filename, error, "items of %s must be single values, not %s",
                               what, tamis_ynode_type_name (item));
            return FALSE;
          }
        g_strv_builder_add (builder, item->scalar);
      }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
tamis_ynode_bool (const TamisYNode *node, gboolean *value)
{
  static const char *const yes[] = { "true", "yes", "on" };
  static const char *const no[] = { "false", "no", "off" };

  if (node->type != TAMIS_YNODE_SCALAR)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (node->scalar, yes[i]) == 0)
        {
          *value = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (node->scalar, no[i]) == 0)
        {
          *value = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
edit_distance (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

const char *
tamis_nearest_name (const char *name, const char *const *known)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;

  for (; known && *known; known++)
    {
      guint d = edit_distance (name, *known);
      if (d < best_distance)
        {
          best_distance = d;
          best = *known;
        }
    }
  /* Only a near miss is worth suggesting. */
  return best_distance <= (strlen (name) >= 4 ? 2u : 1u) ? best : NULL;
}
