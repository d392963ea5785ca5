/* tamis — pipelines: the YAML schema, its validation, and running stages.
 *
 * Everything that can be wrong with a pipeline is found here, before any
 * document is read: syntax, unknown keys, wrong types, unknown plugins,
 * unmet requirements and the plugins' own option errors. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <tamis/pipeline.h>
#include <tamis/io.h>
#include "config-private.h"
#include "document-private.h"
#include "pipeline-private.h"
#include "registry-private.h"
#include "summary-private.h"
#include "where.h"
#include "yaml-tree.h"

typedef struct {
  const TamisPluginEntry *entry;
  const TamisPlugin *plugin;
  TamisConfig *config;
  gpointer state;
  gboolean created;
  char **langs; /* when: {lang: […]}, or NULL */
  const TamisYNode *when_lang;
  guint line;
  char *label;  /* "stage 2 (money)", for messages */
  char *by;     /* "money 1.1.0 #1a2b3c4d": plugin, version, hash of its options */
  char *options_json; /* the options in effect, as a JSON object */
  GPtrArray *outputs; /* const TamisOutput *: declared less dropped, NULL-ended */
  char **writes;      /* their names */
  GMutex lock;  /* held around process() of TAMIS_PLUGIN_SERIAL plugins */
  guint64 n_skipped; /* documents its when: left out; atomic */
} Stage;

/* Places for the "by" attributes a pipeline's documents get: a few kinds
 * of document (an output written or not) make most of a corpus. */
#define BY_MADE 64

typedef struct {
  guint64 held;                   /* which stages ran, and what each wrote */
  char json[];
} ByMade;

struct _TamisPipeline {
  TamisRegistry *registry; /* the stages' entries live in it */
  char *filename;
  TamisYNode *root;
  char *name;
  char **plugin_path;
  GPtrArray *stages;
  TamisInputFormat input_format;
  gsize max_doc_size;
  guint max_depth;
  char *output_format;
  char **output_layers;
  const TamisYNode *output_layers_node;
  char **output_attributes;  /* output: {attributes:}, NULL: all */
  const TamisYNode *output_attributes_node;
  gboolean output_text;
  TamisWhere *where;       /* output: {where:} */
  TamisProvenance provenance;
  gboolean isolate;        /* run: {isolate:} */
  double document_seconds; /* limits: {document_seconds:}, 0: none */
  gsize worker_memory;     /* limits: {worker_memory:}, 0: none */
  char *summary_file;      /* summary: {file:}, relative to the working directory */
  char *summary_inputs[SUMMARY_N_INPUTS]; /* summary: {entity_layer: …}, NULL: default */
  /* "by" attributes made already, by what their documents held (see
   * set_provenance()); filled by the workers, freed with the pipeline */
  gpointer by_made[BY_MADE];
};

/* Each stage holds a plugin's state: a bound on their number bounds what
 * a pipeline file can make the process allocate. */
#define MAX_STAGES 256

static const char *const top_keys[] = { "tamis", "name", "plugin_path", "input", "stages", "output",
                                        "run", "limits", "summary", NULL };
static const char *const run_keys[] = { "isolate", NULL };
static const char *const limits_keys[] = { "document_seconds", "worker_memory", NULL };
static const char *const input_keys[] = { "format", "max_size", "max_depth", NULL };
static const char *const output_keys[] = { "format", "layers", "attributes", "text", "provenance", "where", NULL };
static const char *const long_stage_keys[] = { "plugin", "with", "when", NULL };
static const char *const when_keys[] = { "lang", NULL };

static void
stage_free (gpointer data)
{
  Stage *stage = data;

  if (stage->created && stage->plugin->destroy)
    stage->plugin->destroy (stage->state);
  tamis_config_free (stage->config);
  g_strfreev (stage->langs);
  g_free (stage->label);
  g_free (stage->by);
  g_free (stage->options_json);
  if (stage->outputs)
    g_ptr_array_unref (stage->outputs);
  g_strfreev (stage->writes);
  g_mutex_clear (&stage->lock);
  g_free (stage);
}

void
tamis_pipeline_free (TamisPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  /* Stages first: their configs point into the YAML tree. */
  g_ptr_array_unref (pipeline->stages);
  tamis_ynode_free (pipeline->root);
  tamis_registry_unref (pipeline->registry);
  g_strfreev (pipeline->plugin_path);
  g_strfreev (pipeline->output_layers);
  tamis_where_free (pipeline->where);
  g_strfreev (pipeline->output_attributes);
  g_free (pipeline->output_format);
  g_free (pipeline->summary_file);
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    g_free (pipeline->summary_inputs[i]);
  g_free (pipeline->name);
  g_free (pipeline->filename);
  for (guint i = 0; i < BY_MADE; i++)
    g_free (pipeline->by_made[i]);
  g_free (pipeline);
}

/* ---- schema helpers ---- */

static gboolean
check_keys (TamisPipeline *p, const TamisYNode *map, const char *const *allowed, const char *what,
            GError **error)
{
  for (guint i = 0; i < tamis_ynode_n_pairs (map); i++)
    {
      const TamisYNode *key = tamis_ynode_key (map, i);
      const char *near;
      g_autofree char *list = NULL;

      if (g_strv_contains (allowed, key->scalar))
        continue;
      near = tamis_nearest_name (key->scalar, allowed);
      list = g_strjoinv (", ", (char **) allowed);
      if (near)
        tamis_ynode_error (key, p->filename, error, "unknown key '%s' in %s; hint: did you mean '%s'?",
                           key->scalar, what, near);
      else
        tamis_ynode_error (key, p->filename, error, "unknown key '%s' in %s; hint: known keys are: %s",
                           key->scalar, what, list);
      return FALSE;
    }
  return TRUE;
}

static gboolean
want_type (TamisPipeline *p, const TamisYNode *node, TamisYNodeType type, const char *what,
           GError **error)
{
  static const char *const names[] = { "a single value", "a list", "a mapping" };

  if (node->type == type)
    return TRUE;
  tamis_ynode_error (node, p->filename, error, "%s must be %s, not %s", what, names[type],
                     tamis_ynode_type_name (node));
  return FALSE;
}

