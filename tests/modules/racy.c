/* A test plugin with shared mutable state: it counts the words of a
 * document into its stage state, which every thread shares. It reads the
 * token layer, so that a check must put a tokenizer before it. */
#include <tamis/plugin.h>

typedef struct {
  gint64 words;  /* the mistake: per document, kept per stage */
} Racy;

static gpointer
racy_create (TamisConfig *config, GError **error)
{
  return g_new0 (Racy, 1);
}

static gboolean
racy_process (gpointer state, TamisDoc *doc, GError **error)
{
  Racy *self = state;
  const TamisLayer *tokens = tamis_doc_get_layer (doc, "token");

  self->words = 0;
  for (guint i = 0; i < tamis_layer_get_n_spans (tokens); i++)
    if (g_strcmp0 (tamis_layer_get_label (tokens, i), "word") == 0)
      self->words++;
  /* Long enough for another thread to overwrite the count. */
  g_usleep (500);
  tamis_doc_set_int (doc, "words", self->words);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (racy, "0.1", "keeps per-document data in its shared state",
                     .reads = TAMIS_NAMES ("token"),
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("words", TAMIS_VALUE_INT, NULL)),
                     .create = racy_create,
                     .process = racy_process,
                     .destroy = g_free)
