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
  gint64 min_length = 1;
  WordCount *self;

  /* Ask for every option, even when absent: the core reports the keys
   * nobody asked for as unknown. */
  if (!tamis_config_get_int (config, "min_length", &min_length, error))
    return NULL;
  if (min_length < 1)
    {
      tamis_config_set_error (config, "min_length", error,
                              "min_length must be 1 or more, not %" G_GINT64_FORMAT, min_length);
      return NULL;
    }
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
  TamisLayer *tokens = tamis_doc_get_layer (doc, "token");
  const TamisSpan *spans = NULL;
  guint n_spans = 0;
  gint64 words = 0;

  if (tokens != NULL)
    spans = tamis_layer_get_spans (tokens, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      /* Offsets are bytes; word length is counted in characters. */
      if (g_strcmp0 (spans[i].label, "word") == 0 &&
          g_utf8_strlen (text + spans[i].start, spans[i].end - spans[i].start) >= self->min_length)
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

TAMIS_PLUGIN_DEFINE (wordcount, "1.0.0", "Counts the words and characters of each document",
                     .provides = TAMIS_NAMES ("words", "chars"),
                     .requires = TAMIS_NAMES ("token"),
                     .create = wordcount_create,
                     .process = wordcount_process,
                     .destroy = wordcount_destroy)