static char *
relative_to_file (TamisPipeline *p, const char *path)
{
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (path))
    return g_strdup (path);
  dir = g_path_get_dirname (p->filename);
  return g_build_filename (dir, path, NULL);
}

/* ---- sections ---- */

static gboolean
parse_input (TamisPipeline *p, const TamisYNode *input, GError **error)
{
  const TamisYNode *node;

  if (!want_type (p, input, TAMIS_YNODE_MAPPING, "'input'", error) ||
      !check_keys (p, input, input_keys, "'input'", error))
    return FALSE;
  if ((node = tamis_ynode_lookup (input, "format")))
    {
      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'input: format'", error))
        return FALSE;
      if (!tamis_input_format_from_string (node->scalar, &p->input_format))
        {
          tamis_ynode_error (node, p->filename, error,
                             "unknown input format '%s'; hint: use auto, text or jsonl", node->scalar);
          return FALSE;
        }
    }
  if ((node = tamis_ynode_lookup (input, "max_size")))
    {
      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'input: max_size'", error))
        return FALSE;
      if (!tamis_size_from_string (node->scalar, &p->max_doc_size))
        {
          tamis_ynode_error (node, p->filename, error,
                             "'max_size' must be a size such as 1000, 512K or 64M, not '%s'",
                             node->scalar);
          return FALSE;
        }
    }
  if ((node = tamis_ynode_lookup (input, "max_depth")))
    {
      guint64 depth = 0;

      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'input: max_depth'", error))
        return FALSE;
      if (!g_ascii_string_to_unsigned (node->scalar, 10, 1, TAMIS_MAX_DEPTH_LIMIT, &depth, NULL))
        {
          tamis_ynode_error (node, p->filename, error,
                             "'max_depth' must be a whole number from 1 to %u, not '%s'",
                             TAMIS_MAX_DEPTH_LIMIT, node->scalar);
          return FALSE;
        }
      p->max_depth = depth;
    }
  return TRUE;
}

