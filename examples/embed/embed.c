/* embed — runs a tamis pipeline on a string from a C program.
 *
 *   embed ["TEXT"]
 *
 * Prints one line per span: layer, byte offsets, label and the text covered.
 * Build against an installed tamis with:
 *   cc embed.c -o embed $(pkg-config --cflags --libs tamis)
 */
#include <stdio.h>
#include <tamis/tamis.h>

/* A pipeline needs no file: the same YAML can live in the program. */
static const char pipeline_yaml[] =
  "tamis: 1\n"
  "name: embed\n"
  "stages:\n"
  "  - segment\n";

static const char default_text[] =
  "Meta prévoit d'investir entre 60 et 65 milliards de dollars en 2025. "
  "Les marchés ont salué l'annonce.";

static void
print_value (const TamisValue *value)
{
  switch (value->type)
    {
    case TAMIS_VALUE_STRING:
    case TAMIS_VALUE_JSON: printf ("%s", value->s); break;
    case TAMIS_VALUE_INT: printf ("%" G_GINT64_FORMAT, value->i); break;
    case TAMIS_VALUE_DOUBLE: printf ("%g", value->d); break;
    case TAMIS_VALUE_BOOL: printf ("%s", value->b ? "true" : "false"); break;
    default: break;
    }
}

int
main (int argc, char **argv)
{
  const char *text = argc > 1 ? argv[1] : default_text;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisPipeline) pipeline = NULL;
  g_autoptr(TamisDoc) doc = NULL;
  TamisAttrIter iter;
  const char *key;
  TamisValue value;

  /* NULL registry: the default search path ($TAMIS_PLUGIN_PATH, then the
   * installed plugins, or the build tree's when run uninstalled). */
  pipeline = tamis_pipeline_new_from_data (pipeline_yaml, -1, NULL, NULL, &error);
  if (pipeline == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 2;
    }

  doc = tamis_doc_new ("argv", text, -1, &error);
  if (doc == NULL || !tamis_pipeline_process (pipeline, doc, &error))
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 1;
    }

  tamis_doc_attr_iter_init (&iter, doc);
  while (tamis_attr_iter_next (&iter, &key, &value))
    {
      printf ("attr\t%s\t", key);
      print_value (&value);
      printf ("\n");
    }

  for (guint l = 0; l < tamis_doc_get_n_layers (doc); l++)
    {
      const TamisLayer *layer = tamis_doc_get_nth_layer (doc, l);

      for (guint i = 0; i < tamis_layer_get_n_spans (layer); i++)
        {
          guint32 start = tamis_layer_get_start (layer, i);
          guint32 end = tamis_layer_get_end (layer, i);
          const char *label = tamis_layer_get_label (layer, i);

          printf ("%s\t%u\t%u\t%s\t%.*s\n", tamis_layer_get_name (layer), start, end,
                  label ? label : "-", (int) (end - start), text + start);
        }
    }
  return 0;
}
