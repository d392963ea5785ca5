/* embed — runs tamis pipelines from a C program, on strings in memory.
 *
 *   embed ["TEXT"]          one document: prints every span
 *   embed --batch TEXT...   many documents on 4 threads, with a plugin
 *                           compiled into this program: one line each
 *
 * Build against an installed tamis with:
 *   cc embed.c -o embed $(pkg-config --cflags --libs tamis)
 */
#include <stdio.h>
#include <string.h>
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

/* ---- a plugin that lives in this program ---- */

/* Sets "longest_word" from the tokens an earlier stage wrote. */
static gboolean
longest_process (gpointer state, TamisDoc *doc, GError **error)
{
  const TamisLayer *tokens = tamis_doc_get_layer (doc, "token");
  const char *text = tamis_doc_get_text (doc);
  guint best = G_MAXUINT;
  guint32 best_len = 0;

  for (guint i = 0; i < tamis_layer_get_n_spans (tokens); i++)
    {
      guint32 len = tamis_layer_get_end (tokens, i) - tamis_layer_get_start (tokens, i);
      if (g_strcmp0 (tamis_layer_get_label (tokens, i), "word") == 0 && len > best_len)
        {
          best = i;
          best_len = len;
        }
    }
  if (best != G_MAXUINT)
    {
      g_autofree char *word = g_strndup (text + tamis_layer_get_start (tokens, best), best_len);
      tamis_doc_set_string (doc, "longest_word", word);
    }
  return TRUE;
}

/* Defined as a module's would be; registered below instead of loaded. */
TAMIS_PLUGIN_DEFINE (longest, "1.0.0", "The longest word of each document",
                     .reads = TAMIS_NAMES ("token"),
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("longest_word", TAMIS_VALUE_STRING, "the longest word token")),
                     .process = longest_process)

/* ---- one document ---- */

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

static int
run_one (const char *text)
{
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

  /* TAMIS_DOC_REPAIR: a byte-order mark or CR LF line ends are repaired
   * as the file reader does, so offsets match those of `tamis run`. */
  doc = tamis_doc_new_full ("argv", text, -1, TAMIS_DOC_REPAIR, &error);
  if (doc == NULL || !tamis_pipeline_process (pipeline, doc, &error))
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 1;
    }
  text = tamis_doc_get_text (doc);

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

/* ---- many documents ---- */

/* Called in input order, on this thread, while workers process the next. */
static gboolean
print_doc (TamisDoc *doc, gpointer user_data, GError **error)
{
  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");

  if (tamis_doc_get_error_code (doc))
    printf ("doc\t%s\terror\t%s\n", tamis_doc_get_id (doc), tamis_doc_get_error_message (doc));
  else
    printf ("doc\t%s\tsentences=%u\tlongest=%s\n", tamis_doc_get_id (doc),
            sentences ? tamis_layer_get_n_spans (sentences) : 0,
            tamis_doc_get_string (doc, "longest_word"));
  (*(guint *) user_data)++;
  return TRUE;
}

static int
run_batch (const char *const *texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisRegistry) registry = tamis_registry_new (TAMIS_REGISTRY_DEFAULT_PATH);
  g_autoptr(TamisPipeline) pipeline = NULL;
  TamisRunStats stats;
  guint n = 0;

  /* A registry of this program's own, holding its own plugin besides the
   * installed ones; the process-wide registry is left alone. */
  if (!tamis_registry_register (registry, &longest_LTX_tamis_plugin, &error))
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 2;
    }
  pipeline = tamis_pipeline_new_from_data ("tamis: 1\nstages: [segment, longest]\n", -1, NULL,
                                           registry, &error);
  if (pipeline == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 2;
    }
  if (!tamis_pipeline_run_texts (pipeline, texts, -1, print_doc, &n, 4, &stats, &error))
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 2;
    }
  fprintf (stderr, "embed: %u documents, %" G_GUINT64_FORMAT " failed\n", n, stats.n_failed);
  return stats.n_failed ? 1 : 0;
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "--batch") == 0)
    return run_batch ((const char *const *) argv + 2);
  return run_one (argc > 1 ? argv[1] : default_text);
}