static gboolean
parse_run (TamisPipeline *p, const TamisYNode *run, GError **error)
{
  const TamisYNode *node;

  if (!want_type (p, run, TAMIS_YNODE_MAPPING, "'run'", error) ||
      !check_keys (p, run, run_keys, "'run'", error))
    return FALSE;
  if ((node = tamis_ynode_lookup (run, "isolate")) && !tamis_ynode_bool (node, &p->isolate))
    {
      tamis_ynode_error (node, p->filename, error, "'run: isolate' must be true or false, not '%s'",
                         node->type == TAMIS_YNODE_SCALAR ? node->scalar : "a collection");
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_limits (TamisPipeline *p, const TamisYNode *limits, GError **error)
{
  const TamisYNode *node;

  if (!want_type (p, limits, TAMIS_YNODE_MAPPING, "'limits'", error) ||
      !check_keys (p, limits, limits_keys, "'limits'", error))
    return FALSE;
  if ((node = tamis_ynode_lookup (limits, "document_seconds")))
    {
      char *end = NULL;
      double seconds;

      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'limits: document_seconds'", error))
        return FALSE;
      seconds = g_ascii_strtod (node->scalar, &end);
      if (end == node->scalar || *end || !(seconds > 0 && seconds < 1e9))
        {
          tamis_ynode_error (node, p->filename, error,
                             "'document_seconds' must be a number of seconds over 0, not '%s'",
                             node->scalar);
          return FALSE;
        }
      p->document_seconds = seconds;
    }
  if ((node = tamis_ynode_lookup (limits, "worker_memory")))
    {
      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'limits: worker_memory'", error))
        return FALSE;
      if (!tamis_size_from_string (node->scalar, &p->worker_memory) || p->worker_memory == 0)
        {
          tamis_ynode_error (node, p->filename, error,
                             "'worker_memory' must be a size such as 512M or 2G, not '%s'",
                             node->scalar);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_output (TamisPipeline *p, const TamisYNode *output, GError **error)
{
  const TamisYNode *node;

  if (!want_type (p, output, TAMIS_YNODE_MAPPING, "'output'", error) ||
      !check_keys (p, output, output_keys, "'output'", error))
    return FALSE;
  if ((node = tamis_ynode_lookup (output, "format")))
    {
      TamisFormat format;
      g_autoptr (GError) local = NULL;

      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'output: format'", error))
        return FALSE;
      if (!tamis_format_from_string (node->scalar, &format, &local))
        {
          tamis_ynode_error (node, p->filename, error, "%s", local->message);
          return FALSE;
        }
      p->output_format = g_strdup (node->scalar);
    }
  if ((node = tamis_ynode_lookup (output, "layers")) &&
      !tamis_ynode_strv (node, p->filename, "'output: layers'", &p->output_layers, error))
    return FALSE;
  p->output_layers_node = node;
  if ((node = tamis_ynode_lookup (output, "attributes")) &&
      !tamis_ynode_strv (node, p->filename, "'output: attributes'", &p->output_attributes, error))
    return FALSE;
  p->output_attributes_node = node;
  if ((node = tamis_ynode_lookup (output, "provenance")))
    {
      static const char *const modes[] = { "short", "full", "none", NULL };
      guint i;

      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'output: provenance'", error))
        return FALSE;
      for (i = 0; modes[i] && strcmp (modes[i], node->scalar) != 0; i++)
        ;
      if (modes[i] == NULL)
        {
          tamis_ynode_error (node, p->filename, error,
                             "'output: provenance' must be short, full or none");
          return FALSE;
        }
      p->provenance = i == 0 ? TAMIS_PROVENANCE_SHORT : i == 1 ? TAMIS_PROVENANCE_FULL
                                                               : TAMIS_PROVENANCE_NONE;
    }
  if ((node = tamis_ynode_lookup (output, "text")) && !tamis_ynode_bool (node, &p->output_text))
    {
      tamis_ynode_error (node, p->filename, error, "'output: text' must be true or false");
      return FALSE;
    }
  if ((node = tamis_ynode_lookup (output, "where")) &&
      !tamis_where_parse (p->where, node, p->filename, error))
    return FALSE;
  return TRUE;
}

/* summary: {file:, entity_layer:, …}: where `tamis run` writes the
 * corpus summary, and the layers and attributes it reads. */
static gboolean
parse_summary (TamisPipeline *p, const TamisYNode *summary, GError **error)
{
  const char *keys[SUMMARY_N_INPUTS + 2];
  const TamisYNode *node;

  keys[0] = "file";
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    keys[i + 1] = tamis_summary_input_key (i);
  keys[SUMMARY_N_INPUTS + 1] = NULL;
  if (!want_type (p, summary, TAMIS_YNODE_MAPPING, "'summary'", error) ||
      !check_keys (p, summary, keys, "'summary'", error))
    return FALSE;
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *what = g_strdup_printf ("'summary: %s'", keys[i]);

      if ((node = tamis_ynode_lookup (summary, keys[i])) == NULL)
        continue;
      if (!want_type (p, node, TAMIS_YNODE_SCALAR, what, error))
        return FALSE;
      if (*node->scalar == '\0')
        {
          tamis_ynode_error (node, p->filename, error, "%s is empty; hint: remove it for the default",
                             what);
          return FALSE;
        }
      if (i == 0)
        p->summary_file = g_strdup (node->scalar);
      else
        p->summary_inputs[i - 1] = g_strdup (node->scalar);
    }
  return TRUE;
}

static gboolean
parse_when (TamisPipeline *p, Stage *stage, const TamisYNode *when, GError **error)
{
  const TamisYNode *lang;

  if (tamis_ynode_is_null (when))
    return TRUE;
  if (!want_type (p, when, TAMIS_YNODE_MAPPING, "'when'", error) ||
      !check_keys (p, when, when_keys, "'when'", error))
    return FALSE;
  if ((lang = tamis_ynode_lookup (when, "lang")))
    {
      stage->when_lang = tamis_ynode_key (when, 0);
      for (guint i = 0; i < tamis_ynode_n_pairs (when); i++)
        if (tamis_ynode_value (when, i) == lang)
          stage->when_lang = tamis_ynode_key (when, i);
      return tamis_ynode_strv (lang, p->filename, "'when: lang'", &stage->langs, error);
    }
  return TRUE;
}

/* The declared output @name of @plugin, NULL when it does not write it. */
static const TamisOutput *
declared_output (const TamisPlugin *plugin, const char *name)
{
  for (const TamisOutput *w = plugin->writes; w && w->name; w++)
    if (strcmp (w->name, name) == 0)
      return w;
  return NULL;
}

/* Names of the loadable plugins that provide @what, for hints. */
static char *
providers_of (TamisRegistry *registry, TamisPipeline *p, const char *what)
{
  g_autoptr (GPtrArray) entries = tamis_registry_scan (registry, (const char *const *) p->plugin_path, NULL);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const TamisPlugin *plugin = tamis_plugin_entry_get_plugin (g_ptr_array_index (entries, i));
      if (declared_output (plugin, what))
        g_strv_builder_add (names, plugin->name);
    }
  list = g_strv_builder_end (names);
  return list[0] ? g_strjoinv ("' or '", list) : NULL;
}

static gboolean
load_plugin (TamisPipeline *p, TamisRegistry *registry, Stage *stage, const TamisYNode *where,
             const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) known = NULL;
  const char *near;
  gboolean found;

  stage->entry = tamis_registry_load_found (registry, name, (const char *const *) p->plugin_path,
                                            &found, &local);
  if (stage->entry)
    return TRUE;
  if (found)
    {
      /* found but refused: wrong ABI, no descriptor, not loadable */
      tamis_ynode_error (where, p->filename, error, "%s", local->message);
      return FALSE;
    }
  entries = tamis_registry_scan (registry, (const char *const *) p->plugin_path, NULL);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < entries->len; i++)
    g_strv_builder_add (builder, tamis_plugin_entry_get_plugin (g_ptr_array_index (entries, i))->name);
  known = g_strv_builder_end (builder);
  near = tamis_nearest_name (name, (const char *const *) known);
  if (near)
    tamis_ynode_error (where, p->filename, error, "unknown plugin '%s'; hint: did you mean '%s'?",
                       name, near);
  else if (strlen (name) > 64)
    {
      g_autofree char *excerpt = tamis_ynode_excerpt (name);
      tamis_ynode_error (where, p->filename, error, "'%s' is not a plugin name", excerpt);
    }
  else
    {
      g_autofree char *list = g_strjoinv (", ", known);
      tamis_ynode_error (where, p->filename, error,
                         "%s; hint: available plugins are: %s (see 'tamis plugins')", local->message,
                         *list ? list : "none");
    }
  return FALSE;
}

/* Reports @what (taken) at @node, hinting at a stage that would write
 * @name, or at the names the pipeline does write. */
static void
unmet (TamisPipeline *p, TamisRegistry *registry, const TamisYNode *node, const char *name,
       char *what, GError **error)
{
  g_autofree char *message = what;
  g_autofree char *providers = providers_of (registry, p, name);

  if (providers)
    tamis_ynode_error (node, p->filename, error, "%s; hint: add '%s' before it", message, providers);
  else
    tamis_ynode_error (node, p->filename, error, "%s; hint: no plugin found writes it (see 'tamis plugins')",
                       message);
}

/* The stage's name in provenance: plugin, version and a short hash of the
 * options in effect (defaults included), so that two records made with
 * other versions or options are told apart; and those options as JSON. */
static void
stage_provenance (Stage *stage)
{
  g_autoptr (GString) options = g_string_new ("{");
  g_autofree char *hash = NULL;

  for (const TamisOption *o = stage->plugin->options; o && o->name; o++)
    {
      gboolean dflt;
      g_autofree char *value = tamis_config_describe (stage->config, o->name, &dflt);
      g_autofree char *key = g_strescape (o->name, NULL);
      g_autofree char *text = value ? g_strescape (value, NULL) : NULL;

      if (value == NULL)
        continue;
      g_string_append_printf (options, "%s\"%s\":\"%s\"", options->len > 1 ? "," : "", key, text);
    }
  g_string_append_c (options, '}');
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, options->str, options->len);
  stage->by = g_strdup_printf ("%s %s #%.8s", stage->plugin->name, stage->plugin->version, hash);
  stage->options_json = g_string_free (g_steal_pointer (&options), FALSE);
}

