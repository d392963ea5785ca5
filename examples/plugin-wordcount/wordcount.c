/* wordcount — an example plugin built outside the tamis tree.
 *
 * Sets two document attributes: "words", the number of word tokens at least
 * min_length characters long, and "chars", the length of the text in
 * characters. It reads the "token" layer that the segment plugin writes.
 */
#include <tamis/plugin.h>

typedef struct {
  gint64 min_length;
} WordCount;

static gpointer
wordcount_create (TamisConfig *config, GError **error)
{
  gint64 min_length = 0;
  WordCount *self;

  /* The core has checked the type and the range declared below, and gives
   * the declared default when the pipeline leaves the option out. */
  if (!tamis_config_get_int (config, "min_length", &min_length, error))
    return NULL;
  self = g_new0 (WordCount, 1);
  self->min_length = min_length;
  return self;
}

/* Called from several threads at once: the state is only read. */
static gboolean
wordcount_process (gpointer state, TamisDoc *doc, GError **error G_GNUC_UNUSED)
{
  const WordCount *self = state;
  const char *text = tamis_doc_get_text (doc);
  /* Another stage's layer: read-only. The pipeline check made sure that
   * an earlier stage writes it. */
  const TamisLayer *tokens = tamis_doc_get_layer (doc, "token");
  guint n_spans = tokens ? tamis_layer_get_n_spans (tokens) : 0;
  gint64 words = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      guint32 start = tamis_layer_get_start (tokens, i);
      guint32 end = tamis_layer_get_end (tokens, i);

      /* Offsets are bytes; word length is counted in characters. */
      if (g_strcmp0 (tamis_layer_get_label (tokens, i), "word") == 0 &&
          g_utf8_strlen (text + start, end - start) >= self->min_length)
        words++;
    }

  tamis_doc_set_int (doc, "words", words);
  tamis_doc_set_int (doc, "chars", g_utf8_strlen (text, tamis_doc_get_length (doc)));
  return TRUE;
}

static void
wordcount_destroy (gpointer state)
{
  g_free (state);
}

TAMIS_PLUGIN_DEFINE (wordcount, "1.1.0", "Counts the words and characters of each document",
                     .options = TAMIS_OPTIONS (
                       { "min_length", TAMIS_OPTION_INT, "1", .min = "1",
                         .help = "count only words of at least this many characters" }),
                     .reads = TAMIS_NAMES ("token"),
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("words", TAMIS_VALUE_INT, "word tokens of at least min_length characters"),
                       TAMIS_ATTR ("chars", TAMIS_VALUE_INT, "the length of the text in characters")),
                     .create = wordcount_create,
                     .process = wordcount_process,
                     .destroy = wordcount_destroy)
