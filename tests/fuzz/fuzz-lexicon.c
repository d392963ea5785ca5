/* tamis — fuzz target: the lexicon loader and matcher.
 *
 * The input is split at its first NUL byte: the part before is a lexicon
 * file, the part after a text (without NUL, the whole input is both). The
 * text, repaired to UTF-8, is matched with that lexicon when it loads and
 * with a fixed one; the first byte chooses the folding and the language. */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static TamisLexicon *fixed;

static const char fixed_terms[] =
  "#term\tlabel\tweight\tcountry\twikidata\n"
  "OpenAI\torg\t1\tUS\tQ21708200\n"
  "Nvidia\torg\t1\tUS\n"
  "Banque de France\torg\t2\tFR\n"
  "Saint-Gobain\torg\n"
  "AT&T\torg\n"
  "Orange\torg\n"
  "Orange\tloc\t0.5\tFR\n"
  "aujourd’hui\ttime\n"
  "2,75 %\trate\n"
  "Zürich\tloc\t1\tCH\n"
  "intelligence artificielle\ttopic\t-1\n"
  "ΣΟΦΙΑ\tname\n"
  "straße\tword\n";

static const char *const langs[] = { NULL, "fr", "en", "it", "ca", "fr-CA", "de", "" };

typedef struct {
  gsize length;
  guint32 start, end;           /* of the previous match */
  guint calls;
} Matches;

static gboolean
on_match (const TamisLexicon *lexicon, guint entry, guint32 start, guint32 end, gpointer data)
{
  Matches *m = data;

  fuzz_assert (entry < tamis_lexicon_get_n_entries (lexicon));
  fuzz_assert (start < end && end <= m->length);
  /* left to right, without overlaps; entries of the same folded term
   * come one after the other with the same offsets */
  fuzz_assert (start >= m->end || (start == m->start && end == m->end));
  m->start = start;
  m->end = end;
  m->calls++;
  (void) tamis_lexicon_get_label (lexicon, entry);
  (void) tamis_lexicon_get_field (lexicon, entry, 0);
  return m->calls < 100000;
}

static void
match (const TamisLexicon *lexicon, const char *text, gsize length, const char *lang)
{
  Matches m = { length, 0, 0, 0 };
  guint calls = tamis_lexicon_match (lexicon, text, length, lang, on_match, &m);

  fuzz_assert (calls == m.calls);
}

static void
inspect (const TamisLexicon *lexicon)
{
  guint n_names = tamis_lexicon_get_n_field_names (lexicon);

  for (guint i = 0; i < tamis_lexicon_get_n_entries (lexicon); i++)
    {
      fuzz_assert (tamis_lexicon_get_term (lexicon, i) != NULL);
      fuzz_assert (tamis_lexicon_get_line (lexicon, i) >= 1);
      (void) tamis_lexicon_get_weight (lexicon, i);
      for (guint f = 0; f <= tamis_lexicon_get_n_fields (lexicon, i); f++)
        (void) tamis_lexicon_get_field (lexicon, i, f);
      for (guint f = 0; f < n_names; f++)
        (void) tamis_lexicon_get_field_by_name (lexicon, i, tamis_lexicon_get_field_name (lexicon, f));
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  GError *error = NULL;

  fuzz_setup ();
  fixed = tamis_lexicon_new_from_data ("fixed", fixed_terms, -1, TAMIS_LEXICON_FOLD_ALL, &error);
  if (fixed == NULL)
    g_error ("%s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamisLexicon) lexicon = NULL;
  g_autoptr(TamisDoc) doc = NULL;
  g_autofree char *text = NULL;
  const uint8_t *nul;
  const char *lang;
  TamisLexiconFlags flags;
  size_t terms_size;
  gsize length;

  if (size == 0)
    return 0;
  flags = data[0] & TAMIS_LEXICON_FOLD_ALL;
  lang = langs[(data[0] >> 2) % G_N_ELEMENTS (langs)];
  data++;
  size--;

  nul = memchr (data, '\0', size);
  terms_size = nul != NULL ? (size_t) (nul - data) : size;
  text = nul != NULL ? fuzz_utf8 (nul + 1, size - terms_size - 1, &length)
                     : fuzz_utf8 (data, size, &length);

  lexicon = tamis_lexicon_new_from_data ("fuzz", (const char *) data, terms_size, flags, &error);
  if (lexicon != NULL)
    {
      inspect (lexicon);
      match (lexicon, text, length, lang);
    }
  else
    fuzz_assert (error != NULL && error->message != NULL);
  match (fixed, text, length, lang);

  doc = tamis_doc_new ("fuzz", text, length, NULL);
  fuzz_assert (doc != NULL);
  if (lexicon != NULL)
    {
      TamisLayer *layer = tamis_doc_ensure_layer (doc, "entity");

      tamis_lexicon_annotate (lexicon, doc, layer, lang);
      for (guint i = 0; i < tamis_layer_get_n_spans (layer); i++)
        fuzz_assert (tamis_layer_get_end (layer, i) <= length);
    }
  return 0;
}