static gboolean
parse_stage (TamisPipeline *p, TamisRegistry *registry, const TamisYNode *item,
             GHashTable *provided, GError **error)
{
  g_autoptr (GError) local = NULL;
  Stage *stage = g_new0 (Stage, 1);
  const TamisYNode *name_node, *options = NULL, *when = NULL;
  const TamisPlugin *plugin;
  g_autoptr (GStrvBuilder) names = NULL;
  gboolean short_form = TRUE;

  g_mutex_init (&stage->lock);
  stage->line = item->line;
  g_ptr_array_add (p->stages, stage);

  if (item->type == TAMIS_YNODE_SCALAR)
    name_node = item;
  else if (item->type == TAMIS_YNODE_MAPPING && tamis_ynode_lookup (item, "plugin"))
    {
      short_form = FALSE;
      if (!check_keys (p, item, long_stage_keys, "a stage", error))
        return FALSE;
      name_node = tamis_ynode_lookup (item, "plugin");
      options = tamis_ynode_lookup (item, "with");
      when = tamis_ynode_lookup (item, "when");
    }
  else if (item->type == TAMIS_YNODE_MAPPING && tamis_ynode_n_pairs (item) == 1)
    {
      name_node = tamis_ynode_key (item, 0);
      options = tamis_ynode_value (item, 0);
      if (options->type == TAMIS_YNODE_MAPPING)
        when = tamis_ynode_lookup (options, "when");
    }
  else
    {
      tamis_ynode_error (item, p->filename, error,
                         "a stage is a plugin name, 'name: {options}', or 'plugin: name' with "
                         "'with:' and 'when:'");
      return FALSE;
    }

  if (!want_type (p, name_node, TAMIS_YNODE_SCALAR, "a stage's plugin", error))
    return FALSE;
  if (options && tamis_ynode_is_null (options))
    options = NULL;
  if (options && !want_type (p, options, TAMIS_YNODE_MAPPING, "a stage's options", error))
    return FALSE;
  if (when && !parse_when (p, stage, when, error))
    return FALSE;

  if (!load_plugin (p, registry, stage, name_node, name_node->scalar, error))
    return FALSE;
  plugin = stage->plugin = tamis_plugin_entry_get_plugin (stage->entry);
  stage->label = g_strdup_printf ("stage %u (%s)", p->stages->len, plugin->name);

  for (const char *const *read = plugin->reads; read && *read; read++)
    if (!g_hash_table_contains (provided, *read))
      {
        unmet (p, registry, name_node, *read,
               g_strdup_printf ("stage '%s' reads '%s', which no earlier stage writes", plugin->name, *read),
               error);
        return FALSE;
      }
  if (stage->langs && !g_hash_table_contains (provided, "lang"))
    {
      unmet (p, registry, stage->when_lang, "lang",
             g_strdup_printf ("'when: lang' of stage '%s' reads the document attribute 'lang', "
                              "which no earlier stage writes", plugin->name),
             error);
      return FALSE;
    }

  if (!tamis_schema_check_options (tamis_plugin_entry_get_schema (stage->entry), options,
                                   short_form ? "when" : NULL, p->filename, error))
    return FALSE;
  stage->config = tamis_config_new (options, name_node, p->filename,
                                    tamis_plugin_entry_get_schema (stage->entry),
                                    tamis_plugin_entry_get_path (stage->entry));
  if (short_form)
    tamis_config_reserve (stage->config, "when");
  if (plugin->create)
    {
      stage->state = plugin->create (stage->config, &local);
      if (stage->state == NULL)
        {
          const char *message = local ? local->message : "failed without saying why";
          if (local && local->domain == TAMIS_ERROR && local->code == TAMIS_ERROR_CONFIG)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            tamis_ynode_error (name_node, p->filename, error, "stage '%s': %s", plugin->name, message);
          return FALSE;
        }
    }
  stage->created = TRUE;
  if (!tamis_config_check_unknown (stage->config, error))
    return FALSE;

  stage->outputs = g_ptr_array_new ();
  names = g_strv_builder_new ();
  for (const TamisOutput *w = plugin->writes; w && w->name; w++)
    if (!tamis_config_is_dropped (stage->config, w->name))
      {
        g_ptr_array_add (stage->outputs, (gpointer) w);
        g_strv_builder_add (names, w->name);
        g_hash_table_insert (provided, (gpointer) w->name, GINT_TO_POINTER (w->kind));
      }
  g_ptr_array_add (stage->outputs, NULL);
  stage->writes = g_strv_builder_end (names);
  stage_provenance (stage);
  return TRUE;
}

/* Every layer of 'output: layers' must be written by some stage. */
static gboolean
check_output_layers (TamisPipeline *p, TamisRegistry *registry, GHashTable *provided, GError **error)
{
  const TamisYNode *node = p->output_layers_node;

  for (guint i = 0; p->output_layers && p->output_layers[i]; i++)
    {
      const char *name = p->output_layers[i];
      const TamisYNode *item = node;

      if (GPOINTER_TO_INT (g_hash_table_lookup (provided, name)) == TAMIS_OUTPUT_LAYER)
        continue;
      if (node->type == TAMIS_YNODE_SEQUENCE)
        item = g_ptr_array_index (node->items, i);
      {
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        g_auto (GStrv) layers = NULL;
        GHashTableIter iter;
        gpointer key, kind;
        const char *near;

        g_hash_table_iter_init (&iter, provided);
        while (g_hash_table_iter_next (&iter, &key, &kind))
          if (GPOINTER_TO_INT (kind) == TAMIS_OUTPUT_LAYER)
            g_strv_builder_add (builder, key);
        layers = g_strv_builder_end (builder);
        near = tamis_nearest_name (name, (const char *const *) layers);
        if (near)
          {
            tamis_ynode_error (item, p->filename, error,
                               "'output: layers' names '%s', which no stage writes; hint: did you mean '%s'?",
                               name, near);
            return FALSE;
          }
      }
      unmet (p, registry, item, name,
             g_strdup_printf ("'output: layers' names '%s', which no stage writes", name), error);
      return FALSE;
    }
  return TRUE;
}

