/* A test plugin: reads options of every type and writes what it read. */
#include <tamis/plugin.h>

typedef struct {
  char *label;
  gint64 count;
  double weight;
  gboolean upper;
  char **langs;
  char *path;
  char *inner;
} Probe;

static void
probe_destroy (gpointer data)
{
  Probe *probe = data;

  g_free (probe->label);
  g_strfreev (probe->langs);
  g_free (probe->path);
  g_free (probe->inner);
  g_free (probe);
}

static gpointer
probe_create (TamisConfig *config, GError **error)
{
  Probe *probe = g_new0 (Probe, 1);
  TamisConfig *nested = NULL;

  /* defaults are declared below: the getters read them */
  if (!tamis_config_get_string (config, "label", &probe->label, error) ||
      !tamis_config_get_int (config, "count", &probe->count, error) ||
      !tamis_config_get_double (config, "weight", &probe->weight, error) ||
      !tamis_config_get_bool (config, "upper", &probe->upper, error) ||
      !tamis_config_get_strv (config, "langs", &probe->langs, error) ||
      !tamis_config_get_path (config, "file", &probe->path, error) ||
      !tamis_config_get_child (config, "nested", &nested, error) ||
      (nested && !tamis_config_get_string (nested, "inner", &probe->inner, error)))
    {
      probe_destroy (probe);
      return NULL;
    }
  if (probe->count == 13)
    {
      tamis_config_set_error (config, "count", error, "13 brings bad luck");
      probe_destroy (probe);
      return NULL;
    }
  return probe;
}

static gboolean
probe_process (gpointer state, TamisDoc *doc, GError **error)
{
  Probe *probe = state;
  TamisLayer *layer = tamis_doc_ensure_layer (doc, "probe");
  gsize length = tamis_doc_get_length (doc);

  /* spans added last-to-first: the core must sort them */
  for (gint64 i = probe->count; i > 0; i--)
    {
      guint index = tamis_layer_add (layer, 0, length / i, probe->label);
      tamis_layer_set_int (layer, index, "i", i);
    }
  tamis_doc_set_double (doc, "weight", probe->weight);
  tamis_doc_set_bool (doc, "upper", probe->upper);
  if (probe->langs)
    tamis_doc_set_string (doc, "first_lang", probe->langs[0]);
  if (probe->path)
    tamis_doc_set_string (doc, "file", probe->path);
  if (probe->inner)
    tamis_doc_set_string (doc, "inner", probe->inner);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (probe, "0.1", "test plugin that echoes its options",
                     .options = TAMIS_OPTIONS (
                       { "label", TAMIS_OPTION_STRING, "probe", .help = "label of the spans" },
                       { "count", TAMIS_OPTION_INT, "1", .min = "0", .max = "1000",
                         .help = "spans written per document" },
                       { "weight", TAMIS_OPTION_DOUBLE, "0.5", .help = "echoed as 'weight'" },
                       { "upper", TAMIS_OPTION_BOOL, "false", .help = "echoed as 'upper'" },
                       { "langs", TAMIS_OPTION_LIST, NULL, TAMIS_NAMES ("fr", "en", "de"),
                         .help = "the first one is echoed as 'first_lang'" },
                       { "file", TAMIS_OPTION_PATH, NULL, .help = "echoed as 'file'" },
                       { "nested", TAMIS_OPTION_MAPPING, NULL, .help = "its 'inner' is echoed" }),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("probe", NULL,
                                    TAMIS_ATTRIBUTES ({ "i", TAMIS_VALUE_INT, "position from the end" }),
                                    "count spans from the start of the text"),
                       TAMIS_ATTR ("weight", TAMIS_VALUE_DOUBLE, NULL),
                       TAMIS_ATTR ("upper", TAMIS_VALUE_BOOL, NULL),
                       TAMIS_ATTR ("first_lang", TAMIS_VALUE_STRING, NULL),
                       TAMIS_ATTR ("file", TAMIS_VALUE_STRING, NULL),
                       TAMIS_ATTR ("inner", TAMIS_VALUE_STRING, NULL)),
                     .create = probe_create,
                     .process = probe_process,
                     .destroy = probe_destroy)