/* The names of the outputs of @kind the stages write, each once. */
static char **
written_names (const TamisPipeline *p, TamisOutputKind kind)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < p->stages->len; i++)
    {
      const Stage *stage = g_ptr_array_index (p->stages, i);

      for (guint w = 0; w + 1 < stage->outputs->len; w++)
        {
          const TamisOutput *output = g_ptr_array_index (stage->outputs, w);

          if (output->kind == kind && g_hash_table_add (seen, (gpointer) output->name))
            g_strv_builder_add (builder, output->name);
        }
    }
  /* The core's own attribute (output: {provenance:}). */
  if (kind == TAMIS_OUTPUT_ATTRIBUTE && g_hash_table_add (seen, (gpointer) "by"))
    g_strv_builder_add (builder, "by");
  return g_strv_builder_end (builder);
}

/* Checks that every name of @names is an output of @kind of some stage:
 * a misspelt column would otherwise just stay empty. @node, when the names
 * come from the pipeline file, is where errors point; @what names them. */
static gboolean
check_written (const TamisPipeline *p, const char *const *names, TamisOutputKind kind,
               const TamisYNode *node, const char *what, GError **error)
{
  g_auto (GStrv) written = written_names (p, kind);

  for (guint i = 0; names && names[i]; i++)
    {
      const char *near;
      g_autofree char *hint = NULL;

      if (g_strv_contains ((const char *const *) written, names[i]))
        continue;
      near = tamis_nearest_name (names[i], (const char *const *) written);
      if (near)
        hint = g_strdup_printf ("did you mean '%s'?", near);
      else
        {
          g_autofree char *list = g_strjoinv (", ", written);
          hint = *list ? g_strdup_printf ("the stages write %s", list) : g_strdup ("the stages write none");
        }
      if (node != NULL)
        tamis_ynode_error (node->type == TAMIS_YNODE_SEQUENCE ? g_ptr_array_index (node->items, i) : node,
                           p->filename, error, "%s names '%s', which no stage writes; hint: %s", what,
                           names[i], hint);
      else
        g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_CONFIG, "%s names '%s', which no stage writes; hint: %s",
                     what, names[i], hint);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_pipeline (TamisPipeline *p, TamisRegistry *registry, GError **error)
{
  const TamisYNode *root = p->root, *node, *stages;
  g_autoptr (GHashTable) provided = g_hash_table_new (g_str_hash, g_str_equal);

  if (!want_type (p, root, TAMIS_YNODE_MAPPING, "a pipeline", error) ||
      !check_keys (p, root, top_keys, "the pipeline", error))
    return FALSE;

  node = tamis_ynode_lookup (root, "tamis");
  if (node == NULL)
    {
      tamis_ynode_error (root, p->filename, error,
                         "not a tamis pipeline; hint: start the file with 'tamis: 1'");
      return FALSE;
    }
  if (node->type != TAMIS_YNODE_SCALAR || strcmp (node->scalar, "1") != 0)
    {
      tamis_ynode_error (node, p->filename, error,
                         "unsupported pipeline schema version; hint: this tamis reads 'tamis: 1'");
      return FALSE;
    }
  if ((node = tamis_ynode_lookup (root, "name")))
    {
      if (!want_type (p, node, TAMIS_YNODE_SCALAR, "'name'", error))
        return FALSE;
      p->name = g_strdup (node->scalar);
    }
  if ((node = tamis_ynode_lookup (root, "plugin_path")))
    {
      g_auto (GStrv) dirs = NULL;
      if (!tamis_ynode_strv (node, p->filename, "'plugin_path'", &dirs, error))
        return FALSE;
      guint n = 0;

      /* an empty entry (an unset variable in a generated file) names no
       * folder: it must not become the pipeline's own */
      p->plugin_path = g_new0 (char *, g_strv_length (dirs) + 1);
      for (guint i = 0; dirs[i]; i++)
        if (*dirs[i])
          p->plugin_path[n++] = relative_to_file (p, dirs[i]);
    }
  if ((node = tamis_ynode_lookup (root, "input")) && !tamis_ynode_is_null (node) &&
      !parse_input (p, node, error))
    return FALSE;
  if ((node = tamis_ynode_lookup (root, "output")) && !tamis_ynode_is_null (node) &&
      !parse_output (p, node, error))
    return FALSE;
  if ((node = tamis_ynode_lookup (root, "run")) && !tamis_ynode_is_null (node) &&
      !parse_run (p, node, error))
    return FALSE;
  if ((node = tamis_ynode_lookup (root, "limits")) && !tamis_ynode_is_null (node) &&
      !parse_limits (p, node, error))
    return FALSE;
  if ((node = tamis_ynode_lookup (root, "summary")) && !tamis_ynode_is_null (node) &&
      !parse_summary (p, node, error))
    return FALSE;

  stages = tamis_ynode_lookup (root, "stages");
  if (stages == NULL || tamis_ynode_is_null (stages))
    {
      tamis_ynode_error (stages ? stages : root, p->filename, error,
                         "the pipeline has no stages; hint: add 'stages:' with a list such as '- segment'");
      return FALSE;
    }
  if (!want_type (p, stages, TAMIS_YNODE_SEQUENCE, "'stages'", error))
    return FALSE;
  if (stages->items->len > MAX_STAGES)
    {
      tamis_ynode_error (stages, p->filename, error, "%u stages; a pipeline is limited to %d",
                         stages->items->len, MAX_STAGES);
      return FALSE;
    }
  for (guint i = 0; i < stages->items->len; i++)
    if (!parse_stage (p, registry, g_ptr_array_index (stages->items, i), provided, error))
      return FALSE;
  return check_output_layers (p, registry, provided, error) &&
         check_written (p, (const char *const *) p->output_attributes, TAMIS_OUTPUT_ATTRIBUTE,
                        p->output_attributes_node, "'output: attributes'", error);
}

TamisPipeline *
tamis_pipeline_new_from_data (const char *yaml, gssize length, const char *filename,
                              TamisRegistry *registry, GError **error)
{
  g_autoptr (TamisPipeline) p = g_new0 (TamisPipeline, 1);

  g_return_val_if_fail (yaml != NULL, NULL);

  if (length < 0)
    length = strlen (yaml);
  p->filename = g_strdup (filename ? filename : "<string>");
  p->stages = g_ptr_array_new_with_free_func (stage_free);
  p->max_doc_size = TAMIS_DEFAULT_MAX_DOC_SIZE;
  p->max_depth = TAMIS_DEFAULT_MAX_DEPTH;
  p->input_format = TAMIS_INPUT_AUTO;
  p->where = tamis_where_new ();

  p->root = tamis_ynode_parse (yaml, length, p->filename, error);
  if (p->root == NULL)
    return NULL;
  p->registry = tamis_registry_ref (registry ? registry : tamis_registry_get_default ());
  if (!parse_pipeline (p, p->registry, error))
    return NULL;
  return g_steal_pointer (&p);
}

/* A pipeline is a few hundred bytes: anything much larger is a mistake
 * (or /dev/zero), refused before it is read. */
#define MAX_PIPELINE_BYTES (1024 * 1024)

static char *
read_pipeline (const char *path, gsize *length, GError **error)
{
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  guint8 buffer[16384];
  gssize n;

  if (strcmp (path, "-") == 0)
    in = g_unix_input_stream_new (0, FALSE);
  else
    {
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: %s", path, g_strerror (errno));
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "%s: not a regular file; a pipeline is a YAML file (or - for standard input)", path);
          return NULL;
        }
      if (st.st_size > MAX_PIPELINE_BYTES)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "%s: %" G_GINT64_FORMAT " bytes; a pipeline file is limited to %d bytes", path,
                       (gint64) st.st_size, MAX_PIPELINE_BYTES);
          return NULL;
        }
      g_autoptr (GFile) file = g_file_new_for_path (path);

      in = G_INPUT_STREAM (g_file_read (file, NULL, &local));
      if (in == NULL)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s", local->message);
          return NULL;
        }
    }
  /* read with the cap too: the file may grow, and a pipe has no size */
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &local)) > 0)
    {
      if (data->len + n > MAX_PIPELINE_BYTES)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO,
                       "%s: more than %d bytes; a pipeline file is limited to that", path,
                       MAX_PIPELINE_BYTES);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  if (n < 0)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_IO, "%s: %s", path, local->message);
      return NULL;
    }
  *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
}

TamisPipeline *
tamis_pipeline_new_from_file (const char *path, TamisRegistry *registry, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  data = read_pipeline (path, &length, error);
  if (data == NULL)
    return NULL;
  return tamis_pipeline_new_from_data (data, length, strcmp (path, "-") == 0 ? "<stdin>" : path,
                                       registry, error);
}

/* ---- running ---- */

/* What this thread is running, for a crash report: pointers only, set and
 * cleared around each process() call at the cost of two stores. */
static __thread const char *running_stage;
static __thread const char *running_doc;

/* Set by the threads of a run that watches them: an isolated worker
 * process, whose parent learns from it which stage was running when the
 * worker died, or a worker thread under the watchdog. */
static __thread TamisStageHook stage_hook;
static __thread gpointer stage_hook_data;

void
tamis_pipeline_set_stage_hook (TamisStageHook hook, gpointer data)
{
  stage_hook = hook;
  stage_hook_data = data;
}

void
tamis_pipeline_get_running (const char **stage, const char **doc_id)
{
  *stage = running_stage;
  *doc_id = running_doc;
}

static gboolean
stage_applies (const Stage *stage, const TamisDoc *doc)
{
  const char *lang;

  if (stage->langs == NULL)
    return TRUE;
  lang = tamis_doc_get_string (doc, "lang");
  return lang && g_strv_contains ((const char *const *) stage->langs, lang);
}

/* Whether the document holds output @name of stage @stage. */
static gboolean
doc_has (const TamisDoc *doc, const TamisOutput *output)
{
  if (output->kind == TAMIS_OUTPUT_LAYER)
    return tamis_doc_get_layer (doc, output->name) != NULL;
  return tamis_doc_get_attr (doc, output->name, NULL);
}

/* The "by" attribute: for each stage that ran, what it wrote on this
 * document. What it says depends only on which stages ran and which of
 * their outputs the document holds, one flag each: when they fit in 64
 * bits, the text made for them is kept, so most documents get theirs
 * without it being made again (a third of the pipeline's own cost on a
 * short document). */
static void
set_provenance (TamisPipeline *pipeline, TamisDoc *doc)
{
  guint8 small[128];
  g_autofree guint8 *large = NULL;
  guint8 *has = small;
  guint n = 0, bit = 0, slot = 0;
  guint64 held = 0;
  ByMade *made = NULL;

  /* a stage's flags: whether it ran, then one per declared output (its
   * outputs array ends with NULL, which takes the place of the first) */
  for (guint i = 0; i < pipeline->stages->len; i++)
    n += ((const Stage *) g_ptr_array_index (pipeline->stages, i))->outputs->len;
  if (n > sizeof small)
    has = large = g_malloc (n);
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const Stage *stage = g_ptr_array_index (pipeline->stages, i);
      gboolean ran = stage_applies (stage, doc);

      has[bit++] = ran;
      for (guint w = 0; w + 1 < stage->outputs->len; w++)
        has[bit++] = ran && doc_has (doc, g_ptr_array_index (stage->outputs, w));
    }
  if (n <= 64)
    {
      for (guint b = 0; b < n; b++)
        held |= (guint64) has[b] << b;
      slot = (guint) ((held * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 58) % BY_MADE;
      made = g_atomic_pointer_get (&pipeline->by_made[slot]);
      if (made && made->held == held)
        {
          tamis_doc_set_json (doc, "by", made->json);
          return;
        }
    }

  g_autoptr (GString) by = g_string_sized_new (256);
  gboolean full = pipeline->provenance == TAMIS_PROVENANCE_FULL;

  g_string_append_c (by, full ? '[' : '{');
  bit = 0;
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const Stage *stage = g_ptr_array_index (pipeline->stages, i);
      const guint8 *wrote = has + bit + 1;
      gboolean first = TRUE;

      bit += stage->outputs->len;
      if (!wrote[-1])
        continue;
      if (by->len > 1)
        g_string_append_c (by, ',');
      if (full)
        g_string_append_printf (by, "{\"stage\":%u,\"plugin\":\"%s\",\"version\":\"%s\",\"id\":\"%s\","
                                "\"options\":%s,\"wrote\":[",
                                i + 1, stage->plugin->name, stage->plugin->version, stage->by,
                                stage->options_json);
      else
        {
          g_string_append_c (by, '"');
          g_string_append (by, stage->by);
          g_string_append (by, "\":[");
        }
      for (guint w = 0; w + 1 < stage->outputs->len; w++)
        {
          if (!wrote[w])
            continue;
          if (!first)
            g_string_append_c (by, ',');
          g_string_append_c (by, '"');
          g_string_append (by, ((const TamisOutput *) g_ptr_array_index (stage->outputs, w))->name);
          g_string_append_c (by, '"');
          first = FALSE;
        }
      g_string_append (by, full ? "]}" : "]");
    }
  g_string_append_c (by, full ? ']' : '}');
  tamis_doc_set_json (doc, "by", by->str);

  if (n <= 64 && made == NULL)
    {
      /* the first worker to make it keeps it; another's copy is dropped */
      made = g_malloc (sizeof (ByMade) + by->len + 1);
      made->held = held;
      memcpy (made->json, by->str, by->len + 1);
      if (!g_atomic_pointer_compare_and_exchange (&pipeline->by_made[slot], NULL, made))
        g_free (made);
    }
}

gboolean
tamis_pipeline_process (TamisPipeline *pipeline, TamisDoc *doc, GError **error)
{
  if (tamis_doc_get_error_code (doc))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT, "%s: %s", tamis_doc_get_id (doc),
                   tamis_doc_get_error_message (doc));
      return FALSE;
    }
  if (!tamis_doc_mark_processed (doc))
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED,
                   "%s: the document was processed already; running a pipeline on it again would "
                   "write its layers twice (make a new document)",
                   tamis_doc_get_id (doc));
      return FALSE;
    }

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      const TamisPlugin *plugin = stage->plugin;
      g_autoptr (GError) local = NULL;
      gboolean ok;

      if (!stage_applies (stage, doc))
        {
          __atomic_fetch_add (&stage->n_skipped, 1, __ATOMIC_RELAXED);
          continue;
        }
      tamis_doc_begin_stage (doc, i + 1, stage->label);
      if (plugin->flags & TAMIS_PLUGIN_SERIAL)
        g_mutex_lock (&stage->lock);
      running_doc = tamis_doc_get_id (doc);
      running_stage = stage->label;
      if (G_UNLIKELY (stage_hook))
        stage_hook (stage->label, stage_hook_data);
      ok = plugin->process (stage->state, doc, &local);
      if (G_UNLIKELY (stage_hook))
        stage_hook (NULL, stage_hook_data);
      running_stage = NULL;
      running_doc = NULL;
      if (plugin->flags & TAMIS_PLUGIN_SERIAL)
        g_mutex_unlock (&stage->lock);
      tamis_doc_end_stage (doc);

      for (guint l = 0; l < tamis_doc_get_n_layers (doc); l++)
        tamis_layer_sort ((TamisLayer *) tamis_doc_get_nth_layer (doc, l));

      /* A broken contract outweighs what the plugin said of itself. */
      if (!tamis_doc_check_outputs (doc, i + 1, (const TamisOutput *const *) stage->outputs->pdata))
        {
          const char *fault = tamis_doc_get_contract_fault (doc);
          tamis_doc_set_error (doc, "plugin-contract", fault);
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN, "%s: %s", tamis_doc_get_id (doc), fault);
          return FALSE;
        }
      if (!ok)
        {
          g_autofree char *message = g_strdup_printf (
              "%s: %s", stage->label, local ? local->message : "failed without saying why");
          tamis_doc_set_error (doc, "stage-failed", message);
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED, "%s: %s", tamis_doc_get_id (doc), message);
          return FALSE;
        }
    }
  /* Without stages nothing made the record: it has no "by". */
  if (pipeline->provenance != TAMIS_PROVENANCE_NONE && pipeline->stages->len > 0)
    set_provenance (pipeline, doc);
  return TRUE;
}

/* ---- accessors ---- */

const char *
tamis_pipeline_get_name (const TamisPipeline *pipeline)
{
  return pipeline->name;
}

const char *
tamis_pipeline_get_filename (const TamisPipeline *pipeline)
{
  return pipeline->filename;
}

guint
tamis_pipeline_get_n_stages (const TamisPipeline *pipeline)
{
  return pipeline->stages->len;
}

const TamisPluginEntry *
tamis_pipeline_get_stage (const TamisPipeline *pipeline, guint index, guint *line)
{
  Stage *stage;

  g_return_val_if_fail (index < pipeline->stages->len, NULL);
  stage = g_ptr_array_index (pipeline->stages, index);
  if (line)
    *line = stage->line;
  return stage->entry;
}

const char *
tamis_pipeline_get_stage_id (const TamisPipeline *pipeline, guint index)
{
  g_return_val_if_fail (index < pipeline->stages->len, NULL);
  return ((Stage *) g_ptr_array_index (pipeline->stages, index))->by;
}

void
tamis_pipeline_set_provenance (TamisPipeline *pipeline, TamisProvenance provenance)
{
  pipeline->provenance = provenance;
}

TamisProvenance
tamis_pipeline_get_provenance (const TamisPipeline *pipeline)
{
  return pipeline->provenance;
}

const char *const *
tamis_pipeline_get_stage_writes (const TamisPipeline *pipeline, guint index)
{
  g_return_val_if_fail (index < pipeline->stages->len, NULL);
  return (const char *const *) ((Stage *) g_ptr_array_index (pipeline->stages, index))->writes;
}

char *
tamis_pipeline_get_stage_option (const TamisPipeline *pipeline, guint index, const char *key,
                                 gboolean *is_default)
{
  gboolean dflt = FALSE;
  char *text;

  g_return_val_if_fail (index < pipeline->stages->len, NULL);
  text = tamis_config_describe (((Stage *) g_ptr_array_index (pipeline->stages, index))->config, key,
                                &dflt);
  if (is_default)
    *is_default = dflt;
  return text;
}

const char *const *
tamis_pipeline_get_stage_langs (const TamisPipeline *pipeline, guint index)
{
  g_return_val_if_fail (index < pipeline->stages->len, NULL);
  return (const char *const *) ((Stage *) g_ptr_array_index (pipeline->stages, index))->langs;
}

const char *
tamis_pipeline_get_output_format (const TamisPipeline *pipeline)
{
  return pipeline->output_format;
}

const char *const *
tamis_pipeline_get_output_layers (const TamisPipeline *pipeline)
{
  return (const char *const *) pipeline->output_layers;
}

const char *const *
tamis_pipeline_get_output_attributes (const TamisPipeline *pipeline)
{
  return (const char *const *) pipeline->output_attributes;
}

gboolean
tamis_pipeline_set_output_layers (TamisPipeline *pipeline, const char *const *layers, GError **error)
{
  g_return_val_if_fail (pipeline != NULL, FALSE);

  if (!check_written (pipeline, layers, TAMIS_OUTPUT_LAYER, NULL, "the layer list", error))
    return FALSE;
  g_strfreev (pipeline->output_layers);
  pipeline->output_layers = g_strdupv ((char **) layers);
  pipeline->output_layers_node = NULL;
  return TRUE;
}

gboolean
tamis_pipeline_set_output_attributes (TamisPipeline *pipeline, const char *const *attributes,
                                      GError **error)
{
  g_return_val_if_fail (pipeline != NULL, FALSE);

  if (!check_written (pipeline, attributes, TAMIS_OUTPUT_ATTRIBUTE, NULL, "the attribute list", error))
    return FALSE;
  g_strfreev (pipeline->output_attributes);
  pipeline->output_attributes = g_strdupv ((char **) attributes);
  pipeline->output_attributes_node = NULL;
  return TRUE;
}

gboolean
tamis_pipeline_get_output_text (const TamisPipeline *pipeline)
{
  return pipeline->output_text;
}

int
tamis_pipeline_get_input_format (const TamisPipeline *pipeline)
{
  return pipeline->input_format;
}

gsize
tamis_pipeline_get_max_doc_size (const TamisPipeline *pipeline)
{
  return pipeline->max_doc_size;
}

guint
tamis_pipeline_get_max_depth (const TamisPipeline *pipeline)
{
  return pipeline->max_depth;
}

gboolean
tamis_pipeline_get_isolate (const TamisPipeline *pipeline)
{
  return pipeline->isolate;
}

void
tamis_pipeline_set_isolate (TamisPipeline *pipeline, gboolean isolate)
{
  pipeline->isolate = isolate;
}

double
tamis_pipeline_get_document_seconds (const TamisPipeline *pipeline)
{
  return pipeline->document_seconds;
}

void
tamis_pipeline_set_document_seconds (TamisPipeline *pipeline, double seconds)
{
  pipeline->document_seconds = seconds > 0 ? seconds : 0;
}

gsize
tamis_pipeline_get_worker_memory (const TamisPipeline *pipeline)
{
  return pipeline->worker_memory;
}

void
tamis_pipeline_set_worker_memory (TamisPipeline *pipeline, gsize bytes)
{
  pipeline->worker_memory = bytes;
}

const char *
tamis_pipeline_get_summary_file (const TamisPipeline *pipeline)
{
  return pipeline->summary_file;
}

const char *
tamis_pipeline_get_summary_input (const TamisPipeline *pipeline, const char *key)
{
  for (guint i = 0; i < SUMMARY_N_INPUTS; i++)
    if (g_strcmp0 (key, tamis_summary_input_key (i)) == 0)
      return pipeline->summary_inputs[i] ? pipeline->summary_inputs[i] : tamis_summary_input_default (i);
  return NULL;
}

const char *const *
tamis_pipeline_get_output_where_keys (const TamisPipeline *pipeline)
{
  return tamis_where_get_keys (pipeline->where);
}

const char *const *
tamis_pipeline_get_output_where (const TamisPipeline *pipeline, const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return tamis_where_get_values (pipeline->where, key);
}

void
tamis_pipeline_set_output_where (TamisPipeline *pipeline, const char *key, const char *const *values)
{
  g_return_if_fail (key != NULL);
  tamis_where_set (pipeline->where, key, values);
}

gboolean
tamis_pipeline_output_wants (const TamisPipeline *pipeline, const TamisDoc *doc)
{
  return tamis_where_matches (pipeline->where, doc);
}

guint64
tamis_pipeline_get_stage_n_skipped (const TamisPipeline *pipeline, guint index)
{
  g_return_val_if_fail (index < pipeline->stages->len, 0);
  return __atomic_load_n (&((Stage *) g_ptr_array_index (pipeline->stages, index))->n_skipped,
                          __ATOMIC_RELAXED);
}

void
tamis_pipeline_add_stage_skipped (TamisPipeline *pipeline, guint index, guint64 n)
{
  g_return_if_fail (index < pipeline->stages->len);
  __atomic_fetch_add (&((Stage *) g_ptr_array_index (pipeline->stages, index))->n_skipped, n,
                      __ATOMIC_RELAXED);
}
